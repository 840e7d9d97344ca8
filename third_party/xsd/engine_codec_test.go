package xsd_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jacoelho/xsd"
)

// codecSchema uses what the runtime tables hold: patterns for the simple
// matcher, for regexp with its DFA and for regexp alone (\b is not
// DFA-able … XSD has no \b, so a long alternation stands in), enumerations,
// numeric and length facets, lists and unions, defaults and fixed values,
// identity constraints, a substitution group, wildcards, choice, all and
// mixed content, and attribute groups.
const codecSchema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:codec" targetNamespace="urn:codec" elementFormDefault="qualified">
  <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{2}[0-9]{3}"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Latin"><xs:restriction base="xs:string">
    <xs:pattern value="([&#x20;-&#x7E;]|[&#xA0;-&#xFF;]|&#x100;|&#x101;|&#x102;&#x300;|ẞ|[&#x1E00;-&#x1E9B;])*"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="Color"><xs:restriction base="xs:token">
    <xs:enumeration value="red"/><xs:enumeration value="green"/><xs:enumeration value="blue"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="Small"><xs:restriction base="xs:decimal">
    <xs:minInclusive value="-10.5"/><xs:maxExclusive value="100"/><xs:fractionDigits value="2"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="Ints"><xs:list itemType="xs:int"/></xs:simpleType>
  <xs:simpleType name="DateOrInt"><xs:union memberTypes="xs:date xs:int"/></xs:simpleType>
  <xs:simpleType name="Short"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
  <xs:attributeGroup name="common">
    <xs:attribute name="id" type="xs:ID"/>
    <xs:attribute name="lang" type="xs:language" default="de"/>
  </xs:attributeGroup>
  <xs:complexType name="Base"><xs:sequence><xs:element name="name" type="t:Latin"/></xs:sequence>
    <xs:attributeGroup ref="t:common"/></xs:complexType>
  <xs:complexType name="Derived"><xs:complexContent><xs:extension base="t:Base">
    <xs:sequence><xs:element name="code" type="t:Code" maxOccurs="3"/></xs:sequence>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:element name="item" type="t:Base" abstract="true"/>
  <xs:element name="special" type="t:Derived" substitutionGroup="t:item"/>
  <xs:element name="plain" type="t:Base" substitutionGroup="t:item"/>
  <xs:element name="root">
    <xs:complexType><xs:sequence>
      <xs:element ref="t:item" maxOccurs="unbounded"/>
      <xs:choice>
        <xs:element name="color" type="t:Color"/>
        <xs:element name="amount" type="t:Small"/>
      </xs:choice>
      <xs:element name="ints" type="t:Ints" minOccurs="0"/>
      <xs:element name="when" type="t:DateOrInt" minOccurs="0"/>
      <xs:element name="short" type="t:Short" minOccurs="0" default="abc"/>
      <xs:element name="fixed" type="xs:string" minOccurs="0" fixed="F"/>
      <xs:element name="note" minOccurs="0"><xs:complexType mixed="true"><xs:sequence>
        <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>
      <xs:element name="pair" minOccurs="0"><xs:complexType><xs:all>
        <xs:element name="a" type="xs:boolean"/><xs:element name="b" type="xs:dateTime"/>
      </xs:all></xs:complexType></xs:element>
      <xs:element name="ref" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:anyAttribute namespace="##other" processContents="skip"/>
    </xs:complexType>
    <xs:key name="nameKey"><xs:selector xpath="t:special|t:plain"/><xs:field xpath="t:name"/></xs:key>
    <xs:keyref name="nameRef" refer="t:nameKey"><xs:selector xpath="t:ref"/><xs:field xpath="."/></xs:keyref>
  </xs:element>
