package profile

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

const examples = "../../../examples/profiles"

func TestSchemaCopyInSync(t *testing.T) {
	a, err := os.ReadFile("../../../schemas/profile.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, profileSchema) {
		t.Fatal("schemas/profile.schema.json and pkg/conformance/profile/profile.schema.json differ; copy one over the other")
	}
}

func writeProfile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "p.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"not yaml", "id: [", "not valid YAML"},
		{"missing match", "id: x\nstandard: S\nversion: '1'\n", "missing property 'match'"},
		{"unknown key", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\nbogus: 1\n", "bogus"},
		{"two kinds", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\nsharpenings:\n  - {id: a, message: m, required: x, forbidden: y}\n", "oneOf"},
		{"duplicate id", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\nsharpenings:\n  - {id: a, message: m, required: x}\n  - {id: a, message: m, forbidden: y}\n", `sharpening id "a" used twice`},
		{"codes without path", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\nsharpenings:\n  - {id: a, message: m, codes: [x]}\n", "oneOf"},
		{"schema error, with the line of the value", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\nsharpenings:\n  - id: a\n    message: m\n    requird: x\n", ".yaml:6: does not match schemas/profile.schema.json"},
		{"broken pattern, with its line", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\nsharpenings:\n  - {id: a, message: m, path: x, pattern: '[0-9'}\n", `:6: sharpening "a": pattern "[0-9"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(writeProfile(t, tc.body))
			var pe *ProfileError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v, want *ProfileError", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func abs(p string) string {
	a, _ := filepath.Abs(p)
	return a
}

func TestCompileErrors(t *testing.T) {
	base := "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x}\n"
	tests := []struct{ name, body, want string }{
		{"missing schematron file", base + "schematron: [{file: gone.sch}]\n", "gone.sch"},
		{"bad sharpening xpath", base + "sharpenings:\n  - {id: a, message: m, required: 'x['}\n", `assert id="a": XPath syntax error`},
		{"unknown prefix in sharpening", base + "sharpenings:\n  - {id: a, message: m, required: 'zz:x'}\n", "zz"},
		{"bad match xpath", "id: x\nstandard: S\nversion: '1'\nmatch: {namespace: urn:x, xpath: 'a['}\n", "match.xpath"},
		{"binding without codelists", base + "codelistBindings:\n  - {id: b, message: m, path: x, list: 'urn:l'}\n", "codelistBindings need codelists directories"},
		{"binding to an unknown list", base + "codelists: [" + abs("../../../examples/xoev/codelists") + "]\ncodelistBindings:\n  - {id: b, message: m, path: x, list: 'urn:nope'}\n", `code list binding "b": list urn:nope`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(writeProfile(t, tc.body), LoadOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v does not contain %q", err, tc.want)
			}
		})
	}
}

func checkFile(t *testing.T, set *Set, file string) finding.FileResult {
	t.Helper()
	ins, errs := batch.ExpandInputs([]string{file}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return batch.CheckOne(context.Background(), ins[0], append([]batch.Stage{xoev.IdentifyStage{}}, Stages(set, RuleLimits{})...))
}

func rules(fs []finding.Finding, sev finding.Severity) []string {
	var out []string
	for _, f := range fs {
		if f.Severity == sev && !slices.Contains(out, f.Rule) {
			out = append(out, f.Rule)
		}
	}
	slices.Sort(out)
	return out
}

// TestDemoProfile runs the whole pipeline (XSD, code lists, sharpenings)
// on the examples/xoev messages.
func TestDemoProfile(t *testing.T) {
	set, err := LoadSet(filepath.Join(examples, "xoev-demo.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		want []string
	}{
		{"antrag-gueltig.xml", nil},
		{"antrag-code-fehler.xml", []string{"DEMO-CL-001", "DEMO-S-002", "codelist:invalid-code"}},
		{"antrag-xsd-fehler.xml", []string{"DEMO-S-003", "DEMO-S-004", "xsd:facet"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			res := checkFile(t, set, filepath.Join("../../../examples/xoev/messages", tc.file))
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if got := rules(res.Findings, finding.Error); !slices.Equal(got, tc.want) {
				t.Errorf("errors %v, want %v (%+v)", got, tc.want, res.Findings)
			}
			if res.Identity == nil || res.Identity.Profile != "xoev-demo-1.0" {
				t.Errorf("identity %+v", res.Identity)
			}
			if !slices.Contains(res.Engines, "profile:xoev-demo-1.0") || !slices.Contains(res.Engines, "codelist:genericode") {
				t.Errorf("engines %v", res.Engines)
			}
		})
	}
}

func TestSharpeningKinds(t *testing.T) {
	p := writeProfile(t, `id: k
standard: S
version: "1"
match: {namespace: "urn:k"}
namespaces: {k: "urn:k"}
sharpenings:
  - {id: REQ, message: "req", required: "k:a"}
  - {id: FORB, message: "forb", severity: warning, forbidden: "k:b"}
  - {id: CARD, message: "card", path: "k:c", cardinality: {min: 1, max: 2}}
  - {id: CODES, message: "codes", path: "k:c", codes: ["x", "y"]}
  - {id: PAT, message: "pat", path: "k:c/@n", pattern: "[0-9]+"}
  - {id: IFTHEN, message: "ifthen", if: "k:b", then: "k:a"}
  - {id: CTX, message: "ctx", context: "k:c", required: "@n"}
`)
	set, err := LoadSet(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "m.xml")
	os.WriteFile(doc, []byte(`<k:m xmlns:k="urn:k"><k:b/><k:c n="1">x</k:c><k:c n="x">z</k:c><k:c>y</k:c></k:m>`), 0o644)
	res := checkFile(t, set, doc)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+" "+f.Severity.String()+" "+f.Path)
	}
	want := []string{
		"CARD error /k:m[1]", "CODES error /k:m[1]/k:c[2]", "CTX error /k:m[1]/k:c[3]", "FORB warning /k:m[1]",
		"IFTHEN error /k:m[1]", "PAT error /k:m[1]/k:c[2]/@n", "REQ error /k:m[1]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestSelect(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	write("v1.yaml", "id: v1\nstandard: S\nversion: '1.0'\nmatch: {namespace: 'urn:s', version: 'string(/*/@v)'}\n")
	write("v2.yaml", "id: v2\nstandard: S\nversion: '2.0'\nmatch: {namespace: 'urn:s', version: 'string(/*/@v)'}\n")
	write("root.yaml", "id: special\nstandard: S\nversion: '2.0'\nmatch: {namespace: 'urn:s', root: special}\n")
	set, err := LoadSet(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ doc, want, err string }{
		{`<m xmlns="urn:s" v="1.0.3"/>`, "v1", ""},
		{`<m xmlns="urn:s" v="2.0"/>`, "v2", ""},
		{`<special xmlns="urn:s" v="1.0"/>`, "special", ""},
		{`<m xmlns="urn:s" v="3.0"/>`, "", "matches several profiles equally: v1, v2"},
		{`<m xmlns="urn:other"/>`, "", "no profile matches message {urn:other}m (profiles: special, v1, v2)"},
	}
	for _, tc := range tests {
		d, err := schematron.ParseDocument(context.Background(), []byte(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		c, err := set.choose(context.Background(), d)
		if tc.err != "" {
			var se *SelectError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.doc, err, tc.err)
			}
			continue
		}
		if err != nil || c.ID != tc.want {
			t.Errorf("%s: got %v %v, want %s", tc.doc, c, err, tc.want)
		}
	}
}

func TestExampleProfilesValid(t *testing.T) {
	set, err := LoadSet(examples, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range set.Profiles {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	if want := []string{"xbau-2.6-sharpened", "xoev-demo-1.0", "xrechnung-3.0-cii", "xrechnung-3.0-ubl"}; !slices.Equal(ids, want) {
		t.Fatalf("profiles %v, want %v", ids, want)
	}
}

func TestXBauProfileTests(t *testing.T) {
	set, err := LoadSet(filepath.Join(examples, "xbau-2.6.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := ReadTestSet(filepath.Join(examples, "tests/xbau-2.6"))
	if err != nil {
		t.Fatal(err)
	}
	stages := append([]batch.Stage{xoev.IdentifyStage{}}, Stages(set, RuleLimits{})...)
	results := RunSets(context.Background(), []*TestSet{ts}, stages, 2)[0]
	if len(results) != 3 {
		t.Fatalf("%d cases, want 3", len(results))
	}
	// A sharpening's finding points at the sharpening in the profile
	// (not at the Schematron generated from it) and carries its test.
	yaml, err := os.ReadFile(filepath.Join(examples, "xbau-2.6.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := batch.CheckOne(context.Background(), batch.Input{Name: filepath.Join(examples, "tests/xbau-2.6/invalid/antrag-kopf.xml")}, stages)
	var checked int
	for _, f := range res.Findings {
		if f.Source != "profile" {
			continue
		}
		checked++
		if f.Test == "" || len(f.Related) != 1 || f.Related[0].File != filepath.Join(examples, "xbau-2.6.yaml") {
			t.Errorf("%s: test %q related %v", f.Rule, f.Test, f.Related)
			continue
		}
		if lines := strings.Split(string(yaml), "\n"); !strings.Contains(lines[f.Related[0].Line-1], "id: "+f.Rule) {
			t.Errorf("%s: line %d of the profile is %q", f.Rule, f.Related[0].Line, lines[f.Related[0].Line-1])
		}
	}
	if checked == 0 {
		t.Error("no sharpening findings")
	}
	for _, r := range results {
		if !r.Pass {
			t.Errorf("%s: %v", r.Case.Name, r.Problems)
		}
	}
}

// TestStageConcurrent runs one profile set over many inputs with several
// workers (go test -race covers the shared compiled rules and the lazily
// loaded schema set); the results equal a sequential run.
func TestStageConcurrent(t *testing.T) {
	set, err := LoadSet(examples, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"../../../examples/xoev/messages", filepath.Join(examples, "tests/xbau-2.6"), "testdata/corpus/xoev/xrechnung/testsuite"}
	ins, errs := batch.ExpandInputs(args, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	stages := append([]batch.Stage{xoev.IdentifyStage{}}, Stages(set, RuleLimits{})...)
	par := batch.Run(context.Background(), ins, stages, batch.Options{Workers: 4})
	seq := batch.Run(context.Background(), ins, stages, batch.Options{Workers: 1})
	for i := range par {
		if par[i].Err != nil || seq[i].Err != nil {
			t.Fatalf("%s: %v / %v", par[i].File, par[i].Err, seq[i].Err)
		}
		if !slices.EqualFunc(par[i].Findings, seq[i].Findings, func(a, b finding.Finding) bool { return finding.Compare(a, b) == 0 }) {
			t.Errorf("%s: parallel and sequential findings differ", par[i].File)
		}
	}
}

func TestRuleSources(t *testing.T) {
	set, err := LoadSet(filepath.Join(examples, "xbau-2.6.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rules := batch.CollectRules(Stages(set, RuleLimits{}))
	byID := map[string]finding.RuleInfo{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	if r := byID["XBAU-S-002"]; r.Severity != finding.Warning || !strings.Contains(r.Help, "assert empty(@test)") {
		t.Errorf("XBAU-S-002 = %+v", r)
	}
	if r := byID[ruleTimeout]; r.Severity != finding.Error || r.Title == "" {
		t.Errorf("%s = %+v", ruleTimeout, r)
	}
	if r := byID["sch-xbau-gen-001"]; r.Severity != finding.Warning || r.Title == "" {
		t.Errorf("overridden severity lost: %+v", r)
	}
	if len(rules) != 26 { // 19 XBau ids + 6 sharpenings + schematron:timeout
		t.Errorf("%d rules", len(rules))
	}
}
