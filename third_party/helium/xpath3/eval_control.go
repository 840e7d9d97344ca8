package xpath3

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/lestrrat-go/helium/internal/lazy"
	"github.com/lestrrat-go/helium/internal/lexicon"
)

var (
	maxArrayIndex = lazy.Value[*big.Int]{F: func() *big.Int { return big.NewInt(int64(^uint(0) >> 1)) }}
	minArrayIndex = lazy.Value[*big.Int]{F: func() *big.Int { return big.NewInt(-int64(^uint(0)>>1) - 1) }}
)

func checkedArrayIndex(a AtomicValue) (int, error) {
	switch v := a.Value.(type) {
	case int64:
		return int(v), nil
	case *big.Int:
		if v.Cmp(minArrayIndex.Get()) < 0 || v.Cmp(maxArrayIndex.Get()) > 0 {
			return 0, &XPathError{Code: errCodeFOAY0001, Message: "array index out of range"}
		}
		return int(v.Int64()), nil
	default:
		return 0, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("array lookup key must be xs:integer, got %s", a.TypeName)}
	}
}

func evalLookupExpr(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e LookupExpr) (Sequence, error) {
	base, err := evalFn(ctx, ec, e.Expr)
	if err != nil {
		return nil, err
	}
	var result ItemSlice
	for item := range seqItems(base) {
		r, err := lookupItem(evalFn, ctx, ec, item, e.Key, e.All)
		if err != nil {
			return nil, err
		}
		// lookupItem already bounds its internal accumulation; bound the
		// cross-item concatenation here too so the running total is enforced.
		result, err = appendBounded(result, seqMaterialize(r), ec.maxNodes)
		if err != nil {
			return nil, err
		}
	}
	return result, nil
}

func evalUnaryLookupExpr(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e UnaryLookupExpr) (Sequence, error) {
	if ec.contextItem != nil {
		return lookupItem(evalFn, ctx, ec, ec.contextItem, e.Key, e.All)
	}
	if ec.node == nil {
		return nil, &XPathError{Code: errCodeXPDY0002, Message: errMsgContextItemAbsent}
	}
	return lookupItem(evalFn, ctx, ec, NodeItem{Node: ec.node}, e.Key, e.All)
}

// lookupItem evaluates a `?` lookup against a single map or array item. It
// enforces ec.maxNodes on every accumulating branch (map/array all-values and
// keyed lookups), so both unary (`evalUnaryLookupExpr`) and postfix
// (`evalLookupExpr`) lookups bound their output through this single helper.
func lookupItem(evalFn exprEvaluator, ctx context.Context, ec *evalContext, item Item, keyExpr Expr, all bool) (Sequence, error) {
	switch v := item.(type) {
	case MapItem:
		if all {
			var result ItemSlice
			var boundErr error
			// Bounded internal walk: iterate the stored values in place without
			// cloning (mirroring the get0/entries0 walkers) so a borrowed lazy
			// value is bound-checked rather than eagerly cloned.
			// appendBoundedClonedSeq drains each value lazily, enforcing maxNodes
			// (and OpLimit / cancellation) BEFORE the value is materialized — so a
			// lazy value whose Materialize is unbounded/panics trips the bound
			// first — and appends a defensive clone of each item so mutating the
			// `?*` output cannot reach the source map's stored values.
			_ = v.forEach0(func(_ AtomicValue, val Sequence) error {
				result, boundErr = appendBoundedClonedSeq(ctx, ec, result, val, ec.maxNodes)
				return boundErr
			})
			if boundErr != nil {
				return nil, boundErr
			}
			return result, nil
		}
		keySeq, err := evalFn(ctx, ec, keyExpr)
		if err != nil {
			return nil, err
		}
		if seqLen(keySeq) == 0 {
			return validNilSequence, nil
		}
		var result ItemSlice
		for keyItem := range seqItems(keySeq) {
			ka, err := AtomizeItem(keyItem)
			if err != nil {
				return nil, err
			}
			// Use get0 to borrow the stored value WITHOUT cloning, then drain it
			// through appendBoundedClonedSeq so maxNodes / OpLimit / cancellation
			// fire BEFORE the value is materialized (public Get deep-clones by
			// materializing eagerly, defeating the bound for a borrowed lazy
			// value). Cloning each appended item keeps value semantics.
			val, ok := v.get0(ka)
			if !ok {
				continue
			}
			result, err = appendBoundedClonedSeq(ctx, ec, result, val, ec.maxNodes)
			if err != nil {
				return nil, err
			}
		}
		return result, nil
	case ArrayItem:
		if all {
			var result ItemSlice
			// Borrow each stored member WITHOUT cloning (members0), then drain
			// it through appendBoundedClonedSeq so maxNodes / OpLimit /
			// cancellation fire BEFORE the member is materialized, and each
			// appended item is a defensive clone — so mutating the `?*` output
			// cannot reach the source array's pointer-backed atomics.
			for _, m := range v.members0() {
				var err error
				result, err = appendBoundedClonedSeq(ctx, ec, result, m, ec.maxNodes)
				if err != nil {
					return nil, err
				}
			}
			return result, nil
		}
		keySeq, err := evalFn(ctx, ec, keyExpr)
		if err != nil {
			return nil, err
		}
		if seqLen(keySeq) == 0 {
			return validNilSequence, nil
		}
		var result ItemSlice
		for keyItem := range seqItems(keySeq) {
			ka, err := AtomizeItem(keyItem)
			if err != nil {
				return nil, err
			}
			if ka.TypeName == TypeUntypedAtomic {
				ka, err = CastAtomic(ka, TypeInteger)
				if err != nil {
					return nil, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("array lookup key must be xs:integer, got %s", ka.TypeName)}
				}
			}
			if !isIntegerDerived(ka.TypeName) {
				return nil, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("array lookup key must be xs:integer, got %s", ka.TypeName)}
			}
			idx, err := checkedArrayIndex(ka)
			if err != nil {
				return nil, err
			}
			// Borrow the stored member WITHOUT cloning (get0), then drain it
			// through appendBoundedClonedSeq so maxNodes / OpLimit /
			// cancellation fire BEFORE the member is materialized, and each
			// appended item is a defensive clone — so mutating the keyed lookup
			// output cannot reach the source array's pointer-backed atomics.
			member, err := v.get0(idx)
			if err != nil {
				return nil, err
			}
			result, err = appendBoundedClonedSeq(ctx, ec, result, member, ec.maxNodes)
			if err != nil {
				return nil, err
			}
		}
		return result, nil
	default:
		return nil, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("lookup requires map or array, got %T", item)}
	}
}

