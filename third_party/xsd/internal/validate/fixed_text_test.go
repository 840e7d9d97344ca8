package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jacoelho/xsd/internal/compile"
	"github.com/jacoelho/xsd/internal/source"
)

// The test below covers a change that is not part of upstream jacoelho/xsd
// v0.4.0: an attribute value equal to its fixed value's canonical text is
// accepted without validation (see fixedTextAccepts and
// third_party/xsd/PATCHES.md).

const fixedTextSchema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="patURI"><xs:restriction base="xs:anyURI"><xs:pattern value="urn:[a-z:]+"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="enumTok"><xs:restriction base="xs:token"><xs:enumeration value="a b"/><xs:enumeration value="c"/></xs:restriction></xs:simpleType>
  <xs:element name="root">
    <xs:complexType><xs:sequence><xs:element name="e" maxOccurs="unbounded">
      <xs:complexType>
        <xs:attribute name="uri" type="xs:anyURI" fixed="urn:x:list"/>
        <xs:attribute name="puri" type="patURI" fixed="urn:a:b"/>
        <xs:attribute name="tok" type="xs:token" fixed="a  b"/>
        <xs:attribute name="etok" type="enumTok" fixed=" a b "/>
        <xs:attribute name="norm" type="xs:normalizedString" fixed="a&#9;b"/>
        <xs:attribute name="str" type="xs:string" fixed="x"/>
        <xs:attribute name="nc" type="xs:NCName" fixed="n1"/>
        <xs:attribute name="dec" type="xs:decimal" fixed="1.50"/>
      </xs:complexType>
    </xs:element></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>`

// TestFixedTextSameVerdicts validates attributes with fixed values with and
// without the fixed-text shortcut, in one reused session: the verdicts and
// messages must be the same.
func TestFixedTextSameVerdicts(t *testing.T) {
	rt, err := compile.Compile(compile.Options{}, []source.Source{source.Bytes("schema.xsd", []byte(fixedTextSchema))})
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{
		`<e uri="urn:x:list"/>`, `<e uri=" urn:x:list "/>`, `<e uri="urn:x:lis"/>`, `<e uri=""/>`, `<e uri="urn:x:list%zz"/>`,
		`<e uri="urn&#58;x:list"/>`, `<e uri="urn:x:list"/><e uri="urn:x:list"/>`,
		`<e puri="urn:a:b"/>`, `<e puri="urn:a:c"/>`, `<e puri="urn:a:b "/>`,
		`<e tok="a b"/>`, `<e tok="a  b"/>`, `<e tok=" a b"/>`, `<e tok="ab"/>`,
		`<e etok="a b"/>`, `<e etok=" a  b"/>`, `<e etok="c"/>`,
		`<e norm="a b"/>`, `<e norm="a&#9;b"/>`, `<e norm="a  b"/>`,
		`<e str="x"/>`, `<e str=" x"/>`, `<e nc="n1"/>`, `<e nc=" n1 "/>`, `<e nc="1n"/>`,
		`<e dec="1.5"/>`, `<e dec="1.50"/>`, `<e dec="1.6"/>`,
	}
	run := func(shortcut bool) []string {
		acceptFixedText = shortcut
		defer func() { acceptFixedText = true }()
		s, err := newSessionForTest(rt, Options{})
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(docs))
		for i, doc := range docs {
			out[i] = fmt.Sprint(s.Validate(strings.NewReader("<root>" + doc + "</root>")))
		}
		return out
	}
	with, without := run(true), run(false)
	for i, doc := range docs {
		if with[i] != without[i] {
			t.Errorf("%s:\n shortcut: %s\n full:     %s", doc, with[i], without[i])
		}
	}
	if with[0] != "<nil>" || with[2] == "<nil>" {
		t.Errorf("fixed anyURI: equal %s, different %s", with[0], with[2])
	}
}
