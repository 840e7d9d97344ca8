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
const (
	msgDoctype               finding.Key = "xoev.doctype"
	msgDoctypeDecl           finding.Key = "xoev.doctype-decl"
	msgEncoding              finding.Key = "xoev.encoding"
	msgSchemaLocationOdd     finding.Key = "xoev.schema-location-odd"
	msgSchemaLocationIgnored finding.Key = "xoev.schema-location-ignored"

	msgNoListURI          finding.Key = "xoev.code.no-list-uri"
	msgInvalidCode        finding.Key = "xoev.code.invalid"
	msgInvalidCodeNear    finding.Key = "xoev.code.invalid-near"
	msgUnknownVersion     finding.Key = "xoev.code.unknown-version"
	msgUnknownListVersion finding.Key = "xoev.code.unknown-list-version"
	msgUnknownList        finding.Key = "xoev.code.unknown-list"
	msgUnknownListErr     finding.Key = "xoev.code.unknown-list-error"

	// A code element whose listURI or listVersionID the message leaves
	// out gets them from its type in the schema (XÖV Typ 3); the finding
	// says which and from where.
	msgFromSchema1         finding.Key = "xoev.code.from-schema"
	msgFromSchema2         finding.Key = "xoev.code.from-schema-2"
	msgSchemaType          finding.Key = "xoev.code.schema-type"
	msgSchemaTypeOfElement finding.Key = "xoev.code.schema-type-of-element"
	msgSchemaDeclaredType  finding.Key = "xoev.code.schema-declared-type"
	msgSchemaFixed         finding.Key = "xoev.code.schema-fixed"
	msgSchemaDefault       finding.Key = "xoev.code.schema-default"
)

// messagesForms holds the message forms of the keys above.
var messagesForms = []finding.Form{
	{Key: msgFromSchema1,
		DE: "%v; aus dem Schema (%v): %s %s (%v)",
		EN: "%v; from the schema (%v): %s %s (%v)"},
	{Key: msgFromSchema2,
		DE: "%v; aus dem Schema (%v): %s %s (%v), %s %s (%v)",
		EN: "%v; from the schema (%v): %s %s (%v), %s %s (%v)"},
	{Key: msgInvalidCode,
		DE: "Code %q ist nicht in der Codeliste %s Version %s enthalten",
		EN: "code %q is not in code list %s version %s"},
	{Key: msgInvalidCodeNear,
		DE: "Code %q ist nicht in der Codeliste %s Version %s enthalten; nächstliegende gültige Codes: %s",
		EN: "code %q is not in code list %s version %s; nearest valid codes: %s"},
	{Key: msgNoListURI,
		DE: "Code-Element %s hat keine listURI: Code %q kann nicht geprüft werden",
		EN: "code element %s has no listURI: code %q cannot be checked"},
	{Key: msgSchemaDeclaredType, DE: "deklarierter Typ", EN: "declared type"},
	{Key: msgSchemaDefault, DE: "Vorgabewert", EN: "default"},
	{Key: msgSchemaFixed, DE: "fest", EN: "fixed"},
	{Key: msgSchemaType, DE: "Typ %s", EN: "type %s"},
	{Key: msgSchemaTypeOfElement, DE: "Typ des Elements %s", EN: "type of element %s"},
	{Key: msgUnknownList,
		DE: "Codeliste %s nicht in --codelists gefunden; Code nicht geprüft",
		EN: "code list %s not found in --codelists; code not checked"},
	{Key: msgUnknownListErr,
		DE: "%v: %s",
		EN: "%v: %s"},
	{Key: msgUnknownListVersion,
		DE: "Codeliste %s Version %s nicht in --codelists gefunden; Code nicht geprüft",
		EN: "code list %s version %s not found in --codelists; code not checked"},
	{Key: msgUnknownVersion,
		DE: "Codeliste %s liegt in --codelists nicht in Version %q vor (vorhanden: %s); Code nicht geprüft",
		EN: "code list %s has no version %q in --codelists (available: %s); code not checked"},
	{Key: msgDoctype,
		DE: "DOCTYPE-Deklarationen sind in Nachrichten nicht erlaubt; Entitäten werden nie expandiert, externe DTDs nie geladen",
		EN: "DOCTYPE declarations are not allowed in messages; entities are never expanded and external DTDs never fetched"},
	{Key: msgDoctypeDecl,
		DE: "DOCTYPE- und Entitätsdeklarationen sind in Nachrichten nicht erlaubt und werden nie expandiert oder geladen: %v",
		EN: "DOCTYPE and entity declarations are not allowed in messages and are never expanded or fetched: %v"},
	{Key: msgEncoding,
		DE: "nicht unterstützte Zeichenkodierung %q (unterstützt: UTF-8, UTF-16, ISO-8859-x, windows-125x)",
		EN: "unsupported character encoding %q (supported: UTF-8, UTF-16, ISO-8859-x, windows-125x)"},
	{Key: msgSchemaLocationIgnored,
		DE: "xsi:schemaLocation ignoriert: %v",
		EN: "xsi:schemaLocation ignored: %v"},
	{Key: msgSchemaLocationOdd,
		DE: "xsi:schemaLocation enthält eine ungerade Zahl von Einträgen (%d) statt Paaren aus Namensraum und Ort; der Hinweis wird ignoriert",
		EN: "xsi:schemaLocation has %d entries, not namespace/location pairs; the hint is ignored"},
}

