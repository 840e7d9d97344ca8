package kosit_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/kosit"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

const mini = "testdata/mini"

func miniOptions(t testing.TB) kosit.Options {
	t.Helper()
	props, err := kosit.ReadProperties(filepath.Join(mini, "mini.properties"))
	if err != nil {
		t.Fatal(err)
	}
	return kosit.Options{Properties: props, Resources: []string{filepath.Join(mini, "sch")}}
}

var fixedNow = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

func miniStages(t testing.TB) []batch.Stage {
	t.Helper()
	p, err := conformance.Build(context.Background(), conformance.Config{Kosit: mini, KositOptions: miniOptions(t), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return p.Stages
}

func checkFile(t testing.TB, stages []batch.Stage, path string) finding.FileResult {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return checkOne(t, stages, filepath.Base(path), data)
}

func TestVerdicts(t *testing.T) {
	stages := miniStages(t)
	tests := []struct {
		name     string
		accept   bool
		scenario string
		verdict  string // the verdict finding's rule
		steps    string // the step ids, space separated
		levels   map[string][2]string
	}{
		{name: "ok", accept: true, scenario: "Order 1.0", verdict: kosit.RuleAccept, steps: "val-xsd val-sch.1"},
		// ORD-2 is fatal in the rules, a warning by customLevel: accepted.
		{name: "usd", accept: true, scenario: "Order 1.0", verdict: kosit.RuleAccept, steps: "val-xsd val-sch.1",
			levels: map[string][2]string{"ORD-2": {"error", "warning"}}},
		// ORD-3 is a warning in the rules, an error by customLevel: rejected.
		{name: "nonote", scenario: "Order 1.0", verdict: kosit.RuleReject, steps: "val-xsd val-sch.1",
			levels: map[string][2]string{"ORD-3": {"warning", "error"}}},
		{name: "large", accept: true, scenario: "Order 1.0", verdict: kosit.RuleAccept, steps: "val-xsd val-sch.1",
			levels: map[string][2]string{"ORD-4": {"warning", "warning"}}},
		// Without acceptMatch every failed assertion rejects, whatever its level.
		{name: "strict-large", scenario: "Strict order", verdict: kosit.RuleReject, steps: "val-xsd val-sch.1"},
		{name: "one", scenario: "Strict order", verdict: kosit.RuleReject, steps: "val-xsd val-sch.1",
			levels: map[string][2]string{"ORD-6": {"information", "information"}}},
		{name: "strict-ok", accept: true, scenario: "Strict order", verdict: kosit.RuleAccept, steps: "val-xsd val-sch.1"},
		// Not schema-valid: rejected, and Schematron does not run.
		{name: "badschema", scenario: "Order 1.0", verdict: kosit.RuleReject, steps: "val-xsd"},
		{name: "twin", verdict: kosit.RuleNoScenario},
		{name: "other", verdict: kosit.RuleNoScenario},
		{name: "broken", verdict: kosit.RuleReject, steps: "val-xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkFile(t, stages, filepath.Join(mini, "messages", tt.name+".xml"))
			a := res.Assessment
			if a.Accept != tt.accept || a.Scenario != tt.scenario {
				t.Errorf("accept %v scenario %q, want %v %q; findings %v", a.Accept, a.Scenario, tt.accept, tt.scenario, errorFindings(res))
			}
			var ids []string
			for _, s := range a.Steps {
				ids = append(ids, s.ID)
			}
			if got := strings.Join(ids, " "); got != tt.steps {
				t.Errorf("steps %q, want %q", got, tt.steps)
			}
			var verdicts []string
			for _, f := range res.Findings {
				if f.Source == "kosit" && f.Rule != kosit.RuleAcceptEval {
					verdicts = append(verdicts, f.Rule)
					want := finding.Error
					if tt.accept {
						want = finding.Info
					}
					if f.Severity != want {
						t.Errorf("%s has severity %v, want %v", f.Rule, f.Severity, want)
					}
				}
			}
			if len(verdicts) != 1 || verdicts[0] != tt.verdict {
				t.Errorf("verdict findings %v, want [%s]", verdicts, tt.verdict)
			}
			for code, want := range tt.levels {
				found := false
				for _, s := range a.Steps {
					for _, m := range s.Messages {
						if m.Finding.Rule == code {
							found = true
							if m.Level != want[0] || m.CustomLevel != want[1] || m.Finding.Severity != kosit.Severity(want[1]) {
								t.Errorf("%s: level %s custom %s severity %v, want %s %s", code, m.Level, m.CustomLevel, m.Finding.Severity, want[0], want[1])
							}
						}
					}
				}
				if !found {
					t.Errorf("no message %s", code)
				}
			}
		})
	}
}

// TestReportsValidate renders the VARL report of every message and
// validates it against the KoSIT report.xsd (with the scenarios.xsd it
// imports), with ozgctl's own XSD engine.
func TestReportsValidate(t *testing.T) {
	set, err := xoev.LoadSchemaSet(context.Background(), "testdata/varl.xsd", xoev.LoadOptions{Roots: []string{"../../examples/kosit/xrechnung"}})
	if err != nil {
		t.Fatal(err)
	}
	stages := miniStages(t)
	files, _ := filepath.Glob(filepath.Join(mini, "messages", "*.xml"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := checkFile(t, stages, f)
			rep := &finding.Report{Tool: "ozgctl", Version: "test", Files: []finding.FileResult{res}}
			var b bytes.Buffer
			if err := report.KoSIT(&b, rep, report.Options{Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			fs, err := set.Validate(context.Background(), "report.xml", bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				t.Errorf("report.xsd: %d:%d %s %s", f.Line, f.Column, f.Rule, f.Text("en"))
			}
			if len(fs) > 0 {
				t.Logf("report:\n%s", b.String())
			}
			// The oracle sees a broken report: the required varlVersion left out.
			broken := bytes.Replace(b.Bytes(), []byte(`varlVersion="1.0.0"`), nil, 1)
			if fs, _ := set.Validate(context.Background(), "broken.xml", bytes.NewReader(broken)); len(fs) == 0 {
				t.Error("a report without varlVersion passes report.xsd")
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	opts := miniOptions(t)
	noProps := opts
	noProps.Properties = nil
	noRes := opts
	noRes.Resources = nil
	tests := []struct {
		name      string
		path      string
		opts      kosit.Options
		msg, hint string
	}{
		{"placeholder", mini, noProps, `scenario "Order @mini.version@": match holds the placeholder @mini.profile@`, "--kosit-property mini.profile=VALUE"},
		{"xsl without source", mini, noRes, `ozgctl runs Schematron sources, not compiled XSLT, and found no order-rules.sch`, "--kosit-resources DIR"},
		{"missing", "testdata/none", opts, "read configuration", "give the directory of a KoSIT validator configuration"},
		{"not scenarios", "testdata/mini/resources/xsd/order.xsd", opts, "want {http://www.xoev.de/de/validator/framework/1/scenarios}scenarios", "KoSIT validator configuration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kosit.Load(context.Background(), tt.path, tt.opts)
			var ce *kosit.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a *ConfigError", err)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.Contains(ce.Hint, tt.hint) {
				t.Errorf("got %q (hint %q), want %q (hint %q)", err, ce.Hint, tt.msg, tt.hint)
			}
		})
	}
}

func TestReadProperties(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "b.properties")
	os.WriteFile(p, []byte("# c\n! c\na=1\nb : ${a}.2\nc ${b}\\\n  .3\nd=x\\u00e4\\ty\nloop=${loop}\n"), 0o644)
	_, err := kosit.ReadProperties(p)
	if err == nil || !strings.Contains(err.Error(), "refers to itself") {
		t.Fatalf("want a cycle error, got %v", err)
	}
	os.WriteFile(p, []byte("# c\n! c\na=1\nb : ${a}.2\nc ${b}\\\n  .3\nd=x\\u00e4\\ty\ne=${unknown}\n"), 0o644)
	got, err := kosit.ReadProperties(p)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "1", "b": "1.2", "c": "1.2.3", "d": "xä\ty", "e": "${unknown}"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %v", got)
	}
}

// TestExamples checks the XRechnung configuration of examples/kosit with
// the rules and schemas of examples/profiles/xrechnung: the verdicts the
// example's README lists, on a fresh clone.
func TestExamples(t *testing.T) {
	stages := xrechnungPipeline(t, "../../examples/kosit/xrechnung", "../../examples/profiles/xrechnung")
	want := map[string]bool{
		"01.01a-INVOICE_ubl.xml": true, "01.01a-INVOICE_uncefact.xml": true, "ubl002.xml": false,
		"ubl-cr-646-sub-invoice-lines-cius.xml": false, "ubl-cr-646-sub-invoice-lines-extension.xml": true, "bin001.xml": false,
	}
	for name, accept := range want {
		res := checkFile(t, stages, filepath.Join("../../examples/kosit/messages", name))
		if res.Assessment.Accept != accept {
			t.Errorf("%s: accept %v, want %v: %v", name, res.Assessment.Accept, accept, errorFindings(res))
		}
	}
}

// TestLevel pins the levels of default-report.xsl: flag or role, fatal
// and error before warning before information, anything else error.
func TestLevel(t *testing.T) {
	for _, tt := range []struct{ flag, role, want string }{
		{"fatal", "", "error"}, {"error", "", "error"}, {"warning", "", "warning"}, {"", "warn", "warning"},
		{"information", "", "information"}, {"", "info", "information"}, {"", "", "error"}, {"odd", "", "error"},
		{"warning", "error", "error"}, {"information", "warning", "warning"},
	} {
		if got := kosit.Level(tt.flag, tt.role); got != tt.want {
			t.Errorf("Level(%q, %q) = %s, want %s", tt.flag, tt.role, got, tt.want)
		}
	}
}

// TestBuiltLayout loads a configuration laid out as a built distribution:
// no placeholders, resources below a separate repository directory, the
// compiled .xsl beside its .sch source (which ozgctl runs).
func TestBuiltLayout(t *testing.T) {
	dir := t.TempDir()
	cfgDir, repo := filepath.Join(dir, "cfg"), filepath.Join(dir, "repo")
	src, err := os.ReadFile(filepath.Join(mini, "scenarios.xml"))
	if err != nil {
		t.Fatal(err)
	}
	built := strings.NewReplacer("@mini.version@", "1.0", "@mini.profile@", "basic").Replace(string(src))
	copyTo := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(to), 0o755)
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(cfgDir, 0o755)
	os.WriteFile(filepath.Join(cfgDir, "scenarios.xml"), []byte(built), 0o644)
	copyTo(filepath.Join(mini, "resources/xsd/order.xsd"), filepath.Join(repo, "resources/xsd/order.xsd"))
	copyTo(filepath.Join(mini, "sch/order-rules.sch"), filepath.Join(repo, "resources/xsl/order-rules.sch"))
	os.WriteFile(filepath.Join(repo, "resources/xsl/order-rules.xsl"), []byte(`<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="2.0"/>`), 0o644)

	cfg, err := kosit.Load(context.Background(), cfgDir, kosit.Options{Repository: repo})
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Scenarios[0].Schematron[0].Path; got != filepath.Join(repo, "resources/xsl/order-rules.sch") {
		t.Errorf("Schematron runs from %s, want the .sch beside the .xsl", got)
	}
	if got := cfg.Scenarios[0].Schemas[0].Path; got != filepath.Join(repo, "resources/xsd/order.xsd") {
		t.Errorf("schema %s", got)
	}
	// Without --kosit-repository the locations are below the
	// configuration's directory, where there is nothing.
	_, err = kosit.Load(context.Background(), cfgDir, kosit.Options{})
	if err == nil || !strings.Contains(err.Error(), `XML Schema resource "resources/xsd/order.xsd" not found at `) {
		t.Errorf("got %v", err)
	}
	// A file name found twice below one resource directory is ambiguous.
	copyTo(filepath.Join(mini, "sch/order-rules.sch"), filepath.Join(dir, "res/a/order-rules.sch"))
	copyTo(filepath.Join(mini, "sch/order-rules.sch"), filepath.Join(dir, "res/b/order-rules.sch"))
	copyTo(filepath.Join(mini, "resources/xsd/order.xsd"), filepath.Join(dir, "res/order.xsd"))
	_, err = kosit.Load(context.Background(), cfgDir, kosit.Options{Resources: []string{filepath.Join(dir, "res")}})
	var ce *kosit.ConfigError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "order-rules.sch is found more than once below") || !strings.Contains(ce.Hint, "more specific directory first") {
		t.Errorf("got %v", err)
	}
	if _, err := kosit.Load(context.Background(), cfgDir, kosit.Options{Resources: []string{filepath.Join(dir, "res/b"), filepath.Join(dir, "res")}}); err != nil {
		t.Errorf("the more specific directory first: %v", err)
	}
}

