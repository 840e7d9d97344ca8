package kosit_test

import (
	"context"
	"os"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/batch"
)

// BenchmarkXRechnungInvoice checks one XRechnung UBL invoice through the
// XRechnung configuration (scenario selection, UBL XSD, EN16931 and
// XRechnung Schematron, verdict), the configuration loaded once.
func BenchmarkXRechnungInvoice(b *testing.B) {
	stages := xrechnungPipeline(b, "../../examples/kosit/xrechnung", "../../examples/profiles/xrechnung")
	data, err := os.ReadFile("../../examples/kosit/messages/01.01a-INVOICE_ubl.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res := batch.CheckOne(context.Background(), batch.FromBytes("invoice.xml", data), stages)
		if res.Assessment == nil || !res.Assessment.Accept {
			b.Fatal("not accepted")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
