package xoev

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

func TestAnnotate(t *testing.T) {
	valid, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml"))
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) string { return strings.Replace(string(valid), old, new, 1) }
	const (
		root    = "/demo:demo.antrag.0101[1]"
		steller = root + "/demo:antragsteller[1]"
	)
	tests := []struct {
		name string
		doc  string
		// the paths each engine reports: jacoelho names the parent of an
		// unexpected element, helium the element itself
		jacoelho, helium []string
	}{
		{"value of a qualified element in another namespace", edit(">12345<", ">1234X<"),
			[]string{steller + "/demo:anschrift[1]/common:postleitzahl[1]"},
			[]string{steller + "/demo:anschrift[1]/common:postleitzahl[1]"}},
		{"value of an unqualified header element", edit("2026-11-02T09:30:00+01:00", "gestern"),
			[]string{root + "/demo:nachrichtenkopf[1]/erstellungszeitpunkt[1]"},
			[]string{root + "/demo:nachrichtenkopf[1]/erstellungszeitpunkt[1]"}},
		{"second of two siblings on one line", edit("<code>w</code>", "<code>w</code><code>m</code>"),
			[]string{steller + "/demo:geschlecht[1]"},
			[]string{steller + "/demo:geschlecht[1]"}}, // helium gives no column: only the parent is certain
		{"second of two siblings", edit("<code>w</code>", "<code>w</code>\n<code>m</code>"),
			[]string{steller + "/demo:geschlecht[1]"},
			[]string{steller + "/demo:geschlecht[1]/code[2]"}},
		{"element on a later line than a same-named one", edit("<leser>Fachverfahren Demo</leser>", "<leser>Fachverfahren Demo</leser>\n<leser>zweiter</leser>"),
			[]string{root + "/demo:nachrichtenkopf[1]"},
			[]string{root + "/demo:nachrichtenkopf[1]/leser[2]"}},
		{"attribute", edit(`produkt="Beispiel"`, `produkt="Beispiel" foo="1"`),
			[]string{root},
			[]string{root}},
	}
	for _, engine := range []string{"jacoelho", "helium"} {
		set := loadExample(t, LoadOptions{Engine: engine})
		for _, tt := range tests {
			t.Run(engine+"/"+tt.name, func(t *testing.T) {
				fs := validateString(t, set, tt.doc)
				annotate(strings.NewReader(tt.doc), fs)
				want := tt.jacoelho
				if engine == "helium" {
					want = tt.helium
				}
				if got := paths(fs); !slices.Equal(got, want) {
					t.Errorf("paths %q, want %q (findings %v)", got, want, fs)
				}
			})
		}
	}
}

func TestAnnotatePathsKeepsWhatItCannotPlace(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "xsd:root", Source: "xsd", Line: 1, Column: 1, Path: "/"},
		{Rule: "codelist:invalid-code", Source: "codelist", Line: 1, Column: 1, Path: "/a[1]"},
		{Rule: "xsd:element", Source: "xsd", Line: 9, Column: 1, Path: "/a/b"}, // beyond the end
		{Rule: "xsd:element", Source: "xsd", Line: 1, Path: "nirgends"},
	}
	want := paths(fs)
	annotate(strings.NewReader("<a>\n<b/>\n</a>"), fs)
	if got := paths(fs); !slices.Equal(got, want) {
		t.Errorf("paths %q, want them kept: %q", got, want)
	}
}

func paths(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

func TestAnnotateColumnsInCharacters(t *testing.T) {
	set := loadExample(t, LoadOptions{})
	data, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-xsd-fehler.xml"))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(data), ">viel<", ">viel€<", 1) // € is three bytes
	fs := validateString(t, set, doc)
	if len(fs) != 2 || fs[1].Column != 23 {
		t.Fatalf("jacoelho should place the value's end tag at byte column 23: %+v", fs)
	}
	annotate(strings.NewReader(doc), fs)
	if fs[1].Column != 21 {
		t.Errorf("column %d, want 21 (characters)", fs[1].Column)
	}
}

func TestAnnotateNotWellFormed(t *testing.T) {
	set := loadExample(t, LoadOptions{})
	for _, tc := range []struct{ doc, want string }{
		{"<a>\n<b>\n", "/a[1]/b[1]"},     // unclosed at the end, no column
		{"<a><b/><b></a>", "/a[1]/b[2]"}, // broken end tag
		{`<p:a xmlns:p="urn:p"><p:b><!-- -- --></p:b></p:a>`, "/p:a[1]/p:b[1]"},
	} {
		fs := validateString(t, set, tc.doc)
		annotate(strings.NewReader(tc.doc), fs)
		if len(fs) != 1 || fs[0].Rule != RuleNotWellFormed || fs[0].Path != tc.want {
			t.Errorf("%q: %+v, want one not-well-formed finding at %s", tc.doc, fs, tc.want)
		}
	}
}
