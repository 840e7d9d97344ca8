package migrate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	fimlint "github.com/ozgctl/ozgctl/pkg/fim/lint"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// fimTestdata are the XDatenfelder files of package fim's tests.
func fimTestdata(t *testing.T, dirs ...string) []string {
	t.Helper()
	var files []string
	for _, d := range dirs {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", d, "*.xml"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no test files")
	}
	return files
}

func read(t *testing.T, file string) *fim.Document {
	t.Helper()
	doc, _, err := fim.ReadFile(file, fim.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func canonical(t *testing.T, doc *fim.Document) []byte {
	t.Helper()
	b, err := fim.CanonicalJSON(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeRead writes doc in its version and reads it back strictly; it fails
// unless the model is unchanged, and returns the output and the findings.
func writeRead(t *testing.T, doc *fim.Document) ([]byte, []finding.Finding) {
	t.Helper()
	out, err := fim.Marshal(doc, fim.WriteOptions{Version: doc.SourceVersion})
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	back, fs, err := fim.ReadBytes(out, "migrated.xml", fim.ReadOptions{Strict: true})
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if a, b := canonical(t, doc), canonical(t, back); !bytes.Equal(a, b) {
		t.Fatalf("written model differs from the migrated one:\n%s", diffLines(a, b))
	}
	return out, fs
}

func diffLines(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-4)
			return "want:\n" + strings.Join(al[lo:min(len(al), i+4)], "\n") + "\ngot:\n" + strings.Join(bl[lo:min(len(bl), i+4)], "\n")
		}
	}
	return fmt.Sprintf("lengths differ: %d and %d lines", len(al), len(bl))
}

// newFindings returns the findings of the migrated output whose rule the
// source did not have.
func newFindings(src, out []finding.Finding) []finding.Finding {
	had := map[string]bool{}
	for _, f := range src {
		had[f.Rule] = true
	}
	var extra []finding.Finding
	for _, f := range out {
		if !had[f.Rule] {
			extra = append(extra, f)
		}
	}
	return extra
}

// checkMigration migrates file to the other version and checks: the
// written output reads back to the migrated model, strictly without
// findings the source did not have; migrating back gives the source model
// except for the properties the notes of both directions list.
func checkMigration(t *testing.T, file string) {
	doc := read(t, file)
	_, srcFindings, _ := fim.ReadFile(file, fim.ReadOptions{Strict: true})
	srcCanon := canonical(t, doc)
	from := doc.SourceVersion
	to := fim.XDF3
	if from == fim.XDF3 {
		to = fim.XDF2
	}
	if doc.Kind == fim.KindCodeliste {
		return
	}
	res, err := Migrate(context.Background(), doc, Options{To: to})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notes {
		if !n.Severity.Valid() || n.Message("de") == n.Key || n.Message("en") == n.Key {
			t.Fatalf("bad note %+v", n)
		}
	}
	out, fs := writeRead(t, res.Doc)
	if extra := newFindings(srcFindings, fs); len(extra) > 0 {
		t.Errorf("the migrated output has findings the source did not have: %v\n%s", extra, out)
	}
	back, err := Migrate(context.Background(), res.Doc, Options{To: from})
	if err != nil {
		t.Fatal(err)
	}
	lost := map[string]map[string]bool{}
	mark := func(id fim.Identifier, what string) {
		if what == "" {
			return
		}
		if lost[id.ID] == nil {
			lost[id.ID] = map[string]bool{}
		}
		lost[id.ID][what] = true
	}
	ids := map[string]string{} // id in the target form → source id
	for _, n := range res.Notes {
		if n.Key == keyVersionAssumed || n.Key == keyVersionKept {
			n.What = "version-lost"
		}
		if n.Key == keyDroppedUnmapped {
			n.What = "extra" // the model's name for unknown elements
		}
		mark(n.Element, n.What)
		if n.Key == keyIDWidened || n.Key == keyIDNarrowed {
			ids[n.New] = n.Old
		}
	}
	for _, n := range back.Notes {
		src := n.Element
		if o, ok := ids[src.ID]; ok {
			src.ID = o
		}
		if n.Key == keyVersionAssumed || n.Key == keyVersionKept {
			n.What = "version-lost"
		}
		if n.Key == keyDroppedUnmapped {
			n.What = "extra"
		}
		mark(src, n.What)
	}
	a := stripLost(t, srcCanon, lost)
	b := stripLost(t, canonical(t, back.Doc), lost)
	if !bytes.Equal(a, b) {
		t.Errorf("%s → %s → %s changed more than the notes list:\n%s", from, to, from, diffLines(a, b))
	}
}

// counterpart names the property of the other version that a property
// is mapped to: a note names the property in its own direction.
var counterpart = map[string]string{
	"statusGesetztAm": "freigabedatum", "freigabedatum": "statusGesetztAm",
	"statusGesetztDurch": "fachlicherErsteller", "fachlicherErsteller": "statusGesetztDurch",
	"bezeichnung": "bezeichnungEingabe", "bezeichnungEingabe": "bezeichnung",
	"freigabestatus": "status", "status": "freigabestatus",
}

// stripLost removes from the canonical JSON of a document the properties
// that notes list for each element (by source id), and ignores the
// spelling of a 2.0 praezisierung (regenerated from its values).
func stripLost(t *testing.T, canon []byte, lost map[string]map[string]bool) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(canon, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(x any)
	walk = func(x any) {
		switch o := x.(type) {
		case map[string]any:
			if idm, ok := o["identifier"].(map[string]any); ok {
				id, _ := idm["id"].(string)
				for what := range lost[id] {
					key, _, _ := strings.Cut(what, ".")
					delete(o, key)
					delete(o, counterpart[key])
				}
				if lost[id]["version-lost"] {
					delete(idm, "version")
				}
			}
			if p, ok := o["praezisierung"].(map[string]any); ok {
				delete(p, "raw")
			}
			for _, e := range o {
				walk(e)
			}
		case []any:
			for _, e := range o {
				walk(e)
			}
		}
	}
	if lost[""]["extra"] {
		delete(v, "extra") // unknown children of the message element
	}
	walk(v)
	out, _ := json.MarshalIndent(v, "", "  ")
	return out
}

// TestMigrateTestdata migrates every test file both ways.
func TestMigrateTestdata(t *testing.T) {
	for _, file := range fimTestdata(t, "xdf2", "xdf3", "synthetic") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			checkMigration(t, file)
		})
	}
}

