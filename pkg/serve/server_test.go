package serve

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

// echo reads the whole body and answers its length.
func echo(w http.ResponseWriter, r *http.Request) error {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, strings.Repeat("x", len(data)))
	return err
}

func newTestServer(opts Options) *Server {
	s := New(opts)
	s.Handle("POST /v1/echo", Route{Limited: true}, echo)
	s.Handle("GET /healthz", Route{Public: true}, func(w http.ResponseWriter, r *http.Request) error {
		_, err := io.WriteString(w, "ok\n")
		return err
	})
	s.Handle("GET /v1/sleep", Route{Limited: true}, func(w http.ResponseWriter, r *http.Request) error {
		<-r.Context().Done()
		return r.Context().Err()
	})
	s.Handle("GET /v1/panic", Route{Limited: true}, func(w http.ResponseWriter, r *http.Request) error {
		panic("boom")
	})
	return s
}

type problemBody struct {
	Type, Title, Detail, Instance string
	Status                        int
}

func TestGuards(t *testing.T) {
	s := newTestServer(Options{Token: "s3cret", Limits: Limits{MaxBodyBytes: 10, Timeout: 50 * time.Millisecond, RetryAfter: 3}})
	tests := []struct {
		name       string
		method     string
		path       string
		body       string
		header     map[string]string
		wantStatus int
		wantKind   string
		wantLang   string
	}{
		{name: "public route needs no token", method: "GET", path: "/healthz", wantStatus: 200},
		{name: "no token", method: "POST", path: "/v1/echo", body: "abc", wantStatus: 401, wantKind: "unauthorized", wantLang: "de"},
		{name: "wrong token", method: "POST", path: "/v1/echo", body: "abc", header: map[string]string{"Authorization": "Bearer s3cres"}, wantStatus: 401, wantKind: "unauthorized"},
		{name: "basic scheme refused", method: "POST", path: "/v1/echo", body: "abc", header: map[string]string{"Authorization": "Basic s3cret"}, wantStatus: 401, wantKind: "unauthorized"},
		{name: "right token", method: "POST", path: "/v1/echo", body: "abc", header: map[string]string{"Authorization": "Bearer s3cret"}, wantStatus: 200},
		{name: "body too large", method: "POST", path: "/v1/echo", body: strings.Repeat("a", 11), header: map[string]string{"Authorization": "bearer s3cret"}, wantStatus: 413, wantKind: "body-too-large"},
		{name: "timeout", method: "GET", path: "/v1/sleep", header: map[string]string{"Authorization": "Bearer s3cret"}, wantStatus: 503, wantKind: "timeout"},
		{name: "panic becomes 500", method: "GET", path: "/v1/panic", header: map[string]string{"Authorization": "Bearer s3cret"}, wantStatus: 500, wantKind: "internal"},
		{name: "unknown path, English by header", method: "GET", path: "/nope", header: map[string]string{"Accept-Language": "fr, en;q=0.8, de;q=0.5"}, wantStatus: 404, wantKind: "not-found", wantLang: "en"},
		{name: "lang parameter wins", method: "GET", path: "/nope?lang=en", header: map[string]string{"Accept-Language": "de"}, wantStatus: 404, wantKind: "not-found", wantLang: "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.wantStatus, rec.Body)
			}
			if tc.wantKind == "" {
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
			var p problemBody
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
				t.Fatalf("problem body: %v: %s", err, rec.Body)
			}
			if p.Type != problemTypeBase+tc.wantKind || p.Status != tc.wantStatus || p.Title == "" || p.Detail == "" {
				t.Errorf("problem %+v", p)
			}
			if tc.wantLang != "" && rec.Header().Get("Content-Language") != tc.wantLang {
				t.Errorf("Content-Language %q, want %q", rec.Header().Get("Content-Language"), tc.wantLang)
			}
			if tc.wantStatus == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

func TestLang(t *testing.T) {
	tests := []struct{ query, accept, want string }{
		{"", "", "de"},
		{"", "en-GB,en;q=0.9", "en"},
		{"", "en;q=0.3, de-AT;q=0.7", "de"},
		{"", "fr", "de"},
		{"", "en;q=0", "de"},
		{"lang=en", "de", "en"},
		{"lang=xx", "en", "en"},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("GET", "/?"+tc.query, nil)
		r.Header.Set("Accept-Language", tc.accept)
		if got := Lang(r); got != tc.want {
			t.Errorf("Lang(%q, %q) = %q, want %q", tc.query, tc.accept, got, tc.want)
		}
	}
}

func TestBusy(t *testing.T) {
	s := New(Options{Limits: Limits{MaxInFlight: 1, RetryAfter: 2}})
	entered, release := make(chan struct{}), make(chan struct{})
	s.Handle("GET /v1/block", Route{Limited: true}, func(w http.ResponseWriter, r *http.Request) error {
		close(entered)
		<-release
		return nil
	})
	s.Handle("GET /healthz", Route{Public: true}, func(w http.ResponseWriter, r *http.Request) error { return nil })
	done := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/block", nil))
		done <- rec.Code
	}()
	<-entered
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/block", nil))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "2" {
		t.Errorf("second request: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 200 {
		t.Errorf("health probe while busy: %d", rec.Code)
	}
	close(release)
	if code := <-done; code != 200 {
		t.Errorf("first request: %d", code)
	}
}

// TestGracefulShutdown: a request in flight when the shutdown begins
// finishes with its answer; a new one during the drain delay gets 503;
// after the shutdown, connections are refused.
func TestGracefulShutdown(t *testing.T) {
	s := New(Options{DrainDelay: 300 * time.Millisecond})
	// entered holds the first handler's signal even when the test is not
	// yet waiting for it; a later handler (none is expected) does not block.
	entered, release := make(chan struct{}, 1), make(chan struct{})
	s.Handle("GET /v1/block", Route{Limited: true}, func(w http.ResponseWriter, r *http.Request) error {
		select {
		case entered <- struct{}{}:
		default:
		}
		<-release
		_, err := io.WriteString(w, "done")
		return err
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error)
	go func() { served <- s.Serve(ctx, ln, 5*time.Second) }()

	type answer struct {
		code int
		body string
		err  error
	}
	first := make(chan answer)
	go func() {
		resp, err := http.Get(url + "/v1/block")
		if err != nil {
			first <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		first <- answer{code: resp.StatusCode, body: string(b)}
	}()
	<-entered
	cancel()
	for !s.Draining() {
		time.Sleep(time.Millisecond)
	}
	// A new request on a new connection during the drain delay.
	tr := &http.Transport{DisableKeepAlives: true}
	resp, err := (&http.Client{Transport: tr}).Get(url + "/v1/block")
	if err != nil {
		t.Fatalf("request during drain: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("request during drain: %d, want 503", resp.StatusCode)
	}
	select {
	case err := <-served:
		t.Fatalf("Serve returned with a request in flight: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	close(release)
	a := <-first
	if a.err != nil || a.code != 200 || a.body != "done" {
		t.Errorf("in-flight request: %+v", a)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := (&http.Client{Transport: tr}).Get(url + "/v1/block"); err == nil {
		t.Error("a request after the shutdown was answered")
	}
}

func TestMetricsText(t *testing.T) {
	s := newTestServer(Options{})
	for _, path := range []string{"/healthz", "/healthz", "/nope"} {
		s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	s.Metrics().AddFindings(`xsd:cvc-"x"`, 3)
	var b strings.Builder
	if err := s.Metrics().WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`ozgctl_http_requests_total{route="/healthz",code="200"} 2`,
		`ozgctl_http_requests_total{route="/",code="404"} 1`,
		`ozgctl_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 2`,
		`ozgctl_http_request_duration_seconds_count{route="/healthz"} 2`,
		`ozgctl_findings_total{rule="xsd:cvc-\"x\""} 3`,
		"ozgctl_http_requests_in_flight 0",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	// Every line is a comment or a sample of the text format's grammar,
	// and every family is typed before its samples.
	sample := regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*")*\})? (\S+)$`)
	typed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if f, ok := strings.CutPrefix(line, "# TYPE "); ok {
			typed[strings.Fields(f)[0]] = true
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		m := sample.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("not a sample line: %q", line)
			continue
		}
		name := regexp.MustCompile(`_(bucket|sum|count)$`).ReplaceAllString(m[1], "")
		if !typed[name] && !typed[m[1]] {
			t.Errorf("sample before its TYPE: %q", line)
		}
	}
	// Buckets are cumulative: a slow observation counts in +Inf only.
	s.metrics.observe("/slow", 200, 2*time.Minute)
	b.Reset()
	_ = s.Metrics().WriteText(&b)
	if !strings.Contains(b.String(), `ozgctl_http_request_duration_seconds_bucket{route="/slow",le="60"} 0`) ||
		!strings.Contains(b.String(), `ozgctl_http_request_duration_seconds_bucket{route="/slow",le="+Inf"} 1`) {
		t.Errorf("slow request bucketed wrongly:\n%s", b.String())
	}
}

func TestProblemError(t *testing.T) {
	p := &Problem{Kind: "busy", Detail: msgBusyD.With(2), Err: errors.New("x")}
	if !strings.Contains(p.Error(), "busy: 2 checks") || !errors.Is(p, p.Err) {
		t.Errorf("%q", p.Error())
	}
}
