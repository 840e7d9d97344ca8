package convert

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// FuzzConvert reads arbitrary XDatenfelder input and renders every target
// and both samples: no input may panic a generator.
func FuzzConvert(f *testing.F) {
	for _, p := range []string{"xdf2/select.xml", "xdf3/xdf3.xml", "xdf3/G60000000088-simple.xml"} {
		if b, err := os.ReadFile(filepath.Join("testdata", p)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _, err := fim.ReadBytes(data, "fuzz.xml", fim.ReadOptions{})
		if err != nil {
			return
		}
		c, err := New(doc, Options{})
		if err != nil {
			return
		}
		for _, n := range TargetNames() {
			if _, err := c.Convert(n); err != nil {
				t.Fatalf("%s: %v", n, err)
			}
		}
		c.Sample("json", SampleFull)
		c.Sample("xml", SampleMinimal)
	})
}
