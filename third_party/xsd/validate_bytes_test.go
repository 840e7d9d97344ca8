package xsd_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jacoelho/xsd"
)

const validateBytesTestSchema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified">
  <xs:element name="r">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="code" type="t:code" maxOccurs="unbounded"/>
        <xs:element name="text" type="xs:string" minOccurs="0"/>
        <xs:element name="blob" type="xs:base64Binary" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="n" type="xs:int"/>
    </xs:complexType>
  </xs:element>
  <xs:simpleType name="code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{2}[0-9]*"/></xs:restriction></xs:simpleType>
</xs:schema>`

// TestSessionValidateBytes: a document validated in place gives what the
// same bytes read from a bytes.Reader give, every error in the same words
// and places, and is left as it was (ozgctl patch, PATCHES.md).
func TestSessionValidateBytes(t *testing.T) {
	engine, err := xsd.Compile(xsd.Bytes("schema.xsd", []byte(validateBytesTestSchema)))
	if err != nil {
		t.Fatal(err)
	}
	const head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	doc := func(body string) string { return head + `<r xmlns="urn:t" n="1">` + body + `</r>` }
	docs := []string{
		doc(`<code>AB1</code>`),
		doc(`<code>ab</code><code>X</code><text>x</text>`),
		doc("<code>AB</code>\r\n<text>" + strings.Repeat("Straße € ", 20000) + "</text>"),
		doc(`<code>AB</code><blob>` + strings.Repeat("QUJD", 50000) + `</blob>`),
		doc(`<code>AB</code><text>` + strings.Repeat("x", 200000) + `</text><code>1</code>`),
		"\xef\xbb\xbf" + doc(`<code>AB</code>`),
		doc(`<code>AB</code><text>unclosed`),
		doc(`<code>AB</code><bogus/>`),
		`<r xmlns="urn:t" n="x"><code>AB</code></r>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><r xmlns="urn:t"/>`,
		`<!DOCTYPE r><r xmlns="urn:t"/>`,
		"",
		"   ",
		"<r xmlns='urn:t'><code>A\xffB</code></r>",
	}
	for _, opts := range []xsd.ValidateOptions{
		{},
		{MaxInstanceTextBytes: 1000, MaxInstanceTokenBytes: 1000},
		{MaxInstanceBytes: 100},
	} {
		stream, err := engine.NewSession(opts)
		if err != nil {
			t.Fatal(err)
		}
		inPlace, err := engine.NewSession(opts)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range docs {
			data := []byte(d)
			want := fmt.Sprint(stream.Validate(bytes.NewReader(data)))
			got := fmt.Sprint(inPlace.ValidateBytes(data))
			if got != want {
				t.Errorf("%+v, document %d: ValidateBytes = %s, Validate of a reader = %s", opts, i, got, want)
			}
			if string(data) != d {
				t.Fatalf("%+v, document %d: ValidateBytes changed the document", opts, i)
			}
		}
	}
}
