package kosit_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lestrrat-go/helium/xpath3"

	"github.com/ozgctl/ozgctl/internal/testenv"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/kosit"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// xrechnungProps are the build properties of the XRechnung configuration
// (examples/kosit/xrechnung/xrechnung.properties).
func xrechnungProps(t testing.TB) map[string]string {
	t.Helper()
	p, err := kosit.ReadProperties("../../examples/kosit/xrechnung/xrechnung.properties")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var placeholder = regexp.MustCompile(`@([A-Za-z][A-Za-z0-9._-]*)@`)

// filter fills the placeholders of a source test instance, as the
// configuration's Ant build does when it copies them (filtering="true").
func filter(data []byte, props map[string]string) []byte {
	return placeholder.ReplaceAllFunc(data, func(tok []byte) []byte {
		if v, ok := props[string(tok[1:len(tok)-1])]; ok {
			return []byte(v)
		}
		return tok
	})
}

// pipeline builds the check pipeline of the XRechnung configuration once
// per corpus root (the corpus, or examples/ for a fresh clone).
type pipeline struct {
	once   sync.Once
	stages []batch.Stage
	err    error
}

var pipelines sync.Map

func xrechnungPipeline(t testing.TB, config string, resources ...string) []batch.Stage {
	t.Helper()
	v, _ := pipelines.LoadOrStore(config+"|"+strings.Join(resources, "|"), &pipeline{})
	p := v.(*pipeline)
	p.once.Do(func() {
		pl, err := conformance.Build(context.Background(), conformance.Config{
			Kosit:        config,
			KositOptions: kosit.Options{Properties: xrechnungProps(t), Resources: resources},
		})
		p.err = err
		if err == nil {
			p.stages = pl.Stages
		}
	})
	if p.err != nil {
		t.Fatal(p.err)
	}
	return p.stages
}

func corpusPipeline(t testing.TB) (string, []batch.Stage) {
	t.Helper()
	x := filepath.Join(testenv.Corpus(t), "xoev", "xrechnung")
	return x, xrechnungPipeline(t, filepath.Join(x, "validator-configuration"),
		filepath.Join(x, "ubl-2.1"),
		filepath.Join(x, "en16931", "cii", "schema", "D16B SCRDM (Subset)", "uncoupled clm"),
		filepath.Join(x, "xrechnung-schematron", "schematron"),
		filepath.Join(x, "en16931"))
}

func checkOne(t testing.TB, stages []batch.Stage, name string, data []byte) finding.FileResult {
	t.Helper()
	res := batch.CheckOne(context.Background(), batch.FromBytes(name, data), stages)
	if res.Err != nil {
		t.Fatalf("%s: %v", name, res.Err)
	}
	if res.Assessment == nil {
		t.Fatalf("%s: no assessment", name)
	}
	return res
}

// assertion is one a:assertion of a KoSIT assertions file.
type assertion struct {
	Doc  string `xml:"report-doc,attr"`
	Test string `xml:"test,attr"`
	Text string `xml:",chardata"`
}

type assertions struct {
	Namespaces []struct {
		Prefix string `xml:"prefix,attr"`
		URI    string `xml:",chardata"`
	} `xml:"namespace"`
	List []assertion `xml:"assertion"`
}

func readAssertions(t testing.TB, path string) (map[string]string, []assertion) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a assertions
	if err := xml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	ns := map[string]string{}
	for _, n := range a.Namespaces {
		ns[n.Prefix] = strings.TrimSpace(n.URI)
	}
	return ns, a.List
}