// TestCustomAcceptMatch shows that acceptMatch is evaluated on the report:
// here it also rejects a message with the warning ORD-4, which the
// report's own assessment accepts.
func TestCustomAcceptMatch(t *testing.T) {
	dir := t.TempDir()
	cfg := `<scenarios xmlns="http://www.xoev.de/de/validator/framework/1/scenarios" frameworkVersion="1.0.0"><name>Custom</name>
<scenario><name>Basic</name><namespace prefix="o">urn:example:order</namespace><namespace prefix="rep">http://www.xoev.de/de/validator/varl/1</namespace>
<match>/o:order/@profile = 'basic'</match>
<validateWithXmlSchema><resource><name>S</name><location>resources/xsd/order.xsd</location></resource></validateWithXmlSchema>
<validateWithSchematron><resource><name>R</name><location>sch/order-rules.sch</location></resource></validateWithSchematron>
<acceptMatch>/rep:report/rep:assessment/rep:accept and not(//rep:message[@code = 'ORD-4'])</acceptMatch></scenario></scenarios>`
	os.WriteFile(filepath.Join(dir, "scenarios.xml"), []byte(cfg), 0o644)
	c, err := kosit.Load(context.Background(), dir, kosit.Options{Repository: mini})
	if err != nil {
		t.Fatal(err)
	}
	stages := kosit.Stages(c, kosit.StageOptions{Now: fixedNow})
	for name, want := range map[string]bool{"ok": true, "large": false, "usd": false} {
		res := checkFile(t, stages, filepath.Join(mini, "messages", name+".xml"))
		if res.Assessment.Accept != want {
			t.Errorf("%s: accept %v, want %v", name, res.Assessment.Accept, want)
		}
		if name == "large" {
			found := false
			for _, f := range res.Findings {
				found = found || (f.Rule == kosit.RuleReject && strings.Contains(f.Text("en"), "acceptMatch"))
			}
			if !found {
				t.Errorf("large: no reject finding naming acceptMatch: %v", res.Findings)
			}
		}
	}
}
