package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/serve/api"
)

// sections returns a ConfigSection over the YAML text cfg, as the root
// command gives after reading the file at file.
func sections(t *testing.T, file, cfg string) func(path ...string) (*yaml.Node, string) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(cfg), &doc); err != nil {
		t.Fatal(err)
	}
	return func(path ...string) (*yaml.Node, string) {
		n := doc.Content[0]
	next:
		for _, p := range path {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == p {
					n = n.Content[i+1]
					continue next
				}
			}
			return nil, file
		}
		return n, file
	}
}

func parse(t *testing.T, cfg string, args ...string) (*ServeOptions, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var got *ServeOptions
	f := &cmdutil.Factory{IO: ios, ConfigSection: sections(t, "/etc/ozgctl/ozgctl.yaml", cfg)}
	cmd := NewCmdServe(f, func(o *ServeOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	return got, cmd.Execute()
}

const demoConfig = `
serve:
  schema-sets:
    demo:
      xsd: xsd/demo.xsd
      catalogs: [catalog.xml, /abs/catalog.xml]
      codelists: [codelists]
  profiles:
    xr:
      path: profiles/xrechnung-ubl.yaml
      phase: all
`

func TestNewCmdServe(t *testing.T) {
	o, err := parse(t, demoConfig, "--listen", "127.0.0.1:9000", "--max-body", "1MiB", "--timeout", "5s", "--max-inflight", "3")
	if err != nil {
		t.Fatal(err)
	}
	set := o.SchemaSets["demo"]
	if set.XSD != "/etc/ozgctl/xsd/demo.xsd" || set.Catalogs[0] != "/etc/ozgctl/catalog.xml" || set.Catalogs[1] != "/abs/catalog.xml" || set.CodeLists[0] != "/etc/ozgctl/codelists" {
		t.Errorf("schema set %+v: paths not relative to the config file", set)
	}
	if p := o.Profiles["xr"]; p.Path != "/etc/ozgctl/profiles/xrechnung-ubl.yaml" || p.Phase != "all" {
		t.Errorf("profile %+v", p)
	}
	if o.Listen != "127.0.0.1:9000" || o.MaxBody != "1MiB" || o.Timeout != 5*time.Second || o.MaxInFlight != 3 {
		t.Errorf("flags %+v", o)
	}

	tests := []struct {
		name, cfg string
		args      []string
		want      string
	}{
		{name: "nothing to serve", cfg: "serve:\n  listen: x\n", want: "nothing to serve"},
		{name: "bad max-body", cfg: demoConfig, args: []string{"--max-body", "lots"}, want: "--max-body"},
		{name: "bad log format", cfg: demoConfig, args: []string{"--log-format", "xml"}, want: "--log-format"},
		{name: "negative timeout", cfg: demoConfig, args: []string{"--timeout", "-1s"}, want: "--timeout"},
		{name: "unknown key in entry", cfg: "serve:\n  schema-sets:\n    demo:\n      xsd: a.xsd\n      catalog: c.xml\n", want: `ozgctl.yaml:5: serve.schema-sets.demo: unknown key "catalog"`},
		{name: "path as name", cfg: "serve:\n  profiles:\n    ../x:\n      path: p.yaml\n", want: `ozgctl.yaml:3: serve.profiles: name "../x"`},
		{name: "two sources", cfg: "serve:\n  schema-sets:\n    d:\n      xsd: a.xsd\n      schema-dir: x\n", want: "ozgctl.yaml:4: serve.schema-sets.d: give xsd or schema-dir"},
		{name: "profile without path", cfg: "serve:\n  profiles:\n    p:\n      phase: x\n", want: "serve.profiles.p: give its path"},
		{name: "entry not a mapping", cfg: "serve:\n  profiles:\n    p: p.yaml\n", want: "ozgctl.yaml:3: serve.profiles.p: want a mapping"},
		{name: "wrong type", cfg: "serve:\n  schema-sets:\n    d:\n      xsd: a.xsd\n      catalogs: {a: b}\n", want: "serve.schema-sets.d:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(t, tc.cfg, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestServeRun runs the server as the command does: it listens, compiles,
// becomes ready, asks for the token, and ends cleanly when its context
// ends (SIGTERM in cli.Main).
func TestServeRun(t *testing.T) {
	ex, _ := filepath.Abs("../../../examples")
	tokFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokFile, []byte("t0ken\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, _, stderr := iostreams.Test()
	addr := make(chan string, 1)
	opts := &ServeOptions{IO: ios, Getenv: func(string) string { return "" },
		Listen: "127.0.0.1:0", MaxBody: "1MiB", Timeout: 10 * time.Second, ShutdownTimeout: 5 * time.Second,
		TokenFile: tokFile, LogFormat: "json", Jobs: 1, MaxTextSize: "64MiB", MaxDepth: 256,
		SchemaSets: map[string]api.SchemaSet{"demo": {XSD: filepath.Join(ex, "xoev/xsd/demo.xsd"),
			Catalogs: []string{filepath.Join(ex, "xoev/catalog.xml")}}},
		Listening: func(a string) { addr <- a },
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- serveRun(ctx, opts) }()
	base := "http://" + <-addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready after 30s: %v\n%s", err, stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	msg, _ := os.ReadFile(filepath.Join(ex, "xoev/messages/antrag-gueltig.xml"))
	post := func(tok string) *http.Response {
		req, _ := http.NewRequest("POST", base+"/v1/check?xsd=demo", strings.NewReader(string(msg)))
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := post(""); resp.StatusCode != 401 {
		t.Errorf("without token: %d", resp.StatusCode)
	}
	if resp := post("t0ken"); resp.StatusCode != 200 || resp.Header.Get("Ozgctl-Exit-Code") != "0" {
		t.Errorf("with token: %d %s", resp.StatusCode, resp.Header.Get("Ozgctl-Exit-Code"))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serveRun: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown after 10s")
	}
	if !strings.Contains(stderr.String(), `"msg":"ready"`) || !strings.Contains(stderr.String(), `"status":401`) {
		t.Errorf("log:\n%s", stderr)
	}
}

func TestTokenFile(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty")
	os.WriteFile(empty, []byte("\n"), 0o600)
	for _, tc := range []struct {
		file, env, want, err string
	}{
		{file: "", env: " abc ", want: "abc"},
		{file: "", env: "", want: ""},
		{file: empty, err: "is empty"},
		{file: filepath.Join(t.TempDir(), "missing"), err: "--token-file"},
	} {
		o := &ServeOptions{TokenFile: tc.file, Getenv: func(string) string { return tc.env }}
		got, err := o.token()
		if (err != nil) != (tc.err != "") || (err != nil && !strings.Contains(err.Error(), tc.err)) || got != tc.want {
			t.Errorf("token(%q, %q) = %q, %v", tc.file, tc.env, got, err)
		}
	}
}

// TestDocsYAML: every YAML block of docs/serve.md parses, and its serve
// configuration is accepted as the command reads it.
func TestDocsYAML(t *testing.T) {
	data, err := os.ReadFile("../../../docs/serve.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(data), "```yaml\n")[1:]
	if len(blocks) < 3 {
		t.Fatalf("only %d YAML blocks", len(blocks))
	}
	kinds := map[string]bool{}
	for _, b := range blocks {
		b = b[:strings.Index(b, "```")]
		dec := yaml.NewDecoder(strings.NewReader(b))
		for {
			var doc map[string]any
			if err := dec.Decode(&doc); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("block %.60q: %v", b, err)
			}
			if k, ok := doc["kind"].(string); ok {
				kinds[k] = true
			}
		}
		if strings.HasPrefix(b, "serve:") {
			o, err := parse(t, b)
			if err != nil {
				t.Errorf("serve configuration of docs/serve.md: %v", err)
			} else if len(o.SchemaSets) == 0 || len(o.Profiles) == 0 {
				t.Errorf("serve configuration read as %+v", o)
			}
		}
	}
	// The compose block is the file examples/serve/docker-compose.yml.
	compose, err := os.ReadFile("../../../examples/serve/docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, b := range blocks {
		b = b[:strings.Index(b, "```")]
		if strings.HasPrefix(b, "services:") {
			found = strings.HasSuffix(string(compose), b)
		}
	}
	if !found {
		t.Error("the docker-compose block of docs/serve.md is not the end of examples/serve/docker-compose.yml")
	}
	for _, k := range []string{"Deployment", "Service", "HorizontalPodAutoscaler"} {
		if !kinds[k] {
			t.Errorf("docs/serve.md has no %s", k)
		}
	}
}
