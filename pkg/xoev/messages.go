package xoev

import (
	"strings"

	"github.com/jacoelho/xsd/xsderrors"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/internal/xmlmsg"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Findings carry a message key and its arguments (see [finding.Msg]);
// reporters render them in the run's language. The validators' own texts
// are mapped here by their structure: jacoelho/xsd's error code plus the
// fixed part of its message, helium's sentinel errors and libxml2-style
// sentences. A text no form knows is kept as "(Originaltext: …)".

// Message forms of this package's own findings.
var (
	msgDoctype = finding.Register("xoev.doctype",
		"DOCTYPE-Deklarationen sind in Nachrichten nicht erlaubt; Entitäten werden nie expandiert, externe DTDs nie geladen",
		"DOCTYPE declarations are not allowed in messages; entities are never expanded and external DTDs never fetched")
	msgDoctypeDecl = finding.Register("xoev.doctype-decl",
		"DOCTYPE- und Entitätsdeklarationen sind in Nachrichten nicht erlaubt und werden nie expandiert oder geladen: %v",
		"DOCTYPE and entity declarations are not allowed in messages and are never expanded or fetched: %v")
	msgEncoding = finding.Register("xoev.encoding",
		"nicht unterstützte Zeichenkodierung %q (unterstützt: UTF-8, UTF-16, ISO-8859-x, windows-125x)",
		"unsupported character encoding %q (supported: UTF-8, UTF-16, ISO-8859-x, windows-125x)")
	msgSchemaLocationOdd = finding.Register("xoev.schema-location-odd",
		"xsi:schemaLocation enthält eine ungerade Zahl von Einträgen (%d) statt Paaren aus Namensraum und Ort; der Hinweis wird ignoriert",
		"xsi:schemaLocation has %d entries, not namespace/location pairs; the hint is ignored")
	msgSchemaLocationIgnored = finding.Register("xoev.schema-location-ignored",
		"xsi:schemaLocation ignoriert: %v", "xsi:schemaLocation ignored: %v")

	msgNoListURI = finding.Register("xoev.code.no-list-uri",
		"Code-Element %s hat keine listURI: Code %q kann nicht geprüft werden",
		"code element %s has no listURI: code %q cannot be checked")
	msgInvalidCode = finding.Register("xoev.code.invalid",
		"Code %q ist nicht in der Codeliste %s Version %s enthalten",
		"code %q is not in code list %s version %s")
	msgInvalidCodeNear = finding.Register("xoev.code.invalid-near",
		"Code %q ist nicht in der Codeliste %s Version %s enthalten; nächstliegende gültige Codes: %s",
		"code %q is not in code list %s version %s; nearest valid codes: %s")
	msgUnknownVersion = finding.Register("xoev.code.unknown-version",
		"Codeliste %s liegt in --codelists nicht in Version %q vor (vorhanden: %s); Code nicht geprüft",
		"code list %s has no version %q in --codelists (available: %s); code not checked")
	msgUnknownListVersion = finding.Register("xoev.code.unknown-list-version",
		"Codeliste %s Version %s nicht in --codelists gefunden; Code nicht geprüft",
		"code list %s version %s not found in --codelists; code not checked")
	msgUnknownList = finding.Register("xoev.code.unknown-list",
		"Codeliste %s nicht in --codelists gefunden; Code nicht geprüft",
		"code list %s not found in --codelists; code not checked")
	msgUnknownListErr = finding.Register("xoev.code.unknown-list-error",
		"%v: %s", "%v: %s")

	// A code element whose listURI or listVersionID the message leaves
	// out gets them from its type in the schema (XÖV Typ 3); the finding
	// says which and from where.
	msgFromSchema1 = finding.Register("xoev.code.from-schema",
		"%v; aus dem Schema (%v): %s %s (%v)",
		"%v; from the schema (%v): %s %s (%v)")
	msgFromSchema2 = finding.Register("xoev.code.from-schema-2",
		"%v; aus dem Schema (%v): %s %s (%v), %s %s (%v)",
		"%v; from the schema (%v): %s %s (%v), %s %s (%v)")
	msgSchemaType          = finding.Register("xoev.code.schema-type", "Typ %s", "type %s")
	msgSchemaTypeOfElement = finding.Register("xoev.code.schema-type-of-element", "Typ des Elements %s", "type of element %s")
	msgSchemaDeclaredType  = finding.Register("xoev.code.schema-declared-type", "deklarierter Typ", "declared type")
	msgSchemaFixed         = finding.Register("xoev.code.schema-fixed", "fest", "fixed")
	msgSchemaDefault       = finding.Register("xoev.code.schema-default", "Vorgabewert", "default")
)

// Message forms of jacoelho/xsd's validation errors.
var (
	msgXSDOther = finding.Register("xsd.other",
		"Fehler der Schemavalidierung (Originaltext: %s)", "schema validation error (original text: %s)")
	msgValueOther = finding.Register("xsd.value-other",
		"ungültiger Wert (Originaltext: %s)", "invalid value (original text: %s)")

	msgUnexpectedChild = finding.Register("xsd.unexpected-child", "unerwartetes Kindelement %s", "unexpected child element %s")
	msgMissingChild    = finding.Register("xsd.missing-child", "ein erforderliches Kindelement fehlt", "missing required child element")
	msgMissingAttr     = finding.Register("xsd.missing-attribute", "Pflichtattribut %s fehlt", "missing required attribute %s")
	msgUndeclaredAttr  = finding.Register("xsd.undeclared-attribute", "Attribut ist nicht deklariert: %s", "attribute is not declared: %s")
	msgDuplicateAttr   = finding.Register("xsd.duplicate-attribute", "doppeltes Attribut %s", "duplicate attribute %s")
	msgSimpleContent   = finding.Register("xsd.simple-content", "ungültiger Wert: %v", "invalid simple content: %v")
	msgSimpleValue     = finding.Register("xsd.simple-content-value", "ungültiger Wert %s: %v", "invalid simple content %s: %v")
	msgInvalidAttr     = finding.Register("xsd.invalid-attribute", "ungültiges Attribut %s: %v", "invalid attribute %s: %v")
	msgWildcardAttr    = finding.Register("xsd.invalid-wildcard-attribute", "ungültiges Wildcard-Attribut %s", "invalid wildcard attribute %s")
	msgFacet           = finding.Register("xsd.facet", "verletzt die Facette %s des Typs", "%s facet failed")
	msgDateTime        = finding.Register("xsd.date-time", "kein gültiges Datum bzw. keine gültige Uhrzeit", "invalid date/time")
	msgNotOfType       = finding.Register("xsd.not-of-type", "kein gültiger Wert des Typs %s", "invalid %s")
	msgNoUnionMember   = finding.Register("xsd.no-union-member", "passt zu keinem Typ der Vereinigung (union)", "value does not match any union member")
	msgUnknownXsiType  = finding.Register("xsd.unknown-xsi-type", "unbekannter xsi:type %s", "unknown xsi:type %s")
	msgInvalidXsiType  = finding.Register("xsd.invalid-xsi-type", "ungültiger xsi:type: %s", "invalid xsi:type: %s")
	msgWildcardElement = finding.Register("xsd.wildcard-element", "die Wildcard verlangt ein deklariertes Element: %s", "wildcard requires declared element %s")
	msgLocationURI     = finding.Register("xsd.schema-location-uri", "ungültige URI in xsi:schemaLocation: %s", "invalid xsi:schemaLocation URI %s")
	msgNoNSLocationURI = finding.Register("xsd.no-namespace-schema-location-uri", "ungültige URI in xsi:noNamespaceSchemaLocation: %s", "invalid xsi:noNamespaceSchemaLocation URI %s")
	msgDuplicateKey    = finding.Register("xsd.duplicate-key", "doppelter Schlüsselwert (xs:unique/xs:key), zuerst bei %s", "duplicate identity value first seen at %s")
	msgRootUndeclared  = finding.Register("xsd.root-undeclared", "Wurzelelement ist im Schema nicht deklariert: %s", "root element is not declared: %s")
	msgIDREF           = finding.Register("xsd.idref", "IDREF verweist auf keine ID: %s", "IDREF does not resolve: %s")
	msgDuplicateID     = finding.Register("xsd.duplicate-id", "doppelte ID %s", "duplicate ID %s")
	msgDuplicateIDAt   = finding.Register("xsd.duplicate-id-at", "doppelte ID %s, zuerst bei %s", "duplicate ID %s first seen at %s")
	msgFixedAttr       = finding.Register("xsd.fixed-attribute", "Attribut weicht vom festen Wert ab: %s", "fixed attribute mismatch %s")
	msgIdentityLimit   = finding.Register("xsd.identity-limit", "Grenze für Identitätsbedingungen überschritten (%s)", "identity %s limit exceeded")
)

// xsdFixed maps jacoelho/xsd's messages without arguments.
var xsdFixed = lazy.Value[map[string]finding.Key]{F: func() map[string]finding.Key {
	return map[string]finding.Key{
		"missing required child element": msgMissingChild,
		"simple type cannot contain child elements": finding.Register("xsd.simple-type-children",
			"ein einfacher Typ darf keine Kindelemente enthalten", "simple type cannot contain child elements"),
		"simple content cannot contain child elements": finding.Register("xsd.simple-content-children",
			"einfacher Inhalt darf keine Kindelemente enthalten", "simple content cannot contain child elements"),
		"abstract element cannot appear directly": finding.Register("xsd.abstract-element",
			"ein abstraktes Element darf nicht direkt vorkommen", "abstract element cannot appear directly"),
		"complex type is abstract": finding.Register("xsd.abstract-type",
			"der komplexe Typ ist abstrakt", "complex type is abstract"),
		"element type is unavailable": finding.Register("xsd.type-unavailable",
			"der Typ des Elements ist nicht verfügbar", "element type is unavailable"),
		"xsi:type is not derived from declared type": finding.Register("xsd.xsi-type-not-derived",
			"xsi:type ist nicht vom deklarierten Typ abgeleitet", "xsi:type is not derived from declared type"),
		"xsi:type extension is blocked": finding.Register("xsd.xsi-type-extension-blocked",
			"xsi:type: Ableitung durch Erweiterung ist gesperrt (block)", "xsi:type extension is blocked"),
		"xsi:type restriction is blocked": finding.Register("xsd.xsi-type-restriction-blocked",
			"xsi:type: Ableitung durch Einschränkung ist gesperrt (block)", "xsi:type restriction is blocked"),
		"invalid xsi:nil value": finding.Register("xsd.xsi-nil-value",
			"ungültiger Wert für xsi:nil", "invalid xsi:nil value"),
		"nilled element must be empty": finding.Register("xsd.nilled-not-empty",
			"ein Element mit xsi:nil=\"true\" muss leer sein", "nilled element must be empty"),
		"nilled element cannot have fixed value": finding.Register("xsd.nilled-fixed",
			"ein Element mit xsi:nil=\"true\" darf keinen festen Wert haben", "nilled element cannot have fixed value"),
		"element is not nillable": finding.Register("xsd.not-nillable",
			"Element darf nicht xsi:nil sein", "element is not nillable"),
		"multiple ID attributes": finding.Register("xsd.multiple-ids",
			"mehrere Attribute vom Typ ID", "multiple ID attributes"),
		"xsi:schemaLocation must contain namespace/location pairs": finding.Register("xsd.schema-location-pairs",
			"xsi:schemaLocation muss Paare aus Namensraum und Ort enthalten", "xsi:schemaLocation must contain namespace/location pairs"),
		"text outside root element": finding.Register("xsd.text-outside-root",
			"Text außerhalb des Wurzelelements", "text outside root element"),
		"CDATA section outside root element": finding.Register("xsd.cdata-outside-root",
			"CDATA-Abschnitt außerhalb des Wurzelelements", "CDATA section outside root element"),
		"character data is not allowed": finding.Register("xsd.char-data",
			"Zeichendaten sind hier nicht erlaubt", "character data is not allowed"),
		"fixed element value mismatch": finding.Register("xsd.fixed-element",
			"Element weicht vom festen Wert ab", "fixed element value mismatch"),
		"keyref does not resolve": finding.Register("xsd.keyref",
			"Schlüsselreferenz (xs:keyref) verweist auf keinen Schlüssel", "keyref does not resolve"),
		"key field is missing": finding.Register("xsd.key-field-missing",
			"ein Feld des Schlüssels (xs:key) fehlt", "key field is missing"),
		"identity field selects multiple values": finding.Register("xsd.identity-field-multiple",
			"ein Feld der Identitätsbedingung wählt mehrere Werte", "identity field selects multiple values"),
		"identity field has no simple value": finding.Register("xsd.identity-field-not-simple",
			"ein Feld der Identitätsbedingung hat keinen einfachen Wert", "identity field has no simple value"),
		"key field selects nillable element declaration": finding.Register("xsd.key-field-nillable",
			"ein Feld des Schlüssels wählt ein nillable-Element", "key field selects nillable element declaration"),
		"instance depth limit exceeded": finding.Register("xsd.depth-limit",
			"Grenze der Verschachtelungstiefe überschritten", "instance depth limit exceeded"),
		"instance text byte limit exceeded": finding.Register("xsd.text-limit",
			"Grenze der Textlänge überschritten", "instance text byte limit exceeded"),
	}
}}

// xsdOneArg maps jacoelho/xsd's messages of the form prefix + argument.
var xsdOneArg = []struct {
	prefix string
	key    finding.Key
}{
	{"unexpected child element ", msgUnexpectedChild},
	{"missing required attribute ", msgMissingAttr},
	{"attribute is not declared: ", msgUndeclaredAttr},
	{"duplicate attribute ", msgDuplicateAttr},
	{"invalid wildcard attribute ", msgWildcardAttr},
	{"unknown xsi:type ", msgUnknownXsiType},
	{"invalid xsi:type: ", msgInvalidXsiType},
	{"wildcard requires declared element ", msgWildcardElement},
	{"invalid xsi:schemaLocation URI ", msgLocationURI},
	{"invalid xsi:noNamespaceSchemaLocation URI ", msgNoNSLocationURI},
	{"duplicate identity value first seen at ", msgDuplicateKey},
	{"root element is not declared: ", msgRootUndeclared},
	{"IDREF does not resolve: ", msgIDREF},
	{"fixed attribute mismatch ", msgFixedAttr},
}

// xsdMessage maps one jacoelho/xsd validation message to a key.
func xsdMessage(s string) finding.Msg {
	if len(s) > 200 {
		return parseXSDMessage(s)
	}
	// A batch repeats a few messages many times: each is parsed (and its
	// arguments allocated) once. A Msg is never changed once made.
	return internGet(&xsdMessages, s, parseXSDMessage)
}

var xsdMessages internTable[finding.Msg]

func parseXSDMessage(s string) finding.Msg {
	if k, ok := xsdFixed.Get()[s]; ok {
		return k.With()
	}
	if rest, ok := strings.CutPrefix(s, "invalid simple content: "); ok {
		return msgSimpleContent.With(valueDetail(rest))
	}
	if rest, ok := strings.CutPrefix(s, "invalid attribute "); ok {
		if name, detail, ok := strings.Cut(rest, ": "); ok {
			return msgInvalidAttr.With(name, valueDetail(detail))
		}
	}
	if rest, ok := strings.CutPrefix(s, "duplicate ID "); ok {
		if id, at, ok := strings.Cut(rest, " first seen at "); ok {
			return msgDuplicateIDAt.With(id, at)
		}
		return msgDuplicateID.With(rest)
	}
	if rest, ok := strings.CutPrefix(s, "identity "); ok {
		if kind, ok := strings.CutSuffix(rest, " limit exceeded"); ok {
			return msgIdentityLimit.With(kind)
		}
	}
	for _, f := range xsdOneArg {
		if rest, ok := strings.CutPrefix(s, f.prefix); ok && rest != "" {
			return f.key.With(rest)
		}
	}
	return msgXSDOther.With(s)
}

// valueDetail maps why a value is invalid ("pattern facet failed",
// "invalid date/time", "invalid xs:decimal", …).
func valueDetail(s string) finding.Msg {
	switch {
	case s == "invalid date/time":
		return msgDateTime.With()
	case s == "value does not match any union member":
		return msgNoUnionMember.With()
	}
	if facet, ok := strings.CutSuffix(s, " facet failed"); ok && isWord(facet) {
		return msgFacet.With(facet)
	}
	if typ, ok := strings.CutPrefix(s, "invalid "); ok && isWord(typ) {
		return msgNotOfType.With(typ)
	}
	return msgValueOther.With(s)
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':') {
			return false
		}
	}
	return true
}

