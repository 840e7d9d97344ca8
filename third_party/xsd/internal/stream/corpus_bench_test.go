package stream

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// corpusMessages are the messages of the ozgctl per-message benchmark
// (pkg/xoev BenchmarkCheckMessage), under shared/corpus/xoev.
var corpusMessages = []struct{ name, path string }{
	{"xhs", "xbildung/samples/1_1_XHS_Immatrikulationsbescheinigung.xml"},
	{"cii", "xrechnung/en16931/cii/examples/CII_business_example_01.xml"},
	{"ubl", "xrechnung/en16931/test/testfiles/BIS_Billing_30-DataIT.xml"},
	{"xbet", "xbeteiligung/instances/example402FromCockpit.xml"},
}

// corpusXOEVDir finds shared/corpus/xoev beside this directory or one of
// its parents (or at $OZGCTL_CORPUS/xoev); "" when there is none.
func corpusXOEVDir() string {
	if d := os.Getenv("OZGCTL_CORPUS"); d != "" {
		return filepath.Join(d, "xoev")
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		candidate := filepath.Join(dir, "shared", "corpus", "xoev")
		if st, err := os.Stat(candidate); err == nil && st.IsDir() {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// BenchmarkParserCorpusMessage reads whole messages of the shared corpus
// with the validator's parser configuration (lazy attribute values, the
// default limits), comments skipped.
func BenchmarkParserCorpusMessage(b *testing.B) {
	dir := corpusXOEVDir()
	if dir == "" {
		b.Skip("shared corpus not found (set OZGCTL_CORPUS)")
	}
	for _, m := range corpusMessages {
		data, err := os.ReadFile(filepath.Join(dir, m.path))
		if err != nil {
			b.Skip(err)
		}
		b.Run(m.name, func(b *testing.B) {
			names, values := NewCache(), NewCache()
			var p Parser
			r := bytes.NewReader(data)
			config := Config{
				Limits:         Limits{MaxTokenBytes: 4 << 20, MaxAttrs: 4096},
				LazyAttrValues: true,
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				r.Reset(data)
				if err := p.ResetWithConfig(r, &names, &values, config); err != nil {
					b.Fatal(err)
				}
				for {
					_, err := p.Next()
					if IsOnlyEOF(err) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
