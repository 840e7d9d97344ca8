// Package fuzzconvert fuzzes the reader and every generator together. It
// lives apart from package convert so that the fuzzing binary stays small
// (no browser driver or OpenAPI parser from the oracle tests). Run it with
// a short -fuzzminimizetime (scripts/fuzz.sh uses 3s): minimising an input
// that runs every generator is slow, and the default minute looks like a
// stall.
package fuzzconvert

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/convert"
)

// FuzzConvert reads arbitrary XDatenfelder input and renders every target
// and both samples: no input may panic a generator.
func FuzzConvert(f *testing.F) {
	for _, p := range []string{"xdf2/select.xml", "xdf3/xdf3.xml", "xdf3/G60000000088-simple.xml"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", p)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _, err := fim.ReadBytes(data, "fuzz.xml", fim.ReadOptions{})
		if err != nil {
			return
		}
		c, err := convert.New(doc, convert.Options{})
		if err != nil {
			return
		}
		for _, n := range convert.TargetNames() {
			if _, err := c.Convert(n); err != nil {
				t.Fatalf("%s: %v", n, err)
			}
		}
		c.Sample("json", convert.SampleFull)
		c.Sample("xml", convert.SampleMinimal)
	})
}
