package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/serve"
)

const examples = "../../../examples"

// demoConfig configures the demo schema set of examples/xoev and the demo
// profile.
func demoConfig() Config {
	return Config{
		SchemaSets: map[string]SchemaSet{"demo": {
			XSD:       filepath.Join(examples, "xoev/xsd/demo.xsd"),
			Catalogs:  []string{filepath.Join(examples, "xoev/catalog.xml")},
			CodeLists: []string{filepath.Join(examples, "xoev/codelists")},
		}},
		Profiles: map[string]Profile{"demo": {Path: filepath.Join(examples, "profiles/xoev-demo.yaml")}},
		Version:  "test",
	}
}

func newAPI(t *testing.T, cfg Config, opts serve.Options) (*serve.Server, *API) {
	t.Helper()
	srv := serve.New(opts)
	a, err := New(srv, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv, a
}

func do(t *testing.T, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

type jsonReport struct {
	Files []struct {
		File     string `json:"file"`
		Findings []struct {
			Rule    string `json:"rule"`
			Message string `json:"message"`
		} `json:"findings"`
	} `json:"files"`
	Summary struct {
		Files, Valid, Invalid, Errors int
	} `json:"summary"`
}

func TestReadiness(t *testing.T) {
	srv, a := newAPI(t, demoConfig(), serve.Options{})
	if rec := do(t, srv, "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("healthz before preload: %d", rec.Code)
	}
	if rec := do(t, srv, "GET", "/readyz", nil); rec.Code != 503 {
		t.Errorf("readyz before preload: %d", rec.Code)
	}
	if err := a.Preload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if rec := do(t, srv, "GET", "/readyz", nil); rec.Code != 200 {
		t.Errorf("readyz after preload: %d %s", rec.Code, rec.Body)
	}
	rec := do(t, srv, "GET", "/v1/profiles", nil)
	var ans profilesAnswer
	if err := json.Unmarshal(rec.Body.Bytes(), &ans); err != nil {
		t.Fatal(err)
	}
	if len(ans.SchemaSets) != 1 || !ans.SchemaSets[0].Ready || len(ans.Profiles) != 1 || !ans.Profiles[0].Ready {
		t.Errorf("profiles: %s", rec.Body)
	}
	srv.StartDraining()
	if rec := do(t, srv, "GET", "/readyz", nil); rec.Code != 503 {
		t.Errorf("readyz while draining: %d", rec.Code)
	}
}

func TestPreloadFailureNotReady(t *testing.T) {
	cfg := demoConfig()
	cfg.Profiles["broken"] = Profile{Path: filepath.Join(t.TempDir(), "missing.yaml")}
	srv, a := newAPI(t, cfg, serve.Options{})
	if err := a.Preload(context.Background()); err == nil || !strings.Contains(err.Error(), "profile broken") {
		t.Fatalf("Preload: %v", err)
	}
	if rec := do(t, srv, "GET", "/readyz", nil); rec.Code != 503 {
		t.Errorf("readyz: %d", rec.Code)
	}
	rec := do(t, srv, "GET", "/v1/profiles", nil)
	if !strings.Contains(rec.Body.String(), `"error": "profile broken: `) {
		t.Errorf("profiles: %s", rec.Body)
	}
}

func TestCheck(t *testing.T) {
	srv, a := newAPI(t, demoConfig(), serve.Options{})
	if err := a.Preload(context.Background()); err != nil {
		t.Fatal(err)
	}
	valid := readFile(t, filepath.Join(examples, "xoev/messages/antrag-gueltig.xml"))
	xsdErr := readFile(t, filepath.Join(examples, "xoev/messages/antrag-xsd-fehler.xml"))
	tests := []struct {
		name     string
		target   string
		body     []byte
		status   int
		exit     string
		ctype    string
		contains string
	}{
		{name: "valid message", target: "/v1/check?xsd=demo", body: valid, status: 200, exit: "0", ctype: "application/json", contains: `"valid": 1`},
		{name: "invalid message", target: "/v1/check?xsd=demo&name=a.xml", body: xsdErr, status: 200, exit: "1", contains: `"file": "a.xml"`},
		{name: "profile", target: "/v1/check?profile=demo&output=text&lang=en", body: valid, status: 200, ctype: "text/plain; charset=utf-8"},
		{name: "schema set and profile", target: "/v1/check?xsd=demo&profile=demo&output=sarif", body: xsdErr, status: 200, exit: "1", ctype: "application/sarif+json"},
		{name: "junit", target: "/v1/check?xsd=demo&output=junit", body: valid, status: 200, ctype: "application/xml", contains: "<testsuites"},
		{name: "failOn info", target: "/v1/check?xsd=demo&failOn=info", body: valid, status: 200, exit: "0"},
		{name: "not well-formed is a finding", target: "/v1/check?xsd=demo", body: []byte("<a><b></a>"), status: 200, exit: "1", contains: "xml:not-well-formed"},
		{name: "no pipeline named", target: "/v1/check", body: valid, status: 400, contains: "no-pipeline"},
		{name: "unknown format", target: "/v1/check?xsd=demo&output=pdf", body: valid, status: 400, contains: "bad-output"},
		{name: "unknown parameter", target: "/v1/check?xsd=demo&schema=x", body: valid, status: 400, contains: "problem-bad-parameter"},
		{name: "empty body", target: "/v1/check?xsd=demo", body: nil, status: 400, contains: "empty-body"},
		{name: "bad failOn", target: "/v1/check?xsd=demo&failOn=sometimes", body: valid, status: 400, contains: "bad-fail-on"},
		{name: "GET not allowed", target: "/v1/check?xsd=demo", status: 405},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := "POST"
			if tc.status == 405 {
				method = "GET"
			}
			rec := do(t, srv, method, tc.target, bytes.NewReader(tc.body), "Content-Type", "application/xml")
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if tc.exit != "" && rec.Header().Get(exitCodeHeader) != tc.exit {
				t.Errorf("exit code %q, want %q: %s", rec.Header().Get(exitCodeHeader), tc.exit, rec.Body)
			}
			if tc.ctype != "" && rec.Header().Get("Content-Type") != tc.ctype {
				t.Errorf("Content-Type %q, want %q", rec.Header().Get("Content-Type"), tc.ctype)
			}
			if !strings.Contains(rec.Body.String(), tc.contains) {
				t.Errorf("answer lacks %q:\n%s", tc.contains, rec.Body)
			}
		})
	}
}

