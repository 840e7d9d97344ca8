// Package serve implements "ozgctl serve": the checks as an HTTP service.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/xmllimit"
	"github.com/ozgctl/ozgctl/pkg/serve"
	"github.com/ozgctl/ozgctl/pkg/serve/api"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// tokenEnv is the environment variable that holds the bearer token when
// no --token-file is given.
const tokenEnv = "OZGCTL_SERVE_TOKEN"

// ServeOptions are the parsed flags and config sections of "ozgctl serve".
type ServeOptions struct {
	IO     *iostreams.IOStreams
	Build  cmdutil.BuildInfo
	Getenv func(string) string

	Listen          string
	MaxBody         string
	Timeout         time.Duration
	MaxInFlight     int
	ShutdownTimeout time.Duration
	DrainDelay      time.Duration
	// TokenFile holds the bearer token; without it the token is read from
	// $OZGCTL_SERVE_TOKEN, and without that no token is required.
	TokenFile string
	LogFormat string

	Jobs        int
	RuleTimeout time.Duration
	MaxTextSize string
	MaxDepth    int
	// NoCache turns the compiled-schema cache off (--no-cache).
	NoCache bool

	// SchemaSets and Profiles come from the serve section of ozgctl.yaml,
	// paths resolved against the config file's directory.
	SchemaSets map[string]api.SchemaSet
	Profiles   map[string]api.Profile

	// Listening, if set, is told the address the server listens on.
	Listening func(addr string)
}

const long = `Serve the checks as an HTTP API: POST /v1/check, POST /v1/fim/lint,
POST /v1/fim/convert, GET /v1/profiles, GET /healthz, GET /readyz and
GET /metrics (Prometheus text format). schemas/serve.openapi.yaml
describes the API, docs/serve.md its configuration and deployment.

Schema sets and profiles are configured by name in the serve section of
ozgctl.yaml (paths relative to that file) and compiled at start-up; a
request picks them by name (?xsd=NAME, ?profile=NAME), never by path.
GET /readyz answers 200 once every configured pipeline compiled.

  serve:
    listen: ":8080"
    schema-sets:
      demo:
        xsd: examples/xoev/xsd/demo.xsd
        catalogs: [examples/xoev/catalog.xml]
        codelists: [examples/xoev/codelists]
    profiles:
      xrechnung-ubl:
        path: examples/profiles/xrechnung-ubl.yaml

Limits: --max-body per request (413), --timeout per request (503),
--max-inflight checks at once (429 with Retry-After). On SIGTERM or
SIGINT the server answers new requests with 503 for --drain-delay, lets
requests in flight finish (at most --shutdown-timeout) and exits 0.

With --token-file FILE or $OZGCTL_SERVE_TOKEN set, every route but
/healthz, /readyz and /metrics needs "Authorization: Bearer TOKEN".`

const example = `  # serve the schema sets and profiles of ./ozgctl.yaml on port 8080
  ozgctl serve

  # check a message against the configured schema set "demo"
  curl --data-binary @examples/xoev/messages/antrag-gueltig.xml 'http://localhost:8080/v1/check?xsd=demo&output=text'`

