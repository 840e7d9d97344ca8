package batch

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ozgctl/ozgctl/internal/stack"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Message is what the stages of one input share.
type Message struct {
	Input Input
	// Identity is filled by the identification stage; nil before it or
	// when the message could not be identified.
	Identity *finding.Identity
	// WellFormed is false once a stage found the message not well-formed
	// or beyond a reading limit (xml:limit); stages that need a parsed
	// document skip it then.
	WellFormed bool

	// The first few values sit in slots, the rest in a map: a run
	// stores one or two per message, and a map costs allocations.
	slots  [4]keyValue
	values map[any]any
	done   []func()
	// buf is the pooled buffer preload read the message into.
	buf *[]byte
}

type keyValue struct{ key, value any }

// OnDone registers f to run once the message's last stage has finished,
// e.g. to release memory a stage reserved for a tree it keeps on the message.
func (m *Message) OnDone(f func()) { m.done = append(m.done, f) }

// Key names a value of type T that one stage leaves on a [Message] for the
// stages after it (the schema set chosen, the parsed tree, the profile
// picked). The package that declares a Key owns its value; keys are
// compared by identity, so two packages never collide.
type Key[T any] struct{ name string }

// NewKey returns a new key; name only helps debugging.
func NewKey[T any](name string) *Key[T] { return &Key[T]{name: name} }

// String returns the key's name.
func (k *Key[T]) String() string { return k.name }

// Get returns the value stored under k, and whether there is one.
func (k *Key[T]) Get(m *Message) (T, bool) {
	for _, s := range m.slots {
		if s.key == any(k) {
			v, ok := s.value.(T)
			return v, ok
		}
	}
	v, ok := m.values[k].(T)
	return v, ok
}

// Set stores v under k.
func (k *Key[T]) Set(m *Message, v T) {
	for i := range m.slots {
		if s := &m.slots[i]; s.key == any(k) || s.key == nil {
			s.key, s.value = k, v
			return
		}
	}
	if m.values == nil {
		m.values = map[any]any{}
	}
	m.values[k] = v
}

// Stage is one step of checking a message. Check adds findings (and, if
// it ran, its engine name) to res. It returns an error only when it could
// not check at all (an unreadable input, a missing schema for the
// message); the runner records that as the file's input error and skips
// the remaining stages. Implementations must be safe for concurrent use.
type Stage interface {
	// Name is a short id used in debug output, e.g. "xsd" or "schematron".
	Name() string
	Check(ctx context.Context, msg *Message, res *finding.FileResult) error
}

// RuleSource is implemented by stages that can document the rules their
// findings use; reporters that list rules (SARIF, JUnit) get them through
// [CollectRules].
type RuleSource interface {
	Rules() []finding.RuleInfo
}

// CollectRules gathers the documented rules of the stages, first
// definition of an id wins, sorted by id.
func CollectRules(stages []Stage, base ...finding.RuleInfo) []finding.RuleInfo {
	seen := map[string]bool{}
	var out []finding.RuleInfo
	add := func(rs []finding.RuleInfo) {
		for _, r := range rs {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
	}
	add(base)
	for _, st := range stages {
		if rs, ok := st.(RuleSource); ok {
			add(rs.Rules())
		}
	}
	slices.SortFunc(out, func(a, b finding.RuleInfo) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// StageFunc adapts a function to [Stage].
type StageFunc struct {
	ID string
	Fn func(ctx context.Context, msg *Message, res *finding.FileResult) error
}

// Name implements [Stage].
func (s StageFunc) Name() string { return s.ID }

// Check implements [Stage].
func (s StageFunc) Check(ctx context.Context, msg *Message, res *finding.FileResult) error {
	return s.Fn(ctx, msg, res)
}

// Options configure [Run].
type Options struct {
	// Workers is the number of parallel workers; 0 means GOMAXPROCS.
	Workers int
	// Progress, if set, is called after each input with the number done
	// and the total; calls come from several goroutines.
	Progress func(done, total int)
}

// Run checks every input with the stages, in parallel, and returns one
// result per input in input order. The output never depends on the number
// of workers: each worker writes only its own slot. Once ctx is cancelled
// no further input is started, and every input not finished before that
// carries [finding.ErrInterrupted] instead of findings.
func Run(ctx context.Context, inputs []Input, stages []Stage, opts Options) []finding.FileResult {
	results := make([]finding.FileResult, len(inputs))
	var done atomic.Int64
	Each(ctx, len(inputs), opts.Workers, func(i int) {
		results[i] = CheckOne(ctx, inputs[i], stages)
		if ctx.Err() != nil {
			// Cut short, or finished by stages that saw the
			// cancellation: either way not a verdict.
			results[i] = notChecked(inputs[i])
		}
		if opts.Progress != nil {
			opts.Progress(int(done.Add(1)), len(inputs))
		}
	})
	for i := range results {
		if results[i].File == "" {
			results[i] = notChecked(inputs[i])
		}
	}
	return results
}

// Each calls fn(i) for every i below n on workers goroutines (0 means
// GOMAXPROCS; never more than n) and returns when every call has returned.
// Once ctx is done no further index is handed out, so some calls may not
// happen. fn writes only what belongs to index i.
func Each(ctx context.Context, n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Workers take the next index from a counter: no channel hand-off
	// (and goroutine wake-up) per message.
	var next atomic.Int64
	work := func() {
		for ctx.Err() == nil {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			fn(i)
		}
	}
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stack.Grow() // once, not a doubling at a time deep in a check
			work()
		}()
	}
	work() // the calling goroutine is one of the workers
	wg.Wait()
}

// notChecked is the result of an input that a cancelled run did not finish.
func notChecked(in Input) finding.FileResult {
	return finding.FileResult{File: in.Name, Err: &finding.InputError{File: in.Name, Err: finding.ErrInterrupted}}
}

// CheckOne runs the stages over one input. A panic in a stage is recovered
// into the file's input error, so one bad input never ends the run.
func CheckOne(ctx context.Context, in Input, stages []Stage) (res finding.FileResult) {
	res.File = in.Name
	// Read a message once, not once per stage (and again to annotate).
	msg := &Message{WellFormed: true}
	msg.Input, msg.buf = in.preload()
	start := time.Now()
	defer func() {
		res.Duration = time.Since(start)
		for _, f := range msg.done {
			f()
		}
		releasePreloaded(msg.buf)
		msg.slots, msg.values = [4]keyValue{}, nil
		if r := recover(); r != nil {
			res.Err = &finding.InputError{File: in.Name, Err: fmt.Errorf("internal error, please report: %v\n%s", r, debug.Stack())}
		}
		res.Identity = msg.Identity
		res.Findings = finding.Normalize(res.Findings)
		for i := range res.Findings {
			if res.Findings[i].File == in.Name {
				res.Findings[i].File = ""
			}
		}
	}()
	for _, st := range stages {
		if err := ctx.Err(); err != nil {
			res.Err = &finding.InputError{File: in.Name, Err: err}
			return res
		}
		if err := st.Check(ctx, msg, &res); err != nil {
			res.Err = &finding.InputError{File: in.Name, Err: err}
			return res
		}
	}
	return res
}