// TestNoPathsFromRequests: a request names schema sets and profiles by
// their configured name; a path is refused before anything is read.
func TestNoPathsFromRequests(t *testing.T) {
	srv, _ := newAPI(t, demoConfig(), serve.Options{})
	abs, _ := filepath.Abs(filepath.Join(examples, "xoev/xsd/demo.xsd"))
	absProfile, _ := filepath.Abs(filepath.Join(examples, "profiles/xoev-demo.yaml"))
	for _, q := range []string{
		"xsd=../../../examples/xoev/xsd/demo.xsd",
		"xsd=" + abs,
		"profile=" + absProfile,
		"profile=../demo",
		"profile=demo/../demo",
		"xsd=/etc/passwd",
		"xsd=demo%00",
	} {
		t.Run(q, func(t *testing.T) {
			rec := do(t, srv, "POST", "/v1/check?"+q, strings.NewReader("<a/>"))
			if rec.Code != 400 || !strings.Contains(rec.Body.String(), "problem-unknown-name") {
				t.Errorf("status %d: %s", rec.Code, rec.Body)
			}
		})
	}
	// The report names a client's file by its base name only.
	rec := do(t, srv, "POST", "/v1/check?xsd=demo&name=../../etc/x.xml", strings.NewReader("<a/>"))
	if !strings.Contains(rec.Body.String(), `"file": "x.xml"`) {
		t.Errorf("name not reduced: %s", rec.Body)
	}
}

func TestConfigNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"path as name", Config{SchemaSets: map[string]SchemaSet{"../x": {XSD: "a.xsd"}}}},
		{"slash in profile name", Config{Profiles: map[string]Profile{"a/b": {Path: "p.yaml"}}}},
		{"no source", Config{SchemaSets: map[string]SchemaSet{"a": {}}}},
		{"two sources", Config{SchemaSets: map[string]SchemaSet{"a": {XSD: "a", SchemaDir: "b"}}}},
		{"profile without path", Config{Profiles: map[string]Profile{"a": {}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.cfg.validate(); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestCheckBatch(t *testing.T) {
	srv, _ := newAPI(t, demoConfig(), serve.Options{})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	opt, _ := mw.CreateFormField("options")
	opt.Write([]byte(`{"xsd": "demo", "lang": "en"}`))
	for _, name := range []string{"antrag-xsd-fehler.xml", "antrag-gueltig.xml", "antrag-code-fehler.xml"} {
		fw, _ := mw.CreateFormFile("message", "some/dir/"+name)
		fw.Write(readFile(t, filepath.Join(examples, "xoev/messages", name)))
	}
	mw.Close()
	rec := do(t, srv, "POST", "/v1/check", &body, "Content-Type", mw.FormDataContentType())
	if rec.Code != 200 {
		t.Fatalf("%d: %s", rec.Code, rec.Body)
	}
	var rep jsonReport
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range rep.Files {
		files = append(files, f.File)
	}
	if got := strings.Join(files, " "); got != "antrag-code-fehler.xml antrag-gueltig.xml antrag-xsd-fehler.xml" {
		t.Errorf("files %q", got)
	}
	if rep.Summary.Files != 3 || rep.Summary.Valid != 1 {
		t.Errorf("summary %+v", rep.Summary)
	}
	// The findings were counted by rule.
	m := do(t, srv, "GET", "/metrics", nil).Body.String()
	if !strings.Contains(m, `ozgctl_findings_total{rule="xsd:`) || !strings.Contains(m, `ozgctl_http_requests_total{route="/v1/check",code="200"} 1`) {
		t.Errorf("metrics:\n%s", m)
	}
}

func TestCheckBodyLimit(t *testing.T) {
	srv, _ := newAPI(t, demoConfig(), serve.Options{Limits: serve.Limits{MaxBodyBytes: 100}})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("message", "a.xml")
	fw.Write(bytes.Repeat([]byte("<a/>"), 100))
	mw.Close()
	// Chunked, so that the limit is met while reading the parts.
	req := httptest.NewRequest("POST", "/v1/check?xsd=demo", io.MultiReader(&body))
	req.ContentLength = -1
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Errorf("%d: %s", rec.Code, rec.Body)
	}
}

func TestFIMLint(t *testing.T) {
	srv, _ := newAPI(t, demoConfig(), serve.Options{})
	doc := readFile(t, filepath.Join(examples, "fim/S00000094V1.0_xdf2.xml"))
	rec := do(t, srv, "POST", "/v1/fim/lint?name=S00000094V1.0_xdf2.xml&output=sarif&lang=en", bytes.NewReader(doc))
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/sarif+json" || !strings.Contains(rec.Body.String(), "S00000094V1.0_xdf2.xml") {
		t.Errorf("%d %s: %.300s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if rec := do(t, srv, "POST", "/v1/fim/lint?output=html", bytes.NewReader(doc)); rec.Code != 400 {
		t.Errorf("html: %d", rec.Code)
	}
	rec = do(t, srv, "POST", "/v1/fim/lint", strings.NewReader("<nicht"))
	if rec.Code != 200 || rec.Header().Get(exitCodeHeader) != "1" {
		t.Errorf("broken document: %d %s", rec.Code, rec.Body)
	}
}

func TestFIMConvert(t *testing.T) {
	srv, _ := newAPI(t, demoConfig(), serve.Options{})
	doc := readFile(t, filepath.Join(examples, "fim/S00000094V1.0_xdf2.xml"))
	tests := []struct {
		target, ctype string
		status        int
	}{
		{"/v1/fim/convert?to=jsonschema", "application/json", 200},
		{"/v1/fim/convert?to=openapi", "application/json", 200},
		{"/v1/fim/convert?to=xsd", "application/xml", 200},
		{"/v1/fim/convert?to=typescript", "text/plain; charset=utf-8", 200},
		{"/v1/fim/convert", "application/problem+json", 400},
		{"/v1/fim/convert?to=cobol", "application/problem+json", 400},
		{"/v1/fim/convert?to=go&package=no-ident", "application/problem+json", 400},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			rec := do(t, srv, "POST", tc.target, bytes.NewReader(doc))
			if rec.Code != tc.status || rec.Header().Get("Content-Type") != tc.ctype {
				t.Errorf("%d %s: %.300s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
		})
	}
	rec := do(t, srv, "POST", "/v1/fim/convert?to=jsonschema&lang=en", strings.NewReader("<nicht"))
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "not a readable XDatenfelder document") {
		t.Errorf("%d: %s", rec.Code, rec.Body)
	}
}
