package xoev

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Finding messages are produced in English (the validator's own language)
// and rendered in German by [Localize], the default of the CLI. Each entry
// maps one message form, with its arguments as regexp groups, to German.
type messageForm struct {
	en *regexp.Regexp
	de string
}

// messageForms compiles the forms on first use: well over a hundred
// regexps would otherwise cost every ozgctl process milliseconds at start.
var messageForms = sync.OnceValue(func() []messageForm {
	out := make([]messageForm, len(messageSources))
	for i, m := range messageSources {
		out[i] = messageForm{regexp.MustCompile(m.en), m.de}
	}
	return out
})

// messageSources are the forms: the English text as a regexp, the German
// replacement.
var messageSources = []struct{ en, de string }{
	{`^no XML markup at the start \(binary data, or not XML\)$`,
		"kein XML-Markup am Anfang (Binärdaten oder kein XML)"},
	{`^end element </(.*)> does not match start element <(.*)>$`, "End-Tag </$1> passt nicht zum Start-Tag <$2>"},
	{`^unexpected EOF before end element </(.*)>$`, "Dateiende vor dem End-Tag </$1>"},
	{`^unexpected EOF(?: in ([a-zA-Z0-9 -]+))?$`, "unerwartetes Dateiende"},
	{`^multiple root elements$`, "mehr als ein Wurzelelement"},
	{`^unclosed element$`, "ein Element ist nicht geschlossen (Dateiende davor)"},
	{`^invalid XML comment$`, "ungültiger XML-Kommentar (etwa \"--\" im Kommentar)"},
	{`^unbound namespace prefix (.*)$`, "Namensraum-Präfix $1 ist nicht deklariert"},
	{`^XML document has multiple roots$`, "mehr als ein Wurzelelement"},
	{`^XML document is empty$`, "das Dokument ist leer"},
	{`^invalid XML character$`, "ungültiges XML-Zeichen"},
	{`^invalid UTF-8$`, "ungültige UTF-8-Bytefolge"},
	{`^attribute value must be quoted$`, "Attributwerte müssen in Anführungszeichen stehen"},
	{`^attribute value cannot contain <$`, "Attributwerte dürfen kein < enthalten"},
	{`^undeclared entity reference \(without a DTD only (.*) and character references like (.*) are allowed\)$`,
		"nicht deklarierte Entitätsreferenz (ohne DTD sind nur $1 und Zeichenreferenzen wie $2 erlaubt)"},
	{`^unexpected end element$`, "End-Tag ohne Start-Tag"},
	// helium's parser (the fallback engine); Localize moves its
	// " at line N, column M" out first.
	{`^expected end tag '(.*)'$`, "End-Tag '$1' erwartet"},
	{`^'(.*)' (?:is required|was required here)$`, "'$1' wird hier verlangt"},
	{`^string not started \(got '(.*)'\)$`, "Attributwert ohne Anführungszeichen (gefunden: '$1')"},
	{`^'--' not allowed in comment$`, "'--' ist in Kommentaren nicht erlaubt"},
	{`^duplicate attribute is not allowed$`, "doppeltes Attribut"},
	{`^empty document$`, "das Dokument ist leer"},
	{`^undeclared entity$`, "nicht deklarierte Entitätsreferenz"},
	{`^extra content at document end$`, "weiterer Inhalt nach dem Wurzelelement"},
	{`^namespace '(.*)' not found$`, "Namensraum-Präfix '$1' ist nicht deklariert"},
	{`^start tag expected, '<' not found$`, "Start-Tag erwartet, '<' fehlt"},
	{`^invalid char data$`, "ungültige Zeichen im Text"},
	{`^DOCTYPE declarations are not allowed in messages; entities are never expanded and external DTDs never fetched$`,
		"DOCTYPE-Deklarationen sind in Nachrichten nicht erlaubt; Entitäten werden nie expandiert, externe DTDs nie geladen"},
	{`^DOCTYPE and entity declarations are not allowed in messages and are never expanded or fetched: (.*)$`,
		"DOCTYPE- und Entitätsdeklarationen sind in Nachrichten nicht erlaubt und werden nie expandiert oder geladen: $1"},
	{`^unsupported character encoding "(.*)" \(supported: (.*)\)$`, `nicht unterstützte Zeichenkodierung "$1" (unterstützt: $2)`},
	{`^xsi:schemaLocation has (\d+) entries, not namespace/location pairs; the hint is ignored$`,
		"xsi:schemaLocation enthält eine ungerade Zahl von Einträgen ($1) statt Paaren aus Namensraum und Ort; der Hinweis wird ignoriert"},
	{`^unexpected child element (.*)$`, "unerwartetes Kindelement $1"},
	{`^missing required child element$`, "ein erforderliches Kindelement fehlt"},
	{`^missing required attribute (.*)$`, "Pflichtattribut $1 fehlt"},
	{`^attribute is not declared: (.*)$`, "Attribut ist nicht deklariert: $1"},
	{`^duplicate attribute (.*)$`, "doppeltes Attribut $1"},
	{`^invalid simple content (".*"): ([a-zA-Z]+) facet failed$`, "ungültiger Wert $1: verletzt die Facette $2 des Typs"},
	{`^invalid simple content (".*"): invalid date/time$`, "ungültiger Wert $1: kein gültiges Datum bzw. keine gültige Uhrzeit"},
	{`^invalid simple content (".*"): invalid ([a-zA-Z:]+)$`, "ungültiger Wert $1: kein gültiger Wert des Typs $2"},
	{`^invalid simple content (".*"): value does not match any union member$`, "ungültiger Wert $1: passt zu keinem Typ der Vereinigung (union)"},
	{`^invalid simple content (".*"): (.*)$`, "ungültiger Wert $1: $2"},
	{`^invalid simple content: ([a-zA-Z]+) facet failed$`, "ungültiger Wert: verletzt die Facette $1 des Typs"},
	{`^invalid simple content: invalid date/time$`, "ungültiger Wert: kein gültiges Datum bzw. keine gültige Uhrzeit"},
	{`^invalid simple content: invalid ([a-zA-Z:]+)$`, "ungültiger Wert: kein gültiger Wert des Typs $1"},
	{`^invalid simple content: value does not match any union member$`, "ungültiger Wert: passt zu keinem Typ der Vereinigung (union)"},
	{`^invalid simple content: (.*)$`, "ungültiger Wert: $1"},
	{`^invalid attribute (\S+): ([a-zA-Z]+) facet failed$`, "ungültiges Attribut $1: verletzt die Facette $2 des Typs"},
	{`^invalid attribute (\S+): invalid date/time$`, "ungültiges Attribut $1: kein gültiges Datum bzw. keine gültige Uhrzeit"},
	{`^invalid attribute (\S+): invalid ([a-zA-Z:]+)$`, "ungültiges Attribut $1: kein gültiger Wert des Typs $2"},
	{`^invalid attribute (\S+): (.*)$`, "ungültiges Attribut $1: $2"},
	{`^invalid wildcard attribute (.*)$`, "ungültiges Wildcard-Attribut $1"},
	{`^simple type cannot contain child elements$`, "ein einfacher Typ darf keine Kindelemente enthalten"},
	{`^simple content cannot contain child elements$`, "einfacher Inhalt darf keine Kindelemente enthalten"},
	{`^abstract element cannot appear directly$`, "ein abstraktes Element darf nicht direkt vorkommen"},
	{`^complex type is abstract$`, "der komplexe Typ ist abstrakt"},
	{`^element type is unavailable$`, "der Typ des Elements ist nicht verfügbar"},
	{`^xsi:type is not derived from declared type$`, "xsi:type ist nicht vom deklarierten Typ abgeleitet"},
	{`^xsi:type extension is blocked$`, "xsi:type: Ableitung durch Erweiterung ist gesperrt (block)"},
	{`^xsi:type restriction is blocked$`, "xsi:type: Ableitung durch Einschränkung ist gesperrt (block)"},
	{`^unknown xsi:type (.*)$`, "unbekannter xsi:type $1"},
	{`^invalid xsi:type: (.*)$`, "ungültiger xsi:type: $1"},
	{`^invalid xsi:nil value$`, "ungültiger Wert für xsi:nil"},
	{`^nilled element must be empty$`, "ein Element mit xsi:nil=\"true\" muss leer sein"},
	{`^nilled element cannot have fixed value$`, "ein Element mit xsi:nil=\"true\" darf keinen festen Wert haben"},
	{`^multiple ID attributes$`, "mehrere Attribute vom Typ ID"},
	{`^wildcard requires declared element (.*)$`, "die Wildcard verlangt ein deklariertes Element: $1"},
	{`^xsi:schemaLocation must contain namespace/location pairs$`, "xsi:schemaLocation muss Paare aus Namensraum und Ort enthalten"},
	{`^invalid xsi:schemaLocation URI (.*)$`, "ungültige URI in xsi:schemaLocation: $1"},
	{`^invalid xsi:noNamespaceSchemaLocation URI (.*)$`, "ungültige URI in xsi:noNamespaceSchemaLocation: $1"},
	{`^instance document has no root element$`, "das Dokument hat kein Wurzelelement"},
	{`^text outside root element$`, "Text außerhalb des Wurzelelements"},
	{`^CDATA section outside root element$`, "CDATA-Abschnitt außerhalb des Wurzelelements"},
	{`^duplicate identity value first seen at (.*)$`, "doppelter Schlüsselwert (xs:unique/xs:key), zuerst bei $1"},
	{`^identity (entry|scope|tuple byte) limit exceeded$`, "Grenze für Identitätsbedingungen überschritten ($1)"},
	{`^root element is not declared: (.*)$`, "Wurzelelement ist im Schema nicht deklariert: $1"},
	{`^IDREF does not resolve: (.*)$`, "IDREF verweist auf keine ID: $1"},
	{`^duplicate ID (.*)$`, "doppelte ID $1"},
	{`^character data is not allowed$`, "Zeichendaten sind hier nicht erlaubt"},
	{`^element is not nillable$`, "Element darf nicht xsi:nil sein"},
	{`^fixed attribute mismatch (.*)$`, "Attribut weicht vom festen Wert ab: $1"},
	{`^fixed element value mismatch$`, "Element weicht vom festen Wert ab"},
	// helium (the fallback engine) speaks libxml2's texts.
	{`^This element is not expected\. Expected is \( (.*) \)\.$`, "Dieses Element ist hier nicht erwartet. Erwartet wird ( $1 )."},
	{`^This element is not expected\. Expected is one of \( (.*) \)\.$`, "Dieses Element ist hier nicht erwartet. Erwartet wird eines von ( $1 )."},
	{`^This element is not expected, because the element '(.*)' is nilled\.$`, "Dieses Element ist hier nicht erwartet, weil das Element '$1' mit xsi:nil leer ist."},
	{`^This element is not expected\.?$`, "Dieses Element ist hier nicht erwartet."},
	{`^Missing child element\(s\)\. Expected is \( (.*) \)\.$`, "Es fehlen Kindelemente. Erwartet wird ( $1 )."},
	{`^Missing child element\(s\)\. Expected is one of \( (.*) \)\.$`, "Es fehlen Kindelemente. Erwartet wird eines von ( $1 )."},
	{`^Missing child element\(s\)\.?$`, "Es fehlen Kindelemente."},
	{`^'(.*)' is not a valid value of the atomic type '(.*)'\.$`, "'$1' ist kein gültiger Wert des atomaren Typs '$2'."},
	{`^'(.*)' is not a valid value of the list type '(.*)'\.$`, "'$1' ist kein gültiger Wert des Listentyps '$2'."},
	{`^'(.*)' is not a valid value of the union type '(.*)'\.$`, "'$1' ist kein gültiger Wert des Vereinigungstyps '$2'."},
	{`^'(.*)' is not a valid value of the local (atomic|list|union) type\.$`, "'$1' ist kein gültiger Wert des lokal definierten Typs ($2)."},
	{`^\[facet 'pattern'\] The value '(.*)' is not accepted by the patterns? '(.*)'\.$`, "[Facette 'pattern'] Der Wert '$1' passt nicht zum Muster '$2'."},
	{`^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$`, "[Facette 'enumeration'] Der Wert '$1' ist nicht in der Menge {$2} enthalten."},
	{`^\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.$`, "[Facette 'maxLength'] Der Wert ist $1 Zeichen lang; erlaubt sind höchstens $2."},
	{`^\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.$`, "[Facette 'minLength'] Der Wert ist $1 Zeichen lang; verlangt sind mindestens $2."},
	{`^\[facet 'length'\] The value has a length of '(\d+)'; this differs from the allowed length of '(\d+)'\.$`, "[Facette 'length'] Der Wert ist $1 Zeichen lang; verlangt sind genau $2."},
	{`^\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)\.$`, "[Facette 'minInclusive'] Der Wert '$1' ist kleiner als der kleinste erlaubte Wert ('$2')."},
	{`^\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)\.$`, "[Facette 'maxInclusive'] Der Wert '$1' ist größer als der größte erlaubte Wert ('$2')."},
	{`^\[facet 'minExclusive'\] The value '(.*)' must be greater than '(.*)'\.$`, "[Facette 'minExclusive'] Der Wert '$1' muss größer als '$2' sein."},
	{`^\[facet 'maxExclusive'\] The value '(.*)' must be less than '(.*)'\.$`, "[Facette 'maxExclusive'] Der Wert '$1' muss kleiner als '$2' sein."},
	{`^\[facet 'totalDigits'\] The value '(.*)' has more digits than are allowed \('(\d+)'\)\.$`, "[Facette 'totalDigits'] Der Wert '$1' hat mehr Ziffern als erlaubt ('$2')."},
	{`^\[facet 'fractionDigits'\] The value '(.*)' has more fractional digits than are allowed \('(\d+)'\)\.$`, "[Facette 'fractionDigits'] Der Wert '$1' hat mehr Nachkommastellen als erlaubt ('$2')."},
	{`^The attribute '(.*)' is not allowed\.$`, "Das Attribut '$1' ist nicht erlaubt."},
	{`^The attribute '(.*)' is required but missing\.$`, "Das Pflichtattribut '$1' fehlt."},
	{`^Element content is not allowed, because the content type is a simple type definition\.$`, "Kindelemente sind nicht erlaubt, weil der Inhaltstyp ein einfacher Typ ist."},
	{`^Character content other than whitespace is not allowed because the content type is 'element-only'\.$`, "Text außer Leerraum ist nicht erlaubt, weil der Inhalt nur aus Elementen besteht."},
	{`^Character content is not allowed, because the content type is empty\.$`, "Text ist nicht erlaubt, weil der Inhalt leer sein muss."},
	{`^Character content is not allowed, because the element is nilled\.$`, "Text ist nicht erlaubt, weil das Element mit xsi:nil leer ist."},
	{`^No matching global declaration available for the validation root\.$`, "Für das Wurzelelement gibt es keine passende globale Deklaration im Schema."},
	{`^The type definition '(.*)' is not validly derived from the type definition '(.*)'\.$`, "Der Typ '$1' ist nicht gültig vom Typ '$2' abgeleitet."},
	{`^Duplicate key-sequence (.*) in unique identity-constraint '(.*)'\.$`, "Doppelte Schlüsselwerte $1 in der Eindeutigkeitsbedingung '$2'."},
	{`^No match found for key-sequence (.*) of keyref '(.*)'\.$`, "Zu den Schlüsselwerten $1 der Referenz (keyref) '$2' gibt es keinen Schlüssel."},
	{`^Duplicate key-sequence; the ID value '(.*)' (?:\(attribute '.*'\) )?is already defined elsewhere in the document\.$`, "Die ID '$1' ist im Dokument schon vergeben."},
	{`^The value '(.*)' does not match the fixed value constraint '(.*)'\.$`, "Der Wert '$1' weicht vom festen Wert '$2' ab."},
	{`^The element content '(.*)' does not match the fixed value constraint '(.*)'\.$`, "Der Inhalt '$1' weicht vom festen Wert '$2' ab."},
	{`^code "(.*)" is not in code list (\S+) version (\S*); nearest valid codes: (.*)$`,
		`Code "$1" ist nicht in der Codeliste $2 Version $3 enthalten; nächstliegende gültige Codes: $4`},
	{`^code "(.*)" is not in code list (\S+) version (\S*)$`, `Code "$1" ist nicht in der Codeliste $2 Version $3 enthalten`},
	{`^code list (\S+) has no version "(.*)" in --codelists \(available: (.*)\); code not checked$`,
		`Codeliste $1 liegt in --codelists nicht in Version "$2" vor (vorhanden: $3); Code nicht geprüft`},
	{`^code list (\S+) version (\S+) not found in --codelists; code not checked(.*)$`,
		"Codeliste $1 Version $2 nicht in --codelists gefunden; Code nicht geprüft$3"},
	{`^code list (\S+) not found in --codelists; code not checked(.*)$`, "Codeliste $1 nicht in --codelists gefunden; Code nicht geprüft$2"},
	{`^code element (\S+) has no listURI: code "(.*)" cannot be checked$`, `Code-Element $1 hat keine listURI: Code "$2" kann nicht geprüft werden`},
	{`^xsi:schemaLocation ignored: (.*)$`, "xsi:schemaLocation ignoriert: $1"},
}

// Localize renders finding messages in lang: "de" (German) or "en"
// (English, as produced). Messages without a German form (such as
// helium's well-formedness errors) stay English.
func Localize(fs []finding.Finding, lang string) {
	if lang == "en" {
		return
	}
	for i := range fs {
		fs[i].Message = localize(fs[i].Message)
	}
}

// heliumPlace is how helium's parser ends a message with its position.
var heliumPlace = regexp.MustCompile(` at line (\d+), column (\d+)$`)

// wellFormedPrefix starts every finding about XML that cannot be parsed;
// the detail after it is translated on its own.
const wellFormedPrefix = "message is not well-formed XML: "

func localize(msg string) string {
	if detail, ok := strings.CutPrefix(msg, wellFormedPrefix); ok {
		if m := heliumPlace.FindStringSubmatchIndex(detail); m != nil {
			return "Nachricht ist kein wohlgeformtes XML: " + localize(detail[:m[0]]) +
				" (Zeile " + detail[m[2]:m[3]] + ", Spalte " + detail[m[4]:m[5]] + ")"
		}
		return "Nachricht ist kein wohlgeformtes XML: " + localize(detail)
	}
	for _, m := range messageForms() {
		if m.en.MatchString(msg) {
			return m.en.ReplaceAllString(msg, m.de)
		}
	}
	return msg
}