// NewCmdServe builds the serve command.
func NewCmdServe(f *cmdutil.Factory, runF func(*ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{IO: f.IO, Build: f.Build, Getenv: os.Getenv}
	cmd := &cobra.Command{
		Use:     "serve [flags]",
		Short:   "serve the checks as an HTTP API",
		Long:    long,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.ConfigSection != nil {
				if err := opts.readSections(f.ConfigSection); err != nil {
					return err
				}
			}
			if len(opts.SchemaSets)+len(opts.Profiles) == 0 {
				return cmdutil.FlagErrorf("nothing to serve: configure schema sets or profiles in the serve section of ozgctl.yaml (see ozgctl serve --help)")
			}
			if _, err := xmllimit.ParseSize(opts.MaxBody); err != nil {
				return cmdutil.FlagErrorf("--max-body: %v", err)
			}
			if _, err := opts.limits(); err != nil {
				return cmdutil.FlagErrorf("%v", err)
			}
			for name, d := range map[string]time.Duration{"timeout": opts.Timeout, "shutdown-timeout": opts.ShutdownTimeout, "drain-delay": opts.DrainDelay, "rule-timeout": opts.RuleTimeout} {
				if d < 0 {
					return cmdutil.FlagErrorf("--%s %s: want a positive duration, or 0 for no limit", name, d)
				}
			}
			if opts.MaxInFlight < 0 || opts.Jobs < 0 {
				return cmdutil.FlagErrorf("--max-inflight and --jobs: want a positive number, or 0 for the default")
			}
			if opts.LogFormat != "text" && opts.LogFormat != "json" {
				return cmdutil.FlagErrorf("--log-format %q: want text or json", opts.LogFormat)
			}
			if runF != nil {
				return runF(opts)
			}
			return serveRun(cmd.Context(), opts)
		},
	}
	cmdutil.SetConfigSections(cmd, "schema-sets", "profiles")
	cmdutil.SetSignalEndsNormally(cmd)
	fl := cmd.Flags()
	fl.StringVar(&opts.Listen, "listen", ":8080", "`ADDRESS` to listen on, host:port")
	fl.StringVar(&opts.MaxBody, "max-body", "32MiB", "largest request body, e.g. 100MiB; 0 for no limit")
	fl.DurationVar(&opts.Timeout, "timeout", time.Minute, "time one request may take; 0 for no limit")
	fl.IntVar(&opts.MaxInFlight, "max-inflight", 0, "checks answered at once, more get 429 (default: 2 × number of CPUs)")
	fl.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", 30*time.Second, "time requests in flight get to finish on SIGTERM")
	fl.DurationVar(&opts.DrainDelay, "drain-delay", 0, "time to keep answering 503 on SIGTERM before the listener closes (let the load balancer notice)")
	fl.StringVar(&opts.TokenFile, "token-file", "", "`FILE` holding the bearer token requests must send (default: $"+tokenEnv+", none if unset)")
	fl.StringVar(&opts.LogFormat, "log-format", "text", "request log on stderr: text or json")
	fl.IntVarP(&opts.Jobs, "jobs", "j", 1, "workers per batch request")
	fl.DurationVar(&opts.RuleTimeout, "rule-timeout", cmdutil.DefaultRuleTimeout, "time the Schematron and profile rules may take on one message; 0 for no limit")
	fl.StringVar(&opts.MaxTextSize, "max-text-size", xmllimit.FormatSizeFlag(xoev.DefaultMaxTextSize), "largest text node or attribute value a message may hold; 0 for no limit")
	fl.IntVar(&opts.MaxDepth, "max-depth", xoev.DefaultMaxDepth, "deepest element nesting a message may hold; 0 for no limit")
	cmdutil.AddNoCacheFlag(cmd, &opts.NoCache)
	return cmd
}

// limits returns the reading limits of --max-text-size and --max-depth.
func (opts *ServeOptions) limits() (xoev.Limits, error) {
	return cmdutil.ReadingLimits(opts.MaxTextSize, opts.MaxDepth)
}

// sectionError is a problem in the serve section of the config file.
type sectionError struct {
	file string
	line int
	msg  string
}

