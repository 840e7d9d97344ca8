package conformance

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/batch"
)

// BenchmarkPipelineUBL runs identify + XSD over the UBL invoices of the
// corpus (skipped without shared/corpus), one worker, per-file cost.
func BenchmarkPipelineUBL(b *testing.B) {
	corpus := testcorpus.Dir()
	if corpus == "" {
		b.Skip("shared/corpus not found (set OZGCTL_CORPUS)")
	}
	x := filepath.Join(corpus, "xoev")
	p, err := Build(context.Background(), Config{XSD: filepath.Join(x, "xrechnung/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd")})
	if err != nil {
		b.Skip("corpus not available: ", err)
	}
	files, _ := filepath.Glob(filepath.Join(x, "xrechnung/validator-configuration/test/instances/ubl0*.xml"))
	ins, _ := batch.ExpandInputs(files, nil)
	b.ReportAllocs()
	for b.Loop() {
		batch.Run(context.Background(), ins, p.Stages, batch.Options{Workers: 1})
	}
	b.ReportMetric(float64(len(ins)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
