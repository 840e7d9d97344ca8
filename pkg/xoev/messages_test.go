package xoev

import (
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// TestLocalize: every message form has a sample that it, and no earlier
// form, translates, and English stays as produced.
func TestLocalize(t *testing.T) {
	samples := []string{
		"no XML markup at the start (binary data, or not XML)",
		"end element </a> does not match start element <b>",
		"unexpected EOF before end element </a>",
		"unexpected EOF in comment",
		"multiple root elements",
		"unclosed element",
		"invalid XML comment",
		"unbound namespace prefix p",
		"XML document has multiple roots",
		"XML document is empty",
		"invalid XML character",
		"invalid UTF-8",
		"attribute value must be quoted",
		"attribute value cannot contain <",
		"undeclared entity reference (without a DTD only &lt; &gt; &amp; &apos; &quot; and character references like &#228; are allowed)",
		"unexpected end element",
		"expected end tag 'b'",
		"'>' was required here",
		"string not started (got '1')",
		"'--' not allowed in comment",
		"duplicate attribute is not allowed",
		"empty document",
		"undeclared entity",
		"extra content at document end",
		"namespace 'p' not found",
		"start tag expected, '<' not found",
		"invalid char data",
		"DOCTYPE declarations are not allowed in messages; entities are never expanded and external DTDs never fetched",
		"DOCTYPE and entity declarations are not allowed in messages and are never expanded or fetched: x",
		`unsupported character encoding "X" (supported: UTF-8)`,
		"xsi:schemaLocation has 3 entries, not namespace/location pairs; the hint is ignored",
		"unexpected child element DueDate",
		"missing required child element",
		"missing required attribute id",
		"attribute is not declared: foo",
		"duplicate attribute a",
		`invalid simple content "1234X": pattern facet failed`,
		`invalid simple content "gestern": invalid date/time`,
		`invalid simple content "viel": invalid decimal`,
		`invalid simple content "x": value does not match any union member`,
		`invalid simple content "q": value out of range`,
		"invalid simple content: pattern facet failed",
		"invalid simple content: invalid date/time",
		"invalid simple content: invalid decimal",
		"invalid simple content: value does not match any union member",
		"invalid simple content: value out of range",
		"invalid attribute version: maxLength facet failed",
		"invalid attribute am: invalid date/time",
		"invalid attribute anzahl: invalid integer",
		"invalid attribute x: value out of range",
		"invalid wildcard attribute {urn:x}a",
		"simple type cannot contain child elements",
		"simple content cannot contain child elements",
		"abstract element cannot appear directly",
		"complex type is abstract",
		"element type is unavailable",
		"xsi:type is not derived from declared type",
		"xsi:type extension is blocked",
		"xsi:type restriction is blocked",
		"unknown xsi:type {urn:x}T",
		"invalid xsi:type: x:",
		"invalid xsi:nil value",
		"nilled element must be empty",
		"nilled element cannot have fixed value",
		"multiple ID attributes",
		"wildcard requires declared element {urn:x}e",
		"xsi:schemaLocation must contain namespace/location pairs",
		"invalid xsi:schemaLocation URI ::",
		"invalid xsi:noNamespaceSchemaLocation URI ::",
		"instance document has no root element",
		"text outside root element",
		"CDATA section outside root element",
		"duplicate identity value first seen at /a/b",
		"identity scope limit exceeded",
		"root element is not declared: {urn:x}y",
		"IDREF does not resolve: a",
		"duplicate ID a",
		"character data is not allowed",
		"element is not nillable",
		"fixed attribute mismatch listURI",
		"fixed element value mismatch",
		`This element is not expected. Expected is ( leser ).`,
		`This element is not expected. Expected is one of ( a, b ).`,
		`This element is not expected, because the element 'a' is nilled.`,
		`This element is not expected.`,
		`Missing child element(s). Expected is ( autor ).`,
		`Missing child element(s). Expected is one of ( a, b ).`,
		`Missing child element(s).`,
		`'gestern' is not a valid value of the atomic type 'xs:dateTime'.`,
		`'a b' is not a valid value of the list type 'L'.`,
		`'x' is not a valid value of the union type 'U'.`,
		`'x' is not a valid value of the local atomic type.`,
		`[facet 'pattern'] The value '1234X' is not accepted by the pattern '[0-9]{5}'.`,
		`[facet 'enumeration'] The value 'q' is not an element of the set {'m', 'w'}.`,
		`[facet 'maxLength'] The value has a length of '9'; this exceeds the allowed maximum length of '5'.`,
		`[facet 'minLength'] The value has a length of '0'; this underruns the allowed minimum length of '1'.`,
		`[facet 'length'] The value has a length of '4'; this differs from the allowed length of '5'.`,
		`[facet 'minInclusive'] The value '-1' is less than the minimum value allowed ('0').`,
		`[facet 'maxInclusive'] The value '100' is greater than the maximum value allowed ('99').`,
		`[facet 'minExclusive'] The value '0' must be greater than '0'.`,
		`[facet 'maxExclusive'] The value '9' must be less than '9'.`,
		`[facet 'totalDigits'] The value '123456' has more digits than are allowed ('5').`,
		`[facet 'fractionDigits'] The value '1.234' has more fractional digits than are allowed ('2').`,
		`The attribute 'foo' is not allowed.`,
		`The attribute 'id' is required but missing.`,
		`Element content is not allowed, because the content type is a simple type definition.`,
		`Character content other than whitespace is not allowed because the content type is 'element-only'.`,
		`Character content is not allowed, because the content type is empty.`,
		`Character content is not allowed, because the element is nilled.`,
		`No matching global declaration available for the validation root.`,
		`The type definition 'xs:int' is not validly derived from the type definition 'xs:string'.`,
		`Duplicate key-sequence ['a'] in unique identity-constraint 'u'.`,
		`No match found for key-sequence ['a'] of keyref 'r'.`,
		`Duplicate key-sequence; the ID value 'x1' is already defined elsewhere in the document.`,
		`The value 'a' does not match the fixed value constraint 'b'.`,
		`The element content 'a' does not match the fixed value constraint 'b'.`,
		`code "04" is not in code list urn:x version 1.0; nearest valid codes: "01"`,
		`code "04" is not in code list urn:x version 1.0`,
		`code list urn:x has no version "3" in --codelists (available: 4.1); code not checked`,
		"code list urn:x version 1 not found in --codelists; code not checked",
		"code list urn:x not found in --codelists; code not checked",
		`code element kanal has no listURI: code "02" cannot be checked`,
		"xsi:schemaLocation ignored: odd",
	}
	if len(samples) != len(messageForms()) {
		t.Fatalf("%d samples for %d forms", len(samples), len(messageForms()))
	}
	for i, s := range samples {
		for j, m := range messageForms() {
			if m.en.MatchString(s) {
				if j != i {
					t.Errorf("sample %d %q is caught by form %d", i, s, j)
				}
				break
			}
		}
		fs := []finding.Finding{{Message: s}}
		Localize(fs, "en")
		if fs[0].Message != s {
			t.Errorf("en changed %q", s)
		}
		Localize(fs, "de")
		if fs[0].Message == s || strings.Contains(fs[0].Message, "$") {
			t.Errorf("de: %q -> %q", s, fs[0].Message)
		}
	}
}

func TestLocalizeWellFormedDetail(t *testing.T) {
	for en, de := range map[string]string{
		"message is not well-formed XML: unclosed element":                            "Nachricht ist kein wohlgeformtes XML: ein Element ist nicht geschlossen (Dateiende davor)",
		"message is not well-formed XML: something else broke":                        "Nachricht ist kein wohlgeformtes XML: something else broke",
		"message is not well-formed XML: duplicate attribute b":                       "Nachricht ist kein wohlgeformtes XML: doppeltes Attribut b",
		"message is not well-formed XML: '>' was required here at line 22, column 24": "Nachricht ist kein wohlgeformtes XML: '>' wird hier verlangt (Zeile 22, Spalte 24)",
	} {
		fs := []finding.Finding{{Message: en}}
		Localize(fs, "de")
		if fs[0].Message != de {
			t.Errorf("%q -> %q, want %q", en, fs[0].Message, de)
		}
	}
}
