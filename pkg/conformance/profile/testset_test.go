package profile

import (
	"context"
	"fmt"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

func TestReadVEFA(t *testing.T) {
	src := `<?xml version="1.0"?>
<testSet xmlns="http://difi.no/xsd/vefa/validator/1.0" xmlns:cbc="urn:cbc" configuration="demo">
  <assert><scope>R-1</scope></assert>
  <test>
    <assert>
      <description>first</description>
      <success>R-1</success>
      <warning>W-1</warning>
    </assert>
    <Invoice xmlns="urn:inv"><cbc:ID>1</cbc:ID></Invoice>
  </test>
  <test>
    <assert><error>R-1</error><error>R-2</error></assert>
    <x:Doc xmlns:x="urn:x"/>
  </test>
</testSet>`
	ts, err := readVEFA("t.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if ts.Configuration != "demo" || !slices.Equal(ts.Scope, []string{"R-1"}) || len(ts.Cases) != 2 {
		t.Fatalf("set = %+v", ts)
	}
	c := ts.Cases[0]
	if c.Description != "first" || !slices.Equal(c.Expect.Absent, []string{"R-1"}) || !slices.Equal(c.Expect.Warnings, []string{"W-1"}) || c.Line != 10 {
		t.Errorf("case 1 = %+v", c)
	}
	// The instance keeps the inherited cbc prefix and the line numbers.
	inst := string(c.Instance)
	if !strings.HasPrefix(inst, strings.Repeat("\n", 9)+`<Invoice xmlns:cbc="urn:cbc" xmlns="urn:inv">`) {
		t.Errorf("instance = %q", inst)
	}
	d, err := schematron.ParseDocument(context.Background(), c.Instance)
	if err != nil {
		t.Fatalf("instance does not parse: %v", err)
	}
	if d.DocumentElement().Line() != 10 {
		t.Errorf("root line %d, want 10", d.DocumentElement().Line())
	}
	if !slices.Equal(ts.Cases[1].Expect.Errors, []string{"R-1", "R-2"}) {
		t.Errorf("case 2 = %+v", ts.Cases[1].Expect)
	}
	if _, err := readVEFA("bad.xml", []byte("<notATestSet/>")); err == nil {
		t.Error("no error for a non-VEFA file")
	}
	if _, err := readVEFA("bad.xml", []byte("<testSet><test>")); err == nil || !strings.Contains(err.Error(), "bad.xml") {
		t.Errorf("truncated file: %v", err)
	}
}

func TestJudge(t *testing.T) {
	fs := []finding.Finding{{Rule: "E", Severity: finding.Error}, {Rule: "W", Severity: finding.Warning}}
	tests := []struct {
		name string
		c    Case
		pass bool
		msg  string
	}{
		{"all as expected", Case{Expect: Expect{Errors: []string{"E"}, Warnings: []string{"W"}, Absent: []string{"X"}}}, true, ""},
		{"missing error", Case{Expect: Expect{Errors: []string{"X"}}}, false, "X: expected error, did not fire"},
		{"wrong severity", Case{Expect: Expect{Errors: []string{"W"}}}, false, "W: expected error, fired as warning"},
		{"must not fire", Case{Expect: Expect{Absent: []string{"E"}}}, false, "E: expected not to fire, fired as error"},
		{"valid with an error", Case{ExpectValid: true}, false, "expected valid, errors: E"},
		{"valid with the error expected", Case{ExpectValid: true, Expect: Expect{Errors: []string{"E"}}}, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := judge(&tc.c, fs, nil)
			if r.Pass != tc.pass || (tc.msg != "" && !slices.ContainsFunc(r.Problems, func(m finding.Msg) bool { return m.Text("en") == tc.msg })) {
				t.Errorf("pass=%v problems=%v", r.Pass, r.Problems)
			}
		})
	}
}

