package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// sameInBothLanguages lists the keys whose German and English forms are
// meant to be equal.
var sameInBothLanguages = []finding.Key{
	"report.verdict-ok",            // "ok"
	"xoev.code.unknown-list-error", // joins a message and an OS error
}

// TestMessageCatalogue walks every message key the binary registers (this
// package links every engine): each has a German and an English form, the
// two take the same number of arguments, and both render without a
// broken verb.
func TestMessageCatalogue(t *testing.T) {
	keys := finding.Keys()
	if len(keys) < 100 {
		t.Fatalf("only %d message keys registered; is an engine not linked?", len(keys))
	}
	for _, k := range keys {
		tx, _ := finding.Lookup(k)
		if strings.TrimSpace(tx.DE) == "" || strings.TrimSpace(tx.EN) == "" {
			t.Errorf("%s: a language is missing: de %q, en %q", k, tx.DE, tx.EN)
			continue
		}
		vd, ve := finding.FormatVerbs(tx.DE), finding.FormatVerbs(tx.EN)
		if len(vd) != len(ve) {
			t.Errorf("%s: de takes %d arguments, en %d: %q / %q", k, len(vd), len(ve), tx.DE, tx.EN)
			continue
		}
		args := make([]any, len(vd))
		for i, v := range vd {
			switch {
			case numeric(v) != numeric(ve[i]):
				t.Errorf("%s: argument %d is %%%c in de, %%%c in en", k, i+1, v, ve[i])
			case numeric(v):
				args[i] = 1
			default:
				args[i] = "x"
			}
		}
		for _, lang := range []string{"de", "en"} {
			if s := k.With(args...).Text(lang); strings.Contains(s, "%!") {
				t.Errorf("%s: %s form renders as %q", k, lang, s)
			}
		}
		if tx.DE == tx.EN && !slices.Contains(sameInBothLanguages, k) {
			t.Errorf("%s: German and English are the same: %q", k, tx.DE)
		}
	}
}

func numeric(verb byte) bool { return strings.IndexByte("dxXcob*", verb) >= 0 }

// Words that give a message away as English or German. Case matters:
// "Element" is German, "element" English.
var (
	englishWords = regexp.MustCompile(`\b(the|is|are|not|and|of|with|without|missing|invalid|expected|allowed|found|value|files|errors|warnings|required|unknown|cannot|must|has)\b`)
	germanWords  = regexp.MustCompile(`\b(der|die|das|ist|sind|nicht|und|oder|mit|ohne|fehlt|ungültig|ungültiger|erwartet|erlaubt|gefunden|Wert|Datei|Dateien|Fehler|kein|keine|wird)\b`)
	// quoted strips what a message quotes from its input: values,
	// names, paths, sets, a library's original text.
	quoted = regexp.MustCompile(`"[^"]*"|'[^']*'|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\((Originaltext|original text): .*\)|\S+\.(xml|xsd|sch|yaml)\b|\S*[/:]\S*`)
)

// TestFindingLanguage runs the examples (and, when present, part of the
// corpus) through check, check --profile and fim lint in German and in
// English and fails when a finding of ozgctl's own engines, or the summary
// line, reads in the other language outside what it quotes. Schematron
// asserts and profile sharpenings are the rule authors' words and are left
// out.
func TestFindingLanguage(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	ex := filepath.Join(repo, "examples")
	runs := [][]string{
		{"check", "--xsd", ex + "/xoev/xsd/demo.xsd", "--catalog", ex + "/xoev/catalog.xml", "--codelists", ex + "/xoev/codelists", ex + "/xoev/messages"},
		{"check", "--profile", ex + "/profiles", ex + "/xoev/messages", ex + "/profiles/tests/xbau-2.6"},
		{"check", "--schematron", ex + "/profiles/xbau/sch/xbau-schematron-leere-elemente.sch", ex + "/profiles/tests/xbau-2.6"},
		{"fim", "lint", "--codelists", ex + "/fim/codelists", ex + "/fim"},
	}
	bad := writeBadInputs(t)
	runs = append(runs,
		[]string{"check", "--xsd", ex + "/xoev/xsd/demo.xsd", "--catalog", ex + "/xoev/catalog.xml", bad},
		[]string{"check", "--schematron", ex + "/profiles/xbau/sch/xbau-schematron-leere-elemente.sch", bad},
		[]string{"fim", "lint", bad})
	if dir := testcorpus.Dir(); dir != "" {
		runs = append(runs,
			[]string{"fim", "lint", dir + "/xdf2"},
			[]string{"check", "--profile", ex + "/profiles", dir + "/xoev/xrechnung/validator-configuration/test/instances"})
	}
	for _, args := range runs {
		for _, lang := range []string{"de", "en"} {
			other := englishWords
			if lang == "en" {
				other = germanWords
			}
			t.Run(lang+" "+strings.Join(args[:2], " "), func(t *testing.T) {
				hits := 0
				check := func(what, text string) {
					if w := other.FindString(quoted.ReplaceAllString(text, " ")); w != "" && hits < 10 {
						hits++
						t.Errorf("%s in --lang %s has %q: %s", what, lang, w, text)
					}
				}
				out := runCLI(t, append(args, "--lang", lang, "--output", "json"))
				var rep struct {
					Files []struct {
						File     string `json:"file"`
						Error    string `json:"error"`
						Findings []struct {
							Rule    string `json:"rule"`
							Message string `json:"message"`
							Source  string `json:"source"`
						} `json:"findings"`
					} `json:"files"`
				}
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatalf("%v\n%s", err, out)
				}
				for _, f := range rep.Files {
					for _, fd := range f.Findings {
						if fd.Source == "schematron" || fd.Source == "profile" {
							continue
						}
						check(f.File+" "+fd.Rule, fd.Message)
					}
				}
				text := runCLI(t, append(args, "--lang", lang))
				lines := strings.Split(strings.TrimSpace(text), "\n")
				check("summary", lines[len(lines)-1])
			})
		}
	}
}

// runCLI runs ozgctl in process and returns its standard output.
func runCLI(t *testing.T, args []string) string {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	if code := Main(args, ios); code > 2 {
		t.Fatalf("ozgctl %s: exit %d", strings.Join(args, " "), code)
	}
	return out.String()
}

// writeBadInputs writes messages that break in the ways the parsers
// describe in their own words: a lone "<", an undeclared prefix, an
// unclosed element, binary data, an empty file.
func writeBadInputs(t *testing.T) string {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"lt.xml":       "<",
		"prefix.xml":   "<a><b:c/></a>",
		"unclosed.xml": "<a>",
		"binary.xml":   "\x00\x01\x02PK",
		"empty.xml":    "",
		"mismatch.xml": "<a><b></a>",
		"entity.xml":   "<a>&nbsp;</a>",
		"attr.xml":     "<a x=1/>",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