</xs:schema>`

var codecInstances = []string{
	`<root xmlns="urn:codec"><plain><name>Anna</name></plain><color>red</color></root>`,
	`<root xmlns="urn:codec" xmlns:o="urn:o" o:x="1"><special id="s1"><name>Ðörte ẞ</name><code>AB123</code><code>CD456</code></special><amount>99.99</amount><ints>1 2 3</ints><when>2024-02-29</when><short>ab</short><fixed>F</fixed><note>text <o:any/> more</note><pair><b>2024-01-01T00:00:00Z</b><a>true</a></pair><ref>Ðörte ẞ</ref></root>`,
	`<root xmlns="urn:codec"><item><name>x</name></item><color>red</color></root>`,
	`<root xmlns="urn:codec"><plain><name>bad ` + "\u0400" + `</name></plain><color>pink</color></root>`,
	`<root xmlns="urn:codec"><special><name>a</name><code>ab123</code></special><amount>100</amount></root>`,
	`<root xmlns="urn:codec"><plain><name>a</name></plain><amount>1.234</amount><ints>1 x</ints><when>tomorrow</when><short>toolong</short><fixed>G</fixed></root>`,
	`<root xmlns="urn:codec"><plain><name>a</name></plain><plain><name>a</name></plain><color>blue</color><ref>b</ref></root>`,
	`<root xmlns="urn:codec"><plain id="1"><name>a</name></plain><color>blue</color><pair><a>maybe</a></pair></root>`,
	`<root xmlns="urn:codec"><plain><name>a</name></plain><color>blue</color><unknown/></root>`,
	`<root xmlns="urn:codec"><plain><name>a</name></plain>`,
	`<other xmlns="urn:codec"/>`,
}

func validationText(t *testing.T, e *xsd.Engine) string {
	t.Helper()
	var b strings.Builder
	for i, doc := range codecInstances {
		fmt.Fprintf(&b, "%d: %v\n", i, e.Validate(strings.NewReader(doc)))
	}
	return b.String()
}

func TestEngineBinaryRoundTrip(t *testing.T) {
	eng, err := xsd.Compile(xsd.Bytes("codec.xsd", []byte(codecSchema)))
	if err != nil {
		t.Fatal(err)
	}
	want := validationText(t, eng)
	if strings.Count(want, ": <nil>") != 2 {
		t.Fatalf("want two valid instances and the rest invalid:\n%s", want)
	}
	data, err := eng.AppendBinary([]byte("prefix"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("prefix")) {
		t.Fatal("AppendBinary did not append")
	}
	loaded, err := xsd.LoadEngine(data[len("prefix"):])
	if err != nil {
		t.Fatal(err)
	}
	if got := validationText(t, loaded); got != want {
		t.Errorf("loaded engine validates differently:\n got %s\nwant %s", got, want)
	}
	// Twice: the loaded engine encodes to a loadable form again.
	again, err := loaded.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(data)-len("prefix") {
		t.Errorf("re-encoded size %d, first %d", len(again), len(data)-len("prefix"))
	}
	reloaded, err := xsd.LoadEngine(again)
	if err != nil {
		t.Fatal(err)
	}
	if got := validationText(t, reloaded); got != want {
		t.Errorf("reloaded engine validates differently:\n got %s\nwant %s", got, want)
	}
}

// TestLoadEngineDamaged: every truncation and a flipped byte at every
// place either fails to load or loads; none panics.
func TestLoadEngineDamaged(t *testing.T) {
	eng, err := xsd.Compile(xsd.Bytes("codec.xsd", []byte(codecSchema)))
	if err != nil {
		t.Fatal(err)
	}
	data, err := eng.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	// Every length near the ends, a spread in between (every byte would
	// take seconds: the built-in types alone are tens of kilobytes).
	for n := 0; n < len(data); n++ {
		if n > 300 && n < len(data)-300 {
			n += 37
		}
		if _, err := xsd.LoadEngine(data[:n]); err == nil {
			t.Fatalf("a truncation to %d of %d bytes loaded", n, len(data))
		}
	}
	if _, err := xsd.LoadEngine(append(bytes.Clone(data), 0)); err == nil {
		t.Fatal("trailing bytes loaded")
	}
	for i := 0; i < len(data); i += 1 + i/500 {
		b := bytes.Clone(data)
		b[i] ^= 0xa5
		_, _ = xsd.LoadEngine(b) // must not panic
	}
	format, err := xsd.EngineFormat()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, format[:]) {
		t.Fatal("the encoded form does not carry the format fingerprint")
	}
	b := bytes.Clone(data)
	b[bytes.Index(b, format[:])] ^= 1
	if _, err := xsd.LoadEngine(b); err == nil || !strings.Contains(err.Error(), "other runtime types") {
		t.Fatalf("another format: %v", err)
	}
}

// TestEngineBinaryPatternFallback: a pattern whose DFA outgrows its state
// budget answers through regexp, which a loaded engine compiles from the
// DFA's source on first need; the verdicts stay the same.
func TestEngineBinaryPatternFallback(t *testing.T) {
	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="v"><xs:simpleType><xs:restriction base="xs:string">
    <xs:pattern value="[ab]*a[ab]{15}"/>
  </xs:restriction></xs:simpleType></xs:element>
</xs:schema>`
	eng, err := xsd.Compile(xsd.Bytes("blowup.xsd", []byte(schema)))
	if err != nil {
		t.Fatal(err)
	}
	data, err := eng.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := xsd.LoadEngine(data)
	if err != nil {
		t.Fatal(err)
	}
	// De Bruijn-like walks visit far more than the budget of states.
	var values []string
	for seed := range 40 {
		var b strings.Builder
		x := uint32(seed*2654435761 + 1)
		for range 4000 {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			b.WriteByte("ab"[x&1])
		}
		values = append(values, b.String())
	}
	values = append(values, "a"+strings.Repeat("b", 15), strings.Repeat("b", 16), "")
	valid := 0
	for i, v := range values {
		doc := "<v>" + v + "</v>"
		want, got := eng.Validate(strings.NewReader(doc)), loaded.Validate(strings.NewReader(doc))
		if fmt.Sprint(want) != fmt.Sprint(got) {
			t.Fatalf("value %d: compiled %v, loaded %v", i, want, got)
		}
		if want == nil {
			valid++
		}
	}
	if valid == 0 || valid == len(values) {
		t.Fatalf("%d of %d values valid: want both verdicts", valid, len(values))
	}
}

