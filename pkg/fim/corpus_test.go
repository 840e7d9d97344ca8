package fim

import (
	"errors"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// TestCorpus reads every XDatenfelder file of the shared corpus: the real
// ones must be read, the negative fixtures rejected with the expected
// error, the 1.x file refused by name.
func TestCorpus(t *testing.T) {
	root := testcorpus.Dir()
	if root == "" {
		testenv.Skip(t, "shared corpus not found (the copies in testdata are tested instead)", "run beside ../shared/corpus or set OZGCTL_CORPUS")
	}
	rejected := map[string]error{
		"duplicate-optional-value.xml": ErrStructure,
		"duplicate-required-value.xml": ErrStructure,
		"unknown-namespace.xml":        ErrUnknownNamespace,
		"testfield.xml":                ErrStructure,
		"WaBeKa.xml":                   ErrXDF1,
	}
	n := 0
	for _, dir := range []string{"xdf1", "xdf2", "xdf3", "xoev/xdatenfelder"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
				return err
			}
			n++
			rel, _ := filepath.Rel(root, path)
			t.Run(rel, func(t *testing.T) {
				t.Parallel()
				doc, _, err := ReadFile(path, ReadOptions{})
				if want, ok := rejected[filepath.Base(path)]; ok {
					if !errors.Is(err, want) {
						t.Fatalf("err = %v, want %v", err, want)
					}
					var re *ReadError
					if !errors.As(err, &re) || re.Line == 0 {
						t.Fatalf("error without position: %v", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if doc.Root() == nil && doc.Codeliste == nil {
					t.Error("no root item")
				}
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 20 {
		t.Errorf("only %d corpus files found", n)
	}
}
