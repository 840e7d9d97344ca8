package schematron_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// syntax is one invoice syntax: its rule files, corpus globs (below
// xoev/xrechnung) and EN16931 unit-test directories.
type syntax struct {
	name      string
	rules     []string
	globs     []string
	unitTests []string
	minDocs   int
}

var syntaxes = []syntax{
	{"UBL", []string{
		"../../examples/profiles/xrechnung/en16931-ubl/EN16931-UBL-validation.sch",
		"../../examples/profiles/xrechnung/xrechnung/ubl/XRechnung-UBL-validation.sch",
	}, []string{"testsuite/*/*/*_ubl.xml", "xrechnung-schematron/test-instances/ubl-inv/*.xml", "xrechnung-schematron/test-instances/ubl-cn/*.xml"},
		[]string{"Invoice-unit-UBL", "CreditNote-unit-UBL"}, 700},
	{"CII", []string{
		"../../examples/profiles/xrechnung/en16931-cii/EN16931-CII-validation.sch",
		"../../examples/profiles/xrechnung/xrechnung/cii/XRechnung-CII-validation.sch",
	}, []string{"testsuite/*/*/*_uncefact.xml", "xrechnung-schematron/test-instances/cii/*.xml"},
		[]string{"cii"}, 4},
}

// corpusInvoices returns the invoices of the XRechnung corpus matching
// globs, or of its copy in ../conformance/profile/testdata.
func corpusInvoices(t *testing.T, globs []string) []string {
	root := testcorpus.Dir()
	if root == "" {
		root = "../conformance/profile/testdata/corpus"
	}
	x := filepath.Join(root, "xoev/xrechnung")
	var files []string
	for _, g := range globs {
		m, _ := filepath.Glob(filepath.Join(x, g))
		files = append(files, m...)
	}
	if len(files) < 2 {
		t.Fatalf("only %d invoices under %s", len(files), x)
	}
	return files
}

// unitTestInstances returns the instances of the CEN EN16931 unit tests
// in dirs (copied into ../conformance/profile/testdata).
func unitTestInstances(t *testing.T, dirs []string, min int) map[string][]byte {
	out := map[string][]byte{}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join("../conformance/profile/testdata/en16931/test", dir, "*.xml"))
		for _, f := range files {
			ts, err := profile.ReadTestSet(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range ts.Cases {
				out[f+"#"+c.Name] = c.Instance
			}
		}
	}
	if len(out) < min {
		t.Fatalf("only %d unit-test instances", len(out))
	}
	return out
}

// render writes every field of a result, the error's text included.
func render(res *schematron.Result) []string {
	var out []string
	for _, f := range res.Fired {
		e := ""
		if f.Err != nil {
			e = f.Err.Error()
			f.Err = nil
		}
		out = append(out, fmt.Sprintf("%#v err=%q", f, e))
	}
	for _, fd := range res.Findings() {
		out = append(out, fmt.Sprintf("%#v", fd))
	}
	return append(out, res.Evaluated...)
}

// TestDifferentialPlainXPath: the per-document memos and the Go
// shortcuts give exactly the results of plain XPath evaluation (every
// field of every fired assertion and finding), on the corpus invoices
// and on the EN16931 unit-test instances, for UBL and CII.
func TestDifferentialPlainXPath(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates about 1,000 documents twice")
	}
	for _, sx := range syntaxes {
		t.Run(sx.name, func(t *testing.T) { differential(t, sx) })
	}
}

func differential(t *testing.T, sx syntax) {
	var fast, plain []*schematron.Rules
	for _, f := range sx.rules {
		r, err := schematron.Compile(f, schematron.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := schematron.CompilePlain(f)
		if err != nil {
			t.Fatal(err)
		}
		fast, plain = append(fast, r), append(plain, p)
	}
	docs := unitTestInstances(t, sx.unitTests, sx.minDocs)
	for _, f := range corpusInvoices(t, sx.globs) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = data
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	slices.Sort(names)
	fired := 0
	for _, name := range names {
		d, err := schematron.ParseDocument(context.Background(), docs[name])
		if err != nil {
			continue // the unit tests include documents that are not well-formed
		}
		for i := range fast {
			a, err := fast[i].Evaluate(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			b, err := plain[i].Evaluate(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			ra, rb := render(a), render(b)
			fired += len(a.Fired)
			if !slices.Equal(ra, rb) {
				t.Errorf("%s, %s:\nfast  %q\nplain %q", name, filepath.Base(sx.rules[i]), ra, rb)
			}
		}
	}
	if fired < 200 {
		t.Errorf("only %d assertions fired: the comparison proves little", fired)
	}
	t.Logf("%d documents, %d fired assertions compared", len(names), fired)
}
