package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// msgSample is a keyed message, rendered in the report's language.
var msgSample = finding.Register("report.test.sample", "Wert %q ist kein Datum", "value %q is not a date")

func sampleReport() *finding.Report {
	return &finding.Report{
		Tool:    "ozgctl",
		Version: "test",
		Command: "ozgctl check --xsd s.xsd msgs/",
		FailOn:  finding.Error,
		Rules:   []finding.RuleInfo{{ID: "1012", Title: "Feld ohne Bezeichnung", Severity: finding.Error}},
		Files: []finding.FileResult{
			{File: "msgs/a.xml", Identity: &finding.Identity{Root: "antrag.0200", Namespace: "urn:x", Standard: "XBau", Version: "2.6"},
				Engines: []string{"xsd:jacoelho"}, Duration: 12 * time.Millisecond},
			{File: "msgs/b.xml", Duration: 1500 * time.Millisecond, Findings: []finding.Finding{
				{Rule: "xsd:cvc-complex-type.2.4.a", Severity: finding.Error, Message: "element \"x\" not expected", Line: 12, Column: 5, Path: "/a/x", Source: "xsd"},
				{Rule: "xsd:type", Severity: finding.Error, Msg: msgSample.With("gestern"), Line: 14, Column: 2, Path: "/a/d", Source: "xsd"},
				{Rule: "1012", Severity: finding.Warning, Message: "Bezeichnung fehlt <&>", Line: 20, Path: "S1/G2", ElementID: "F00000001", ElementVersion: "1.0"},
				{Rule: "1012", Severity: finding.Info, Message: "Hinweis", Line: 21, Path: "S1/G3", ElementID: "F00000001", ElementVersion: "1.0"},
				{Rule: "BR-DE-1", Severity: finding.Error, Message: "Zahlungsanweisungen fehlen", Line: 30, Path: "/ubl:Invoice[1]", Source: "schematron",
					Test: "cac:PaymentMeans and $x < 1", Related: []finding.Position{{File: "rules/xrechnung.sch", Line: 44}}},
			}},
			{File: "msgs/c.xml", Err: errors.New("open msgs/c.xml: permission denied")},
		},
	}
}

func TestReporters(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	for _, tc := range []struct{ name, lang string }{
		{"text", "de"}, {"json", "de"}, {"junit", "de"}, {"sarif", "de"},
		{"text", "en"}, {"json", "en"}, {"junit", "en"}, {"sarif", "en"},
	} {
		name := tc.name
		if tc.lang == "en" {
			name += ".en"
		}
		t.Run(name, func(t *testing.T) {
			f, err := Lookup(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			r := sampleReport()
			if err := f(&buf, r, Options{ExitCode: r.ExitCode(), Lang: tc.lang}); err != nil {
				t.Fatal(err)
			}
			g.Assert(t, name, buf.Bytes())
			// Rendering twice gives the same bytes.
			var again bytes.Buffer
			_ = f(&again, sampleReport(), Options{ExitCode: r.ExitCode(), Lang: tc.lang})
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Fatal("reporter output is not deterministic")
			}
		})
	}
}

// interruptedReport is a run stopped by Ctrl-C: one file finished, one
// cut short, one never started.
func interruptedReport() *finding.Report {
	r := &finding.Report{Tool: "ozgctl", Version: "test", Command: "ozgctl check --xsd s.xsd msgs/", FailOn: finding.Error, Interrupted: true,
		Files: []finding.FileResult{
			{File: "msgs/a.xml", Findings: []finding.Finding{{Rule: "xsd:element", Severity: finding.Error, Message: "x", Line: 3, Column: 1, Path: "/a[1]"}}},
			{File: "msgs/b.xml", Err: &finding.InputError{File: "msgs/b.xml", Err: finding.ErrInterrupted}},
			{File: "msgs/c.xml", Err: &finding.InputError{File: "msgs/c.xml", Err: finding.ErrInterrupted}},
		}}
	return r
}

// TestReportersInterrupted pins how every format marks an interrupted run
// and lists the inputs it did not finish as not checked.
func TestReportersInterrupted(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	for _, tc := range []struct{ format, lang string }{{"text", "de"}, {"text", "en"}, {"json", "de"}, {"junit", "en"}, {"sarif", "de"}, {"html", "en"}} {
		t.Run(tc.format+"-"+tc.lang, func(t *testing.T) {
			f, err := Lookup(tc.format, "text", "json", "junit", "sarif", "html")
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f(&buf, interruptedReport(), Options{ExitCode: 130, Lang: tc.lang}); err != nil {
				t.Fatal(err)
			}
			g.Assert(t, "interrupted-"+tc.format+"-"+tc.lang, buf.Bytes())
		})
	}
	s := finding.Summarize(interruptedReport())
	if s.NotChecked != 2 || s.InputErrors != 2 {
		t.Errorf("summary %+v, want 2 not checked", s)
	}
}

