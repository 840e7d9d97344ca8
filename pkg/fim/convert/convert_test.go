package convert

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

// input is one schema of the test corpus with the code lists it uses.
type input struct {
	name      string // short name for subtests
	path      string
	codelists string // directory, "" for none
}

// corpusInputs returns every XDatenfelder 2/3 file of the shared corpus
// (falling back to the copies in testdata), with the code list folder that
// belongs to it.
func corpusInputs(t testing.TB) []input {
	var out []input
	root := testcorpus.Dir()
	if root == "" {
		for _, p := range []string{"xdf2/BlaueKarte.xml", "xdf2/S00000094V1.0_xdf2.xml", "xdf2/S00000186v1.0_xdf2.xml", "xdf2/select.xml", "xdf3/xdf3.xml", "xdf3/G60000000088-simple.xml"} {
			out = append(out, input{name: p, path: filepath.Join("testdata", p), codelists: testCodelists(p)})
		}
		return append(out, synthetic)
	}
	for _, sub := range []string{"xdf2", "xdf3"} {
		filepath.WalkDir(filepath.Join(root, sub), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".xml") {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			out = append(out, input{name: rel, path: p, codelists: testCodelists(p)})
			return nil
		})
	}
	return append(out, synthetic)
}

// synthetic is our own XDatenfelder 3.0.0 schema with every datentyp,
// inline values, a label, a locked field with a preset and repeats; the
// corpus has none of these.
var synthetic = input{name: "synthetic", path: filepath.Join("testdata", "xdf3", "S99000000001-synthetic.xml")}

func testCodelists(p string) string {
	switch {
	case strings.Contains(p, "S00000094"):
		return filepath.Join("testdata", "codelists", "S00000094")
	case strings.Contains(p, "S00000186"):
		return filepath.Join("testdata", "codelists", "S00000186")
	}
	return ""
}

// load reads an input and prepares the converter; ok=false when the file
// is not a convertible document (negative fixtures, field messages
// without structure are still convertible).
func load(t testing.TB, in input, opts Options) (*Converter, bool) {
	t.Helper()
	doc, _, err := fim.ReadFile(in.path, fim.ReadOptions{})
	if err != nil {
		return nil, false
	}
	if in.codelists != "" {
		cl, problems := CodelistDirs(in.codelists)
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		opts.Codelists = cl
	}
	c, err := New(doc, opts)
	if err != nil {
		t.Logf("%s: %v", in.name, err)
		return nil, false
	}
	return c, true
}

// unsatisfiable lists corpus files whose constraints admit no instance;
// the sample must fail for them with a SampleError.
var unsatisfiable = map[string]string{
	// F00001: minLength 0, maxLength 1 and pattern "test" (4 characters).
	"xdf3.xml": "F00001",
}

// TestTargetsSorted: Targets promises the order by name, which the table
// holds in the source.
func TestTargetsSorted(t *testing.T) {
	if !slices.IsSortedFunc(targets, func(a, b Target) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("targets not sorted by name: %v", TargetNames())
	}
}