// tupleConsumer receives completed variable scopes from the FLWOR clause
// pipeline. Each call to ConsumeTuple represents one binding tuple that
// has passed through all clauses.
type tupleConsumer interface {
	ConsumeTuple(scope *variableScope) error
}

// tupleConsumerFunc adapts a plain function to the tupleConsumer interface.
type tupleConsumerFunc func(scope *variableScope) error

func (f tupleConsumerFunc) ConsumeTuple(scope *variableScope) error {
	return f(scope)
}

func evalFLWOR(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e FLWORExpr) (Sequence, error) {
	var result ItemSlice
	consumer := tupleConsumerFunc(func(scope *variableScope) error {
		oldScope := ec.pushScope(scope)
		r, err := evalFn(ctx, ec, e.Return)
		ec.restoreScope(oldScope)
		if err != nil {
			return err
		}
		// Accumulate the return sequence lazily so the aggregate maxNodes /
		// OpLimit / cancellation bound is enforced item-by-item BEFORE the whole
		// per-tuple sub-sequence is materialized — a return expression bound to a
		// large lazy Sequence (e.g. a borrowed range variable) is rejected without
		// first materializing it in full, matching evalSimpleMapExpr.
		result, err = appendBoundedSeq(ctx, ec, result, r, ec.maxNodes)
		if err != nil {
			return err
		}
		return nil
	})

	if err := iterateFLWORClauses(evalFn, ctx, ec, e.Clauses, 0, ec.vars, consumer); err != nil {
		return nil, err
	}
	return result, nil
}

// iterateFLWORClauses processes clauses[i..] recursively, streaming each
// completed scope to the consumer instead of materializing all tuples.
func iterateFLWORClauses(evalFn exprEvaluator, ctx context.Context, ec *evalContext, clauses []FLWORClause, i int, scope *variableScope, consumer tupleConsumer) error {
	if i >= len(clauses) {
		return consumer.ConsumeTuple(scope)
	}

	if err := ec.countOps(ctx, 1); err != nil {
		return err
	}

	switch c := clauses[i].(type) {
	case ForClause:
		oldScope := ec.pushScope(scope)
		domain, err := evalFn(ctx, ec, c.Expr)
		ec.restoreScope(oldScope)
		if err != nil {
			return err
		}
		pos := 0
		for item := range seqItems(domain) {
			inner := scopeWithBinding(scope, c.Var, ItemSlice{item})
			if c.PosVar != "" {
				inner = scopeWithBinding(inner, c.PosVar, ItemSlice{AtomicValue{TypeName: TypeInteger, Value: int64(pos + 1)}})
			}
			if err := iterateFLWORClauses(evalFn, ctx, ec, clauses, i+1, inner, consumer); err != nil {
				return err
			}
			pos++
		}
		return nil

	case LetClause:
		oldScope := ec.pushScope(scope)
		val, err := evalFn(ctx, ec, c.Expr)
		ec.restoreScope(oldScope)
		if err != nil {
			return err
		}
		inner := scopeWithBinding(scope, c.Var, val)
		return iterateFLWORClauses(evalFn, ctx, ec, clauses, i+1, inner, consumer)

	default:
		return iterateFLWORClauses(evalFn, ctx, ec, clauses, i+1, scope, consumer)
	}
}

func evalQuantifiedExpr(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e QuantifiedExpr) (Sequence, error) {
	return evalQuantifiedBindings(evalFn, ctx, ec, e, 0)
}

