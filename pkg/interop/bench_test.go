package interop

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
)

// BenchmarkInterop reads two groups of OZGCTL_BENCH_MESSAGES (default
// 10,000) messages each, copies of the example vendors' invoices, without
// check flags (well-formedness, identification, usage), and reports
// messages/s and the process's peak RSS, which stays flat as the groups
// grow because usage is counted per group as messages go by.
//
//	go test ./pkg/interop -run '^$' -bench Interop -benchtime 1x
func BenchmarkInterop(b *testing.B) {
	per := 10000
	if v, err := strconv.Atoi(os.Getenv("OZGCTL_BENCH_MESSAGES")); err == nil && v > 0 {
		per = v
	}
	dir := b.TempDir()
	var seeds [][]byte
	for _, v := range []string{"alpha-software", "beta-erp", "gamma-cloud"} {
		files, _ := filepath.Glob(filepath.Join(exampleVendors, v, "*.xml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			seeds = append(seeds, data)
		}
	}
	var sources []Source
	var bytes int64
	for _, g := range []string{"group-a", "group-b"} {
		gd := filepath.Join(dir, g)
		if err := os.MkdirAll(gd, 0o755); err != nil {
			b.Fatal(err)
		}
		for i := range per {
			data := seeds[(i+len(g))%len(seeds)]
			bytes += int64(len(data))
			if err := os.WriteFile(filepath.Join(gd, fmt.Sprintf("m%05d.xml", i)), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		sources = append(sources, Source{GroupSpec: GroupSpec{Name: g}, Inputs: []string{gd}})
	}
	p, err := conformance.Build(context.Background(), conformance.Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		res, _ := Run(context.Background(), p.Stages, sources, RunOptions{Settings: DefaultSettings, Batch: batch.Options{}})
		if res.Summary.Messages != 2*per {
			b.Fatalf("%d messages, want %d", res.Summary.Messages, 2*per)
		}
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(2*per*b.N)/elapsed.Seconds(), "msgs/s")
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}