func TestReadPlainTestSet(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "valid"), 0o755)
	os.MkdirAll(filepath.Join(dir, "invalid"), 0o755)
	os.WriteFile(filepath.Join(dir, "valid", "a.xml"), []byte("<a/>"), 0o644)
	os.WriteFile(filepath.Join(dir, "invalid", "b.xml"), []byte("<b/>"), 0o644)
	os.WriteFile(filepath.Join(dir, "invalid", "b.expect"), []byte("# comment\nR1\nerror R2\nwarning W1\ninfo I1\n!N1\n"), 0o644)
	ts, err := ReadTestSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts.Cases) != 2 || !ts.Cases[0].ExpectValid || ts.Cases[1].ExpectValid {
		t.Fatalf("cases = %+v", ts.Cases)
	}
	e := ts.Cases[1].Expect
	if !slices.Equal(e.Errors, []string{"R1", "R2"}) || !slices.Equal(e.Warnings, []string{"W1"}) || !slices.Equal(e.Infos, []string{"I1"}) || !slices.Equal(e.Absent, []string{"N1"}) {
		t.Errorf("expect = %+v", e)
	}
	os.WriteFile(filepath.Join(dir, "invalid", "c.xml"), []byte("<c/>"), 0o644)
	if _, err := ReadTestSet(dir); err == nil || !strings.Contains(err.Error(), "c.expect") {
		t.Errorf("missing side file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "invalid", "c.expect"), []byte("fatal X\n"), 0o644)
	if _, err := ReadTestSet(dir); err == nil || !strings.Contains(err.Error(), "c.expect:1") {
		t.Errorf("bad side file: %v", err)
	}
	if _, err := ReadTestSet(t.TempDir()); err == nil {
		t.Error("empty directory accepted")
	}
}

// TestEN16931UnitTests runs the CEN EN16931 unit tests (copied into
// testdata) against the CEN Schematron in examples/profiles/xrechnung:
// every test must pass, as with the reference implementation.
func TestEN16931UnitTests(t *testing.T) {
	if testing.Short() {
		t.Skip("EN16931 unit tests take a few seconds")
	}
	tests := []struct {
		name, rules, dir string
		cases            int
	}{
		{"UBL invoice", "xrechnung/en16931-ubl/EN16931-UBL-validation.sch", "Invoice-unit-UBL", 602},
		{"UBL credit note", "xrechnung/en16931-ubl/EN16931-UBL-validation.sch", "CreditNote-unit-UBL", 150},
		{"CII", "xrechnung/en16931-cii/EN16931-CII-validation.sch", "cii", 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := schematron.Compile(filepath.Join(examples, tc.rules), schematron.Options{})
			if err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join("testdata/en16931/test", tc.dir, "*.xml"))
			n, failed := 0, 0
			for _, f := range files {
				ts, err := ReadTestSet(f)
				if err != nil {
					t.Fatal(err)
				}
				for _, res := range RunSets(context.Background(), []*TestSet{ts}, []batch.Stage{SchematronStage{RuleSets: []*schematron.Rules{r}}}, 1)[0] {
					n++
					if !res.Pass {
						failed++
						t.Errorf("%s %s (line %d): %v", f, res.Case.Name, res.Case.Line, res.Problems)
					}
				}
			}
			if n != tc.cases {
				t.Errorf("%d test cases, want %d", n, tc.cases)
			}
			t.Logf("%s: %d/%d pass", tc.name, n-failed, n)
		})
	}
}

func TestTestSetPaths(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) string {
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<x/>"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mk("plain/invalid/a.xml")
	b, a := mk("vefa/b.xml"), mk("vefa/a.xml")
	one := mk("one.xml")
	for _, tc := range []struct {
		arg  string
		want []string
	}{
		{filepath.Join(dir, "plain"), []string{filepath.Join(dir, "plain")}},
		{filepath.Join(dir, "vefa"), []string{a, b}},
		{one, []string{one}},
		{filepath.Join(dir, "missing"), []string{filepath.Join(dir, "missing")}}, // ReadTestSet says why
	} {
		got, err := TestSetPaths(tc.arg)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("TestSetPaths(%s) = %v, %v; want %v", tc.arg, got, err, tc.want)
		}
	}
}

