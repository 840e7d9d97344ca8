package api

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/serve"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// SchemaSet is a schema set the operator configured under a name: what a
// request's "xsd" parameter picks.
type SchemaSet struct {
	// XSD is the main schema; SchemaDir a directory whose schemas are
	// picked by each message's root element. Exactly one is set.
	XSD       string
	SchemaDir string
	// Catalogs and Roots as in "ozgctl check --catalog/--schema-root".
	Catalogs []string
	Roots    []string
	// CodeLists are directories of genericode lists checked against.
	CodeLists       []string
	StrictCodeLists bool
}

// Profile is a profile file or directory the operator configured under a
// name: what a request's "profile" parameter picks.
type Profile struct {
	Path  string
	Phase string
}

// Config is what the API offers.
type Config struct {
	SchemaSets map[string]SchemaSet
	Profiles   map[string]Profile
	// RuleTimeout bounds the rules of one message (0: no limit).
	RuleTimeout time.Duration
	// Reading bounds text nodes and nesting of messages (zero: defaults).
	Reading xoev.Limits
	// Jobs is the number of workers one batch request uses (default 1:
	// requests run side by side, each on one core).
	Jobs int
	// Version is the tool version named in reports.
	Version string
	// Notef receives the pipeline builder's notes.
	Notef func(format string, args ...any)
	// SchemaCache keeps compiled schema sets on disk; nil: none.
	SchemaCache *xoev.SchemaCache
}