// Message forms of jacoelho/xsd's validation errors.
const (
	msgXSDOther   finding.Key = "xsd.other"
	msgValueOther finding.Key = "xsd.value-other"

	msgUnexpectedChild finding.Key = "xsd.unexpected-child"
	msgMissingChild    finding.Key = "xsd.missing-child"
	msgMissingAttr     finding.Key = "xsd.missing-attribute"
	msgUndeclaredAttr  finding.Key = "xsd.undeclared-attribute"
	msgDuplicateAttr   finding.Key = "xsd.duplicate-attribute"
	msgSimpleContent   finding.Key = "xsd.simple-content"
	msgSimpleValue     finding.Key = "xsd.simple-content-value"
	msgInvalidAttr     finding.Key = "xsd.invalid-attribute"
	msgWildcardAttr    finding.Key = "xsd.invalid-wildcard-attribute"
	msgFacet           finding.Key = "xsd.facet"
	msgDateTime        finding.Key = "xsd.date-time"
	msgNotOfType       finding.Key = "xsd.not-of-type"
	msgNoUnionMember   finding.Key = "xsd.no-union-member"
	msgUnknownXsiType  finding.Key = "xsd.unknown-xsi-type"
	msgInvalidXsiType  finding.Key = "xsd.invalid-xsi-type"
	msgWildcardElement finding.Key = "xsd.wildcard-element"
	msgLocationURI     finding.Key = "xsd.schema-location-uri"
	msgNoNSLocationURI finding.Key = "xsd.no-namespace-schema-location-uri"
	msgDuplicateKey    finding.Key = "xsd.duplicate-key"
	msgRootUndeclared  finding.Key = "xsd.root-undeclared"
	msgIDREF           finding.Key = "xsd.idref"
	msgDuplicateID     finding.Key = "xsd.duplicate-id"
	msgDuplicateIDAt   finding.Key = "xsd.duplicate-id-at"
	msgFixedAttr       finding.Key = "xsd.fixed-attribute"
	msgIdentityLimit   finding.Key = "xsd.identity-limit"
)