func (e *sectionError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

// readSections reads serve.schema-sets and serve.profiles: each a mapping
// of names to entries whose keys are checked, paths made relative to the
// config file.
func (opts *ServeOptions) readSections(section func(path ...string) (*yaml.Node, string)) error {
	sets, file := section("serve", "schema-sets")
	profiles, _ := section("serve", "profiles")
	dir := filepath.Dir(file)
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	absAll := func(ps []string) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = abs(p)
		}
		return out
	}
	if sets != nil {
		opts.SchemaSets = map[string]api.SchemaSet{}
		err := entries(sets, file, "serve.schema-sets", []string{"xsd", "schema-dir", "catalogs", "schema-roots", "codelists", "strict-codelists"}, func(name string, n *yaml.Node) error {
			var e struct {
				XSD             string   `yaml:"xsd"`
				SchemaDir       string   `yaml:"schema-dir"`
				Catalogs        []string `yaml:"catalogs"`
				Roots           []string `yaml:"schema-roots"`
				CodeLists       []string `yaml:"codelists"`
				StrictCodeLists bool     `yaml:"strict-codelists"`
			}
			if err := n.Decode(&e); err != nil {
				return err
			}
			if (e.XSD == "") == (e.SchemaDir == "") {
				return &sectionError{file, n.Line, fmt.Sprintf("serve.schema-sets.%s: give xsd or schema-dir (one of them)", name)}
			}
			opts.SchemaSets[name] = api.SchemaSet{XSD: abs(e.XSD), SchemaDir: abs(e.SchemaDir), Catalogs: absAll(e.Catalogs),
				Roots: absAll(e.Roots), CodeLists: absAll(e.CodeLists), StrictCodeLists: e.StrictCodeLists}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if profiles != nil {
		opts.Profiles = map[string]api.Profile{}
		err := entries(profiles, file, "serve.profiles", []string{"path", "phase"}, func(name string, n *yaml.Node) error {
			var e struct {
				Path  string `yaml:"path"`
				Phase string `yaml:"phase"`
			}
			if err := n.Decode(&e); err != nil {
				return err
			}
			if e.Path == "" {
				return &sectionError{file, n.Line, fmt.Sprintf("serve.profiles.%s: give its path", name)}
			}
			opts.Profiles[name] = api.Profile{Path: abs(e.Path), Phase: e.Phase}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// entries walks a mapping of names to entries, checking each name and
// each entry's keys against keys, and hands the entries to fn.
func entries(m *yaml.Node, file, scope string, keys []string, fn func(name string, n *yaml.Node) error) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !api.ValidName(k.Value) {
			return &sectionError{file, k.Line, fmt.Sprintf("%s: name %q: want letters, digits, '.', '_' and '-' (requests pick it by this name)", scope, k.Value)}
		}
		if v.Kind != yaml.MappingNode {
			return &sectionError{file, v.Line, fmt.Sprintf("%s.%s: want a mapping with the keys %s", scope, k.Value, strings.Join(keys, ", "))}
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			if key := v.Content[j]; !slices.Contains(keys, key.Value) {
				return &sectionError{file, key.Line, fmt.Sprintf("%s.%s: unknown key %q (valid: %s)", scope, k.Value, key.Value, strings.Join(keys, ", "))}
			}
		}
		if err := fn(k.Value, v); err != nil {
			var se *sectionError
			if !errors.As(err, &se) {
				return &sectionError{file, v.Line, fmt.Sprintf("%s.%s: %v", scope, k.Value, err)}
			}
			return err
		}
	}
	return nil
}

// token returns the bearer token of --token-file or $OZGCTL_SERVE_TOKEN.
func (opts *ServeOptions) token() (string, error) {
	if opts.TokenFile != "" {
		data, err := os.ReadFile(opts.TokenFile)
		if err != nil {
			return "", fmt.Errorf("--token-file: %w", err)
		}
		tok := strings.TrimSpace(string(data))
		if tok == "" {
			return "", fmt.Errorf("--token-file %s: the file is empty", opts.TokenFile)
		}
		return tok, nil
	}
	return strings.TrimSpace(opts.Getenv(tokenEnv)), nil
}

func serveRun(ctx context.Context, opts *ServeOptions) error {
	tok, err := opts.token()
	if err != nil {
		return err
	}
	maxBody, _ := xmllimit.ParseSize(opts.MaxBody)
	if maxBody < 0 {
		maxBody = 0
	}
	reading, _ := opts.limits()
	inflight := opts.MaxInFlight
	if inflight == 0 {
		inflight = 2 * runtime.GOMAXPROCS(0)
	}
	level := slog.LevelInfo
	if opts.IO.Quiet() {
		level = slog.LevelWarn
	}
	var h slog.Handler = slog.NewTextHandler(opts.IO.ErrOut, &slog.HandlerOptions{Level: level})
	if opts.LogFormat == "json" {
		h = slog.NewJSONHandler(opts.IO.ErrOut, &slog.HandlerOptions{Level: level})
	}
	log := slog.New(h)
	srv := serve.New(serve.Options{
		Limits:     serve.Limits{MaxBodyBytes: maxBody, Timeout: opts.Timeout, MaxInFlight: inflight},
		Token:      tok,
		Log:        log,
		DrainDelay: opts.DrainDelay,
	})
	a, err := api.New(srv, api.Config{SchemaSets: opts.SchemaSets, Profiles: opts.Profiles, RuleTimeout: opts.RuleTimeout,
		Reading: reading, Jobs: opts.Jobs, Version: opts.Build.Version, SchemaCache: cmdutil.SchemaCache(opts.NoCache),
		Notef: func(format string, args ...any) { log.Warn(fmt.Sprintf(format, args...)) }})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Listen)
	if err != nil {
		return fmt.Errorf("--listen: %w", err)
	}
	log.Info("listening", "address", ln.Addr().String(), "schema-sets", slices.Sorted(maps.Keys(opts.SchemaSets)),
		"profiles", slices.Sorted(maps.Keys(opts.Profiles)), "auth", tok != "")
	if opts.Listening != nil {
		opts.Listening(ln.Addr().String())
	}
	// Compile while already answering probes: /healthz is up, /readyz
	// says 503 until every pipeline compiled.
	go func() {
		start := time.Now()
		if err := a.Preload(ctx); err != nil {
			log.Error("not ready: a configured pipeline does not load", "error", cmdutil.PathErr(err))
			return
		}
		log.Info("ready", "compiled-in", time.Since(start).Round(time.Millisecond))
	}()
	err = srv.Serve(ctx, ln, opts.ShutdownTimeout)
	log.Info("stopped")
	return err
}
