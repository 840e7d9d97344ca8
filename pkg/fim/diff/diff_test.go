package diff

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/migrate"
)

const base3 = "../testdata/xdf3/G60000000088-simple.xml"

func read(t *testing.T, file string) *fim.Document {
	t.Helper()
	doc, _, err := fim.ReadFile(file, fim.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// rewrite writes doc and reads it back, so that generated pairs are real
// files as the writer produces them.
func rewrite(t *testing.T, doc *fim.Document) *fim.Document {
	t.Helper()
	out, err := fim.Marshal(doc, fim.WriteOptions{Version: doc.SourceVersion})
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := fim.ReadBytes(out, "new.xml", fim.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func intp(n int) *int { return &n }

func strp(s string) *string { return &s }

func field(d *fim.Document, id string) *fim.Datenfeld {
	for _, f := range d.Fields {
		if f.Identifier.ID == id {
			return f
		}
	}
	panic("no field " + id)
}

func group(d *fim.Document, id string) *fim.Datenfeldgruppe {
	for _, g := range d.Groups {
		if g.Identifier.ID == id {
			return g
		}
	}
	panic("no group " + id)
}

func newField(id string, anzahl string) fim.ElementRef {
	c, _ := fim.ParseCardinality(anzahl)
	return fim.ElementRef{Anzahl: c, Field: &fim.Datenfeld{Common: fim.Common{Identifier: fim.Identifier{ID: id, Version: "1.0.0"}, Name: "Neu " + id},
		Feldart: fim.FeldartInput, Datentyp: fim.DatentypText}}
}

// TestGeneratedPairs changes one thing in a real 3.0.0 group and expects
// exactly that change with its class.
func TestGeneratedPairs(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *fim.Document)
		class  Class
		kind   Kind
		what   string
	}{
		{"name", func(d *fim.Document) { field(d, "F60000000243").Name = "Straßenname" }, Editorial, Renamed, "name"},
		{"label", func(d *fim.Document) { field(d, "F60000000243").BezeichnungEingabe = "Straße und Nr." }, Editorial, Changed, "bezeichnungEingabe"},
		{"help text", func(d *fim.Document) { field(d, "F60000000243").HilfetextEingabe = "Neu" }, Editorial, Changed, "hilfetextEingabe"},
		{"added optional", func(d *fim.Document) {
			g := group(d, "G60000000086")
			g.Children = append(g.Children, newField("F60000000900", "0:1"))
		}, Compatible, Added, "datenfeld"},
		{"added required", func(d *fim.Document) {
			g := group(d, "G60000000086")
			g.Children = append(g.Children, newField("F60000000900", "1:1"))
		}, Breaking, Added, "datenfeld"},
		{"removed", func(d *fim.Document) {
			g := group(d, "G60000000086")
			g.Children = g.Children[:len(g.Children)-1]
		}, Breaking, Removed, "datenfeld"},
		{"cardinality up", func(d *fim.Document) { group(d, "G60000000086").Children[1].Anzahl = fim.Cardinality{Min: 1, Max: 1} }, Breaking, Changed, "anzahl"},
		{"cardinality down", func(d *fim.Document) { group(d, "G60000000086").Children[0].Anzahl = fim.Cardinality{Min: 0, Max: 1} }, Compatible, Changed, "anzahl"},
		{"max down", func(d *fim.Document) {
			group(d, "G60000000086").Children[1].Anzahl = fim.Cardinality{Min: 0, Max: 0}
		}, Breaking, Changed, "anzahl"},
		{"max up", func(d *fim.Document) {
			group(d, "G60000000086").Children[1].Anzahl = fim.Cardinality{Min: 0, Max: fim.Unbounded}
		}, Compatible, Changed, "anzahl"},
		{"maxLength narrower", func(d *fim.Document) { field(d, "F60000000243").Praezisierung.MaxLength = intp(40) }, Breaking, Changed, "praezisierung.maxLength"},
		{"maxLength wider", func(d *fim.Document) { field(d, "F60000000243").Praezisierung.MaxLength = intp(80) }, Compatible, Changed, "praezisierung.maxLength"},
		{"minLength higher", func(d *fim.Document) { field(d, "F60000000243").Praezisierung.MinLength = intp(3) }, Breaking, Changed, "praezisierung.minLength"},
		{"maxValue added", func(d *fim.Document) { field(d, "F60000000243").Praezisierung.MaxValue = strp("10.5") }, Breaking, Changed, "praezisierung.maxValue"},
		{"pattern added", func(d *fim.Document) { field(d, "F60000000243").Praezisierung.Pattern = "[A-Z].*" }, Breaking, Changed, "praezisierung.pattern"},
		{"datentyp narrower", func(d *fim.Document) { field(d, "F60000000243").Datentyp = fim.DatentypDate }, Breaking, Changed, "datentyp"},
		{"datentyp wider", func(d *fim.Document) { field(d, "F60000000246").Datentyp = fim.DatentypText }, Compatible, Changed, "datentyp"},
		{"maxLength removed", func(d *fim.Document) { field(d, "F60000000243").Praezisierung.MaxLength = nil }, Compatible, Changed, "praezisierung.maxLength"},
		{"feldart", func(d *fim.Document) { field(d, "F60000000243").Feldart = fim.FeldartSelect }, Breaking, Changed, "feldart"},
		{"code list", func(d *fim.Document) {
			field(d, "F60000000243").Codeliste = &fim.CodelisteRef{CanonicalURI: "urn:x", Version: "1"}
		}, Breaking, Changed, "codeliste"},
		{"werte added", func(d *fim.Document) {
			field(d, "F60000000243").Werte = []fim.Wert{{Code: "1", Name: "eins"}}
		}, Compatible, Changed, "werte"},
		{"rule text", func(d *fim.Document) { d.Rules[0].Definition = "Es muss genau eine Anschrift angegeben werden." }, Breaking, Changed, "regel.definition"},
		{"version", func(d *fim.Document) { field(d, "F60000000243").Identifier.Version = "1.2.0" }, Compatible, Changed, "version"},
		{"status", func(d *fim.Document) { field(d, "F60000000243").Freigabestatus = "7" }, Compatible, Changed, "status"},
		{"moved to another parent", func(d *fim.Document) {
			a, b := group(d, "G60000000086"), group(d, "G60000000087")
			ref := a.Children[4] // Adresszusatz
			a.Children = a.Children[:4]
			b.Children = append(b.Children, ref)
		}, Breaking, Moved, "parent"},
		{"reordered", func(d *fim.Document) {
			a := group(d, "G60000000086")
			a.Children[0], a.Children[1] = a.Children[1], a.Children[0]
		}, Breaking, Moved, "position"},
		{"id changed, same name", func(d *fim.Document) { field(d, "F60000000248").Identifier.ID = "F60000000901" }, Breaking, Changed, "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old := read(t, base3)
			nd := read(t, base3)
			// Postleitzahl is num_int in the old document of these pairs.
			field(old, "F60000000246").Datentyp = fim.DatentypNumInt
			field(nd, "F60000000246").Datentyp = fim.DatentypNumInt
			tc.change(nd)
			res := Compare(context.Background(), old, rewrite(t, nd), Options{})
			found := false
			for _, c := range res.Changes {
				if c.What == tc.what && c.Kind == tc.kind {
					found = true
					if c.Class != tc.class {
						t.Errorf("%s: class %s, want %s", c, c.Class, tc.class)
					}
				}
			}
			if !found {
				t.Fatalf("no %s %s change; got %v", tc.kind, tc.what, res.Changes)
			}
			if !res.SameIdentity {
				t.Error("same id and version not noticed")
			}
		})
	}
}

// TestIdentical: a file compared with itself, and with its own rewrite, has
// no changes.
func TestIdentical(t *testing.T) {
	for _, f := range []string{base3, "../testdata/xdf2/S00000094V1.0_xdf2.xml", "../testdata/xdf2/BlaueKarte.xml"} {
		old := read(t, f)
		res := Compare(context.Background(), old, rewrite(t, read(t, f)), Options{})
		if len(res.Changes) != 0 || !res.SameIdentity {
			t.Errorf("%s: %v", f, res.Changes)
		}
	}
}

// TestAcrossVersions: a 2.0 schema and its migration to 3.0.0 differ only
// in what the migration filled in, never in a breaking way.
func TestAcrossVersions(t *testing.T) {
	old := read(t, "../testdata/xdf2/S00000094V1.0_xdf2.xml")
	nd := read(t, "../testdata/xdf2/S00000094V1.0_xdf2.xml")
	if _, err := migrate.Migrate(context.Background(), nd, migrate.Options{To: fim.XDF3}); err != nil {
		t.Fatal(err)
	}
	res := Compare(context.Background(), old, rewrite(t, nd), Options{})
	if !res.SameIdentity {
		t.Error("S00000094 V1.0 and S00000000094 V1.0.0 are the same identity")
	}
	for _, c := range res.Changes {
		if c.Class == Breaking {
			t.Errorf("breaking change across versions: %v", c)
		}
	}
}

// TestCodelistVersion classifies a code list version change by its codes
// when the lists are given.
func TestCodelistVersion(t *testing.T) {
	old := read(t, "../testdata/xdf2/S00000094V1.0_xdf2.xml")
	nd := read(t, "../testdata/xdf2/S00000094V1.0_xdf2.xml")
	var f *fim.Datenfeld
	for _, x := range nd.Fields {
		if x.Codeliste != nil {
			f = x
			break
		}
	}
	f.Codeliste.Version = "2099-01-01"
	res := Compare(context.Background(), old, rewrite(t, nd), Options{Codelists: codelist.NewDirResolver("../testdata/codelists/S00000094")})
	if len(res.Changes) != 1 || res.Changes[0].What != "codeliste.version" || res.Changes[0].Class != Breaking {
		t.Fatalf("changes %v, want one breaking codeliste.version (the new version is not there)", res.Changes)
	}
}

// TestRealPairs pins the output on the real re-export pairs: S00000094
// V1.0 exported in 2022 and 2023, and G60000000088 V1.2.0 in two commits.
func TestRealPairs(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(""))
	sch, err := jsonschema.NewCompiler().Compile("../../../schemas/fim-diff.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	pairs := []struct{ name, old, new string }{
		{"S00000094-2022-2023", "../testdata/xdf2/S00000094V1.0_xdf2.xml", "testdata/S00000094V1.0_xdf2_2023.xml"},
		{"G60000000088-variants", "testdata/G60000000088V1.2.0_0e016fa7.xml", "testdata/G60000000088V1.2.0_0d289789.xml"},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			old, nd := read(t, p.old), read(t, p.new)
			old.File, nd.File = filepath.Base(p.old), filepath.Base(p.new)
			res := Compare(context.Background(), old, nd, Options{})
			if !res.SameIdentity || res.Summary.Breaking == 0 {
				t.Errorf("sameIdentity %v, %d breaking", res.SameIdentity, res.Summary.Breaking)
			}
			for _, lang := range []string{"de", "en"} {
				var b bytes.Buffer
				if err := WriteText(&b, res, lang); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(strings.SplitN(b.String(), "\n", 3)[1], map[string]string{"de": "ACHTUNG", "en": "WARNING"}[lang]) {
					t.Errorf("%s: the changed content under the same identity is not said first:\n%s", lang, b.String())
				}
				g.Assert(t, p.name+"."+lang+".txt", b.Bytes())
				b.Reset()
				if err := WriteMarkdown(&b, res, lang); err != nil {
					t.Fatal(err)
				}
				g.Assert(t, p.name+"."+lang+".md", b.Bytes())
			}
			var b bytes.Buffer
			if err := WriteJSON(&b, res, "en"); err != nil {
				t.Fatal(err)
			}
			g.Assert(t, p.name+".json", b.Bytes())
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestTexts checks that every text key has German and English.
func TestTexts(t *testing.T) {
	for _, k := range textKeys() {
		if texts.Get()[k][0] == "" || texts.Get()[k][1] == "" {
			t.Errorf("key %s: %q", k, texts.Get()[k])
		}
	}
}
