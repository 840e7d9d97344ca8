package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// FuzzLint lints whatever the reader accepts: no panic, and every finding
// names a known rule with its severity.
func FuzzLint(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/rules/*.xml")
	more, _ := filepath.Glob(fimTestdata + "/xdf[23]/*.xml")
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _, err := fim.ReadBytes(data, "fuzz.xml", fim.ReadOptions{})
		if err != nil {
			return
		}
		for _, fd := range Lint(context.Background(), doc, Options{}) {
			r := Lookup(fd.Rule)
			if r == nil || fd.Severity != r.Severity() || fd.Text("en") == "" {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}