func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := renderJSON(&buf, sampleReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Files []struct {
			File     string `json:"file"`
			Valid    *bool  `json:"valid"`
			Findings []struct {
				Rule     string  `json:"rule"`
				Severity string  `json:"severity"`
				Message  string  `json:"message"`
				Line     *int    `json:"line"`
				Column   *int    `json:"column"`
				Path     *string `json:"path"`
			} `json:"findings"`
		} `json:"files"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"files", "valid", "invalid", "errors", "warnings"} {
		if _, ok := got.Summary[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
	if len(got.Files) != 3 || got.Files[0].Findings == nil || *got.Files[0].Valid != true || *got.Files[1].Valid {
		t.Fatalf("files not as expected: %+v", got.Files)
	}
	for _, f := range got.Files[1].Findings {
		if f.Line == nil || f.Column == nil || f.Path == nil || f.Rule == "" {
			t.Fatalf("finding lacks a contract key: %+v", f)
		}
		if f.Severity != "error" && f.Severity != "warning" && f.Severity != "info" {
			t.Fatalf("severity %q", f.Severity)
		}
	}
}

func TestJUnitWellFormedAndCounts(t *testing.T) {
	var buf bytes.Buffer
	if err := renderJUnit(&buf, sampleReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 3 {
		t.Fatalf("want one suite per file, got %d", len(doc.Suites))
	}
	// b.xml: two xsd rules and BR-DE-1 (failures) and 1012 on F00000001
	// (warning+info, below the fail level): four testcases, three failures.
	b := doc.Suites[1]
	if b.Tests != 4 || b.Failures != 3 {
		t.Fatalf("b.xml: tests=%d failures=%d", b.Tests, b.Failures)
	}
	if doc.Suites[2].Errors != 1 {
		t.Fatal("input error not reported as junit error")
	}
}

func TestLookupUnknown(t *testing.T) {
	_, err := Lookup("yaml")
	var ue *UnknownFormatError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "json") {
		t.Fatalf("want UnknownFormatError listing formats, got %v", err)
	}
	if _, err := Lookup("sarif", "text", "json"); err == nil {
		t.Fatal("a format outside the allowed list must be refused")
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	if err := WriteFile(p, renderJSON, sampleReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	bad := func(_ io.Writer, _ *finding.Report, _ Options) error { return errors.New("boom") }
	q := filepath.Join(dir, "partial.json")
	if err := WriteFile(q, Func(bad), sampleReport(), Options{}); err == nil {
		t.Fatal("want error")
	}
	if _, err := os.Stat(q); !os.IsNotExist(err) {
		t.Fatal("a failed report must leave no file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

// TestJUnitAgainstXSD validates the JUnit output with xmllint, an
// independent oracle; CI installs it (libxml2-utils).
func TestJUnitAgainstXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		testenv.Missing(t, "xmllint", "apt-get install libxml2-utils")
	}
	for name, r := range map[string]*finding.Report{"sample": sampleReport(), "interrupted": interruptedReport(), "suppressed": suppressedReport()} {
		var buf bytes.Buffer
		if err := renderJUnit(&buf, r, Options{}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), name+".xml")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/junit.xsd", p).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: junit output does not validate: %v\n%s", name, err, out)
		}
	}
}

func TestWriteAtomicDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip("no", os.DevNull)
	}
	if err := WriteAtomic(os.DevNull, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s replaced by a regular file", os.DevNull)
	}
	if err := WriteAtomic(t.TempDir(), []byte("x")); err == nil {
		t.Fatal("writing over a directory must fail")
	}
}

func TestSARIFURI(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"relative", "msgs/a.xml", "msgs/a.xml"},
		{"dot slash", "./msgs/a.xml", "msgs/a.xml"},
		{"space and umlaut", "Anträge 2024/a b.xml", "Antr%C3%A4ge%202024/a%20b.xml"},
		{"hash, question mark, percent", "x#1/y?z%.xml", "x%231/y%3Fz%25.xml"},
		{"colon in the first segment", "a:b.xml", "./a:b.xml"},
		{"absolute", "/srv/in box/a.xml", "file:///srv/in%20box/a.xml"},
		{"stdin", "-", "stdin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sarifURI(tc.in)
			if got != tc.want {
				t.Errorf("sarifURI(%q) = %q, want %q", tc.in, got, tc.want)
			}
			u, err := url.Parse(got)
			if err != nil {
				t.Fatalf("not a URI reference: %v", err)
			}
			if tc.in != "-" && !strings.HasSuffix(tc.in, strings.TrimPrefix(u.Path, "./")) {
				t.Errorf("%q decodes to %q", got, u.Path)
			}
		})
	}
}

// TestJUnitTime: testcases and suites carry the file's check time, shared
// among its testcases; the whole run carries the sum.
func TestJUnitTime(t *testing.T) {
	var buf bytes.Buffer
	if err := renderJUnit(&buf, sampleReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Time != "1.512" || doc.Suites[0].Time != "0.012" || doc.Suites[1].Time != "1.500" {
		t.Errorf("times: run %s, suites %s %s", doc.Time, doc.Suites[0].Time, doc.Suites[1].Time)
	}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Time == "" {
				t.Errorf("%s %s: no time", s.Name, c.Name)
			}
		}
	}
	if c := doc.Suites[1].Cases; len(c) != 4 || c[0].Time != "0.375" {
		t.Errorf("b.xml testcases %+v, want 4 of 0.375 s", c)
	}
}
