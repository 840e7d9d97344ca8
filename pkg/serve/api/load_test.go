package api

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/internal/testenv"
	"github.com/ozgctl/ozgctl/pkg/serve"
)

// The load test and the soak run "ozgctl serve"'s API on a loopback port
// with the XRechnung profiles (XSD + EN16931 + XRechnung Schematron) and
// send it the XRechnung test-suite invoices from net/http clients. They
// measure, so they run only when asked:
//
//	OZGCTL_LOADTEST=1 go test -run TestLoad -v ./pkg/serve/api   (make loadtest)
//	OZGCTL_SOAK=10m go test -run TestSoak -v -timeout 0 ./pkg/serve/api   (make soak)
//
// OZGCTL_LOADTEST_DURATION (default 10s) is the time per concurrency.

// soakFor is the -soak flag: "go test -run TestSoak ./pkg/serve/api -args -soak 10m"
// (OZGCTL_SOAK does the same).
var soakFor = flag.Duration("soak", 0, "run TestSoak for this long")

// invoice is one corpus message and the profile that checks it.
type invoice struct {
	name, profile string
	data          []byte
}

// loadInvoices reads the XRechnung test-suite invoices of the corpus.
func loadInvoices(t *testing.T) []invoice {
	t.Helper()
	root := testenv.Corpus(t)
	files, _ := filepath.Glob(filepath.Join(root, "xoev/xrechnung/testsuite/*/*/*.xml"))
	if len(files) == 0 {
		testenv.Skip(t, "no XRechnung test suite in the corpus", "put it under corpus/xoev/xrechnung/testsuite")
	}
	var out []invoice
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := "xrechnung-ubl"
		if strings.HasSuffix(f, "_uncefact.xml") {
			p = "xrechnung-cii"
		}
		out = append(out, invoice{filepath.Base(f), p, data})
	}
	return out
}

// startServer serves the XRechnung profiles on a loopback port until the
// test ends, ready, and returns its base URL.
func startServer(t *testing.T, limits serve.Limits) string {
	t.Helper()
	srv := serve.New(serve.Options{Limits: limits})
	a, err := New(srv, Config{Profiles: map[string]Profile{
		"xrechnung-ubl": {Path: filepath.Join(examples, "profiles/xrechnung-ubl.yaml")},
		"xrechnung-cii": {Path: filepath.Join(examples, "profiles/xrechnung-cii.yaml")},
	}, RuleTimeout: 30 * time.Second, Version: "loadtest"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Preload(context.Background()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- srv.Serve(ctx, ln, 10*time.Second) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// loadResult is what one run of clients measured.
type loadResult struct {
	clients  int
	requests int
	elapsed  time.Duration
	statuses map[int]int
	lat      []time.Duration // of the 200 answers
	errs     int
}

func (r loadResult) percentile(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))]
}

func (r loadResult) String() string {
	return fmt.Sprintf("%3d clients: %6d checks answered in %5.1fs = %6.1f checks/s, p50 %7.1f ms, p99 %7.1f ms (of the checks answered); statuses %v, transport errors %d",
		r.clients, len(r.lat), r.elapsed.Seconds(), float64(len(r.lat))/r.elapsed.Seconds(),
		float64(r.percentile(0.50).Microseconds())/1000, float64(r.percentile(0.99).Microseconds())/1000, r.statuses, r.errs)
}

// runClients sends the invoices round-robin from n clients until stop
// is closed; every answer must be 200 with Ozgctl-Exit-Code 0 (the test
// suite holds valid invoices) or a 429.
func runClients(t *testing.T, base string, invs []invoice, n int, stop <-chan struct{}) loadResult {
	tr := &http.Transport{MaxIdleConns: n, MaxIdleConnsPerHost: n, MaxConnsPerHost: n}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 2 * time.Minute}
	var mu sync.Mutex
	res := loadResult{clients: n, statuses: map[int]int{}}
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range n {
		wg.Go(func() {
			var lat []time.Duration
			statuses := map[int]int{}
			errs := 0
			for {
				select {
				case <-stop:
					mu.Lock()
					res.lat = append(res.lat, lat...)
					for k, v := range statuses {
						res.statuses[k] += v
					}
					res.errs += errs
					mu.Unlock()
					return
				default:
				}
				inv := invs[int(next.Add(1))%len(invs)]
				t0 := time.Now()
				resp, err := client.Post(base+"/v1/check?profile="+inv.profile+"&name="+inv.name, "application/xml", bytes.NewReader(inv.data))
				if err != nil {
					errs++
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				statuses[resp.StatusCode]++
				switch {
				case resp.StatusCode == 200 && resp.Header.Get(exitCodeHeader) == "0":
					lat = append(lat, d)
				case resp.StatusCode == 429:
				default:
					t.Errorf("%s: %d exit %s: %.300s", inv.name, resp.StatusCode, resp.Header.Get(exitCodeHeader), body)
				}
			}
		})
	}
	<-stop
	wg.Wait()
	res.elapsed = time.Since(start)
	for _, c := range res.statuses {
		res.requests += c
	}
	slices.Sort(res.lat)
	return res
}

func TestLoad(t *testing.T) {
	if os.Getenv("OZGCTL_LOADTEST") == "" {
		testenv.Skip(t, "load test not asked for", "set OZGCTL_LOADTEST=1 (make loadtest)")
	}
	per := 10 * time.Second
	if s := os.Getenv("OZGCTL_LOADTEST_DURATION"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("OZGCTL_LOADTEST_DURATION: %v", err)
		}
		per = d
	}
	invs := loadInvoices(t)
	// No concurrency limit: every client is answered, queueing on the
	// cores; a production server sheds the excess with 429 instead.
	base := startServer(t, serve.Limits{MaxBodyBytes: 32 << 20, Timeout: time.Minute})
	// Warm-up: every invoice once.
	warm := make(chan struct{})
	time.AfterFunc(2*time.Second, func() { close(warm) })
	runClients(t, base, invs, 2, warm)
	t.Logf("%d XRechnung test-suite invoices, GOMAXPROCS %d, %s per run", len(invs), runtime.GOMAXPROCS(0), per)
	for _, n := range []int{1, 8, 64} {
		stop := make(chan struct{})
		time.AfterFunc(per, func() { close(stop) })
		r := runClients(t, base, invs, n, stop)
		t.Log(r)
		if r.errs > 0 || len(r.lat) == 0 {
			t.Errorf("%d clients: %d transport errors, %d answers", n, r.errs, len(r.lat))
		}
	}
	// With the default limit (2 × CPUs) the excess is shed with 429.
	limited := startServer(t, serve.Limits{MaxBodyBytes: 32 << 20, Timeout: time.Minute, MaxInFlight: 2 * runtime.GOMAXPROCS(0)})
	stop := make(chan struct{})
	time.AfterFunc(per, func() { close(stop) })
	r := runClients(t, limited, invs, 64, stop)
	t.Logf("max-inflight %d: %v", 2*runtime.GOMAXPROCS(0), r)
}