func evalQuantifiedBindings(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e QuantifiedExpr, idx int) (Sequence, error) {
	if idx >= len(e.Bindings) {
		// All bindings bound — evaluate satisfies
		r, err := evalFn(ctx, ec, e.Satisfies)
		if err != nil {
			return nil, err
		}
		b, err := EBV(r)
		if err != nil {
			return nil, err
		}
		return SingleBoolean(b), nil
	}
	binding := e.Bindings[idx]
	domain, err := evalFn(ctx, ec, binding.Domain)
	if err != nil {
		return nil, err
	}
	for item := range seqItems(domain) {
		oldScope := ec.pushScope(scopeWithBinding(ec.vars, binding.Var, ItemSlice{item}))
		result, err := evalQuantifiedBindings(evalFn, ctx, ec, e, idx+1)
		ec.restoreScope(oldScope)
		if err != nil {
			return nil, err
		}
		b, err := EBV(result)
		if err != nil {
			return nil, err
		}
		if e.Some && b {
			return SingleBoolean(true), nil
		}
		if !e.Some && !b {
			return SingleBoolean(false), nil
		}
	}
	if e.Some {
		return SingleBoolean(false), nil
	}
	return SingleBoolean(true), nil
}

func evalIfExpr(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e IfExpr) (Sequence, error) {
	cond, err := evalFn(ctx, ec, e.Cond)
	if err != nil {
		return nil, err
	}
	b, err := EBV(cond)
	if err != nil {
		return nil, err
	}
	if b {
		return evalFn(ctx, ec, e.Then)
	}
	return evalFn(ctx, ec, e.Else)
}

func evalTryCatchExpr(evalFn exprEvaluator, ctx context.Context, ec *evalContext, e TryCatchExpr) (Sequence, error) {
	result, err := evalFn(ctx, ec, e.Try)
	if err == nil {
		return result, nil
	}
	xpErr, ok := errors.AsType[*XPathError](err)
	if !ok {
		return nil, err // non-XPath errors propagate through
	}
	for _, catch := range e.Catches {
		if catchMatchesError(catch, xpErr) {
			return evalFn(ctx, buildCatchContext(ec, xpErr), catch.Expr)
		}
	}
	return nil, err // no matching catch
}

// catchMatchesError checks if a catch clause matches an error.
func catchMatchesError(catch CatchClause, xpErr *XPathError) bool {
	if len(catch.Codes) == 0 {
		return true // wildcard catch (*)
	}
	errQName := xpErr.qname()
	for _, code := range catch.Codes {
		if catchCodeMatches(code, errQName) {
			return true
		}
	}
	return false
}

// catchCodeMatches compares a catch clause code against an XPath error QName.
// The catch code may be:
//   - "*" — matches anything
//   - "err:FOAR0002" or "FOAR0002" — matches specific error code
//   - "err:*" — matches any code in the err namespace (all XPath errors)
//   - "*:FOAR0002" — matches any namespace with that local name
//   - "Q{http://...}FOAR0002" — matches by URI + local name
//   - "Q{http://...}*" — matches any code in that namespace
func catchCodeMatches(catchCode string, errQName QNameValue) bool {
	if catchCode == "*" {
		return true
	}

	// Handle Q{uri}local and Q{uri}*
	if strings.HasPrefix(catchCode, "Q{") {
		if idx := strings.Index(catchCode, "}"); idx >= 0 {
			uri := catchCode[2:idx]
			local := catchCode[idx+1:]
			if local == "*" {
				return errQName.URI == uri
			}
			return errQName.URI == uri && errQName.Local == local
		}
	}

	// Extract local part from catch code (strip prefix)
	catchLocal := catchCode
	catchPrefix := ""
	if p, l, ok := strings.Cut(catchCode, ":"); ok {
		catchPrefix = p
		catchLocal = l
	}

	// Wildcard forms
	if catchLocal == "*" {
		// prefix:* — for err:*, matches all XPath errors
		return catchPrefix == "" || (catchPrefix == lexicon.PrefixErr && errQName.URI == NSErr)
	}
	if catchPrefix == "*" {
		return catchLocal == errQName.Local // *:CODE matches the bare code
	}
	if catchPrefix == lexicon.PrefixErr {
		return errQName.URI == NSErr && catchLocal == errQName.Local
	}
	if catchPrefix != "" {
		return false
	}

	// Compare the local part of the catch code against the error code
	return catchLocal == errQName.Local
}

// buildCatchContext creates an eval context with standard $err:* variables.
func buildCatchContext(ec *evalContext, xpErr *XPathError) *evalContext {
	errQName := xpErr.qname()
	if errQName.Local == "" {
		errQName = QNameValue{Prefix: lexicon.PrefixErr, URI: NSErr, Local: errCodeFOER0000}
	}
	errQN := SingleAtomic(AtomicValue{
		TypeName: TypeQName,
		Value:    errQName,
	})
	ctx := ec.withVar("err:code", errQN)
	ctx = ctx.withVar("err:description", SingleString(xpErr.Message))
	ctx = ctx.withVar("err:value", nil)
	ctx = ctx.withVar("err:module", nil)
	ctx = ctx.withVar("err:line-number", nil)
	ctx = ctx.withVar("err:column-number", nil)
	ctx = ctx.withVar("err:additional", nil)
	return ctx
}