// messagesForms2 holds the message forms of the keys above.
var messagesForms2 = []finding.Form{
	{Key: msgDateTime, DE: "kein gültiges Datum bzw. keine gültige Uhrzeit", EN: "invalid date/time"},
	{Key: msgDuplicateAttr, DE: "doppeltes Attribut %s", EN: "duplicate attribute %s"},
	{Key: msgDuplicateID, DE: "doppelte ID %s", EN: "duplicate ID %s"},
	{Key: msgDuplicateIDAt, DE: "doppelte ID %s, zuerst bei %s", EN: "duplicate ID %s first seen at %s"},
	{Key: msgDuplicateKey, DE: "doppelter Schlüsselwert (xs:unique/xs:key), zuerst bei %s", EN: "duplicate identity value first seen at %s"},
	{Key: msgFacet, DE: "verletzt die Facette %s des Typs", EN: "%s facet failed"},
	{Key: msgFixedAttr, DE: "Attribut weicht vom festen Wert ab: %s", EN: "fixed attribute mismatch %s"},
	{Key: msgIdentityLimit, DE: "Grenze für Identitätsbedingungen überschritten (%s)", EN: "identity %s limit exceeded"},
	{Key: msgIDREF, DE: "IDREF verweist auf keine ID: %s", EN: "IDREF does not resolve: %s"},
	{Key: msgInvalidAttr, DE: "ungültiges Attribut %s: %v", EN: "invalid attribute %s: %v"},
	{Key: msgWildcardAttr, DE: "ungültiges Wildcard-Attribut %s", EN: "invalid wildcard attribute %s"},
	{Key: msgInvalidXsiType, DE: "ungültiger xsi:type: %s", EN: "invalid xsi:type: %s"},
	{Key: msgMissingAttr, DE: "Pflichtattribut %s fehlt", EN: "missing required attribute %s"},
	{Key: msgMissingChild, DE: "ein erforderliches Kindelement fehlt", EN: "missing required child element"},
	{Key: msgNoNSLocationURI, DE: "ungültige URI in xsi:noNamespaceSchemaLocation: %s", EN: "invalid xsi:noNamespaceSchemaLocation URI %s"},
	{Key: msgNoUnionMember, DE: "passt zu keinem Typ der Vereinigung (union)", EN: "value does not match any union member"},
	{Key: msgNotOfType, DE: "kein gültiger Wert des Typs %s", EN: "invalid %s"},
	{Key: msgXSDOther,
		DE: "Fehler der Schemavalidierung (Originaltext: %s)",
		EN: "schema validation error (original text: %s)"},
	{Key: msgRootUndeclared, DE: "Wurzelelement ist im Schema nicht deklariert: %s", EN: "root element is not declared: %s"},
	{Key: msgLocationURI, DE: "ungültige URI in xsi:schemaLocation: %s", EN: "invalid xsi:schemaLocation URI %s"},
	{Key: msgSimpleContent, DE: "ungültiger Wert: %v", EN: "invalid simple content: %v"},
	{Key: msgSimpleValue, DE: "ungültiger Wert %s: %v", EN: "invalid simple content %s: %v"},
	{Key: msgUndeclaredAttr, DE: "Attribut ist nicht deklariert: %s", EN: "attribute is not declared: %s"},
	{Key: msgUnexpectedChild, DE: "unerwartetes Kindelement %s", EN: "unexpected child element %s"},
	{Key: msgUnknownXsiType, DE: "unbekannter xsi:type %s", EN: "unknown xsi:type %s"},
	{Key: msgValueOther,
		DE: "ungültiger Wert (Originaltext: %s)",
		EN: "invalid value (original text: %s)"},
	{Key: msgWildcardElement, DE: "die Wildcard verlangt ein deklariertes Element: %s", EN: "wildcard requires declared element %s"},
}

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
const (
	msgHelNotExpected       finding.Key = "xsd.helium.not-expected"
	msgHelNotExpectedOne    finding.Key = "xsd.helium.not-expected-one"
	msgHelNotExpectedAny    finding.Key = "xsd.helium.not-expected-any"
	msgHelNotExpectedNilled finding.Key = "xsd.helium.not-expected-nilled"
	msgHelMissing           finding.Key = "xsd.helium.missing"
	msgHelMissingOne        finding.Key = "xsd.helium.missing-one"
	msgHelMissingAny        finding.Key = "xsd.helium.missing-any"
	msgHelAtomic            finding.Key = "xsd.helium.atomic"
	msgHelList              finding.Key = "xsd.helium.list"
	msgHelUnion             finding.Key = "xsd.helium.union"
	msgHelLocal             finding.Key = "xsd.helium.local"
	msgHelPattern           finding.Key = "xsd.helium.pattern"
	msgHelEnum              finding.Key = "xsd.helium.enumeration"
	msgHelMaxLength         finding.Key = "xsd.helium.max-length"
	msgHelMinLength         finding.Key = "xsd.helium.min-length"
	msgHelLength            finding.Key = "xsd.helium.length"
	msgHelMinInclusive      finding.Key = "xsd.helium.min-inclusive"
	msgHelMaxInclusive      finding.Key = "xsd.helium.max-inclusive"
	msgHelMinExclusive      finding.Key = "xsd.helium.min-exclusive"
	msgHelMaxExclusive      finding.Key = "xsd.helium.max-exclusive"
	msgHelTotalDigits       finding.Key = "xsd.helium.total-digits"
	msgHelFractionDigits    finding.Key = "xsd.helium.fraction-digits"
	msgHelAttrNotAllowed    finding.Key = "xsd.helium.attribute-not-allowed"
	msgHelAttrMissing       finding.Key = "xsd.helium.attribute-missing"
	msgHelNoRoot            finding.Key = "xsd.helium.no-root"
	msgHelElementOnly       finding.Key = "xsd.helium.element-only"
	msgHelSimpleChildren    finding.Key = "xsd.helium.simple-children"
	msgHelEmptyContent      finding.Key = "xsd.helium.empty-content"
	msgHelNilledContent     finding.Key = "xsd.helium.nilled-content"
	msgHelDuplicateKey      finding.Key = "xsd.helium.duplicate-key"
	msgHelKeyref            finding.Key = "xsd.helium.keyref"
	msgHelFixed             finding.Key = "xsd.helium.fixed"
	msgHelFixedContent      finding.Key = "xsd.helium.fixed-content"
	msgHelDuplicateID       finding.Key = "xsd.helium.duplicate-id"
	msgHelDuplicateIDAttr   finding.Key = "xsd.helium.duplicate-id-attr"
	msgHelIDREF             finding.Key = "xsd.helium.idref"
	msgHelNotDerived        finding.Key = "xsd.helium.not-derived"
)

