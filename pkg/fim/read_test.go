package fim

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

func TestReadRealFiles(t *testing.T) {
	tests := []struct {
		file                  string
		ver                   SourceVersion
		kind                  Kind
		root                  Identifier
		groups, fields, rules int
		rules0                []string // finding rules expected (besides empty-script)
	}{
		{file: "xdf2/BlaueKarte.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"S00000121", "1.0"}, groups: 23, fields: 71, rules: 3},
		{file: "xdf2/S00000186v1.0_xdf2.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"S00000186", "1.0"}, groups: 36, fields: 100, rules: 36, rules0: []string{ruleInvalidDate}},
		{file: "xdf2/S00000094V1.0_xdf2.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"S00000094", "1.0"}, groups: 13, fields: 29, rules: 12},
		{file: "xdf2/F60000020V1.0.xml", ver: XDF2, kind: KindDatenfeld, root: Identifier{"F60000020", "1.0"}, fields: 1, rules0: []string{ruleUnqualifiedChildren}},
		{file: "xdf2/simple.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}, groups: 1, fields: 1, rules: 1},
		{file: "xdf2/minimal.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}},
		{file: "xdf2/select.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}, fields: 1},
		{file: "xdf2/label.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}, fields: 1},
		{file: "xdf2/rule.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}, rules: 1},
		{file: "xdf2/data-field-rule.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}, fields: 1, rules: 1},
		{file: "xdf2/data-group-rule.xml", ver: XDF2, kind: KindDatenschema, root: Identifier{"T1234", "1.0"}, groups: 1, rules: 1},
		{file: "xdf3/G60000000088-simple.xml", ver: XDF3, kind: KindDatenfeldgruppe, root: Identifier{"G60000000088", "1.2.0"}, groups: 3, fields: 6, rules: 1},
		{file: "xdf3/xdf3.xml", ver: XDF3, kind: KindDatenschema, root: Identifier{"S12345", "1.0.0"}, groups: 1, fields: 1, rules: 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			doc, fs, err := ReadFile(filepath.Join("testdata", tt.file), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.SourceVersion != tt.ver || doc.Kind != tt.kind || doc.RootIdent != tt.root {
				t.Errorf("got %s %s %s, want %s %s %s", doc.SourceVersion, doc.Kind, doc.RootIdent, tt.ver, tt.kind, tt.root)
			}
			if len(doc.Groups) != tt.groups || len(doc.Fields) != tt.fields || len(doc.Rules) != tt.rules {
				t.Errorf("got %d groups %d fields %d rules, want %d %d %d", len(doc.Groups), len(doc.Fields), len(doc.Rules), tt.groups, tt.fields, tt.rules)
			}
			var got []string
			for _, f := range fs {
				if f.Line == 0 {
					t.Errorf("finding without line: %+v", f)
				}
				if f.Rule != ruleEmptyScript {
					got = append(got, f.Rule)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.rules0, ",") {
				t.Errorf("findings %v, want %v", fs, tt.rules0)
			}
			checkPositions(t, doc)
		})
	}
}

// checkPositions asserts every element has a line.
func checkPositions(t *testing.T, doc *Document) {
	t.Helper()
	for _, g := range doc.Groups {
		if g.Pos.Line == 0 {
			t.Errorf("group %s without line", g.Identifier)
		}
	}
	for _, f := range doc.Fields {
		if f.Pos.Line == 0 {
			t.Errorf("field %s without line", f.Identifier)
		}
	}
	doc.Walk(func(path []int, ref *ElementRef) bool {
		if ref.Pos.Line == 0 {
			t.Errorf("place %v without line", path)
		}
		return true
	})
}

func TestReadRejects(t *testing.T) {
	tests := []struct {
		file     string
		sentinel error
		pos      string // "line:col" prefix expected in the message
		contains string
	}{
		{"bad/duplicate-optional-value.xml", ErrStructure, ":15:9:", "<beschreibung> appears twice"},
		{"bad/duplicate-required-value.xml", ErrStructure, ":13:9:", "<name> appears twice"},
		{"bad/unknown-namespace.xml", ErrUnknownNamespace, ":2:1:", `"urn:xoev-de:fim:standard:xdatenfelder_unknown"`},
		{"bad/testfield.xml", ErrStructure, ":2:1:", "has no content"},
		{"xdf1/WaBeKa.xml", ErrXDF1, ":2:1:", "XDatenfelder 1.x"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			_, _, err := ReadFile(filepath.Join("testdata", tt.file), ReadOptions{})
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("err = %v, want %v", err, tt.sentinel)
			}
			var re *ReadError
			if !errors.As(err, &re) || re.Line == 0 {
				t.Fatalf("err %v has no position", err)
			}
			if !strings.Contains(err.Error(), tt.pos) || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("err = %q, want %q and %q", err, tt.pos, tt.contains)
			}
		})
	}
}

func TestReadSynthetic(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	tests := []struct {
		name     string
		in       string
		strict   bool
		sentinel error    // expected error, nil for success
		rules    []string // expected findings (rule:severity)
	}{
		{name: "empty", in: "", sentinel: ErrEmpty},
		{name: "whitespace", in: " \n\t", sentinel: ErrEmpty},
		{name: "binary", in: "\x00\x01\x02\xff\xfe garbage", sentinel: ErrNotXML},
		{name: "not xml", in: "hello world", sentinel: ErrNotXML},
		{name: "unclosed", in: head + `<x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header>`, sentinel: ErrNotXML},
		{name: "mismatched", in: head + `<x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header></x:datenfeld></x:xdatenfelder.datenfeld.0104>`, sentinel: ErrNotXML},
		{name: "no namespace", in: head + `<xdatenfelder.datenfeld.0104/>`, sentinel: ErrUnknownNamespace},
		{name: "other root", in: head + `<x:foo xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"/>`, sentinel: ErrUnknownNamespace},
		{name: "missing id", in: head + msg2(`<x:datenfeld><x:name>n</x:name></x:datenfeld>`), sentinel: ErrStructure},
		{name: "two contents", in: head + msg2(field2("F1", "")+field2("F2", "")), sentinel: ErrStructure},
		{name: "trailing root", in: head + msg2(field2("F1", "")) + `<other/>`, sentinel: ErrNotXML},
		{name: "field ok", in: head + msg2(field2("F1", ""))},
		{name: "unknown code", in: head + msg2(strings.Replace(field2("F1", ""), "<code>text</code>", "<code>texte</code>", 1)), rules: []string{"xdf:unknown-code:error"}},
		{name: "xdf3 feldart in xdf2", in: head + msg2(strings.Replace(field2("F1", ""), "<code>input</code>", "<code>hidden</code>", 1)), rules: []string{"xdf:unknown-code:error"}},
		{name: "invalid date", in: head + msg2(field2("F1", `<x:gueltigAb>2020-28-09</x:gueltigAb>`)), rules: []string{"xdf:invalid-date:warning"}},
		{name: "invalid date strict", strict: true, in: head + msg2(field2("F1", `<x:gueltigAb>2020-28-09</x:gueltigAb>`)), rules: []string{"xdf:invalid-date:error"}},
		{name: "praezisierung not json", in: head + msg2(field2("F1", `<x:praezisierung>max 5</x:praezisierung>`)), rules: []string{"xdf:praezisierung-json:warning"}},
		{name: "praezisierung numbers", in: head + msg2(field2("F1", `<x:praezisierung>{"minLength":1,"maxLength":"5"}</x:praezisierung>`))},
		{name: "praezisierung unknown key", in: head + msg2(field2("F1", `<x:praezisierung>{"minLen":"1"}</x:praezisierung>`)), rules: []string{"xdf:praezisierung-json:warning"}},
		{name: "double escaped", in: head + msg2(field2("F1", `<x:praezisierung>{"pattern":"\\\\d+"}</x:praezisierung>`)), rules: []string{"xdf:pattern-escaping:warning"}},
		{name: "unknown element", in: head + msg2(field2("F1", `<x:foo>bar</x:foo>`)), rules: []string{"xdf:unknown-element:warning"}},
		{name: "duplicate version", in: head + msg2(strings.Replace(field2("F1", ""), "<x:version>1.0</x:version>", "<x:version>1.0</x:version><x:version>1.1</x:version>", 1)), sentinel: ErrStructure},
		{name: "bad anzahl", in: head + schema2(`<x:struktur><x:anzahl>1-2</x:anzahl><x:enthaelt>`+field2("F1", "")+`</x:enthaelt></x:struktur>`), rules: []string{"xdf:invalid-value:error"}},
		{name: "empty struktur", in: head + schema2(`<x:struktur><x:anzahl>1:1</x:anzahl></x:struktur>`), rules: []string{"xdf:missing-element:error"}},
		{name: "cycle", in: head + schema2(`<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>`+group2("G1", `<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>`+group2("G1", "")+`</x:enthaelt></x:struktur>`)+`</x:enthaelt></x:struktur>`), rules: []string{"xdf:cycle:error"}},
		{name: "latin1", in: `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + msg2(strings.Replace(field2("F1", ""), "<x:name>n</x:name>", "<x:name>Stra\xdfe</x:name>", 1))},
		{name: "xdf1", in: head + `<x:xdatenfelder.stammdatenschema.0102001 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_1"/>`, sentinel: ErrXDF1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, fs, err := ReadBytes([]byte(tt.in), tt.name+".xml", ReadOptions{Strict: tt.strict})
			if tt.sentinel != nil {
				if !errors.Is(err, tt.sentinel) {
					t.Fatalf("err = %v, want %v", err, tt.sentinel)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc == nil {
				t.Fatal("nil document")
			}
			var got []string
			for _, f := range fs {
				if f.Rule == ruleEmptyScript {
					continue
				}
				got = append(got, f.Rule+":"+f.Severity.String())
				if f.Line == 0 || !f.Severity.Valid() || f.Text("de") == "" {
					t.Errorf("bad finding %+v", f)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.rules, ",") {
				t.Errorf("findings %v, want %v", fs, tt.rules)
			}
		})
	}
}

func msg2(content string) string {
	return `<x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header><x:nachrichtID>1</x:nachrichtID></x:header>` + content + `</x:xdatenfelder.datenfeld.0104>`
}

func schema2(content string) string {
	return `<x:xdatenfelder.stammdatenschema.0102 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header><x:nachrichtID>1</x:nachrichtID></x:header>` +
		`<x:stammdatenschema><x:identifikation><x:id>S1</x:id><x:version>1.0</x:version></x:identifikation><x:name>s</x:name>` + content + `</x:stammdatenschema></x:xdatenfelder.stammdatenschema.0102>`
}

func field2(id, extra string) string {
	return `<x:datenfeld><x:identifikation><x:id>` + id + `</x:id><x:version>1.0</x:version></x:identifikation><x:name>n</x:name>` + extra +
		`<x:feldart><code>input</code></x:feldart><x:datentyp><code>text</code></x:datentyp></x:datenfeld>`
}

func group2(id, content string) string {
	return `<x:datenfeldgruppe><x:identifikation><x:id>` + id + `</x:id><x:version>1.0</x:version></x:identifikation><x:name>g</x:name>` + content + `</x:datenfeldgruppe>`
}

func TestReadModelDetails(t *testing.T) {
	doc, _, err := ReadFile("testdata/xdf2/simple.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Schema
	if s.Name != "Test" || s.AbleitungsmodifikationenStruktur != "3" || s.Status != "aktiv" || !s.GueltigAb.Valid() {
		t.Errorf("schema metadata: %+v", s.Common)
	}
	if len(s.Children) != 1 || s.Children[0].Group == nil || s.Children[0].Anzahl.String() != "1:1" {
		t.Fatalf("children: %+v", s.Children)
	}
	f := doc.FieldByID[Identifier{"F60000227", "1.1"}]
	if f == nil || f.Feldart != FeldartInput || f.Datentyp != DatentypText || *f.Praezisierung.MinLength != 1 || *f.Praezisierung.MaxLength != 120 {
		t.Fatalf("field: %+v", f)
	}
	if f.Pos.Line != 83 || f.Pos.Column != 29 {
		t.Errorf("field position %d:%d, want 83:29", f.Pos.Line, f.Pos.Column)
	}

	doc, _, err = ReadFile("testdata/xdf3/G60000000088-simple.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := doc.Group
	if g.Freigabestatus != "6" || len(g.Relations) != 1 || g.Relations[0].Praedikat != PraedikatERS || len(g.Stichwort) != 1 {
		t.Errorf("xdf3 group: %+v", g.Common)
	}
	plz := 0
	for _, f := range doc.Fields {
		if f.Praezisierung.Pattern != "" {
			plz++
		}
		if f.Vorbefuellung != "keine" {
			t.Errorf("%s vorbefuellung %q", f.Identifier, f.Vorbefuellung)
		}
	}
	if plz == 0 {
		t.Error("no pattern read from xdf3 attributes")
	}
}

func TestFindingsCarrySource(t *testing.T) {
	_, fs, _ := ReadFile("testdata/xdf2/F60000020V1.0.xml", ReadOptions{})
	for _, f := range fs {
		if f.Source != FindingSource || f.Severity != finding.Warning || !strings.Contains(f.Text("en"), "namespace") {
			t.Errorf("finding %+v", f)
		}
	}
}

func TestFindingPath(t *testing.T) {
	_, fs, err := ReadFile("testdata/xdf2/S00000186v1.0_xdf2.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule == ruleInvalidDate {
			if f.Path != "S00000186/G00001386/G00000297/F00000537" || f.ElementID != "F00000537" || f.Line != 93 || f.Column != 9287 {
				t.Errorf("finding %+v", f)
			}
			return
		}
	}
	t.Error("no invalid-date finding")
}

func TestBOMColumns(t *testing.T) {
	doc, _, err := ReadBytes([]byte("\xEF\xBB\xBF"+msg2(field2("F1", ""))), "bom.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Field.Pos.Line != 1 || doc.Field.Pos.Column != 135 {
		t.Errorf("position %d:%d", doc.Field.Pos.Line, doc.Field.Pos.Column)
	}
}