// namePattern is the form of a configured name: it can never be a path.
var namePattern = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`) }}

// ValidName reports whether name can name a schema set or profile: it
// can never be a path.
func ValidName(name string) bool { return namePattern.Get().MatchString(name) }

// validate checks the names and that each entry names one schema source.
func (c *Config) validate() error {
	for _, n := range slices.Sorted(maps.Keys(c.SchemaSets)) {
		s := c.SchemaSets[n]
		if !namePattern.Get().MatchString(n) {
			return fmt.Errorf("schema set name %q: want letters, digits, '.', '_' and '-'", n)
		}
		if (s.XSD == "") == (s.SchemaDir == "") {
			return fmt.Errorf("schema set %q: give xsd or schema-dir (one of them)", n)
		}
	}
	for _, n := range slices.Sorted(maps.Keys(c.Profiles)) {
		if !namePattern.Get().MatchString(n) {
			return fmt.Errorf("profile name %q: want letters, digits, '.', '_' and '-'", n)
		}
		if c.Profiles[n].Path == "" {
			return fmt.Errorf("profile %q: give its path", n)
		}
	}
	return nil
}

// pipeKey names a pipeline: a schema set, a profile, or both.
type pipeKey struct{ set, profile string }

func (k pipeKey) String() string {
	switch {
	case k.set == "":
		return "profile " + k.profile
	case k.profile == "":
		return "schema set " + k.set
	}
	return "schema set " + k.set + " with profile " + k.profile
}

// pipe is one compiled pipeline, built once.
type pipe struct {
	once sync.Once
	p    *conformance.Pipeline
	err  error
	done atomic.Bool
}

// API holds the configured pipelines and answers the routes.
type API struct {
	cfg   Config
	srv   *serve.Server
	mu    sync.Mutex
	pipes map[pipeKey]*pipe
	ready atomic.Bool
}

// New registers the API's routes on srv. Call [API.Preload] before
// serving, or the readiness probe fails until it has run.
func New(srv *serve.Server, cfg Config) (*API, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if cfg.Jobs <= 0 {
		cfg.Jobs = 1
	}
	a := &API{cfg: cfg, srv: srv, pipes: map[pipeKey]*pipe{}}
	work := serve.Route{Limited: true}
	probe := serve.Route{Public: true}
	srv.Handle("POST /v1/check", work, a.check)
	srv.Handle("POST /v1/fim/lint", work, a.lint)
	srv.Handle("POST /v1/fim/convert", work, a.convert)
	srv.Handle("GET /v1/profiles", serve.Route{}, a.profiles)
	srv.Handle("GET /healthz", probe, a.healthz)
	srv.Handle("GET /readyz", probe, a.readyz)
	srv.Handle("GET /metrics", probe, a.metrics)
	return a, nil
}

// Preload compiles the pipeline of every configured schema set and
// profile; the API is ready when all compiled. The first error is
// returned (the others are kept and reported by GET /v1/profiles).
func (a *API) Preload(ctx context.Context) error {
	var keys []pipeKey
	for _, n := range slices.Sorted(maps.Keys(a.cfg.SchemaSets)) {
		keys = append(keys, pipeKey{set: n})
	}
	for _, n := range slices.Sorted(maps.Keys(a.cfg.Profiles)) {
		keys = append(keys, pipeKey{profile: n})
	}
	var first error
	for _, k := range keys {
		if _, err := a.pipeline(ctx, k); err != nil && first == nil {
			first = err
		}
	}
	if first == nil {
		a.ready.Store(true)
	}
	return first
}

// pipeline returns the compiled pipeline of k, building it on first use.
// Each key has its own once, so a slow build blocks only the requests
// that need it.
func (a *API) pipeline(ctx context.Context, k pipeKey) (*conformance.Pipeline, error) {
	a.mu.Lock()
	p := a.pipes[k]
	if p == nil {
		p = &pipe{}
		a.pipes[k] = p
	}
	a.mu.Unlock()
	p.once.Do(func() {
		// The build outlives the request that started it: others wait
		// for the same build.
		p.p, p.err = conformance.Build(context.WithoutCancel(ctx), a.config(k))
		if p.err != nil {
			p.err = fmt.Errorf("%s: %w", k, p.err)
		}
		p.done.Store(true)
	})
	return p.p, p.err
}

// config is the pipeline configuration of k.
func (a *API) config(k pipeKey) conformance.Config {
	c := conformance.Config{RuleTimeout: a.cfg.RuleTimeout, Reading: a.cfg.Reading, Notef: a.cfg.Notef, Lang: "en",
		Schema: xoev.LoadOptions{Cache: a.cfg.SchemaCache}}
	if s, ok := a.cfg.SchemaSets[k.set]; ok {
		c.XSD, c.SchemaDir = s.XSD, s.SchemaDir
		c.Schema = xoev.LoadOptions{Catalogs: s.Catalogs, Roots: s.Roots, Cache: a.cfg.SchemaCache}
		c.CodeLists, c.StrictCodeLists = s.CodeLists, s.StrictCodeLists
	}
	if p, ok := a.cfg.Profiles[k.profile]; ok {
		c.Profile, c.Phase = p.Path, p.Phase
	}
	return c
}

func (a *API) healthz(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (a *API) readyz(w http.ResponseWriter, r *http.Request) error {
	switch {
	case a.srv.Draining():
		return &serve.Problem{Status: http.StatusServiceUnavailable, Kind: "shutting-down", Title: msgNotReady.With(), Detail: msgDrainingReady.With()}
	case !a.ready.Load():
		return &serve.Problem{Status: http.StatusServiceUnavailable, Kind: "not-ready", Title: msgNotReady.With(), Detail: msgNotReadyD.With()}
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (a *API) metrics(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	return a.srv.Metrics().WriteText(w)
}

// pipelineInfo describes one configured pipeline for GET /v1/profiles.
type pipelineInfo struct {
	Name  string `json:"name"`
	Ready bool   `json:"ready"`
	Error string `json:"error,omitempty"`
}

type profilesAnswer struct {
	SchemaSets []pipelineInfo `json:"schemaSets"`
	Profiles   []pipelineInfo `json:"profiles"`
}

func (a *API) profiles(w http.ResponseWriter, r *http.Request) error {
	ans := profilesAnswer{SchemaSets: []pipelineInfo{}, Profiles: []pipelineInfo{}}
	info := func(k pipeKey, name string) pipelineInfo {
		in := pipelineInfo{Name: name}
		a.mu.Lock()
		p := a.pipes[k]
		a.mu.Unlock()
		if p != nil && p.done.Load() {
			in.Ready = p.err == nil
			if p.err != nil {
				in.Error = p.err.Error()
			}
		}
		return in
	}
	for _, n := range slices.Sorted(maps.Keys(a.cfg.SchemaSets)) {
		ans.SchemaSets = append(ans.SchemaSets, info(pipeKey{set: n}, n))
	}
	for _, n := range slices.Sorted(maps.Keys(a.cfg.Profiles)) {
		ans.Profiles = append(ans.Profiles, info(pipeKey{profile: n}, n))
	}
	return writeJSON(w, http.StatusOK, ans)
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err = w.Write(append(data, '\n'))
	return err
}

// countFindings adds the findings of files to the metrics.
func (a *API) countFindings(files []finding.FileResult) {
	n := map[string]int{}
	for _, f := range files {
		for _, fd := range f.Findings {
			n[fd.Rule]++
		}
	}
	for rule, c := range n {
		a.srv.Metrics().AddFindings(rule, c)
	}
}
