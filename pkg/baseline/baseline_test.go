package baseline

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

var (
	msgMissing = finding.Register("baseline.test.missing", "Element %s fehlt", "element %s missing")
	msgBadCode = finding.Register("baseline.test.code", "Code %q unbekannt", "unknown code %q")
)

// run is a check of a.xml whose findings sit at the given lines; extra
// findings are appended.
func run(shift int, extra ...finding.Finding) *finding.Report {
	fs := []finding.Finding{
		{Rule: "xsd:missing", Severity: finding.Error, Msg: msgMissing.With("b"), Line: 3 + shift, Path: "/p:a[1]/p:b[1]"},
		{Rule: "codelist:code", Severity: finding.Error, Msg: msgBadCode.With("X"), Line: 9 + shift, Path: "/p:a[1]/p:c[2]/code[1]"},
		{Rule: "codelist:code", Severity: finding.Error, Msg: msgBadCode.With("Y"), Line: 12 + shift, Path: "/p:a[1]/p:c[3]/code[1]"},
		{Rule: "BR-1", Severity: finding.Warning, Message: "Zahlung fehlt", Line: 1, Path: "/p:a[1]"},
	}
	r := &finding.Report{FailOn: finding.Warning, Files: []finding.FileResult{
		{File: "./msgs/a.xml", Findings: append(fs, extra...)},
		{File: "msgs/b.xml"},
	}}
	r.SortFiles()
	return r
}

func suppressed(r *finding.Report) int { return finding.Summarize(r).Suppressed }

// TestRoundTrip: a baseline written from a run suppresses all of it;
// shifted lines and other languages keep it so; a new defect, also one
// with the key of an accepted one, is the only finding that counts.
func TestRoundTrip(t *testing.T) {
	var nilBase *Baseline
	b := nilBase.Update(run(0), "de")
	data := b.Marshal()
	back, err := parse(data, "base.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Marshal(), data) {
		t.Fatal("marshal is not stable across a round trip")
	}
	for _, tc := range []struct {
		name        string
		report      *finding.Report
		suppressed  int
		exit        int
		stale       int
		failingRule string
	}{
		{"same run", run(0), 4, 0, 0, ""},
		{"lines shifted", run(7), 4, 0, 0, ""},
		{"new defect", run(2, finding.Finding{Rule: "xsd:type", Severity: finding.Error, Msg: msgMissing.With("d"), Line: 20, Path: "/p:a[1]/p:d[1]"}), 4, 1, 0, "xsd:type"},
		{"third code of an accepted key", run(0, finding.Finding{Rule: "codelist:code", Severity: finding.Error, Msg: msgBadCode.With("Z"), Line: 30, Path: "/p:a[1]/p:c[9]/code[1]"}), 4, 1, 0, "codelist:code"},
		{"one fixed", func() *finding.Report { r := run(0); r.Files[0].Findings = r.Files[0].Findings[1:]; return r }(), 3, 0, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.report
			back.Apply(r, "base.json")
			if got := suppressed(r); got != tc.suppressed {
				t.Errorf("suppressed %d, want %d", got, tc.suppressed)
			}
			if got := r.ExitCode(); got != tc.exit {
				t.Errorf("exit %d, want %d", got, tc.exit)
			}
			if len(r.Stale) != tc.stale {
				t.Errorf("stale %v, want %d", r.Stale, tc.stale)
			}
			for _, f := range r.Files[0].Findings {
				if f.Counts() && f.Rule != tc.failingRule {
					t.Errorf("%s at line %d counts", f.Rule, f.Line)
				}
				if f.Suppressed != nil && (f.Suppressed.Kind != finding.SuppressedByBaseline || f.Suppressed.Reason != "base.json") {
					t.Errorf("suppression %+v", f.Suppressed)
				}
			}
		})
	}
}

// TestUpdateKeepsOtherFiles: entries of files the run did not check (a
// shard, a partial run, an input error) survive an update and are not stale.
func TestUpdateKeepsOtherFiles(t *testing.T) {
	old := &Baseline{Version: formatVersion, Entries: []Entry{
		{MatchKey: finding.MatchKey{File: "other/z.xml", Rule: "r", Key: "k"}, Count: 2},
		{MatchKey: finding.MatchKey{File: "msgs/a.xml", Rule: "gone", Key: "k"}, Count: 1},
	}}
	r := run(0)
	old.Apply(r, "b.json")
	if len(r.Stale) != 1 || r.Stale[0].Rule != "gone" {
		t.Errorf("stale %+v, want only the entry of the checked file", r.Stale)
	}
	nb := old.Update(run(0), "en")
	var files []string
	for _, e := range nb.Entries {
		files = append(files, e.File+" "+e.Rule)
		if e.Rule == "gone" {
			t.Error("the stale entry of a checked file must go")
		}
	}
	want := "msgs/a.xml BR-1,msgs/a.xml codelist:code,msgs/a.xml xsd:missing,other/z.xml r"
	if got := strings.Join(files, ","); got != want {
		t.Errorf("entries %s, want %s", got, want)
	}
	if nb.Entries[1].Count != 2 || nb.Entries[1].Message != `unknown code "X"` {
		t.Errorf("code entry %+v", nb.Entries[1])
	}
}

func TestBaselineAgainstSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../../schemas/baseline.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var nilBase *Baseline
	for name, data := range map[string][]byte{"written": nilBase.Update(run(0), "de").Marshal(), "empty": (&Baseline{}).Marshal()} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "base.json: empty file"},
		{"syntax", "{\n  \"version\": 1,\n  \"entries\": [,]\n}", "base.json:3: invalid character"},
		{"unknown key", `{"version":1,"entries":[],"extra":1}`, `unknown field "extra"`},
		{"version", `{"version":2,"entries":[]}`, "version 2, want 1"},
		{"no count", `{"version":1,"entries":[{"file":"a","rule":"r","key":"k"}]}`, "entry 1: want file, rule, key"},
		{"wrong type", "{\"version\":1,\n\"entries\":{}}", "base.json:2:"},
		{"trailing", `{"version":1,"entries":[]} {}`, "data after"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse([]byte(tc.in), "base.json")
			var fe *FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a FileError containing %q", err, tc.want)
			}
		})
	}
}

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		glob, name string
		want       bool
	}{
		{"a/b", "a/b", true},
		{"a/*", "a/b", true},
		{"a/*", "a/b/c", false},
		{"a/**", "a/b/c", true},
		{"**/code", "a/c/code", true},
		{"**/code", "code", true},
		{"a/**/code", "a/code", true},
		{"a/?", "a/bc", false},
		{"a/[bc]", "a/c", true},
		{"a/[!bc]", "a/c", false},
		{"Invoice/InvoiceLine/@*", "Invoice/InvoiceLine/@id", true},
		{"a.b", "axb", false},
		{`a\*`, "a*", true},
		{`a\*`, "ab", false},
	} {
		t.Run(tc.glob+" "+tc.name, func(t *testing.T) {
			re, err := compileGlob(tc.glob)
			if err != nil {
				t.Fatal(err)
			}
			if got := re.MatchString(tc.name); got != tc.want {
				t.Errorf("%q matches %q: %v, want %v (%s)", tc.glob, tc.name, got, tc.want, re)
			}
		})
	}
	if _, err := compileGlob("a[b"); err == nil {
		t.Error("an unclosed class must be an error")
	}
}

func parseYAML(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0].Content[1] // the value of the one top-level key
}

func TestParseIgnoresErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"not a list", "ignore: {rule: x}", "ozgctl.yaml:1: ignore: want a list"},
		{"entry not a mapping", "ignore:\n  - x", "ozgctl.yaml:2: ignore entry: want a mapping"},
		{"no reason", "ignore:\n  - rule: xsd:type\n    path: a/b", `ozgctl.yaml:2: ignore entry for rule "xsd:type": reason is required`},
		{"empty reason", "ignore:\n  - rule: xsd:type\n    reason: \"  \"", "reason is required"},
		{"no rule", "ignore:\n  - reason: weil", "ozgctl.yaml:2: ignore entry: rule is required"},
		{"unknown key", "ignore:\n  - rule: r\n    reason: x\n    paths: a", `ozgctl.yaml:4: ignore entry: unknown key "paths"`},
		{"list value", "ignore:\n  - rule: [a, b]\n    reason: x", "ozgctl.yaml:2: ignore entry: rule: want a string"},
		{"null value", "ignore:\n  - rule: r\n    reason:", "reason: want a string"},
		{"twice", "ignore:\n  - rule: r\n    rule: s\n    reason: x", "ozgctl.yaml:3: ignore entry: rule given twice"},
		{"bad glob", "ignore:\n  - rule: r\n    reason: x\n    file: \"a[b\"", `file "a[b": malformed glob`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseIgnores(parseYAML(t, tc.src), "ozgctl.yaml")
			var ce *ConfigError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a ConfigError containing %q", err, tc.want)
			}
		})
	}
}

func TestApplyIgnores(t *testing.T) {
	igs, err := ParseIgnores(parseYAML(t, `ignore:
  - rule: codelist:code
    path: a/c/code
    file: "msgs/*.xml"
    reason: Codeliste kommt mit der nächsten Version
  - rule: BR-1
    file: "b.xml"
    reason: nur in b
  - rule: xsd:missing
    path: "a/x"
    reason: anderer Pfad
`), "ozgctl.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if igs[0].At != "ozgctl.yaml:2" {
		t.Errorf("At = %q", igs[0].At)
	}
	r := run(0)
	ApplyIgnores(r, igs)
	var got []string
	for _, f := range r.Files[0].Findings {
		if f.Suppressed != nil {
			got = append(got, f.Rule+"="+f.Suppressed.Reason+"/"+f.Suppressed.Kind)
		}
	}
	want := "codelist:code=Codeliste kommt mit der nächsten Version/config,codelist:code=Codeliste kommt mit der nächsten Version/config"
	if strings.Join(got, ",") != want {
		t.Errorf("suppressed %v", got)
	}
	// A baseline written now records only what the config does not accept.
	var nilBase *Baseline
	for _, e := range nilBase.Update(r, "de").Entries {
		if e.Rule == "codelist:code" {
			t.Error("an ignored finding went into the baseline")
		}
	}
	if _, err := newIgnore("r", "", "", " "); err == nil {
		t.Error("NewIgnore without a reason must fail")
	}
}

func TestParseCutOff(t *testing.T) {
	_, err := parse([]byte("{\"version\": 1,\n\"entries\": [\n"), "b.json")
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 2 || !strings.Contains(err.Error(), "ends before") {
		t.Fatalf("cut-off baseline: %v (want line 2 and a cut-off message)", err)
	}
}
