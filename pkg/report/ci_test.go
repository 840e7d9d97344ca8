package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// suppressedReport is sampleReport with one finding accepted by a
// baseline, one by an ignore entry, and a stale baseline entry.
func suppressedReport() *finding.Report {
	r := sampleReport()
	b := r.Files[1].Findings
	b[0].Suppressed = &finding.Suppression{Kind: finding.SuppressedByBaseline, Reason: "ozgctl-baseline.json"}
	b[4].Suppressed = &finding.Suppression{Kind: finding.SuppressedByConfig, Reason: "BR-DE-1: Zahlungen kommen später"}
	r.Stale = []finding.StaleEntry{{File: "msgs/a.xml", Rule: "xsd:type", Path: "a/d", Key: "report.test.sample", Count: 1}}
	return r
}

func TestEscapeWorkflowCommand(t *testing.T) {
	for _, tc := range []struct{ name, in, data, prop string }{
		{"plain", "Wert fehlt", "Wert fehlt", "Wert fehlt"},
		{"percent first", "100%:ok", "100%25:ok", "100%25%3Aok"},
		{"already escaped stays literal", "%0A", "%250A", "%250A"},
		{"newline", "a\nb", "a%0Ab", "a%0Ab"},
		{"carriage return", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"colon", "xsd:cvc-type", "xsd:cvc-type", "xsd%3Acvc-type"},
		{"comma", "a,b", "a,b", "a%2Cb"},
		{"double colon", "::error::", "::error::", "%3A%3Aerror%3A%3A"},
		{"umlaut", "Größe", "Größe", "Größe"},
		{"windows path", `C:\x,y.xml`, `C:\x,y.xml`, `C%3A\x%2Cy.xml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := escapeData(tc.in); got != tc.data {
				t.Errorf("EscapeData(%q) = %q, want %q", tc.in, got, tc.data)
			}
			if got := escapeProperty(tc.in); got != tc.prop {
				t.Errorf("EscapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
			}
		})
	}
}

func TestWorkflowCommand(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cmd   string
		props [][2]string
		msg   string
		want  string
	}{
		{"no properties", "notice", nil, "fertig", "::notice::fertig\n"},
		{"annotation", "error", [][2]string{{"file", "a,b.xml"}, {"line", "3"}, {"col", "7"}, {"title", "xsd:type"}}, "Wert \"x\"\nist 5%",
			"::error file=a%2Cb.xml,line=3,col=7,title=xsd%3Atype::Wert \"x\"%0Aist 5%25\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := workflowCommand(tc.cmd, tc.props, tc.msg); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestGitHubCap: with a cap the annotations stop there, a notice counts
// what was left out by severity, and every line is a workflow command or
// the summary.
func TestGitHubCap(t *testing.T) {
	for _, tc := range []struct {
		name      string
		max       int
		annotated int
		notice    string
	}{
		{"default takes all", 0, 6, ""},
		{"no cap", -1, 6, ""},
		{"cap 2", 2, 2, "4 more findings not annotated (limit --max-annotations 2): 2 errors, 1 warnings, 1 infos"},
		{"cap 5", 5, 5, "1 more findings not annotated (limit --max-annotations 5): 1 errors, 0 warnings, 0 infos"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := renderGitHub(&buf, sampleReport(), Options{Lang: "en", MaxAnnotations: tc.max}); err != nil {
				t.Fatal(err)
			}
			n := 0
			groups := 0
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			for _, l := range lines[:len(lines)-1] {
				switch {
				case strings.HasPrefix(l, "::error file="), strings.HasPrefix(l, "::warning file="), strings.HasPrefix(l, "::notice file="):
					n++
				case strings.HasPrefix(l, "::group::"):
					groups++
				case l == "::endgroup::", strings.HasPrefix(l, "::notice title=ozgctl::"):
				default:
					t.Errorf("line %q is no workflow command", l)
				}
			}
			if n != tc.annotated {
				t.Errorf("%d annotations, want %d", n, tc.annotated)
			}
			if strings.Count(buf.String(), "::endgroup::") != groups {
				t.Error("groups not closed")
			}
			if tc.notice != "" && !strings.Contains(buf.String(), "::notice title=ozgctl::"+tc.notice+"\n") {
				t.Errorf("no notice %q in\n%s", tc.notice, buf.String())
			}
			if !strings.HasPrefix(lines[len(lines)-1], "FAIL: 3 files") {
				t.Errorf("last line %q is not the summary", lines[len(lines)-1])
			}
		})
	}
}

// TestCIReporters pins the github and codeclimate formats, and every
// format of a report with suppressed findings and a stale baseline entry.
func TestCIReporters(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	for _, tc := range []struct {
		name, format, lang  string
		suppressed, verbose bool
	}{
		{"github", "github", "de", false, false},
		{"github.en", "github", "en", false, false},
		{"codeclimate", "codeclimate", "de", false, false},
		{"suppressed-github", "github", "en", true, false},
		{"suppressed-codeclimate", "codeclimate", "en", true, false},
		{"suppressed-text", "text", "de", true, false},
		{"suppressed-text-verbose", "text", "en", true, true},
		{"suppressed-json", "json", "en", true, false},
		{"suppressed-sarif", "sarif", "en", true, false},
		{"suppressed-junit", "junit", "de", true, false},
		{"suppressed-svrl", "svrl", "en", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Lookup(tc.format)
			if err != nil {
				t.Fatal(err)
			}
			r := sampleReport()
			if tc.suppressed {
				r = suppressedReport()
			}
			var buf bytes.Buffer
			if err := f(&buf, r, Options{ExitCode: r.ExitCode(), Lang: tc.lang, Verbose: tc.verbose}); err != nil {
				t.Fatal(err)
			}
			g.Assert(t, tc.name, buf.Bytes())
		})
	}
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestCodeClimateAgainstSchema validates the output against the fields
// GitLab documents as required (schemas/codeclimate.schema.json).
func TestCodeClimateAgainstSchema(t *testing.T) {
	sch := compileSchema(t, "../../schemas/codeclimate.schema.json")
	for name, r := range map[string]*finding.Report{"sample": sampleReport(), "suppressed": suppressedReport(), "interrupted": interruptedReport(), "empty": {}} {
		var buf bytes.Buffer
		if err := renderCodeClimate(&buf, r, Options{}); err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The schema is no rubber stamp: it refuses what GitLab would.
	for _, bad := range []string{
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"error","location":{"path":"a.xml","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"./a.xml","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"a.xml"}}]`,
		`[{"description":"d","check_name":"c","severity":"major","location":{"path":"a.xml","lines":{"begin":1}}}]`,
	} {
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

// TestCodeClimateFingerprint: the fingerprint ignores the line and the
// language, and tells apart equal findings in one file.
func TestCodeClimateFingerprint(t *testing.T) {
	render := func(r *finding.Report, lang string) []ccIssue {
		var buf bytes.Buffer
		if err := renderCodeClimate(&buf, r, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		var out []ccIssue
		if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a := render(sampleReport(), "de")
	moved := sampleReport()
	for i := range moved.Files[1].Findings {
		moved.Files[1].Findings[i].Line += 10
	}
	b := render(moved, "en")
	seen := map[string]bool{}
	for i := range a {
		if a[i].Fingerprint != b[i].Fingerprint {
			t.Errorf("%s: fingerprint changed when lines moved", a[i].CheckName)
		}
		if seen[a[i].Fingerprint] {
			t.Errorf("%s: fingerprint %s not unique", a[i].CheckName, a[i].Fingerprint)
		}
		seen[a[i].Fingerprint] = true
	}
	if len(render(suppressedReport(), "de")) != len(a)-2 {
		t.Error("suppressed findings must not be issues")
	}
}

// TestJSONSuppressedAgainstSchema: suppressions and stale entries keep to
// the JSON contract.
func TestJSONSuppressedAgainstSchema(t *testing.T) {
	sch := compileSchema(t, "../../schemas/report.schema.json")
	var buf bytes.Buffer
	if err := renderJSON(&buf, suppressedReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Summary finding.Summary
		Stale   []finding.StaleEntry
	}
	_ = json.Unmarshal(buf.Bytes(), &got)
	if got.Summary.Suppressed != 2 || got.Summary.Errors != 1 || len(got.Stale) != 1 {
		t.Errorf("summary %+v stale %v", got.Summary, got.Stale)
	}
}

// TestJUnitSuppressed: a testcase of suppressed findings only is skipped.
func TestJUnitSuppressed(t *testing.T) {
	var buf bytes.Buffer
	if err := renderJUnit(&buf, suppressedReport(), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	b := doc.Suites[1]
	if b.Failures != 1 || b.Skipped != 2 {
		t.Errorf("b.xml: failures %d skipped %d, want 1 and 2", b.Failures, b.Skipped)
	}
}

// TestMergeKeepsSuppressions: report merge of a run with suppressed
// findings and stale baseline entries gives the run's JSON byte for byte.
func TestMergeKeepsSuppressions(t *testing.T) {
	var want bytes.Buffer
	if err := renderJSON(&want, suppressedReport(), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON(bytes.NewReader(want.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(back, &finding.Report{})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := renderJSON(&got, merged, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("merged JSON differs:\n%s\nwant:\n%s", got.Bytes(), want.Bytes())
	}
}