// rss returns the resident set size of this process in bytes (Linux), or
// the Go runtime's Sys elsewhere.
func rss() int64 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				return kb << 10
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.Sys)
}

// TestSoak sends invoices from 8 clients for -soak or OZGCTL_SOAK (a duration)
// and logs the RSS and heap every tenth of it: memory must stay flat.
// It fails when the RSS at the end is more than twice the RSS after the
// first tenth (a leak, not noise).
func TestSoak(t *testing.T) {
	total := *soakFor
	if s := os.Getenv("OZGCTL_SOAK"); s != "" && total == 0 {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("OZGCTL_SOAK: %v", err)
		}
		total = d
	}
	if total <= 0 {
		testenv.Skip(t, "soak not asked for", "set OZGCTL_SOAK=10m or pass -soak 10m (make soak)")
	}
	invs := loadInvoices(t)
	base := startServer(t, serve.Limits{MaxBodyBytes: 32 << 20, Timeout: time.Minute})
	stop := make(chan struct{})
	resc := make(chan loadResult)
	go func() { resc <- runClients(t, base, invs, 8, stop) }()
	step := total / 10
	var samples []int64
	start := time.Now()
	for i := 1; i <= 10; i++ {
		time.Sleep(step)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		r := rss()
		samples = append(samples, r)
		t.Logf("%8s  RSS %6.1f MiB  heap in use %6.1f MiB  goroutines %d", time.Since(start).Round(time.Second),
			float64(r)/(1<<20), float64(ms.HeapInuse)/(1<<20), runtime.NumGoroutine())
	}
	close(stop)
	res := <-resc
	t.Log(res)
	if last, first := samples[len(samples)-1], samples[0]; last > 2*first {
		t.Errorf("RSS grew from %.1f MiB to %.1f MiB", float64(first)/(1<<20), float64(last)/(1<<20))
	}
}
