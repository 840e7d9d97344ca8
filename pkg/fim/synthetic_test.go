package fim

import (
	"testing"
)

func TestReadXDF3Field(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<xdf:xdatenfelder.datenfeld.0104 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
  <xdf:header><xdf:nachrichtID>n1</xdf:nachrichtID></xdf:header>
  <xdf:datenfeld>
    <xdf:identifikation><xdf:id>F60000000001</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
    <xdf:name>Staat</xdf:name>
    <xdf:bezug link="https://example.org/a">§ 1</xdf:bezug>
    <xdf:bezug>§ 2</xdf:bezug>
    <xdf:freigabestatus><code>6</code></xdf:freigabestatus>
    <xdf:feldart><code>select</code></xdf:feldart>
    <xdf:datentyp><code>text_latin</code></xdf:datentyp>
    <xdf:vorbefuellung><code>optional</code></xdf:vorbefuellung>
    <xdf:codelisteReferenz>
      <xdf:canonicalIdentification>urn:de:example:staat</xdf:canonicalIdentification>
      <xdf:version>2024-01-01</xdf:version>
      <xdf:canonicalVersionUri>urn:de:example:staat_2024-01-01</xdf:canonicalVersionUri>
    </xdf:codelisteReferenz>
    <xdf:codeKey>code</xdf:codeKey>
    <xdf:nameKey>name</xdf:nameKey>
    <xdf:helpKey>hilfe</xdf:helpKey>
    <xdf:werte>
      <xdf:wert><xdf:code>1</xdf:code><xdf:name>eins</xdf:name><xdf:hilfe>h</xdf:hilfe></xdf:wert>
      <xdf:wert><xdf:code>2</xdf:code><xdf:name>zwei</xdf:name></xdf:wert>
    </xdf:werte>
    <xdf:maxSize>1048576</xdf:maxSize>
    <xdf:mediaType>application/pdf</xdf:mediaType>
    <xdf:mediaType>image/png</xdf:mediaType>
  </xdf:datenfeld>
</xdf:xdatenfelder.datenfeld.0104>`
	doc, fs, err := ReadBytes([]byte(in), "f.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Errorf("findings: %v", fs)
	}
	f := doc.Field
	if f == nil || doc.Kind != KindDatenfeld {
		t.Fatalf("kind %s", doc.Kind)
	}
	if f.Feldart != FeldartSelect || f.Datentyp != DatentypTextLatin || f.Vorbefuellung != "optional" {
		t.Errorf("codes %q %q %q", f.Feldart, f.Datentyp, f.Vorbefuellung)
	}
	if c := f.Codeliste; c == nil || c.CanonicalURI != "urn:de:example:staat" || c.Version != "2024-01-01" || c.String() != "urn:de:example:staat_2024-01-01" {
		t.Errorf("codeliste %+v", f.Codeliste)
	}
	if f.CodeKey != "code" || f.NameKey != "name" || f.HelpKey != "hilfe" {
		t.Errorf("keys %q %q %q", f.CodeKey, f.NameKey, f.HelpKey)
	}
	if len(f.Werte) != 2 || f.Werte[0].Hilfe != "h" || f.Werte[1].Name != "zwei" || f.Werte[1].Pos.Line != 23 {
		t.Errorf("werte %+v", f.Werte)
	}
	if f.MaxSize == nil || *f.MaxSize != 1048576 || len(f.MediaTypes) != 2 {
		t.Errorf("file props %v %v", f.MaxSize, f.MediaTypes)
	}
	if len(f.Bezug) != 2 || f.Bezug[0].Link != "https://example.org/a" {
		t.Errorf("bezug %+v", f.Bezug)
	}
}

func TestReadSteckbriefAndCodeliste(t *testing.T) {
	steckbrief := `<?xml version="1.0" encoding="UTF-8"?>
<xdf:xdatenfelder.dokumentsteckbrief.0101 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
  <xdf:header><xdf:nachrichtID>n1</xdf:nachrichtID></xdf:header>
  <xdf:dokumentsteckbrief>
    <xdf:identifikation><xdf:id>D60000000001</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
    <xdf:name>Antrag</xdf:name>
    <xdf:freigabestatus><code>2</code></xdf:freigabestatus>
    <xdf:bezeichnung>Antrag auf etwas</xdf:bezeichnung>
    <xdf:istAbstrakt>false</xdf:istAbstrakt>
    <xdf:dokumentart><code>001</code></xdf:dokumentart>
    <xdf:hilfetext>Hilfe</xdf:hilfetext>
  </xdf:dokumentsteckbrief>
</xdf:xdatenfelder.dokumentsteckbrief.0101>`
	doc, fs, err := ReadBytes([]byte(steckbrief), "d.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Steckbrief
	if len(fs) != 0 || s == nil || s.IstAbstrakt == nil || *s.IstAbstrakt || s.Dokumentart != "001" || s.Bezeichnung != "Antrag auf etwas" || doc.RootIdent.ID != "D60000000001" {
		t.Errorf("steckbrief %+v findings %v", s, fs)
	}

	codeliste := `<?xml version="1.0" encoding="UTF-8"?>
<xdf:xdatenfelder.codeliste.0105 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">
  <xdf:header><xdf:nachrichtID>n1</xdf:nachrichtID></xdf:header>
  <xdf:codeliste>
    <xdf:identifikation><xdf:id>C00000001</xdf:id></xdf:identifikation>
    <xdf:genericodeIdentification>
      <xdf:canonicalIdentification>urn:de:example:liste</xdf:canonicalIdentification>
      <xdf:version>1</xdf:version>
    </xdf:genericodeIdentification>
    <xdf:inhalt>...</xdf:inhalt>
  </xdf:codeliste>
</xdf:xdatenfelder.codeliste.0105>`
	doc, _, err = ReadBytes([]byte(codeliste), "c.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := doc.Codeliste
	if c == nil || c.Ref.ID != "C00000001" || c.Ref.CanonicalURI != "urn:de:example:liste" || len(c.Extra) != 1 || doc.Root() != nil {
		t.Errorf("codeliste %+v", c)
	}
}

// TestSharedGroup: a group used at two places is one object; each place
// keeps its own cardinality.
func TestSharedGroup(t *testing.T) {
	g := group2("G1", `<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>`+field2("F1", "")+`</x:enthaelt></x:struktur>`)
	in := schema2(`<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>` + g + `</x:enthaelt></x:struktur>` +
		`<x:struktur><x:anzahl>0:*</x:anzahl><x:enthaelt>` + g + `</x:enthaelt></x:struktur>`)
	doc, _, err := ReadBytes([]byte(in), "s.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ch := doc.Schema.Children
	if len(ch) != 2 || ch[0].Group != ch[1].Group || len(doc.Groups) != 1 || len(doc.Fields) != 1 {
		t.Fatalf("children %+v groups %d", ch, len(doc.Groups))
	}
	if ch[0].Anzahl.String() != "1:1" || ch[1].Anzahl.String() != "0:*" || !ch[1].Anzahl.repeated() || ch[1].Anzahl.Required() {
		t.Errorf("anzahl %v %v", ch[0].Anzahl, ch[1].Anzahl)
	}
	var paths []string
	doc.Walk(func(path []int, ref *ElementRef) bool {
		paths = append(paths, ref.Identifier().ID)
		return true
	})
	if len(paths) != 4 {
		t.Errorf("walk visited %v", paths)
	}
}

// TestSharedRule: a rule written under two elements is one object, and
// each occurrence keeps its own position.
func TestSharedRule(t *testing.T) {
	rule := `<x:regel><x:identifikation><x:id>R1</x:id><x:version>1.0</x:version></x:identifikation><x:name>r</x:name><x:definition>F1 muss befüllt sein.</x:definition></x:regel>`
	in := schema2(rule + "\n" + `<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>` + "\n" + field2("F1", rule) + `</x:enthaelt></x:struktur>`)
	doc, _, err := ReadBytes([]byte(in), "s.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, f := doc.Schema.Regeln, doc.Fields[0].Regeln
	if len(doc.Rules) != 1 || len(s) != 1 || len(f) != 1 || s[0].Regel != f[0].Regel || s[0].Regel != doc.Rules[0] {
		t.Fatalf("rules %d, schema %+v, field %+v", len(doc.Rules), s, f)
	}
	if s[0].Pos.Line != 1 || f[0].Pos.Line != 3 || doc.Rules[0].Pos != s[0].Pos {
		t.Errorf("positions: schema %+v, field %+v, rule %+v", s[0].Pos, f[0].Pos, doc.Rules[0].Pos)
	}
}

func TestParseCardinality(t *testing.T) {
	for _, tt := range []struct {
		in       string
		min, max int
		ok       bool
	}{{"1:1", 1, 1, true}, {"0:*", 0, Unbounded, true}, {" 2:5 ", 2, 5, true}, {"1", 0, 0, false}, {"a:1", 0, 0, false}, {"1:b", 1, 0, false}, {"-1:2", 0, 0, false}} {
		c, ok := ParseCardinality(tt.in)
		if ok != tt.ok || ok && (c.Min != tt.min || c.Max != tt.max) {
			t.Errorf("ParseCardinality(%q) = %+v, %v", tt.in, c, ok)
		}
	}
}

// repeated reports whether more than one occurrence is allowed.
func (c Cardinality) repeated() bool { return c.Max == Unbounded || c.Max > 1 }