// jacoelhoMsg returns the message of a jacoelho/xsd validation error by
// its code: parser problems go through [xmlmsg.Detail], the rest through
// [xsdMessage].
func jacoelhoMsg(code xsderrors.Code, msg string) finding.Msg {
	switch code {
	case xsderrors.CodeValidationXML, xsderrors.CodeUnsupportedXML11:
		return xmlmsg.Detail(msg)
	}
	return xsdMessage(msg)
}

// Message forms of helium's validator, which speaks libxml2's sentences.
var (
	msgHelNotExpected       = finding.Register("xsd.helium.not-expected", "Dieses Element ist hier nicht erwartet.", "This element is not expected.")
	msgHelNotExpectedOne    = finding.Register("xsd.helium.not-expected-one", "Dieses Element ist hier nicht erwartet. Erwartet wird ( %s ).", "This element is not expected. Expected is ( %s ).")
	msgHelNotExpectedAny    = finding.Register("xsd.helium.not-expected-any", "Dieses Element ist hier nicht erwartet. Erwartet wird eines von ( %s ).", "This element is not expected. Expected is one of ( %s ).")
	msgHelNotExpectedNilled = finding.Register("xsd.helium.not-expected-nilled", "Dieses Element ist hier nicht erwartet, weil das Element '%s' mit xsi:nil leer ist.", "This element is not expected, because the element '%s' is nilled.")
	msgHelMissing           = finding.Register("xsd.helium.missing", "Es fehlen Kindelemente.", "Missing child element(s).")
	msgHelMissingOne        = finding.Register("xsd.helium.missing-one", "Es fehlen Kindelemente. Erwartet wird ( %s ).", "Missing child element(s). Expected is ( %s ).")
	msgHelMissingAny        = finding.Register("xsd.helium.missing-any", "Es fehlen Kindelemente. Erwartet wird eines von ( %s ).", "Missing child element(s). Expected is one of ( %s ).")
	msgHelAtomic            = finding.Register("xsd.helium.atomic", "'%s' ist kein gültiger Wert des atomaren Typs '%s'.", "'%s' is not a valid value of the atomic type '%s'.")
	msgHelList              = finding.Register("xsd.helium.list", "'%s' ist kein gültiger Wert des Listentyps '%s'.", "'%s' is not a valid value of the list type '%s'.")
	msgHelUnion             = finding.Register("xsd.helium.union", "'%s' ist kein gültiger Wert des Vereinigungstyps '%s'.", "'%s' is not a valid value of the union type '%s'.")
	msgHelLocal             = finding.Register("xsd.helium.local", "'%s' ist kein gültiger Wert des lokal definierten Typs (%s).", "'%s' is not a valid value of the local %s type.")
	msgHelPattern           = finding.Register("xsd.helium.pattern", "[Facette 'pattern'] Der Wert '%s' passt nicht zum Muster '%s'.", "[facet 'pattern'] The value '%s' is not accepted by the pattern '%s'.")
	msgHelEnum              = finding.Register("xsd.helium.enumeration", "[Facette 'enumeration'] Der Wert '%s' ist nicht in der Menge {%s} enthalten.", "[facet 'enumeration'] The value '%s' is not an element of the set {%s}.")
	msgHelMaxLength         = finding.Register("xsd.helium.max-length", "[Facette 'maxLength'] Der Wert ist %s Zeichen lang; erlaubt sind höchstens %s.", "[facet 'maxLength'] The value has a length of '%s'; this exceeds the allowed maximum length of '%s'.")
	msgHelMinLength         = finding.Register("xsd.helium.min-length", "[Facette 'minLength'] Der Wert ist %s Zeichen lang; verlangt sind mindestens %s.", "[facet 'minLength'] The value has a length of '%s'; this underruns the allowed minimum length of '%s'.")
	msgHelLength            = finding.Register("xsd.helium.length", "[Facette 'length'] Der Wert ist %s Zeichen lang; verlangt sind genau %s.", "[facet 'length'] The value has a length of '%s'; this differs from the allowed length of '%s'.")
	msgHelMinInclusive      = finding.Register("xsd.helium.min-inclusive", "[Facette 'minInclusive'] Der Wert '%s' ist kleiner als der kleinste erlaubte Wert ('%s').", "[facet 'minInclusive'] The value '%s' is less than the minimum value allowed ('%s').")
	msgHelMaxInclusive      = finding.Register("xsd.helium.max-inclusive", "[Facette 'maxInclusive'] Der Wert '%s' ist größer als der größte erlaubte Wert ('%s').", "[facet 'maxInclusive'] The value '%s' is greater than the maximum value allowed ('%s').")
	msgHelMinExclusive      = finding.Register("xsd.helium.min-exclusive", "[Facette 'minExclusive'] Der Wert '%s' muss größer als '%s' sein.", "[facet 'minExclusive'] The value '%s' must be greater than '%s'.")
	msgHelMaxExclusive      = finding.Register("xsd.helium.max-exclusive", "[Facette 'maxExclusive'] Der Wert '%s' muss kleiner als '%s' sein.", "[facet 'maxExclusive'] The value '%s' must be less than '%s'.")
	msgHelTotalDigits       = finding.Register("xsd.helium.total-digits", "[Facette 'totalDigits'] Der Wert '%s' hat mehr Ziffern als erlaubt ('%s').", "[facet 'totalDigits'] The value '%s' has more digits than are allowed ('%s').")
	msgHelFractionDigits    = finding.Register("xsd.helium.fraction-digits", "[Facette 'fractionDigits'] Der Wert '%s' hat mehr Nachkommastellen als erlaubt ('%s').", "[facet 'fractionDigits'] The value '%s' has more fractional digits than are allowed ('%s').")
	msgHelAttrNotAllowed    = finding.Register("xsd.helium.attribute-not-allowed", "Das Attribut '%s' ist nicht erlaubt.", "The attribute '%s' is not allowed.")
	msgHelAttrMissing       = finding.Register("xsd.helium.attribute-missing", "Das Pflichtattribut '%s' fehlt.", "The attribute '%s' is required but missing.")
	msgHelNoRoot            = finding.Register("xsd.helium.no-root", "Für das Wurzelelement gibt es keine passende globale Deklaration im Schema.", "No matching global declaration available for the validation root.")
	msgHelElementOnly       = finding.Register("xsd.helium.element-only", "Text außer Leerraum ist nicht erlaubt, weil der Inhalt nur aus Elementen besteht.", "Character content other than whitespace is not allowed because the content type is 'element-only'.")
	msgHelSimpleChildren    = finding.Register("xsd.helium.simple-children", "Kindelemente sind nicht erlaubt, weil der Inhaltstyp ein einfacher Typ ist.", "Element content is not allowed, because the content type is a simple type definition.")
	msgHelEmptyContent      = finding.Register("xsd.helium.empty-content", "Text ist nicht erlaubt, weil der Inhalt leer sein muss.", "Character content is not allowed, because the content type is empty.")
	msgHelNilledContent     = finding.Register("xsd.helium.nilled-content", "Text ist nicht erlaubt, weil das Element mit xsi:nil leer ist.", "Character content is not allowed, because the element is nilled.")
	msgHelDuplicateKey      = finding.Register("xsd.helium.duplicate-key", "Doppelte Schlüsselwerte %s in der Eindeutigkeitsbedingung '%s'.", "Duplicate key-sequence %s in unique identity-constraint '%s'.")
	msgHelKeyref            = finding.Register("xsd.helium.keyref", "Zu den Schlüsselwerten %s der Referenz (keyref) '%s' gibt es keinen Schlüssel.", "No match found for key-sequence %s of keyref '%s'.")
	msgHelFixed             = finding.Register("xsd.helium.fixed", "Der Wert '%s' weicht vom festen Wert '%s' ab.", "The value '%s' does not match the fixed value constraint '%s'.")
	msgHelFixedContent      = finding.Register("xsd.helium.fixed-content", "Der Inhalt '%s' weicht vom festen Wert '%s' ab.", "The element content '%s' does not match the fixed value constraint '%s'.")
	msgHelDuplicateID       = finding.Register("xsd.helium.duplicate-id", "Die ID '%s' ist im Dokument schon vergeben.", "Duplicate key-sequence; the ID value '%s' is already defined elsewhere in the document.")
	msgHelDuplicateIDAttr   = finding.Register("xsd.helium.duplicate-id-attr", "Die ID '%s' (Attribut '%s') ist im Dokument schon vergeben.", "Duplicate key-sequence; the ID value '%s' (attribute '%s') is already defined elsewhere in the document.")
	msgHelIDREF             = finding.Register("xsd.helium.idref", "Zur IDREF '%s' (Attribut '%s') gibt es keine ID.", "There is no ID/IDREF binding for the IDREF '%s' (attribute '%s').")
	msgHelNotDerived        = finding.Register("xsd.helium.not-derived", "Der Typ '%s' ist nicht gültig vom Typ '%s' abgeleitet.", "The type definition '%s' is not validly derived from the type definition '%s'.")
)