func TestReadTestSetWithoutCases(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.xml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	bare := filepath.Join(dir, "bare.xml")
	if err := os.WriteFile(bare, []byte(`<testSet xmlns="http://difi.no/xsd/vefa/validator/1.0"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain")
	if err := os.MkdirAll(filepath.Join(plain, "valid"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{empty, bare, plain} {
		if _, err := ReadTestSet(p); err == nil || !strings.Contains(err.Error(), "no test cases") {
			t.Errorf("ReadTestSet(%s) = %v, want a 'no test cases' error", p, err)
		}
	}
}

func TestParseExpect(t *testing.T) {
	tests := []struct {
		name, src string
		want      Expect
		err       string
	}{
		{"plain", "R-1\nwarning W-1 # note\n!A-1\n", Expect{Errors: []string{"R-1"}, Warnings: []string{"W-1"}, Absent: []string{"A-1"}}, ""},
		{"count and path", "error R-1 count=2 path=/a/b\ninfo I-1 count=0\n", Expect{Errors: []string{"R-1"}, Infos: []string{"I-1"},
			Pins: []Pin{{Rule: "R-1", Severity: finding.Error, Count: 2, Path: "/a/b", Line: 1}, {Rule: "I-1", Severity: finding.Info, Count: 0, Line: 2}}}, ""},
		{"bad count", "R-1 count=x\n", Expect{}, `e.expect:1: count "x" is not a number`},
		{"unknown option", "\nR-1 times=2\n", Expect{}, `e.expect:2: unknown option "times=2"`},
		{"severity alone", "warning\n", Expect{}, "e.expect:1: no rule"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseExpect("e.expect", []byte(tc.src))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Errors, tc.want.Errors) || !slices.Equal(got.Warnings, tc.want.Warnings) || !slices.Equal(got.Infos, tc.want.Infos) ||
				!slices.Equal(got.Absent, tc.want.Absent) || !slices.Equal(got.Pins, tc.want.Pins) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestJudgePins(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "R", Severity: finding.Error, Path: "/x:a[1]/b[1]", Line: 3},
		{Rule: "R", Severity: finding.Error, Path: "/x:a[1]/b[2]", Line: 4},
		{Rule: "W", Severity: finding.Warning, Path: "/x:a[1]", Line: 2},
	}
	tests := []struct {
		name     string
		pins     []Pin
		problem  string
		evidence int
	}{
		{"count holds", []Pin{{Rule: "R", Severity: finding.Error, Count: 2}}, "", 0},
		{"count off", []Pin{{Rule: "R", Severity: finding.Error, Count: 1}}, "R: expected 1× error, fired 2×", 2},
		{"path without predicates or prefix", []Pin{{Rule: "R", Severity: finding.Error, Count: 2, Path: "/a/b"}}, "", 0},
		{"path with a position", []Pin{{Rule: "R", Severity: finding.Error, Count: 1, Path: "/x:a/b[2]"}}, "", 0},
		{"path missed", []Pin{{Rule: "R", Severity: finding.Error, Count: -1, Path: "/a/c"}}, "R: expected error at /a/c, fired at /x:a[1]/b[1], /x:a[1]/b[2]", 2},
		{"count of another severity", []Pin{{Rule: "W", Severity: finding.Warning, Count: 0}}, "W: expected 0× warning, fired 1×", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &Case{Expect: Expect{Pins: tc.pins}}
			r := judge(c, fs, nil)
			var texts []string
			for _, m := range r.Problems {
				texts = append(texts, m.Text("en"))
			}
			got := strings.Join(texts, "; ")
			if got != tc.problem {
				t.Errorf("problems %q, want %q", got, tc.problem)
			}
			if len(r.Evidence) != tc.evidence {
				t.Errorf("evidence %v, want %d findings", r.Evidence, tc.evidence)
			}
		})
	}
}

func TestUnknownRules(t *testing.T) {
	plain := &TestSet{File: "d", Cases: []Case{{Name: "invalid/a.xml", Expect: Expect{File: "d/invalid/a.expect", Lines: map[string]int{"R-1": 1, "R-2X": 2, "xsd:cvc-x": 3, "GONE": 4},
		Errors: []string{"R-1", "R-2X", "xsd:cvc-x"}, Absent: []string{"GONE"}}}}}
	vefa := &TestSet{File: "v.xml", VEFA: true, Cases: []Case{{Name: "#1", Expect: Expect{File: "v.xml", Lines: map[string]int{"GONE": 9}, Absent: []string{"GONE"}}}}}
	errs := UnknownRules([]*TestSet{plain, vefa}, map[string]bool{"R-1": true, "R-2": true})
	var got []string
	for _, err := range errs {
		ue := err.(*UnknownRuleError)
		got = append(got, fmt.Sprintf("%s:%d %s near=%s vacuous=%v", ue.File, ue.Line, ue.Rule, ue.Nearest, ue.Vacuous))
	}
	want := []string{
		"d/invalid/a.expect:2 R-2X near=R-2 vacuous=false",
		"d/invalid/a.expect:4 GONE near= vacuous=false",
		"v.xml:9 GONE near= vacuous=true",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
