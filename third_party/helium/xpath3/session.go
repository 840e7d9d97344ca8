package xpath3

import (
	"context"

	"github.com/lestrrat-go/helium"
	ixpath "github.com/lestrrat-go/helium/internal/xpath"
)

// Session evaluates many expressions, one after another or nested (a
// VariableResolver or a Function may call Evaluate again), for one
// goroutine — typically all the expressions a validator runs on one
// document. It gives the same results as Evaluator.Evaluate, but:
//
//   - the evaluation contexts are built from the Evaluator's configuration
//     once and reused: a finished evaluation returns its context to the
//     session, unless its result holds a function item, map or array (which
//     may have captured it) or it failed;
//   - the current time is read on the first use of fn:current-dateTime,
//     fn:current-date or fn:current-time and is then the same for every
//     evaluation of the session (unless the Evaluator fixes it);
//   - without a DocOrderCache on the Evaluator, the session's evaluations
//     share one.
//
// A Session is not safe for concurrent use.
type Session struct {
	tmpl  evalContext
	clock evalClock
	order ixpath.DocOrderCache
	free  []*evalFrame
}

// NewSession returns a Session evaluating with e's configuration.
func (e Evaluator) NewSession() *Session {
	s := &Session{}
	e.fillEvalCtx(&s.tmpl, nil)
	if s.tmpl.clock == nil {
		s.tmpl.clock = &s.clock
	}
	if s.tmpl.docOrder == nil {
		s.tmpl.docOrder = &s.order
	}
	// The configured variables' scope (tmpl.vars) is never written: the
	// evaluations put their own scopes on top of it.
	return s
}

// Evaluate evaluates the compiled expression against the given context
// node, as Evaluator.Evaluate does. ctx is used for cancellation and
// deadlines only.
func (s *Session) Evaluate(ctx context.Context, expr *Expression, node helium.Node) (*Result, error) {
	if err := expr.requireCompiledProgram(); err != nil {
		return nil, err
	}
	f := s.get(node)
	ec := &f.ec
	if err := expr.prefixPlan.Validate(ec.namespaces, ec.strictPrefixes, ec.schemaDeclarations); err != nil {
		s.put(f)
		return nil, err
	}
	seq, err := expr.evaluate(ctx, ec)
	if err != nil {
		// An error value may hold items that captured the context.
		return nil, err
	}
	if !holdsFunctions(seq) {
		s.put(f)
	}
	return &Result{seq: seq}, nil
}

func (s *Session) get(node helium.Node) *evalFrame {
	var f *evalFrame
	if n := len(s.free); n > 0 {
		f = s.free[n-1]
		s.free[n-1] = nil
		s.free = s.free[:n-1]
	} else {
		f = &evalFrame{}
	}
	f.ec = s.tmpl
	f.sh = evalShared{}
	if f.ec.contextItem == nil {
		f.ec.node = node
	}
	f.ec.shared = &f.sh
	f.ec.opCount = &f.sh.opCount
	return f
}

func (s *Session) put(f *evalFrame) {
	f.ec = evalContext{} // drop references to the document and values
	s.free = append(s.free, f)
}

// holdsFunctions reports whether seq holds an item other than a node or an
// atomic value: a function item, map or array, whose closure may refer to
// the evaluation context.
func holdsFunctions(seq Sequence) bool {
	if is, ok := seq.(ItemSlice); ok {
		for _, it := range is {
			if !plainItem(it) {
				return true
			}
		}
		return false
	}
	for i := range seqLen(seq) {
		if !plainItem(seq.Get(i)) {
			return true
		}
	}
	return false
}

func plainItem(it Item) bool {
	switch it.(type) {
	case NodeItem, AtomicValue:
		return true
	}
	return false
}
