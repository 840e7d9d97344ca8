package serve

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// Limits bound what one request may cost.
type Limits struct {
	// MaxBodyBytes is the largest request body; 0 means no limit.
	MaxBodyBytes int64
	// Timeout bounds the time a request may take, from its arrival to its
	// answer; 0 means no limit.
	Timeout time.Duration
	// MaxInFlight is the number of requests of limited routes that may run
	// at once; a further one gets 429 with Retry-After. 0 means no limit.
	MaxInFlight int
	// RetryAfter is the Retry-After of a 429, in seconds (default 1).
	RetryAfter int
}

// Options configure a [Server].
type Options struct {
	Limits Limits
	// Token, if not empty, is the bearer token every route but the public
	// ones requires.
	Token string
	// Log receives one line per request and the errors of handlers; nil
	// discards them.
	Log *slog.Logger
	// DrainDelay is how long a shutting-down server keeps accepting
	// connections, answering limited routes and the readiness probe with
	// 503, before it closes its listener: the time a load balancer needs
	// to see the failing probe and send traffic elsewhere.
	DrainDelay time.Duration
}

// Route says how a route is guarded.
type Route struct {
	// Public routes need no token (health probes, metrics scrapes).
	Public bool
	// Limited routes count toward [Limits.MaxInFlight] and get the body
	// limit and the timeout; the others are cheap and always answered.
	Limited bool
}

// HandlerFunc answers a request. A returned error that is a [*Problem] is
// answered as such; any other error as a 500 problem. The handler must not
// have written anything when it returns an error.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Server is an http.Handler with ozgctl's guards around every route.
type Server struct {
	opts     Options
	mux      *http.ServeMux
	patterns []string
	// methods lists the methods registered for each path, for 405 answers.
	methods  map[string][]string
	metrics  *Metrics
	slots    chan struct{}
	tokenSum [32]byte
	draining atomic.Bool
}

// New returns a server without routes but the fallback that answers
// unknown paths with a 404 problem.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Limits.RetryAfter <= 0 {
		opts.Limits.RetryAfter = 1
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), metrics: newMetrics(), methods: map[string][]string{}}
	if opts.Limits.MaxInFlight > 0 {
		s.slots = make(chan struct{}, opts.Limits.MaxInFlight)
	}
	if opts.Token != "" {
		s.tokenSum = sha256.Sum256([]byte(opts.Token))
	}
	s.mux.Handle("/", s.wrap("/", Route{Public: true}, func(w http.ResponseWriter, r *http.Request) error {
		if methods := s.methods[r.URL.Path]; len(methods) > 0 {
			allow := strings.Join(slices.Sorted(slices.Values(methods)), ", ")
			w.Header().Set("Allow", allow)
			return &Problem{Status: http.StatusMethodNotAllowed, Kind: "method-not-allowed", Title: msgMethod.With(), Detail: msgMethodD.With(r.URL.Path, r.Method, allow)}
		}
		return &Problem{Status: http.StatusNotFound, Kind: "not-found", Title: msgNotFound.With(), Detail: msgNotFoundD.With(r.Method + " " + r.URL.Path)}
	}))
	return s
}

// Metrics returns the server's metrics, for handlers that count findings.
func (s *Server) Metrics() *Metrics { return s.metrics }

// Handle registers h under pattern, a Go 1.22 ServeMux pattern with a
// method ("POST /v1/check").
func (s *Server) Handle(pattern string, rt Route, h HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	if method, path, ok := strings.Cut(pattern, " "); ok {
		s.methods[path] = append(s.methods[path], method)
	}
	s.mux.Handle(pattern, s.wrap(pattern, rt, h))
}

// Patterns returns the registered patterns, sorted, for tests that hold
// them against the API's description.
func (s *Server) Patterns() []string {
	return slices.Sorted(slices.Values(s.patterns))
}

// Draining reports whether the server is shutting down.
func (s *Server) Draining() bool { return s.draining.Load() }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