// evalAssertion evaluates a KoSIT assertion on our report. ozgctl writes
// no document data: assertions about it are skipped (skip true).
func evalAssertion(ns map[string]string, a assertion, res *finding.FileResult, varl []byte) (ok, skip bool, err error) {
	test := strings.Join(strings.Fields(a.Test), " ")
	if strings.Contains(test, "rep:documentData") {
		return false, true, nil
	}
	e, err := xpath3.NewCompiler().Compile(test)
	if err != nil {
		return false, false, err
	}
	doc, err := schematron.ParseDocument(context.Background(), varl)
	if err != nil {
		return false, false, err
	}
	r, err := xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).Namespaces(ns).Evaluate(context.Background(), e, doc)
	if err != nil {
		return false, false, err
	}
	ok, err = xpath3.EBV(r.Sequence())
	return ok, false, err
}

var varlSchema = sync.OnceValues(func() (*xoev.SchemaSet, error) {
	return xoev.LoadSchemaSet(context.Background(), "testdata/varl.xsd", xoev.LoadOptions{Roots: []string{"../../examples/kosit/xrechnung"}})
})

// varl renders the report of res and validates it against report.xsd.
func varl(t testing.TB, res *finding.FileResult) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := report.VARL(&b, res, "ozgctl", "de"); err != nil {
		t.Fatal(err)
	}
	set, err := varlSchema()
	if err != nil {
		t.Fatal(err)
	}
	fs, err := set.Validate(context.Background(), res.File, bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("%s: report does not match report.xsd: %d:%d %s", res.File, f.Line, f.Column, f.Text("en"))
	}
	return b.Bytes()
}

// TestCorpusAssertions runs the configuration's own test instances and
// evaluates its assertions files (assertions.xml for test/instances, the
// integration assertions for test/integration and the cen-unit-test files
// they name) on our reports, as "validator --check-assertions" does.
func TestCorpusAssertions(t *testing.T) {
	x, stages := corpusPipeline(t)
	props := xrechnungProps(t)
	test := filepath.Join(x, "validator-configuration", "test")
	sets := []struct{ file, dirs string }{
		{filepath.Join(test, "assertions.xml"), "instances"},
		{"testdata/assertions-integration-testing.xml", "integration cen-unit-test"},
	}
	var agree, total, skipped int
	for _, set := range sets {
		ns, list := readAssertions(t, set.file)
		byDoc := map[string][]assertion{}
		for _, a := range list {
			byDoc[a.Doc] = append(byDoc[a.Doc], a)
		}
		docs := slices.Sorted(func(yield func(string) bool) {
			for d := range byDoc {
				if !yield(d) {
					return
				}
			}
		})
		for _, d := range docs {
			name := strings.TrimSuffix(d, "-report.xml") + ".xml"
			var path string
			for _, dir := range strings.Fields(set.dirs) {
				if _, err := os.Stat(filepath.Join(test, dir, name)); err == nil {
					path = filepath.Join(test, dir, name)
				}
			}
			if path == "" {
				t.Logf("%s: instance %s is not in the corpus", d, name)
				continue
			}
			t.Run(d, func(t *testing.T) {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				res := checkOne(t, stages, name, filter(data, props))
				rep := varl(t, &res)
				for _, a := range byDoc[d] {
					ok, skip, err := evalAssertion(ns, a, &res, rep)
					if skip {
						skipped++
						continue
					}
					total++
					if err != nil {
						t.Errorf("assertion %q: %v", a.Test, err)
						continue
					}
					if !ok {
						t.Errorf("assertion %q (%s) does not hold", strings.Join(strings.Fields(a.Test), " "), strings.TrimSpace(a.Text))
						if testing.Verbose() {
							t.Logf("report:\n%s", rep)
						}
						continue
					}
					agree++
				}
			})
		}
	}
	t.Logf("assertions: %d of %d hold (%d about the document data skipped)", agree, total, skipped)
}

// TestCorpusTestsuite checks that every message of the XRechnung test
// suite (business and technical cases, all valid) is accepted.
func TestCorpusTestsuite(t *testing.T) {
	x, stages := corpusPipeline(t)
	var files []string
	filepath.WalkDir(filepath.Join(x, "testsuite"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".xml") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("no test suite messages")
	}
	agree := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(x, f)
		res := checkOne(t, stages, rel, data)
		varl(t, &res)
		if !res.Assessment.Accept {
			t.Errorf("%s: rejected, the test suite says valid: %v", rel, errorFindings(res))
			continue
		}
		agree++
	}
	t.Logf("test suite: %d of %d verdicts agree", agree, len(files))
}

