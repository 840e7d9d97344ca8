package profile

import "github.com/ozgctl/ozgctl/pkg/finding"

// The texts of profile problems ([ProfileError]), in German and English.
var (
	msgNotJSONCompatible = finding.Register("profile.not-json-compatible",
		"Profil ist kein JSON-kompatibles Dokument (Schlüssel müssen Zeichenketten sein)",
		"profile is not a JSON-compatible document (use string keys)")
	msgBadProfile = finding.Register("profile.bad",
		"fehlerhaftes Profil", "bad profile")
	msgSchemaMismatchDetail = finding.Register("profile.schema-mismatch-detail",
		"entspricht nicht schemas/profile.schema.json:\n%s", "does not match schemas/profile.schema.json:\n%s")
	msgSchemaMismatch = finding.Register("profile.schema-mismatch",
		"entspricht nicht schemas/profile.schema.json", "does not match schemas/profile.schema.json")
	msgCannotRead = finding.Register("profile.cannot-read",
		"Profil kann nicht gelesen werden", "cannot read profile")
	msgExtendsCycle = finding.Register("profile.extends-cycle",
		"Zyklus in extends: %s", "extends cycle: %s")
	msgExtends = finding.Register("profile.extends",
		"Basisprofil (extends) %s", "extends %s")
	msgNotYAML = finding.Register("profile.not-yaml",
		"kein gültiges YAML", "not valid YAML")
	msgMissingBasics = finding.Register("profile.missing-basics",
		"standard, version und match müssen hier oder im erweiterten Profil gesetzt sein",
		"standard, version and match must be set here or in the profile it extends")
	msgOneKind = finding.Register("profile.one-kind",
		"Schärfung %q: genau eines von required, forbidden, cardinality, codes, pattern, if/then setzen",
		"sharpening %q: set exactly one of required, forbidden, cardinality, codes, pattern, if/then")
	msgNeedsPath = finding.Register("profile.needs-path",
		"Schärfung %q: %s braucht path", "sharpening %q: %s needs path")
	msgNeedsIfThen = finding.Register("profile.needs-if-then",
		"Schärfung %q: braucht if und then", "sharpening %q: needs both if and then")
	msgBadPattern = finding.Register("profile.bad-pattern",
		"Schärfung %q: Muster %q", "sharpening %q: pattern %q")
	msgSharpening = finding.Register("profile.sharpening",
		"Schärfung %q", "sharpening %q")
	msgBinding = finding.Register("profile.binding",
		"Codelisten-Bindung %q", "code list binding %q")
	msgDuplicateID = finding.Register("profile.duplicate-id",
		"Schärfungs-ID %q doppelt vergeben", "sharpening id %q used twice")
	msgReferencedFile = finding.Register("profile.referenced-file",
		"referenzierte Datei %s", "referenced file %s")
	msgSharpenings = finding.Register("profile.sharpenings",
		"Schärfungen", "sharpenings")
	msgSeverityOf = finding.Register("profile.severity-of",
		"Schweregrad von %q", "severity of %q")
	msgBindingsNeedDirs = finding.Register("profile.bindings-need-dirs",
		"codelistBindings brauchen codelists-Verzeichnisse", "codelistBindings need codelists directories")
	msgBindingNotFound = finding.Register("profile.binding-not-found",
		"Codelisten-Bindung %q: Liste %s in Version %q nicht gefunden in %v",
		"code list binding %q: list %s version %q not found in %v")
	msgBindingNoCodes = finding.Register("profile.binding-no-codes",
		"Codelisten-Bindung %q: Liste %s hat keine Codes", "code list binding %q: list %s has no codes")
	msgReadDir = finding.Register("profile.read-dir",
		"Profilverzeichnis kann nicht gelesen werden", "read profile directory")
	msgEmptyDir = finding.Register("profile.empty-dir",
		"Verzeichnis enthält kein *.yaml-Profil", "directory holds no *.yaml profile")
	msgAbstract = finding.Register("profile.abstract",
		"Profil ist abstrakt (eine Basis zum Erweitern): ein Profil angeben, das es erweitert",
		"profile is abstract (a base to extend): give a profile that extends it")
	msgIDTwice = finding.Register("profile.id-twice",
		"Profil-ID %q wird auch von %s verwendet", "profile id %q is also used by %s")
	msgMatchExpr = finding.Register("profile.match-expr",
		"Ausdruck %s %q", "expression %s %q")
	msgOverlap = finding.Register("profile.overlap",
		"Profil %q trifft dieselben Nachrichten wie Profil %q (%s:%d) gleich gut (%s): keiner Nachricht ließe sich eines zuordnen; eines mit match.root, match.xpath oder match.version eingrenzen oder ein Basisprofil mit abstract: true markieren",
		"profile %q matches the same messages as profile %q (%s:%d) equally (%s): no message could be given either; narrow one with match.root, match.xpath or match.version, or mark a base profile abstract: true")

	// Select: no profile or several for a message.
	msgSelectAmbiguous = finding.Register("profile.select-ambiguous",
		"Nachricht {%s}%s passt gleich gut auf mehrere Profile: %s; mit match.root, match.xpath oder match.version eingrenzen",
		"message {%s}%s matches several profiles equally: %s; narrow them with match.root, match.xpath or match.version")
	msgSelectNone = finding.Register("profile.select-none",
		"kein Profil passt auf die Nachricht {%s}%s (Profile: %s)",
		"no profile matches message {%s}%s (profiles: %s)")

	// CheckSchema: sharpenings against the profile's XSD.
	msgPathLeaves = finding.Register("profile.path-leaves-schema",
		"Schärfung %q: %s %q: %s", "sharpening %q: %s %q: %s")
	msgForbiddenRequired = finding.Register("profile.forbidden-required",
		"Schärfung %q: forbidden %q: das XSD verlangt es (%s), also bricht jede gültige Nachricht diese Regel",
		"sharpening %q: forbidden %q: the XSD requires it (%s), so every valid message breaks this rule")
	msgRequiredForbidden = finding.Register("profile.required-forbidden",
		"Schärfung %q: required %q: das XSD verbietet es (%s), also kann keine gültige Nachricht diese Regel erfüllen",
		"sharpening %q: required %q: the XSD forbids it (%s), so no valid message can meet this rule")
	msgNoCodeType = finding.Register("profile.no-code-type",
		"Schärfung %q: codes auf %q: %s hat keinen Codetyp (keine Aufzählung, kein XÖV-Codetyp)%s",
		"sharpening %q: codes on %q: %s has no code type (no enumeration, not an XÖV code type)%s")
	msgTypeNote = finding.Register("profile.type-note",
		", sein Typ ist %s", ", its type is %s")
	msgBindingPath = finding.Register("profile.binding-path",
		"Codelisten-Bindung %q: Pfad %q: %s", "code list binding %q: path %q: %s")
	msgNoDecl = finding.Register("profile.no-declaration",
		"%s passt auf keine Deklaration", "%s matches no declaration")
	msgBelowContext = finding.Register("profile.below-context",
		"%s unterhalb des Kontexts (%s)", "%s below the context (%s)")
	msgBelow = finding.Register("profile.below",
		"%s unterhalb von %s", "%s below %s")
	msgOtherNamespace = finding.Register("profile.other-namespace",
		"%s; dort ist es im Namensraum %q deklariert: dem Schritt das Präfix dieses Namensraums geben oder keines",
		"%s; it is declared in namespace %q there: give the step that namespace's prefix, or none")
	msgAllowedThere = finding.Register("profile.allowed-there",
		"%s; dort erlaubt: %s", "%s; allowed there: %s")
)
