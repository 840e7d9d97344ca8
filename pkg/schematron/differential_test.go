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

var ublRules = []string{
	"../../examples/profiles/xrechnung/en16931-ubl/EN16931-UBL-validation.sch",
	"../../examples/profiles/xrechnung/xrechnung/ubl/XRechnung-UBL-validation.sch",
}

// corpusInvoices returns the UBL invoices and credit notes of the
// XRechnung corpus, or of its copy in ../conformance/profile/testdata.
func corpusInvoices(t *testing.T) []string {
	root := testcorpus.Dir()
	if root == "" {
		root = "../conformance/profile/testdata/corpus"
	}
	x := filepath.Join(root, "xoev/xrechnung")
	var files []string
	for _, g := range []string{"testsuite/*/*/*_ubl.xml", "xrechnung-schematron/test-instances/ubl-inv/*.xml", "xrechnung-schematron/test-instances/ubl-cn/*.xml"} {
		m, _ := filepath.Glob(filepath.Join(x, g))
		files = append(files, m...)
	}
	if len(files) < 4 {
		t.Fatalf("only %d invoices under %s", len(files), x)
	}
	return files
}

// unitTestInstances returns the instances of the CEN EN16931 UBL unit
// tests (copied into ../conformance/profile/testdata).
func unitTestInstances(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	for _, dir := range []string{"Invoice-unit-UBL", "CreditNote-unit-UBL"} {
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
	if len(out) < 700 {
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
// and on the EN16931 unit-test instances.
func TestDifferentialPlainXPath(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates about 1,000 documents twice")
	}
	var fast, plain []*schematron.Rules
	for _, f := range ublRules {
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
	docs := unitTestInstances(t)
	for _, f := range corpusInvoices(t) {
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
				t.Errorf("%s, %s:\nfast  %q\nplain %q", name, filepath.Base(ublRules[i]), ra, rb)
			}
		}
	}
	if fired < 1000 {
		t.Errorf("only %d assertions fired: the comparison proves little", fired)
	}
	t.Logf("%d documents, %d fired assertions compared", len(names), fired)
}