// messagesForms3 holds the message forms of the keys above.
var messagesForms3 = []finding.Form{
	{Key: msgHelAtomic, DE: "'%s' ist kein gültiger Wert des atomaren Typs '%s'.", EN: "'%s' is not a valid value of the atomic type '%s'."},
	{Key: msgHelAttrMissing, DE: "Das Pflichtattribut '%s' fehlt.", EN: "The attribute '%s' is required but missing."},
	{Key: msgHelAttrNotAllowed, DE: "Das Attribut '%s' ist nicht erlaubt.", EN: "The attribute '%s' is not allowed."},
	{Key: msgHelDuplicateID, DE: "Die ID '%s' ist im Dokument schon vergeben.", EN: "Duplicate key-sequence; the ID value '%s' is already defined elsewhere in the document."},
	{Key: msgHelDuplicateIDAttr, DE: "Die ID '%s' (Attribut '%s') ist im Dokument schon vergeben.", EN: "Duplicate key-sequence; the ID value '%s' (attribute '%s') is already defined elsewhere in the document."},
	{Key: msgHelDuplicateKey, DE: "Doppelte Schlüsselwerte %s in der Eindeutigkeitsbedingung '%s'.", EN: "Duplicate key-sequence %s in unique identity-constraint '%s'."},
	{Key: msgHelElementOnly, DE: "Text außer Leerraum ist nicht erlaubt, weil der Inhalt nur aus Elementen besteht.", EN: "Character content other than whitespace is not allowed because the content type is 'element-only'."},
	{Key: msgHelEmptyContent, DE: "Text ist nicht erlaubt, weil der Inhalt leer sein muss.", EN: "Character content is not allowed, because the content type is empty."},
	{Key: msgHelEnum, DE: "[Facette 'enumeration'] Der Wert '%s' ist nicht in der Menge {%s} enthalten.", EN: "[facet 'enumeration'] The value '%s' is not an element of the set {%s}."},
	{Key: msgHelFixed, DE: "Der Wert '%s' weicht vom festen Wert '%s' ab.", EN: "The value '%s' does not match the fixed value constraint '%s'."},
	{Key: msgHelFixedContent, DE: "Der Inhalt '%s' weicht vom festen Wert '%s' ab.", EN: "The element content '%s' does not match the fixed value constraint '%s'."},
	{Key: msgHelFractionDigits, DE: "[Facette 'fractionDigits'] Der Wert '%s' hat mehr Nachkommastellen als erlaubt ('%s').", EN: "[facet 'fractionDigits'] The value '%s' has more fractional digits than are allowed ('%s')."},
	{Key: msgHelIDREF, DE: "Zur IDREF '%s' (Attribut '%s') gibt es keine ID.", EN: "There is no ID/IDREF binding for the IDREF '%s' (attribute '%s')."},
	{Key: msgHelKeyref, DE: "Zu den Schlüsselwerten %s der Referenz (keyref) '%s' gibt es keinen Schlüssel.", EN: "No match found for key-sequence %s of keyref '%s'."},
	{Key: msgHelLength, DE: "[Facette 'length'] Der Wert ist %s Zeichen lang; verlangt sind genau %s.", EN: "[facet 'length'] The value has a length of '%s'; this differs from the allowed length of '%s'."},
	{Key: msgHelList, DE: "'%s' ist kein gültiger Wert des Listentyps '%s'.", EN: "'%s' is not a valid value of the list type '%s'."},
	{Key: msgHelLocal, DE: "'%s' ist kein gültiger Wert des lokal definierten Typs (%s).", EN: "'%s' is not a valid value of the local %s type."},
	{Key: msgHelMaxExclusive, DE: "[Facette 'maxExclusive'] Der Wert '%s' muss kleiner als '%s' sein.", EN: "[facet 'maxExclusive'] The value '%s' must be less than '%s'."},
	{Key: msgHelMaxInclusive, DE: "[Facette 'maxInclusive'] Der Wert '%s' ist größer als der größte erlaubte Wert ('%s').", EN: "[facet 'maxInclusive'] The value '%s' is greater than the maximum value allowed ('%s')."},
	{Key: msgHelMaxLength, DE: "[Facette 'maxLength'] Der Wert ist %s Zeichen lang; erlaubt sind höchstens %s.", EN: "[facet 'maxLength'] The value has a length of '%s'; this exceeds the allowed maximum length of '%s'."},
	{Key: msgHelMinExclusive, DE: "[Facette 'minExclusive'] Der Wert '%s' muss größer als '%s' sein.", EN: "[facet 'minExclusive'] The value '%s' must be greater than '%s'."},
	{Key: msgHelMinInclusive, DE: "[Facette 'minInclusive'] Der Wert '%s' ist kleiner als der kleinste erlaubte Wert ('%s').", EN: "[facet 'minInclusive'] The value '%s' is less than the minimum value allowed ('%s')."},
	{Key: msgHelMinLength, DE: "[Facette 'minLength'] Der Wert ist %s Zeichen lang; verlangt sind mindestens %s.", EN: "[facet 'minLength'] The value has a length of '%s'; this underruns the allowed minimum length of '%s'."},
	{Key: msgHelMissing, DE: "Es fehlen Kindelemente.", EN: "Missing child element(s)."},
	{Key: msgHelMissingAny, DE: "Es fehlen Kindelemente. Erwartet wird eines von ( %s ).", EN: "Missing child element(s). Expected is one of ( %s )."},
	{Key: msgHelMissingOne, DE: "Es fehlen Kindelemente. Erwartet wird ( %s ).", EN: "Missing child element(s). Expected is ( %s )."},
	{Key: msgHelNilledContent, DE: "Text ist nicht erlaubt, weil das Element mit xsi:nil leer ist.", EN: "Character content is not allowed, because the element is nilled."},
	{Key: msgHelNoRoot, DE: "Für das Wurzelelement gibt es keine passende globale Deklaration im Schema.", EN: "No matching global declaration available for the validation root."},
	{Key: msgHelNotDerived, DE: "Der Typ '%s' ist nicht gültig vom Typ '%s' abgeleitet.", EN: "The type definition '%s' is not validly derived from the type definition '%s'."},
	{Key: msgHelNotExpected, DE: "Dieses Element ist hier nicht erwartet.", EN: "This element is not expected."},
	{Key: msgHelNotExpectedAny, DE: "Dieses Element ist hier nicht erwartet. Erwartet wird eines von ( %s ).", EN: "This element is not expected. Expected is one of ( %s )."},
	{Key: msgHelNotExpectedNilled, DE: "Dieses Element ist hier nicht erwartet, weil das Element '%s' mit xsi:nil leer ist.", EN: "This element is not expected, because the element '%s' is nilled."},
	{Key: msgHelNotExpectedOne, DE: "Dieses Element ist hier nicht erwartet. Erwartet wird ( %s ).", EN: "This element is not expected. Expected is ( %s )."},
	{Key: msgHelPattern, DE: "[Facette 'pattern'] Der Wert '%s' passt nicht zum Muster '%s'.", EN: "[facet 'pattern'] The value '%s' is not accepted by the pattern '%s'."},
	{Key: msgHelSimpleChildren, DE: "Kindelemente sind nicht erlaubt, weil der Inhaltstyp ein einfacher Typ ist.", EN: "Element content is not allowed, because the content type is a simple type definition."},
	{Key: msgHelTotalDigits, DE: "[Facette 'totalDigits'] Der Wert '%s' hat mehr Ziffern als erlaubt ('%s').", EN: "[facet 'totalDigits'] The value '%s' has more digits than are allowed ('%s')."},
	{Key: msgHelUnion, DE: "'%s' ist kein gültiger Wert des Vereinigungstyps '%s'.", EN: "'%s' is not a valid value of the union type '%s'."},
}

func init() { finding.Forms(messagesForms, messagesForms2, messagesForms3) }

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