// TestMigrateCorpus migrates every readable XDatenfelder file of the
// shared corpus both ways.
func TestMigrateCorpus(t *testing.T) {
	root := testcorpus.Dir()
	if root == "" {
		t.Skip("shared/corpus not found; TestMigrateTestdata covers the testdata copies")
	}
	n := 0
	for _, dir := range []string{"xdf2", "xdf3", "xdf-variants"} {
		_ = filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
				return err
			}
			if _, _, err := fim.ReadFile(path, fim.ReadOptions{}); err != nil {
				return nil
			}
			n++
			rel, _ := filepath.Rel(root, path)
			t.Run(rel, func(t *testing.T) {
				t.Parallel()
				checkMigration(t, path)
			})
			return nil
		})
	}
	if n < 15 {
		t.Errorf("only %d corpus files", n)
	}
}

// TestMigrateGolden pins two real migrations in each direction: the
// written document and the report in both languages.
func TestMigrateGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(""))
	tests := []struct {
		name, file string
		to         fim.SourceVersion
	}{
		{"S00000094-xdf3", "../testdata/xdf2/S00000094V1.0_xdf2.xml", fim.XDF3},
		{"BlaueKarte-xdf3", "../testdata/xdf2/BlaueKarte.xml", fim.XDF3},
		{"G60000000088-xdf2", "../testdata/xdf3/G60000000088-simple.xml", fim.XDF2},
		{"xdf3-xdf2", "../testdata/xdf3/xdf3.xml", fim.XDF2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := read(t, tc.file)
			from := doc.SourceVersion
			res, err := Migrate(context.Background(), doc, Options{To: tc.to})
			if err != nil {
				t.Fatal(err)
			}
			out, _ := writeRead(t, res.Doc)
			g.Assert(t, tc.name+".xml", out)
			rep := &Report{Files: []FileReport{{File: filepath.Base(tc.file), From: from, To: tc.to, Root: res.Doc.RootIdent, Notes: res.Notes}}}
			for _, lang := range []string{"de", "en"} {
				var b bytes.Buffer
				if err := WriteText(&b, rep, lang); err != nil {
					t.Fatal(err)
				}
				g.Assert(t, tc.name+"."+lang+".txt", b.Bytes())
			}
		})
	}
}

