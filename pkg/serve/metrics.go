package serve

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// durationBuckets are the upper bounds, in seconds, of the request
// duration histogram: from a health probe to a batch near the timeout.
var durationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

// Metrics counts what the server did, for GET /metrics. It is written by
// hand in the Prometheus text exposition format (version 0.0.4): four
// metric families do not warrant client_golang and its dependencies.
type Metrics struct {
	inFlight atomic.Int64

	mu        sync.Mutex
	requests  map[requestKey]uint64
	durations map[string]*histogram
	findings  map[string]uint64
}

type requestKey struct {
	route string
	code  int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

// newMetrics returns empty metrics.
func newMetrics() *Metrics {
	return &Metrics{requests: map[requestKey]uint64{}, durations: map[string]*histogram{}, findings: map[string]uint64{}}
}

// observe records one answered request of route.
func (m *Metrics) observe(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, code}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(durationBuckets)+1)}
		m.durations[route] = h
	}
	s := d.Seconds()
	i, _ := slices.BinarySearch(durationBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
}

// AddFindings counts n findings of rule.
func (m *Metrics) AddFindings(rule string, n int) {
	if n <= 0 {
		return
	}
	m.mu.Lock()
	m.findings[rule] += uint64(n)
	m.mu.Unlock()
}

// WriteText writes the metrics in the Prometheus text exposition format,
// families and series in a stable order.
func (m *Metrics) WriteText(w io.Writer) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# HELP ozgctl_http_requests_total HTTP requests answered, by route and status code.\n")
	fmt.Fprintf(b, "# TYPE ozgctl_http_requests_total counter\n")
	keys := slices.SortedFunc(maps.Keys(m.requests), func(a, b requestKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return a.code - b.code
	})
	for _, k := range keys {
		fmt.Fprintf(b, "ozgctl_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", escapeLabel(k.route), k.code, m.requests[k])
	}
	fmt.Fprintf(b, "# HELP ozgctl_http_request_duration_seconds Time from a request's arrival to its answer, by route.\n")
	fmt.Fprintf(b, "# TYPE ozgctl_http_request_duration_seconds histogram\n")
	for _, route := range slices.Sorted(maps.Keys(m.durations)) {
		h := m.durations[route]
		r := escapeLabel(route)
		var cum uint64
		for i, le := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(b, "ozgctl_http_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %d\n", r, formatFloat(le), cum)
		}
		cum += h.counts[len(durationBuckets)]
		fmt.Fprintf(b, "ozgctl_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", r, cum)
		fmt.Fprintf(b, "ozgctl_http_request_duration_seconds_sum{route=\"%s\"} %s\n", r, formatFloat(h.sum))
		fmt.Fprintf(b, "ozgctl_http_request_duration_seconds_count{route=\"%s\"} %d\n", r, h.n)
	}
	fmt.Fprintf(b, "# HELP ozgctl_findings_total Findings reported in answers, by rule.\n")
	fmt.Fprintf(b, "# TYPE ozgctl_findings_total counter\n")
	for _, rule := range slices.Sorted(maps.Keys(m.findings)) {
		fmt.Fprintf(b, "ozgctl_findings_total{rule=\"%s\"} %d\n", escapeLabel(rule), m.findings[rule])
	}
	fmt.Fprintf(b, "# HELP ozgctl_http_requests_in_flight Requests being answered now.\n")
	fmt.Fprintf(b, "# TYPE ozgctl_http_requests_in_flight gauge\n")
	fmt.Fprintf(b, "ozgctl_http_requests_in_flight %d\n", m.inFlight.Load())
	return b.Flush()
}

// escapeLabel escapes a label value as the text format wants: backslash,
// double quote and line feed.
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