func errorFindings(res finding.FileResult) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			out = append(out, fmt.Sprintf("%s (line %d): %s", f.Rule, f.Line, f.Text("en")))
		}
	}
	return out
}

// xmute matches the xml-mutate instructions of the CEN unit tests.
var xmute = regexp.MustCompile(`<\?xmute\s+([^?]*)\?>`)
var xmuteAttr = regexp.MustCompile(`([\w-]+)="([^"]*)"`)

// TestCorpusUnitTests checks the CEN unit tests of the configuration
// (test/cen-unit-test, test/unexpected): each xml-mutate instruction with
// the identity mutator says which rules the instance as it is passes
// (schematron-valid) and fails (schematron-invalid); a failed rule whose
// level after the scenario's customLevel is error means reject. A file
// without such instructions gets the verdict its name says.
func TestCorpusUnitTests(t *testing.T) {
	x, stages := corpusPipeline(t)
	props := xrechnungProps(t)
	var agree, total, nfiles, verdicts int
	for _, dir := range []string{"cen-unit-test", "unexpected"} {
		files, _ := filepath.Glob(filepath.Join(x, "validator-configuration", "test", dir, "*.xml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var valid, invalid []string
			for _, m := range xmute.FindAllSubmatch(data, -1) {
				attrs := map[string]string{}
				for _, a := range xmuteAttr.FindAllSubmatch(m[1], -1) {
					attrs[string(a[1])] = string(a[2])
				}
				if attrs["mutator"] != "identity" {
					continue
				}
				valid = append(valid, strings.Fields(attrs["schematron-valid"])...)
				invalid = append(invalid, strings.Fields(attrs["schematron-invalid"])...)
			}
			name := dir + "/" + filepath.Base(f)
			nfiles++
			if len(valid)+len(invalid) == 0 {
				verdicts++
				// No xml-mutate expectation: the name says it
				// ("…-with-invalid-attachment-…" or a valid one).
				t.Run(name, func(t *testing.T) {
					res := checkOne(t, stages, name, filter(data, props))
					varl(t, &res)
					total++
					if want := !strings.Contains(filepath.Base(f), "invalid"); res.Assessment.Accept != want {
						t.Errorf("%s: accept %v, the name says %v: %v", name, res.Assessment.Accept, want, errorFindings(res))
						return
					}
					agree++
				})
				continue
			}
			t.Run(name, func(t *testing.T) {
				res := checkOne(t, stages, name, filter(data, props))
				varl(t, &res)
				levels := map[string]string{}
				for _, st := range res.Assessment.Steps {
					for _, m := range st.Messages {
						levels[m.Finding.Rule] = m.CustomLevel
					}
				}
				wantReject := false
				for _, r := range invalid {
					_, id, _ := strings.Cut(r, ":")
					total++
					lvl, ok := levels[id]
					if !ok {
						t.Errorf("%s: want a finding %s, got none", name, id)
						continue
					}
					agree++
					wantReject = wantReject || lvl == "error"
				}
				for _, r := range valid {
					_, id, _ := strings.Cut(r, ":")
					total++
					if _, ok := levels[id]; ok {
						t.Errorf("%s: want no finding %s, got one", name, id)
						continue
					}
					agree++
				}
				if wantReject {
					verdicts++
					total++
					if res.Assessment.Accept {
						t.Errorf("%s: accepted, want reject (an error-level rule fails)", name)
					} else {
						agree++
					}
				}
			})
		}
	}
	t.Logf("unit tests: %d of %d expectations agree (%d files, %d with an expected verdict, the others rule by rule)", agree, total, nfiles, verdicts)
}