// TestLoadEngineOwned: an engine loaded from bytes handed over validates
// as one loaded from a copy, wherever the bytes start (tables at an
// unaligned place are copied, aligned ones point into the bytes); an
// engine loaded by LoadEngine does not depend on the bytes afterwards.
func TestLoadEngineOwned(t *testing.T) {
	eng, err := xsd.Compile(xsd.Bytes("codec.xsd", []byte(codecSchema)))
	if err != nil {
		t.Fatal(err)
	}
	want := validationText(t, eng)
	data, err := eng.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for off := range 8 {
		buf := make([]byte, off+len(data))
		copy(buf[off:], data)
		loaded, err := xsd.LoadEngineOwned(buf[off:])
		if err != nil {
			t.Fatalf("offset %d: %v", off, err)
		}
		if got := validationText(t, loaded); got != want {
			t.Errorf("offset %d: validates differently:\n got %s\nwant %s", off, got, want)
		}
		again, err := loaded.AppendBinary(nil)
		if err != nil || !bytes.Equal(again, data) && len(again) != len(data) {
			t.Errorf("offset %d: re-encoded %d bytes (%v), first %d", off, len(again), err, len(data))
		}
	}
	copied := bytes.Clone(data)
	loaded, err := xsd.LoadEngine(copied)
	if err != nil {
		t.Fatal(err)
	}
	for i := range copied {
		copied[i] = 0xff
	}
	if got := validationText(t, loaded); got != want {
		t.Errorf("LoadEngine depends on the bytes it was given:\n got %s\nwant %s", got, want)
	}
}
