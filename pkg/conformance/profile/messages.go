package profile

import "github.com/ozgctl/ozgctl/pkg/finding"

// The texts of profile problems ([ProfileError]), in German and English.
const (
	msgNotJSONCompatible    finding.Key = "profile.not-json-compatible"
	msgBadProfile           finding.Key = "profile.bad"
	msgSchemaMismatchDetail finding.Key = "profile.schema-mismatch-detail"
	msgSchemaMismatch       finding.Key = "profile.schema-mismatch"
	msgCannotRead           finding.Key = "profile.cannot-read"
	msgExtendsCycle         finding.Key = "profile.extends-cycle"
	msgExtends              finding.Key = "profile.extends"
	msgNotYAML              finding.Key = "profile.not-yaml"
	msgMissingBasics        finding.Key = "profile.missing-basics"
	msgOneKind              finding.Key = "profile.one-kind"
	msgNeedsPath            finding.Key = "profile.needs-path"
	msgNeedsIfThen          finding.Key = "profile.needs-if-then"
	msgBadPattern           finding.Key = "profile.bad-pattern"
	msgSharpening           finding.Key = "profile.sharpening"
	msgBinding              finding.Key = "profile.binding"
	msgDuplicateID          finding.Key = "profile.duplicate-id"
	msgReferencedFile       finding.Key = "profile.referenced-file"
	msgSharpenings          finding.Key = "profile.sharpenings"
	msgSeverityOf           finding.Key = "profile.severity-of"
	msgBindingsNeedDirs     finding.Key = "profile.bindings-need-dirs"
	msgBindingNotFound      finding.Key = "profile.binding-not-found"
	msgBindingNoCodes       finding.Key = "profile.binding-no-codes"
	msgReadDir              finding.Key = "profile.read-dir"
	msgEmptyDir             finding.Key = "profile.empty-dir"
	msgAbstract             finding.Key = "profile.abstract"
	msgIDTwice              finding.Key = "profile.id-twice"
	msgMatchExpr            finding.Key = "profile.match-expr"
	msgOverlap              finding.Key = "profile.overlap"

	// Select: no profile or several for a message.
	msgSelectAmbiguous finding.Key = "profile.select-ambiguous"
	msgSelectNone      finding.Key = "profile.select-none"

	// CheckSchema: sharpenings against the profile's XSD.
	msgPathLeaves        finding.Key = "profile.path-leaves-schema"
	msgForbiddenRequired finding.Key = "profile.forbidden-required"
	msgRequiredForbidden finding.Key = "profile.required-forbidden"
	msgNoCodeType        finding.Key = "profile.no-code-type"
	msgTypeNote          finding.Key = "profile.type-note"
	msgBindingPath       finding.Key = "profile.binding-path"
	msgNoDecl            finding.Key = "profile.no-declaration"
	msgBelowContext      finding.Key = "profile.below-context"
	msgBelow             finding.Key = "profile.below"
	msgOtherNamespace    finding.Key = "profile.other-namespace"
	msgAllowedThere      finding.Key = "profile.allowed-there"
)

