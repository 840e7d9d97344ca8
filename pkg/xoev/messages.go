package xoev

import (
	"regexp"

	"github.com/ozgctl/ozgctl/pkg/conformance/finding"
)

// Finding messages are produced in English (the validator's own language)
// and rendered in German by [Localize], the default of the CLI. Each entry
// maps one message form, with its arguments as regexp groups, to German.
type messageForm struct {
	en *regexp.Regexp
	de string
}

var messageForms = []messageForm{
	{regexp.MustCompile(`^message is not well-formed XML: no XML markup at the start \(binary data, or not XML\)$`),
		"Nachricht ist kein wohlgeformtes XML: kein XML-Markup am Anfang (Binärdaten oder kein XML)"},
	{regexp.MustCompile(`^message is not well-formed XML: (.*)$`), "Nachricht ist kein wohlgeformtes XML: $1"},
	{regexp.MustCompile(`^DOCTYPE declarations are not allowed in messages; entities are never expanded and external DTDs never fetched$`),
		"DOCTYPE-Deklarationen sind in Nachrichten nicht erlaubt; Entitäten werden nie expandiert, externe DTDs nie geladen"},
	{regexp.MustCompile(`^DOCTYPE and entity declarations are not allowed in messages and are never expanded or fetched: (.*)$`),
		"DOCTYPE- und Entitätsdeklarationen sind in Nachrichten nicht erlaubt und werden nie expandiert oder geladen: $1"},
	{regexp.MustCompile(`^unsupported character encoding "(.*)" \(supported: (.*)\)$`), `nicht unterstützte Zeichenkodierung "$1" (unterstützt: $2)`},
	{regexp.MustCompile(`^xsi:schemaLocation has (\d+) entries, not namespace/location pairs; the hint is ignored$`),
		"xsi:schemaLocation hat $1 Einträge statt Paaren aus Namensraum und Ort; der Hinweis wird ignoriert"},
	{regexp.MustCompile(`^unexpected child element (.*)$`), "unerwartetes Kindelement $1"},
	{regexp.MustCompile(`^missing required child element$`), "ein erforderliches Kindelement fehlt"},
	{regexp.MustCompile(`^missing required attribute (.*)$`), "Pflichtattribut $1 fehlt"},
	{regexp.MustCompile(`^attribute is not declared: (.*)$`), "Attribut ist nicht deklariert: $1"},
	{regexp.MustCompile(`^duplicate attribute (.*)$`), "doppeltes Attribut $1"},
	{regexp.MustCompile(`^invalid simple content (".*"): ([a-zA-Z]+) facet failed$`), "ungültiger Wert $1: verletzt die Facette $2 des Typs"},
	{regexp.MustCompile(`^invalid simple content (".*"): invalid ([a-zA-Z]+)$`), "ungültiger Wert $1: kein gültiger Wert des Typs $2"},
	{regexp.MustCompile(`^invalid simple content (".*"): (.*)$`), "ungültiger Wert $1: $2"},
	{regexp.MustCompile(`^invalid simple content: ([a-zA-Z]+) facet failed$`), "ungültiger Wert: verletzt die Facette $1 des Typs"},
	{regexp.MustCompile(`^invalid simple content: invalid ([a-zA-Z]+)$`), "ungültiger Wert: kein gültiger Wert des Typs $1"},
	{regexp.MustCompile(`^invalid simple content: (.*)$`), "ungültiger Wert: $1"},
	{regexp.MustCompile(`^root element is not declared: (.*)$`), "Wurzelelement ist im Schema nicht deklariert: $1"},
	{regexp.MustCompile(`^IDREF does not resolve: (.*)$`), "IDREF verweist auf keine ID: $1"},
	{regexp.MustCompile(`^duplicate ID (.*)$`), "doppelte ID $1"},
	{regexp.MustCompile(`^character data is not allowed$`), "Zeichendaten sind hier nicht erlaubt"},
	{regexp.MustCompile(`^element is not nillable$`), "Element darf nicht xsi:nil sein"},
	{regexp.MustCompile(`^fixed attribute mismatch (.*)$`), "Attribut weicht vom festen Wert ab: $1"},
	{regexp.MustCompile(`^fixed element value mismatch$`), "Element weicht vom festen Wert ab"},
	{regexp.MustCompile(`^code "(.*)" is not in code list (\S+) version (\S*); nearest valid codes: (.*)$`),
		`Code "$1" ist nicht in der Codeliste $2 Version $3 enthalten; nächstliegende gültige Codes: $4`},
	{regexp.MustCompile(`^code "(.*)" is not in code list (\S+) version (\S*)$`), `Code "$1" ist nicht in der Codeliste $2 Version $3 enthalten`},
	{regexp.MustCompile(`^code list (\S+) has no version "(.*)" in --codelists \(available: (.*)\); code not checked$`),
		`Codeliste $1 liegt in --codelists nicht in Version "$2" vor (vorhanden: $3); Code nicht geprüft`},
	{regexp.MustCompile(`^code list (\S+) version (\S+) not found in --codelists; code not checked(.*)$`),
		"Codeliste $1 Version $2 nicht in --codelists gefunden; Code nicht geprüft$3"},
	{regexp.MustCompile(`^code list (\S+) not found in --codelists; code not checked(.*)$`), "Codeliste $1 nicht in --codelists gefunden; Code nicht geprüft$2"},
	{regexp.MustCompile(`^code element (\S+) has no listURI: code "(.*)" cannot be checked$`), `Code-Element $1 hat keine listURI: Code "$2" kann nicht geprüft werden`},
	{regexp.MustCompile(`^xsi:schemaLocation ignored: (.*)$`), "xsi:schemaLocation ignoriert: $1"},
}

// Localize renders finding messages in lang: "de" (German) or "en"
// (English, as produced). Messages without a German form, such as
// helium's libxml2-style texts, stay English.
func Localize(fs []finding.Finding, lang string) {
	if lang == "en" {
		return
	}
	for i := range fs {
		for _, m := range messageForms {
			if m.en.MatchString(fs[i].Message) {
				fs[i].Message = m.en.ReplaceAllString(fs[i].Message, m.de)
				break
			}
		}
	}
}
