package schematron

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// benchInvoices returns the UBL invoices of the XRechnung corpus
// (OZGCTL_CORPUS or shared/corpus found upwards), or the subset in
// ../conformance/profile/testdata when the corpus is absent.
func benchInvoices(b *testing.B) []string {
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
	if len(files) == 0 {
		b.Skip("no invoices found")
	}
	return files
}

// BenchmarkEN16931XRechnungUBL evaluates the EN16931 and XRechnung UBL
// rules (compiled once) on parsed invoices and reports ms per invoice.
func BenchmarkEN16931XRechnungUBL(b *testing.B) {
	var rules []*Rules
	for _, f := range []string{"../../examples/profiles/xrechnung/en16931-ubl/EN16931-UBL-validation.sch", "../../examples/profiles/xrechnung/xrechnung/ubl/XRechnung-UBL-validation.sch"} {
		r, err := Compile(f, Options{})
		if err != nil {
			b.Fatal(err)
		}
		rules = append(rules, r)
	}
	var docs []*helium.Document
	for _, f := range benchInvoices(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := ParseDocument(context.Background(), data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, r := range rules {
				if _, err := r.Evaluate(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(docs)), "ms/invoice")
	// CPU time (all threads, GC included) varies less than wall time on
	// a shared, loaded machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N*len(docs)), "cpu-ms/invoice")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkCompileEN16931 measures compiling the EN16931 UBL rules.
func BenchmarkCompileEN16931(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Compile("../../examples/profiles/xrechnung/en16931-ubl/EN16931-UBL-validation.sch", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the process's user plus system time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
