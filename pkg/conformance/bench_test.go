package conformance

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// BenchmarkPipelineUBL runs identify + XSD over the UBL invoices of the
// corpus (skipped without shared/corpus), one worker, per-file cost.
func BenchmarkPipelineUBL(b *testing.B) {
	corpus := testcorpus.Dir()
	if corpus == "" {
		b.Skip("shared/corpus not found (set OZGCTL_CORPUS)")
	}
	x := filepath.Join(corpus, "xoev")
	set, err := xoev.LoadSchemaSet(context.Background(), filepath.Join(x, "xrechnung/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd"), xoev.LoadOptions{})
	if err != nil {
		b.Skip("corpus not available: ", err)
	}
	files, _ := filepath.Glob(filepath.Join(x, "xrechnung/validator-configuration/test/instances/ubl0*.xml"))
	ins, _ := ExpandInputs(files, nil)
	stages := []Stage{IdentifyStage{}, XSDStage{Set: set}}
	b.ReportAllocs()
	for b.Loop() {
		Run(context.Background(), ins, stages, Options{Workers: 1})
	}
	b.ReportMetric(float64(len(ins)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