// messagesForms holds the message forms of the keys above.
var messagesForms = []finding.Form{
	{Key: msgAbstract,
		DE: "Profil ist abstrakt (eine Basis zum Erweitern): ein Profil angeben, das es erweitert",
		EN: "profile is abstract (a base to extend): give a profile that extends it"},
	{Key: msgAllowedThere,
		DE: "%s; dort erlaubt: %s",
		EN: "%s; allowed there: %s"},
	{Key: msgBadProfile,
		DE: "fehlerhaftes Profil",
		EN: "bad profile"},
	{Key: msgBadPattern,
		DE: "Schärfung %q: Muster %q",
		EN: "sharpening %q: pattern %q"},
	{Key: msgBelow,
		DE: "%s unterhalb von %s",
		EN: "%s below %s"},
	{Key: msgBelowContext,
		DE: "%s unterhalb des Kontexts (%s)",
		EN: "%s below the context (%s)"},
	{Key: msgBinding,
		DE: "Codelisten-Bindung %q",
		EN: "code list binding %q"},
	{Key: msgBindingNoCodes,
		DE: "Codelisten-Bindung %q: Liste %s hat keine Codes",
		EN: "code list binding %q: list %s has no codes"},
	{Key: msgBindingNotFound,
		DE: "Codelisten-Bindung %q: Liste %s in Version %q nicht gefunden in %v",
		EN: "code list binding %q: list %s version %q not found in %v"},
	{Key: msgBindingPath,
		DE: "Codelisten-Bindung %q: Pfad %q: %s",
		EN: "code list binding %q: path %q: %s"},
	{Key: msgBindingsNeedDirs,
		DE: "codelistBindings brauchen codelists-Verzeichnisse",
		EN: "codelistBindings need codelists directories"},
	{Key: msgCannotRead,
		DE: "Profil kann nicht gelesen werden",
		EN: "cannot read profile"},
	{Key: msgDuplicateID,
		DE: "Schärfungs-ID %q doppelt vergeben",
		EN: "sharpening id %q used twice"},
	{Key: msgEmptyDir,
		DE: "Verzeichnis enthält kein *.yaml-Profil",
		EN: "directory holds no *.yaml profile"},
	{Key: msgExtends,
		DE: "Basisprofil (extends) %s",
		EN: "extends %s"},
	{Key: msgExtendsCycle,
		DE: "Zyklus in extends: %s",
		EN: "extends cycle: %s"},
	{Key: msgForbiddenRequired,
		DE: "Schärfung %q: forbidden %q: das XSD verlangt es (%s), also bricht jede gültige Nachricht diese Regel",
		EN: "sharpening %q: forbidden %q: the XSD requires it (%s), so every valid message breaks this rule"},
	{Key: msgIDTwice,
		DE: "Profil-ID %q wird auch von %s verwendet",
		EN: "profile id %q is also used by %s"},
	{Key: msgMatchExpr,
		DE: "Ausdruck %s %q",
		EN: "expression %s %q"},
	{Key: msgMissingBasics,
		DE: "standard, version und match müssen hier oder im erweiterten Profil gesetzt sein",
		EN: "standard, version and match must be set here or in the profile it extends"},
	{Key: msgNeedsIfThen,
		DE: "Schärfung %q: braucht if und then",
		EN: "sharpening %q: needs both if and then"},
	{Key: msgNeedsPath,
		DE: "Schärfung %q: %s braucht path",
		EN: "sharpening %q: %s needs path"},
	{Key: msgNoCodeType,
		DE: "Schärfung %q: codes auf %q: %s hat keinen Codetyp (keine Aufzählung, kein XÖV-Codetyp)%s",
		EN: "sharpening %q: codes on %q: %s has no code type (no enumeration, not an XÖV code type)%s"},
	{Key: msgNoDecl,
		DE: "%s passt auf keine Deklaration",
		EN: "%s matches no declaration"},
	{Key: msgNotJSONCompatible,
		DE: "Profil ist kein JSON-kompatibles Dokument (Schlüssel müssen Zeichenketten sein)",
		EN: "profile is not a JSON-compatible document (use string keys)"},
	{Key: msgNotYAML,
		DE: "kein gültiges YAML",
		EN: "not valid YAML"},
	{Key: msgOneKind,
		DE: "Schärfung %q: genau eines von required, forbidden, cardinality, codes, pattern, if/then setzen",
		EN: "sharpening %q: set exactly one of required, forbidden, cardinality, codes, pattern, if/then"},
	{Key: msgOtherNamespace,
		DE: "%s; dort ist es im Namensraum %q deklariert: dem Schritt das Präfix dieses Namensraums geben oder keines",
		EN: "%s; it is declared in namespace %q there: give the step that namespace's prefix, or none"},
	{Key: msgOverlap,
		DE: "Profil %q trifft dieselben Nachrichten wie Profil %q (%s:%d) gleich gut (%s): keiner Nachricht ließe sich eines zuordnen; eines mit match.root, match.xpath oder match.version eingrenzen oder ein Basisprofil mit abstract: true markieren",
		EN: "profile %q matches the same messages as profile %q (%s:%d) equally (%s): no message could be given either; narrow one with match.root, match.xpath or match.version, or mark a base profile abstract: true"},
	{Key: msgPathLeaves,
		DE: "Schärfung %q: %s %q: %s",
		EN: "sharpening %q: %s %q: %s"},
	{Key: msgReadDir,
		DE: "Profilverzeichnis kann nicht gelesen werden",
		EN: "read profile directory"},
	{Key: msgReferencedFile,
		DE: "referenzierte Datei %s",
		EN: "referenced file %s"},
	{Key: msgRequiredForbidden,
		DE: "Schärfung %q: required %q: das XSD verbietet es (%s), also kann keine gültige Nachricht diese Regel erfüllen",
		EN: "sharpening %q: required %q: the XSD forbids it (%s), so no valid message can meet this rule"},
	{Key: msgSchemaMismatch,
		DE: "entspricht nicht schemas/profile.schema.json",
		EN: "does not match schemas/profile.schema.json"},
	{Key: msgSchemaMismatchDetail,
		DE: "entspricht nicht schemas/profile.schema.json:\n%s",
		EN: "does not match schemas/profile.schema.json:\n%s"},
	{Key: msgSelectAmbiguous,
		DE: "Nachricht {%s}%s passt gleich gut auf mehrere Profile: %s; mit match.root, match.xpath oder match.version eingrenzen",
		EN: "message {%s}%s matches several profiles equally: %s; narrow them with match.root, match.xpath or match.version"},
	{Key: msgSelectNone,
		DE: "kein Profil passt auf die Nachricht {%s}%s (Profile: %s)",
		EN: "no profile matches message {%s}%s (profiles: %s)"},
	{Key: msgSeverityOf,
		DE: "Schweregrad von %q",
		EN: "severity of %q"},
	{Key: msgSharpening,
		DE: "Schärfung %q",
		EN: "sharpening %q"},
	{Key: msgSharpenings,
		DE: "Schärfungen",
		EN: "sharpenings"},
	{Key: msgTypeNote,
		DE: ", sein Typ ist %s",
		EN: ", its type is %s"},
}

func init() { finding.Forms(messagesForms) }
