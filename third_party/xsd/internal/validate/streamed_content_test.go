package validate

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/jacoelho/xsd/internal/compile"
	"github.com/jacoelho/xsd/internal/source"
)

// The tests below cover a change that is not part of upstream jacoelho/xsd
// v0.4.0: simple content checked piece by piece (see simpleContentStream
// and third_party/xsd/PATCHES.md).

const streamedSchema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root">
    <xs:complexType><xs:choice maxOccurs="unbounded">
      <xs:element name="b64" type="xs:base64Binary"/>
      <xs:element name="b64max"><xs:simpleType><xs:restriction base="xs:base64Binary"><xs:maxLength value="6"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="b64len"><xs:simpleType><xs:restriction base="xs:base64Binary"><xs:length value="3"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="str" type="xs:string"/>
      <xs:element name="strmax"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="10"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="tokmin"><xs:simpleType><xs:restriction base="xs:token"><xs:minLength value="5"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="normlen"><xs:simpleType><xs:restriction base="xs:normalizedString"><xs:length value="5"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="pat"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z]+"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="fixed" type="xs:string" fixed="abc"/>
      <xs:element name="keyed">
        <xs:complexType><xs:sequence><xs:element name="k" type="xs:string" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
        <xs:unique name="u"><xs:selector xpath="k"/><xs:field xpath="."/></xs:unique>
      </xs:element>
    </xs:choice></xs:complexType>
  </xs:element>
</xs:schema>`

// TestStreamedSimpleContentSameVerdicts validates the same documents with
// streamed simple content and with the kept-text path: the verdicts and
// messages must be the same.
func TestStreamedSimpleContentSameVerdicts(t *testing.T) {
	rt, err := compile.Compile(compile.Options{}, []source.Source{source.Bytes("schema.xsd", []byte(streamedSchema))})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("QUJD\n", 40000) // 200 KB, more than one parser piece
	docs := []string{
		"<b64>QUJD</b64>", "<b64>QUJD QUI=</b64>", "<b64>  QU\nJD  </b64>", "<b64>QUJ</b64>", "<b64>QUJ*</b64>", "<b64>QQ==</b64>",
		"<b64>QR==</b64>", "<b64>Q===</b64>", "<b64>QQ==QUJD</b64>", "<b64></b64>", "<b64>" + long + "</b64>", "<b64>" + long + "QUJ</b64>",
		"<b64>QU<!-- c -->JD</b64>", "<b64>QU<![CDATA[JD]]></b64>", "<b64>QUJ&#x44;</b64>",
		"<b64max>QUJDREVG</b64max>", "<b64max>QUJDREVGRw==</b64max>", "<b64len>QUJD</b64len>", "<b64len>QUI=</b64len>",
		"<str>" + long + "</str>", "<str>Straße</str>",
		"<strmax>0123456789</strmax>", "<strmax>01234567890</strmax>", "<strmax>Straße Maß</strmax>", "<strmax>Straße Maß!</strmax>",
		"<strmax>" + long + "</strmax>", "<strmax>ab<!-- x -->cd</strmax>",
		"<tokmin>  a  b  </tokmin>", "<tokmin>  a   b c </tokmin>", "<tokmin>abcde</tokmin>",
		"<normlen>a\tb\nc</normlen>", "<normlen>a b c</normlen>",
		"<pat>abc</pat>", "<pat>ab1</pat>", "<fixed>abc</fixed>", "<fixed>abd</fixed>",
		"<keyed><k>a</k><k>b</k></keyed>", "<keyed><k>a</k><k>a</k></keyed>",
	}
	run := func(stream bool, doc string) string {
		streamSimpleContent = stream
		defer func() { streamSimpleContent = true }()
		s, err := newSessionForTest(rt, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(s.Validate(strings.NewReader("<root>" + doc + "</root>")))
	}
	for _, doc := range docs {
		streamed, kept := run(true, doc), run(false, doc)
		if streamed != kept {
			name := doc
			if len(name) > 60 {
				name = name[:60] + "…"
			}
			t.Errorf("%s:\n streamed: %s\n kept:     %s", name, streamed, kept)
		}
	}
}

// TestStreamedSimpleContentMemory: a base64 value of 32 MiB is checked in
// memory that does not grow with it, and the text limit still applies.
func TestStreamedSimpleContentMemory(t *testing.T) {
	rt, err := compile.Compile(compile.Options{}, []source.Source{source.Bytes("schema.xsd", []byte(streamedSchema))})
	if err != nil {
		t.Fatal(err)
	}
	doc := func(n int) *strings.Reader {
		return strings.NewReader("<root><b64>" + strings.Repeat("QUJD", n/4) + "</b64></root>")
	}
	s, err := newSessionForTest(rt, Options{MaxInstanceTextBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	in := doc(32 << 20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := s.Validate(in); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("validating 32 MiB of base64 allocated %d MiB", alloc>>20)
	}
	limited, err := newSessionForTest(rt, Options{MaxInstanceTextBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if err := limited.Validate(doc(2 << 20)); err == nil || !strings.Contains(err.Error(), "instance text byte limit exceeded") {
		t.Errorf("2 MiB with a 1 MiB text limit: %v", err)
	}
}