// wrap puts the guards around h: metrics, draining, token, concurrency,
// body limit, timeout, and the translation of errors into problems.
func (s *Server) wrap(pattern string, rt Route, h HandlerFunc) http.Handler {
	route := pattern
	if _, path, ok := strings.Cut(pattern, " "); ok {
		route = path
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		s.metrics.inFlight.Add(1)
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			s.metrics.inFlight.Add(-1)
			s.metrics.observe(route, sw.code, time.Since(start))
			s.opts.Log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.code, "duration", time.Since(start))
		}()
		err := s.guard(sw, r, rt, h)
		if err == nil {
			return
		}
		var p *Problem
		if !errors.As(err, &p) {
			s.opts.Log.Error("handler", "path", r.URL.Path, "error", err)
			p = &Problem{Status: http.StatusInternalServerError, Kind: "internal", Title: msgInternal.With(), Detail: msgInternalD.With(), Err: err}
		}
		if sw.code != 0 {
			// The answer has begun; a problem cannot follow it.
			s.opts.Log.Error("handler failed after answering", "path", r.URL.Path, "error", err)
			return
		}
		writeProblem(sw, r, p)
	})
}

func (s *Server) guard(w http.ResponseWriter, r *http.Request, rt Route, h HandlerFunc) (err error) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	if !rt.Public && s.opts.Token != "" && !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="ozgctl"`)
		return &Problem{Status: http.StatusUnauthorized, Kind: "unauthorized", Title: msgUnauthorized.With(), Detail: msgUnauthorizedD.With()}
	}
	if !rt.Limited {
		return h(w, r)
	}
	if s.draining.Load() {
		w.Header().Set("Connection", "close")
		return &Problem{Status: http.StatusServiceUnavailable, Kind: "shutting-down", Title: msgDraining.With(), Detail: msgDrainingD.With(), RetryAfter: s.opts.Limits.RetryAfter}
	}
	if s.slots != nil {
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		default:
			return &Problem{Status: http.StatusTooManyRequests, Kind: "busy", Title: msgBusy.With(), Detail: msgBusyD.With(cap(s.slots)), RetryAfter: s.opts.Limits.RetryAfter}
		}
	}
	if n := s.opts.Limits.MaxBodyBytes; n > 0 {
		if r.ContentLength > n {
			return s.tooLarge()
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
	}
	if d := s.opts.Limits.Timeout; d > 0 {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		r = r.WithContext(ctx)
	}
	err = h(w, r)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return s.tooLarge()
	case err != nil && errors.Is(r.Context().Err(), context.DeadlineExceeded):
		return &Problem{Status: http.StatusServiceUnavailable, Kind: "timeout", Title: msgTimeout.With(), Detail: msgTimeoutD.With(s.opts.Limits.Timeout.String()), Err: err}
	}
	return err
}

func (s *Server) tooLarge() error {
	return &Problem{Status: http.StatusRequestEntityTooLarge, Kind: "body-too-large", Title: msgTooLarge.With(), Detail: msgTooLargeD.With(s.opts.Limits.MaxBodyBytes)}
}

// authorized compares the bearer token in constant time (of the hashes,
// so that not even the token's length leaks).
func (s *Server) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(got[:], s.tokenSum[:]) == 1
}

// Serve answers requests on ln until ctx ends, then shuts down
// gracefully: from then on limited routes answer 503 (and readiness
// probes should fail, see [Server.Draining]); after [Options.DrainDelay]
// the listener closes, requests in flight finish, and after at most grace
// the remaining connections are closed.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.opts.Log.Handler(), slog.LevelWarn),
	}
	if t := s.opts.Limits.Timeout; t > 0 {
		// Reading the body counts toward the request's time; the
		// handler's own deadline ends its work.
		hs.ReadTimeout = t + 10*time.Second
		hs.WriteTimeout = t + 10*time.Second
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	if d := s.opts.DrainDelay; d > 0 {
		select {
		case <-time.After(d):
		case err := <-errc:
			return fmt.Errorf("serve: %w", err)
		}
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		hs.Close()
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// StartDraining makes limited routes answer 503 from now on, as
// [Server.Serve] does when its context ends.
func (s *Server) StartDraining() { s.draining.Store(true) }