// TestInlineCodelists turns the small code lists of S00000094 into werte.
func TestInlineCodelists(t *testing.T) {
	tests := []struct {
		name        string
		limit       int
		wantInlined int
	}{
		{name: "off", limit: 0, wantInlined: 0},
		{name: "small lists", limit: 5, wantInlined: 2},
		{name: "all", limit: 1000, wantInlined: 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := read(t, "../testdata/xdf2/S00000094V1.0_xdf2.xml")
			res, err := Migrate(context.Background(), doc, Options{To: fim.XDF3, InlineCodelists: tc.limit,
				Codelists: codelist.NewDirResolver("../testdata/codelists/S00000094")})
			if err != nil {
				t.Fatal(err)
			}
			inlined := map[string]bool{}
			for _, n := range res.Notes {
				if n.Key == keyInlined {
					inlined[n.Old] = true
				}
			}
			if len(inlined) != tc.wantInlined {
				t.Fatalf("%d lists inlined, want %d: %v", len(inlined), tc.wantInlined, inlined)
			}
			for _, f := range res.Doc.Fields {
				if len(f.Werte) > 0 && (f.Codeliste != nil || f.Werte[0].Code == "" || f.Werte[0].Name == "") {
					t.Errorf("field %s: werte %v with reference %v", f.Identifier, f.Werte, f.Codeliste)
				}
			}
			writeRead(t, res.Doc)
		})
	}
}

// TestNummernkreis covers the id rule in both directions.
func TestNummernkreis(t *testing.T) {
	tests := []struct {
		name, nk, in, want string
		up, ok             bool
	}{
		{"widen default", "", "G60000086", "G60000000086", true, true},
		{"widen other", "123", "F00000463", "F00123000463", true, true},
		{"not a 2.0 id", "", "T1234", "T1234", true, false},
		{"narrow default", "", "G60000000088", "G60000088", false, true},
		{"narrow other sub", "", "G60123000088", "G60123000088", false, false},
		{"narrow given sub", "123", "G60123000088", "G60000088", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &migration{up: tc.up, nk: tc.nk}
			if m.nk == "" {
				m.nk = DefaultNummernkreis
			}
			got, ok := m.mapID(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("mapID(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestMessages checks that every key has a German and an English text.
func TestMessages(t *testing.T) {
	for _, k := range keys() {
		m := messages.Get()[k]
		if m[0] == "" || m[1] == "" || m[0] == m[1] {
			t.Errorf("key %s: texts %q", k, m)
		}
	}
}

// lintFindings lints an XDatenfelder file.
func lintFindings(t *testing.T, name string, data []byte) []finding.Finding {
	t.Helper()
	fr := fimlint.CheckFile(context.Background(), bytes.NewReader(data), name, fimlint.FileOptions{})
	if fr.Err != nil {
		t.Fatalf("lint %s: %v", name, fr.Err)
	}
	return fr.Findings
}

// lintRules returns the rules of the lint findings of an XDatenfelder file.
func lintRules(t *testing.T, name string, data []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range lintFindings(t, name, data) {
		out[f.Rule] = f.Message
	}
	return out
}

// lintExempt are lint rules that may be new after an upcast without a
// note: they check text carried over unchanged against a 3.0.0-only rule.
var lintExempt = map[string]string{
	"1131": "String.Latin+ applies to 3.0.0 texts only; the text is the source's",
}

// TestLintMigrated: fim lint reports no rule on the migrated output that it
// did not report on the source, for every test and corpus file, except on
// elements for which the migration report has a warning or error (it told
// the user what to fix) and the rules in lintExempt.
func TestLintMigrated(t *testing.T) {
	files := fimTestdata(t, "xdf2", "xdf3", "synthetic")
	if root := testcorpus.Dir(); root != "" {
		for _, d := range []string{"xdf2", "xdf3", "xdf-variants"} {
			_ = filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
				if err == nil && !e.IsDir() && strings.HasSuffix(p, ".xml") {
					files = append(files, p)
				}
				return err
			})
		}
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, _, err := fim.ReadBytes(src, file, fim.ReadOptions{})
			if err != nil || doc.Kind == fim.KindCodeliste {
				return
			}
			to := fim.XDF3
			if doc.SourceVersion == fim.XDF3 {
				to = fim.XDF2
			}
			before := lintRules(t, file, src)
			res, err := Migrate(context.Background(), doc, Options{To: to})
			if err != nil {
				t.Fatal(err)
			}
			out, err := fim.Marshal(res.Doc, fim.WriteOptions{Version: to})
			if err != nil {
				t.Fatal(err)
			}
			noted := map[string]bool{}
			for _, n := range res.Notes {
				if n.Severity >= finding.Warning {
					id, _ := (&migration{up: to == fim.XDF3, nk: DefaultNummernkreis}).mapID(n.Element.ID)
					noted[id] = true
				}
			}
			for _, f := range lintFindings(t, "migrated.xml", out) {
				if _, ok := before[f.Rule]; ok || noted[f.ElementID] || lintExempt[f.Rule] != "" {
					continue
				}
				t.Errorf("new finding %s on %s after migration to %s: %s", f.Rule, f.ElementID, to, f.Message)
			}
		})
	}
}
