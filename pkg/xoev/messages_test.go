package xoev

import (
	"strings"
	"testing"

	"github.com/jacoelho/xsd/xsderrors"

	"github.com/ozgctl/ozgctl/internal/xmlmsg"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// TestLibraryMessages: every validator text ozgctl knows maps to a key of
// its own (not to the "Originaltext" fallback), and renders in German and
// English without a broken verb.
func TestLibraryMessages(t *testing.T) {
	parser := func(s string) finding.Msg { return jacoelhoMsg(xsderrors.CodeValidationXML, s) }
	validation := func(s string) finding.Msg { return jacoelhoMsg(xsderrors.CodeValidationElement, s) }
	tests := []struct {
		text string
		m    func(string) finding.Msg
	}{
		{"end element </a> does not match start element <b>", parser},
		{"unexpected EOF before end element </a>", parser},
		{"unexpected EOF in comment", parser},
		{"unexpected EOF after <", parser},
		{"multiple root elements", parser},
		{"unclosed element", parser},
		{"invalid XML comment", parser},
		{"unbound namespace prefix p", parser},
		{"XML document is empty", parser},
		{"invalid XML character", parser},
		{"invalid UTF-8", parser},
		{"attribute value must be quoted", parser},
		{"attribute value cannot contain <", parser},
		{"unexpected end element", parser},
		{"expected end tag 'b'", xmlmsg.Detail},
		{"'>' was required here", xmlmsg.Detail},
		{"'</' is required", xmlmsg.Detail},
		{"string not started (got '1')", xmlmsg.Detail},
		{"'--' not allowed in comment", xmlmsg.Detail},
		{"duplicate attribute is not allowed", xmlmsg.Detail},
		{"undeclared entity", xmlmsg.Detail},
		{"extra content at document end", xmlmsg.Detail},
		{"namespace 'p' not found", xmlmsg.Detail},
		{"start tag expected, '<' not found", xmlmsg.Detail},
		{"invalid char data", xmlmsg.Detail},
		{"local name empty! local = , prefix = , err = failed to parse QName ''", xmlmsg.Detail},
		{"element <a> closed by </b>", xmlmsg.Detail},
		{"illegal character code U+0003", xmlmsg.Detail},
		{"expected element name after <", xmlmsg.Detail},
		{"unexpected child element DueDate", validation},
		{"missing required child element", validation},
		{"missing required attribute id", validation},
		{"attribute is not declared: foo", validation},
		{"duplicate attribute a", validation},
		{"invalid simple content: pattern facet failed", validation},
		{"invalid simple content: invalid date/time", validation},
		{"invalid simple content: invalid decimal", validation},
		{"invalid simple content: value does not match any union member", validation},
		{"invalid attribute version: maxLength facet failed", validation},
		{"invalid attribute am: invalid date/time", validation},
		{"invalid attribute anzahl: invalid integer", validation},
		{"invalid wildcard attribute {urn:x}a", validation},
		{"simple type cannot contain child elements", validation},
		{"simple content cannot contain child elements", validation},
		{"abstract element cannot appear directly", validation},
		{"complex type is abstract", validation},
		{"element type is unavailable", validation},
		{"xsi:type is not derived from declared type", validation},
		{"xsi:type extension is blocked", validation},
		{"xsi:type restriction is blocked", validation},
		{"unknown xsi:type {urn:x}T", validation},
		{"invalid xsi:type: x:", validation},
		{"invalid xsi:nil value", validation},
		{"nilled element must be empty", validation},
		{"nilled element cannot have fixed value", validation},
		{"multiple ID attributes", validation},
		{"wildcard requires declared element {urn:x}e", validation},
		{"xsi:schemaLocation must contain namespace/location pairs", validation},
		{"invalid xsi:schemaLocation URI ::", validation},
		{"invalid xsi:noNamespaceSchemaLocation URI ::", validation},
		{"text outside root element", validation},
		{"CDATA section outside root element", validation},
		{"duplicate identity value first seen at /a/b", validation},
		{"identity scope limit exceeded", validation},
		{"root element is not declared: {urn:x}y", validation},
		{"IDREF does not resolve: a", validation},
		{"duplicate ID a first seen at /a", validation},
		{"character data is not allowed", validation},
		{"element is not nillable", validation},
		{"fixed attribute mismatch listURI", validation},
		{"fixed element value mismatch", validation},
		{"keyref does not resolve", validation},
		{`This element is not expected. Expected is ( leser ).`, heliumMessage},
		{`This element is not expected. Expected is one of ( a, b ).`, heliumMessage},
		{`This element is not expected, because the element 'a' is nilled.`, heliumMessage},
		{`This element is not expected.`, heliumMessage},
		{`Missing child element(s). Expected is ( autor ).`, heliumMessage},
		{`Missing child element(s). Expected is one of ( a, b ).`, heliumMessage},
		{`Missing child element(s).`, heliumMessage},
		{`'gestern' is not a valid value of the atomic type 'xs:dateTime'.`, heliumMessage},
		{`'a b' is not a valid value of the list type 'L'.`, heliumMessage},
		{`'x' is not a valid value of the union type 'U'.`, heliumMessage},
		{`'x' is not a valid value of the local atomic type.`, heliumMessage},
		{`[facet 'pattern'] The value '1234X' is not accepted by the pattern '[0-9]{5}'.`, heliumMessage},
		{`[facet 'enumeration'] The value 'q' is not an element of the set {'m', 'w'}.`, heliumMessage},
		{`[facet 'maxLength'] The value has a length of '9'; this exceeds the allowed maximum length of '5'.`, heliumMessage},
		{`[facet 'minLength'] The value has a length of '0'; this underruns the allowed minimum length of '1'.`, heliumMessage},
		{`[facet 'length'] The value has a length of '4'; this differs from the allowed length of '5'.`, heliumMessage},
		{`[facet 'minInclusive'] The value '-1' is less than the minimum value allowed ('0').`, heliumMessage},
		{`[facet 'maxInclusive'] The value '100' is greater than the maximum value allowed ('99').`, heliumMessage},
		{`[facet 'minExclusive'] The value '0' must be greater than '0'.`, heliumMessage},
		{`[facet 'maxExclusive'] The value '9' must be less than '9'.`, heliumMessage},
		{`[facet 'totalDigits'] The value '123456' has more digits than are allowed ('5').`, heliumMessage},
		{`[facet 'fractionDigits'] The value '1.234' has more fractional digits than are allowed ('2').`, heliumMessage},
		{`The attribute 'foo' is not allowed.`, heliumMessage},
		{`The attribute 'id' is required but missing.`, heliumMessage},
		{`Element content is not allowed, because the content type is a simple type definition.`, heliumMessage},
		{`Character content other than whitespace is not allowed because the content type is 'element-only'.`, heliumMessage},
		{`Character content is not allowed, because the content type is empty.`, heliumMessage},
		{`Character content is not allowed, because the element is nilled.`, heliumMessage},
		{`No matching global declaration available for the validation root.`, heliumMessage},
		{`The type definition 'xs:int' is not validly derived from the type definition 'xs:string'.`, heliumMessage},
		{`Duplicate key-sequence ['a'] in unique identity-constraint 'u'.`, heliumMessage},
		{`No match found for key-sequence ['a'] of keyref 'r'.`, heliumMessage},
		{`Duplicate key-sequence; the ID value 'x1' is already defined elsewhere in the document.`, heliumMessage},
		{`Duplicate key-sequence; the ID value 'x1' (attribute 'id') is already defined elsewhere in the document.`, heliumMessage},
		{`There is no ID/IDREF binding for the IDREF 'code' (attribute 'Ref').`, heliumMessage},
		{`The value 'a' does not match the fixed value constraint 'b'.`, heliumMessage},
		{`The element content 'a' does not match the fixed value constraint 'b'.`, heliumMessage},
	}
	fallback := map[finding.Key]bool{msgXSDOther: true, msgValueOther: true, xmlmsg.Other: true}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m := tt.m(tt.text)
			keys := []finding.Key{m.Key}
			for _, a := range m.Args {
				if sub, ok := a.(finding.Msg); ok {
					keys = append(keys, sub.Key)
				}
			}
			for _, k := range keys {
				if fallback[k] {
					t.Fatalf("mapped to the fallback %s: %v", k, m)
				}
			}
			de, en := m.Text("de"), m.Text("en")
			if de == en || strings.Contains(de+en, "%!") {
				t.Errorf("de %q, en %q", de, en)
			}
		})
	}
}

// TestLibraryMessageFallback: an unknown text keeps its words, marked.
func TestLibraryMessageFallback(t *testing.T) {
	for _, m := range []finding.Msg{xsdMessage("something new broke"), heliumMessage("something new broke"), xmlmsg.Detail("something new broke")} {
		if got := m.Text("de"); !strings.Contains(got, "(Originaltext: something new broke)") {
			t.Errorf("de: %q", got)
		}
		if got := m.Text("en"); !strings.Contains(got, "(original text: something new broke)") {
			t.Errorf("en: %q", got)
		}
	}
}
