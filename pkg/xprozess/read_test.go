package xprozess

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const corpusFile = "../../examples/xprozess/mutterschutz-anzeige.xml"

func TestReadCorpus(t *testing.T) {
	d, fs, err := ReadFile(corpusFile, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Message != "alleInhalte.export.0303" || d.Version != "2.0" || d.Produkt != "ADONIS NP" || d.Header.Nachrichtentyp.Code != "0303" {
		t.Errorf("document: %+v", d)
	}
	if d.Katalog == nil || len(d.Katalog.Klassen) != 1 {
		t.Fatal("no process class")
	}
	k := d.Katalog.Klassen[0]
	if k.ID != "99006028261000" || len(k.Handlungsgrundlagen) != 3 || k.Verfahrensart.Code != "501" || len(k.Klassifikationen) != 3 || len(k.Schlagworte) != 6 {
		t.Errorf("class: %+v", k)
	}
	if d.Bibliothek == nil || len(d.Bibliothek.Prozesse) != 1 {
		t.Fatal("no process")
	}
	p := d.Bibliothek.Prozesse[0]
	if p.Steckbrief == nil || len(p.Steckbrief.Ausloeser) != 1 || p.Steckbrief.Ausloeser[0].FormularID != "D00000094" {
		t.Fatalf("steckbrief: %+v", p.Steckbrief)
	}
	if p.Steckbrief.Ausloeser[0].Line != 115 {
		t.Errorf("ausloeser line %d", p.Steckbrief.Ausloeser[0].Line)
	}
	if len(p.Steckbrief.Teilnehmer) != 3 || p.Steckbrief.Detaillierungsstufe.Code != "101" || len(p.Steckbrief.Bundeslaender) != 16 {
		t.Errorf("steckbrief: %+v", p.Steckbrief)
	}
	if len(p.Aktivitaetengruppen) != 12 {
		t.Errorf("%d activity groups", len(p.Aktivitaetengruppen))
	}
	def, e := p.BPMN()
	if def == nil || e.Name != "BPMN DI-Export.xml" || len(def.Processes) != 3 {
		t.Fatalf("embedded BPMN: %v %v", def, e)
	}
	// every activity group names a sub-process of the model
	for _, g := range p.Aktivitaetengruppen {
		if n := def.Node(g.SubProzessID); n == nil || n.Kind != "subProcess" {
			t.Errorf("group %s: sub-process %s not in the model", g.ID, g.SubProzessID)
		}
	}
	var kinds []string
	for _, f := range p.Modell.Dateien {
		for _, e := range f.Entries {
			kinds = append(kinds, f.Rolle+":"+e.Kind)
		}
	}
	if want := []string{"prozessmodelldatei:bpmn", "visualisierungsdatei:pdf", "beschreibungsdatei:pdf"}; !slices.Equal(kinds, want) {
		t.Errorf("entries %v", kinds)
	}
	// the prose in formularsteckbriefID is reported with its line
	var lines []int
	for _, f := range fs {
		if f.Rule != ruleIDProse {
			t.Errorf("unexpected finding %s %s", f.Rule, f.Message)
		}
		lines = append(lines, f.Line)
	}
	if want := []int{312, 545, 553, 608, 619, 630}; !slices.Equal(lines, want) {
		t.Errorf("prose lines %v, want %v", lines, want)
	}
}

func TestResolveFormsCorpus(t *testing.T) {
	d, _, err := ReadFile(corpusFile, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ix := LoadForms("../../examples/fim")
	p := d.Bibliothek.Prozesse[0]
	links := ix.Resolve(p)
	if links[0].Status != FormFound || links[0].SchemaID != "S00000094" || !strings.HasSuffix(links[0].File, "S00000094V1.0_xdf2.xml") {
		t.Errorf("ausloeser: %+v", links[0])
	}
	counts := map[string]int{}
	for _, l := range links {
		counts[l.Status]++
	}
	if counts[FormFound] != 1 || counts[FormText] != 12 {
		t.Errorf("links %v", counts)
	}
	if fs := LinkFindings(p, links, "de"); len(fs) != 0 {
		t.Errorf("findings %v", fs)
	}
	// without the forms: missing
	links = (*FormIndex)(nil).Resolve(p)
	fs := LinkFindings(p, links, "en")
	if len(fs) != 1 || fs[0].Rule != ruleFormMissing || fs[0].Line != 115 || !strings.Contains(fs[0].Message, "S00000094") {
		t.Errorf("findings %v", fs)
	}
}

// doc wraps a prozess element in a message.
func doc(prozess string) []byte {
	return []byte(`<?xml version="1.0"?>
<x:alleInhalte.export.0303 xmlns:x="http://www.regierung-mv.de/xprozess/2" xprozessVersion="2.0">
<x:prozessbibliothek><x:prozess><x:id>99000000000001</x:id><x:name>Test</x:name>
` + prozess + `
</x:prozess></x:prozessbibliothek></x:alleInhalte.export.0303>`)
}

func model(inhalt string) string {
	return `<x:prozessmodell><x:prozessmodelldatei><x:dateiname>BPMN</x:dateiname><x:inhalt>` + inhalt + `</x:inhalt></x:prozessmodelldatei></x:prozessmodell>`
}

type entry struct {
	name string
	data []byte
}

func zipB64(t *testing.T, entries ...entry) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	zw.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

const miniBPMN = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><process id="P"><startEvent id="S"/></process></definitions>`

func rules(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func TestHostileModels(t *testing.T) {
	lim := Limits{MaxEncoded: 1 << 20, MaxUnpacked: 1 << 20, MaxEntries: 4}
	zeros := make([]byte, 8<<20)
	var nested bytes.Buffer
	zw := zip.NewWriter(&nested)
	w, _ := zw.Create("inner.bpmn")
	w.Write([]byte(miniBPMN))
	zw.Close()
	tests := []struct {
		name  string
		body  string
		rules []string
	}{
		{"ok", model(zipB64(t, entry{"m.bpmn", []byte(miniBPMN)})), nil},
		{"bare BPMN, not zipped", model(base64.StdEncoding.EncodeToString([]byte(miniBPMN))), nil},
		{"no model", "", []string{ruleModelMissing}},
		{"empty model", model(""), []string{ruleModelMissing}},
		{"no bpmn", model(zipB64(t, entry{"a.pdf", []byte("%PDF-1.4")})), []string{ruleNoBPMN}},
		{"bad base64", model("!!!not base64!!!"), []string{ruleBase64}},
		{"not a zip", model(base64.StdEncoding.EncodeToString([]byte("PKnot really"))), []string{ruleArchive}},
		{"zip bomb", model(zipB64(t, entry{"bomb.bpmn", zeros})), []string{ruleArchiveLimit}},
		{"oversized base64", model(strings.Repeat("QUFB", 300_000)), []string{ruleArchiveLimit}},
		{"zip-slip", model(zipB64(t, entry{"../../etc/evil.bpmn", []byte(miniBPMN)}, entry{"/abs.bpmn", []byte(miniBPMN)}, entry{`..\win.bpmn`, []byte(miniBPMN)})),
			[]string{ruleNoBPMN, ruleZipSlip, ruleZipSlip, ruleZipSlip}},
		{"nested archive", model(zipB64(t, entry{"inner.zip", nested.Bytes()}, entry{"disguised.xml", nested.Bytes()})),
			[]string{ruleNestedArchive, ruleNestedArchive, ruleNoBPMN}},
		{"too many entries", model(zipB64(t, entry{"1", nil}, entry{"2", nil}, entry{"3", nil}, entry{"4", nil}, entry{"5", nil})), []string{ruleArchiveLimit}},
		{"broken bpmn", model(zipB64(t, entry{"m.bpmn", []byte(`<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process>`)})), []string{ruleBPMNInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs, err := Read(bytes.NewReader(doc(tt.body)), "t.xml", ReadOptions{Limits: lim})
			if err != nil {
				t.Fatal(err)
			}
			got := rules(fs)
			slices.Sort(got)
			if !slices.Equal(got, tt.rules) {
				t.Errorf("rules %v, want %v (%v)", got, tt.rules, fs)
			}
			for _, f := range fs {
				if f.Line == 0 && f.Rule != ruleNoBPMN {
					t.Errorf("%s without line", f.Rule)
				}
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, tt := range []struct {
		doc, msg string
		line     int
	}{
		{"<a>\n<b></a>", "closed by", 2},
		{"<root xmlns=\"urn:x\"/>", "not an XProzess 2.0 message", 1},
		{"", "empty", 0},
	} {
		_, _, err := Read(strings.NewReader(tt.doc), "in.xml", ReadOptions{})
		var re *ReadError
		if !errors.As(err, &re) || re.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q: %v", tt.doc, err)
		}
	}
}

func TestProseAndMalformedIDs(t *testing.T) {
	body := `<x:prozesssteckbrief><x:ausloeser><x:formularID>D0000094</x:formularID></x:ausloeser>
<x:ausloeser><x:formularID>siehe Antrag auf Erteilung</x:formularID></x:ausloeser></x:prozesssteckbrief>` + model(zipB64(t, entry{"m.bpmn", []byte(miniBPMN)}))
	d, fs, err := Read(bytes.NewReader(doc(body)), "t.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rules(fs); !slices.Equal(got, []string{ruleIDProse}) {
		t.Errorf("rules %v", got)
	}
	p := d.Bibliothek.Prozesse[0]
	links := LoadForms().Resolve(p)
	if len(links) != 2 || links[0].Status != FormMalformed || links[1].Status != FormText || links[1].Ref.TextuelleBeschreibung != "siehe Antrag auf Erteilung" {
		t.Errorf("links %+v", links)
	}
	if fs := LinkFindings(p, links, "de"); len(fs) != 1 || fs[0].Rule != ruleFormMalformed {
		t.Errorf("%v", fs)
	}
}

func TestSafeName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.bpmn": true, "dir/a.pdf": true, "BPMN DI-Export.xml": true, "a..b": true,
		"../a": false, "a/../../b": false, "/etc/passwd": false, `..\a`: false, "C:a": false, "": false, "a/..": false, "a\x00b": false,
	} {
		if got := SafeName(name); got != want {
			t.Errorf("SafeName(%q) = %v", name, got)
		}
	}
}

func TestSchemaIDFor(t *testing.T) {
	for in, want := range map[string]string{"D00000094": "S00000094", "D60000000094": "S60000000094", "S00000094": "S00000094", "X": "X"} {
		if got := SchemaIDFor(in); got != want {
			t.Errorf("%s: %s", in, got)
		}
	}
}

func ExampleSchemaIDFor() {
	fmt.Println(SchemaIDFor("D00000094"))
	// Output: S00000094
}

// TestOtherMessages: prozesskatalog.* and prozessbibliothek.* messages
// carry classes and processes directly; unqualified children are read too.
func TestOtherMessages(t *testing.T) {
	kat := `<x:prozesskatalog.prozessklasse.0101 xmlns:x="http://www.regierung-mv.de/xprozess/2">
<x:prozessklasse><x:id>99000000000001</x:id><x:name>Klasse</x:name></x:prozessklasse>
<x:prozessklasse><x:id>12345</x:id><x:name>Kurz</x:name></x:prozessklasse>
</x:prozesskatalog.prozessklasse.0101>`
	d, fs, err := Read(strings.NewReader(kat), "k.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Katalog == nil || len(d.Katalog.Klassen) != 2 || d.Bibliothek != nil {
		t.Fatalf("%+v", d)
	}
	if got := rules(fs); !slices.Equal(got, []string{ruleInvalidKey}) || fs[0].Line != 3 {
		t.Errorf("findings %v", fs)
	}
	bib := `<x:prozessbibliothek.prozess.0201 xmlns:x="http://www.regierung-mv.de/xprozess/2">
<prozess><id>99000000000002</id><name>unqualifiziert</name>
<prozesssteckbrief><ausloeser><formularID>D00000094</formularID></ausloeser></prozesssteckbrief></prozess>
</x:prozessbibliothek.prozess.0201>`
	d, fs, err = Read(strings.NewReader(bib), "b.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Bibliothek == nil || len(d.Bibliothek.Prozesse) != 1 || d.Bibliothek.Prozesse[0].Steckbrief.Ausloeser[0].FormularID != "D00000094" {
		t.Fatalf("%+v", d.Bibliothek)
	}
	if got := rules(fs); !slices.Equal(got, []string{ruleModelMissing}) {
		t.Errorf("findings %v", got)
	}
}