// heliumFixed maps helium's validation sentences without arguments.
var heliumFixed = lazy.Value[map[string]finding.Key]{F: func() map[string]finding.Key {
	return map[string]finding.Key{
		"This element is not expected.":                                     msgHelNotExpected,
		"This element is not expected":                                      msgHelNotExpected,
		"Missing child element(s).":                                         msgHelMissing,
		"Missing child element(s)":                                          msgHelMissing,
		"No matching global declaration available for the validation root.": msgHelNoRoot,
		"Character content other than whitespace is not allowed because the content type is 'element-only'.": msgHelElementOnly,
		"Element content is not allowed, because the content type is a simple type definition.":              msgHelSimpleChildren,
		"Character content is not allowed, because the content type is empty.":                               msgHelEmptyContent,
		"Character content is not allowed, because the element is nilled.":                                   msgHelNilledContent,
	}
}}

// heliumForms maps helium's sentences with arguments: the text between
// the fixed parts becomes the arguments, in order.
var heliumForms = []struct {
	parts []string
	key   finding.Key
}{
	{[]string{"This element is not expected. Expected is one of ( ", " )."}, msgHelNotExpectedAny},
	{[]string{"This element is not expected. Expected is ( ", " )."}, msgHelNotExpectedOne},
	{[]string{"This element is not expected, because the element '", "' is nilled."}, msgHelNotExpectedNilled},
	{[]string{"Missing child element(s). Expected is one of ( ", " )."}, msgHelMissingAny},
	{[]string{"Missing child element(s). Expected is ( ", " )."}, msgHelMissingOne},
	{[]string{"'", "' is not a valid value of the atomic type '", "'."}, msgHelAtomic},
	{[]string{"'", "' is not a valid value of the list type '", "'."}, msgHelList},
	{[]string{"'", "' is not a valid value of the union type '", "'."}, msgHelUnion},
	{[]string{"'", "' is not a valid value of the local ", " type."}, msgHelLocal},
	{[]string{"[facet 'pattern'] The value '", "' is not accepted by the pattern '", "'."}, msgHelPattern},
	{[]string{"[facet 'pattern'] The value '", "' is not accepted by the patterns '", "'."}, msgHelPattern},
	{[]string{"[facet 'enumeration'] The value '", "' is not an element of the set {", "}."}, msgHelEnum},
	{[]string{"[facet 'maxLength'] The value has a length of '", "'; this exceeds the allowed maximum length of '", "'."}, msgHelMaxLength},
	{[]string{"[facet 'minLength'] The value has a length of '", "'; this underruns the allowed minimum length of '", "'."}, msgHelMinLength},
	{[]string{"[facet 'length'] The value has a length of '", "'; this differs from the allowed length of '", "'."}, msgHelLength},
	{[]string{"[facet 'minInclusive'] The value '", "' is less than the minimum value allowed ('", "')."}, msgHelMinInclusive},
	{[]string{"[facet 'maxInclusive'] The value '", "' is greater than the maximum value allowed ('", "')."}, msgHelMaxInclusive},
	{[]string{"[facet 'minExclusive'] The value '", "' must be greater than '", "'."}, msgHelMinExclusive},
	{[]string{"[facet 'maxExclusive'] The value '", "' must be less than '", "'."}, msgHelMaxExclusive},
	{[]string{"[facet 'totalDigits'] The value '", "' has more digits than are allowed ('", "')."}, msgHelTotalDigits},
	{[]string{"[facet 'fractionDigits'] The value '", "' has more fractional digits than are allowed ('", "')."}, msgHelFractionDigits},
	{[]string{"The attribute '", "' is not allowed."}, msgHelAttrNotAllowed},
	{[]string{"The attribute '", "' is required but missing."}, msgHelAttrMissing},
	{[]string{"Duplicate key-sequence ", " in unique identity-constraint '", "'."}, msgHelDuplicateKey},
	{[]string{"No match found for key-sequence ", " of keyref '", "'."}, msgHelKeyref},
	{[]string{"The value '", "' does not match the fixed value constraint '", "'."}, msgHelFixed},
	{[]string{"The element content '", "' does not match the fixed value constraint '", "'."}, msgHelFixedContent},
	{[]string{"Duplicate key-sequence; the ID value '", "' (attribute '", "') is already defined elsewhere in the document."}, msgHelDuplicateIDAttr},
	{[]string{"Duplicate key-sequence; the ID value '", "' is already defined elsewhere in the document."}, msgHelDuplicateID},
	{[]string{"There is no ID/IDREF binding for the IDREF '", "' (attribute '", "')."}, msgHelIDREF},
	{[]string{"The type definition '", "' is not validly derived from the type definition '", "'."}, msgHelNotDerived},
}

// heliumMessage maps one helium validation sentence to a key.
func heliumMessage(s string) finding.Msg {
	if k, ok := heliumFixed.Get()[s]; ok {
		return k.With()
	}
	for _, f := range heliumForms {
		if args, ok := cutParts(s, f.parts); ok {
			return f.key.With(args...)
		}
	}
	return msgXSDOther.With(s)
}

// cutParts splits s around the fixed parts: parts[0] must start s, the
// last part must end it, and the ones between follow in order; the text
// between two parts is an argument.
func cutParts(s string, parts []string) ([]any, bool) {
	rest, ok := strings.CutPrefix(s, parts[0])
	if !ok {
		return nil, false
	}
	last := parts[len(parts)-1]
	rest, ok = strings.CutSuffix(rest, last)
	if !ok {
		return nil, false
	}
	var args []any
	for _, p := range parts[1 : len(parts)-1] {
		a, b, ok := strings.Cut(rest, p)
		if !ok {
			return nil, false
		}
		args = append(args, a)
		rest = b
	}
	return append(args, rest), true
}
