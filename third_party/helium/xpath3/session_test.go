package xpath3_test

import (
	"context"
	"testing"
	"time"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
	"github.com/stretchr/testify/require"
)

const sessionDoc = `<r><a n="1">x</a><a n="2">yy</a><b>3</b><b>4</b></r>`

func sessionTestDoc(t *testing.T) *helium.Document {
	t.Helper()
	doc, err := helium.NewParser().Parse(t.Context(), []byte(sessionDoc))
	require.NoError(t, err)
	return doc
}

func render(t *testing.T, r *xpath3.Result) []string {
	t.Helper()
	var out []string
	seq := r.Sequence()
	for i := range seq.Len() {
		it := seq.Get(i)
		if ni, ok := it.(xpath3.NodeItem); ok {
			out = append(out, "node:"+ni.Node.Name()+"="+string(ni.Node.Content()))
			continue
		}
		av, err := xpath3.AtomizeItem(it)
		require.NoError(t, err)
		s, err := xpath3.AtomicToString(av)
		require.NoError(t, err)
		out = append(out, av.TypeName+":"+s)
	}
	return out
}

// A Session gives the results Evaluator.Evaluate gives, call after call on
// reused contexts, with focus, variables, built-in and user functions.
func TestSessionMatchesEvaluate(t *testing.T) {
	doc := sessionTestDoc(t)
	twice := fnOf(1, func(_ context.Context, args []xpath3.Sequence) (xpath3.Sequence, error) {
		av, err := xpath3.AtomizeItem(args[0].Get(0))
		if err != nil {
			return nil, err
		}
		n, err := xpath3.CastAtomic(av, xpath3.TypeInteger)
		if err != nil {
			return nil, err
		}
		v, _ := n.Int64Val()
		return xpath3.SingleInteger(2 * v), nil
	})
	ev := xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).
		Namespaces(map[string]string{"u": "urn:u"}).
		Functions(nil, map[xpath3.QualifiedName]xpath3.Function{{URI: "urn:u", Name: "twice"}: twice}).
		Variables(map[string]xpath3.Sequence{"v": xpath3.SingleString("yy")})
	exprs := []string{
		`//a[. = $v]/@n`,
		`count(//a) + count(//b)`,
		`for $b in //b return u:twice($b)`,
		`//a[string-length(.) = 2]`,
		`sum(//b) * 10 div 4`,
		`//b[position() = last()]`,
		`exists(//c) or boolean(//a[@n = '1'])`,
		`let $f := function($x) { $x * 3 } return $f(4)`,
		`string-join(//a/upper-case(.), ',')`,
		`u:twice(count(//*))`,
	}
	s := ev.NewSession()
	for round := range 3 {
		for _, src := range exprs {
			e, err := xpath3.NewCompiler().Compile(src)
			require.NoError(t, err)
			want, err := ev.Evaluate(t.Context(), e, doc)
			require.NoError(t, err, src)
			got, err := s.Evaluate(t.Context(), e, doc)
			require.NoError(t, err, src)
			require.Equal(t, render(t, want), render(t, got), "round %d: %s", round, src)
		}
	}
}

// A variable resolver may evaluate on the same session while an
// evaluation is under way: the nested evaluation gets a context of its own.
func TestSessionNested(t *testing.T) {
	doc := sessionTestDoc(t)
	inner, err := xpath3.NewCompiler().Compile(`count(//b)`)
	require.NoError(t, err)
	var s *xpath3.Session
	res := resolverFunc(func(ctx context.Context, name string) (xpath3.Sequence, bool, error) {
		if name != "nb" {
			return nil, false, nil
		}
		r, err := s.Evaluate(ctx, inner, doc)
		if err != nil {
			return nil, true, err
		}
		return r.Sequence(), true, nil
	})
	s = xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).VariableResolver(res).NewSession()
	outer, err := xpath3.NewCompiler().Compile(`//a[position() <= $nb][$nb = 2]/string(@n)`)
	require.NoError(t, err)
	for range 2 {
		r, err := s.Evaluate(t.Context(), outer, doc)
		require.NoError(t, err)
		require.Equal(t, []string{"xs:string:1", "xs:string:2"}, render(t, r))
	}
}

// A function item returned by one evaluation keeps working after later
// evaluations on the same session (its context is not reused).
func TestSessionFunctionItemSurvives(t *testing.T) {
	doc := sessionTestDoc(t)
	s := xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).NewSession()
	mk, err := xpath3.NewCompiler().Compile(`let $k := count(//a), $m := count(//b) return function($x) { $x + $k + $m }`)
	require.NoError(t, err)
	r, err := s.Evaluate(t.Context(), mk, doc.DocumentElement().FirstChild())
	require.NoError(t, err)
	fi, ok := r.Sequence().Get(0).(xpath3.FunctionItem)
	require.True(t, ok)
	other, err := xpath3.NewCompiler().Compile(`string(//b[1])`)
	require.NoError(t, err)
	for range 3 {
		_, err := s.Evaluate(t.Context(), other, doc)
		require.NoError(t, err)
	}
	out, err := fi.Invoke(t.Context(), []xpath3.Sequence{xpath3.SingleInteger(10)})
	require.NoError(t, err)
	require.Equal(t, 1, out.Len())
	av, err := xpath3.AtomizeItem(out.Get(0))
	require.NoError(t, err)
	v, err := xpath3.AtomicToString(av)
	require.NoError(t, err)
	require.Equal(t, "14", v)
}

// The clock is read once per session and then stays; a time fixed on the
// Evaluator wins.
func TestSessionClock(t *testing.T) {
	e, err := xpath3.NewCompiler().Compile(`string(current-dateTime())`)
	require.NoError(t, err)
	s := xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).NewSession()
	r1, err := s.Evaluate(t.Context(), e, nil)
	require.NoError(t, err)
	time.Sleep(2 * time.Millisecond)
	r2, err := s.Evaluate(t.Context(), e, nil)
	require.NoError(t, err)
	require.Equal(t, render(t, r1), render(t, r2))

	fixed := time.Date(2020, 2, 29, 12, 0, 0, 0, time.UTC)
	s = xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).CurrentTime(fixed).ImplicitTimezone(time.UTC).NewSession()
	r, err := s.Evaluate(t.Context(), e, nil)
	require.NoError(t, err)
	require.Equal(t, []string{"xs:string:2020-02-29T12:00:00Z"}, render(t, r))
}

// One compiled call site evaluated under two configurations that bind the
// same name to different functions calls the right one in each: the
// cached resolution belongs to one configuration.
func TestFunctionResolutionPerConfiguration(t *testing.T) {
	e, err := xpath3.NewCompiler().Compile(`f:g(1)`)
	require.NoError(t, err)
	mk := func(v int64) xpath3.Evaluator {
		fn := fnOf(1, func(context.Context, []xpath3.Sequence) (xpath3.Sequence, error) { return xpath3.SingleInteger(v), nil })
		return xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).
			Namespaces(map[string]string{"f": "urn:f"}).
			Functions(nil, map[xpath3.QualifiedName]xpath3.Function{{URI: "urn:f", Name: "g"}: fn})
	}
	a, b := mk(1), mk(2)
	for range 3 {
		for _, c := range []struct {
			ev   xpath3.Evaluator
			want string
		}{{a, "xs:integer:1"}, {b, "xs:integer:2"}, {a.OpLimit(1000), "xs:integer:1"}} {
			r, err := c.ev.Evaluate(t.Context(), e, nil)
			require.NoError(t, err)
			require.Equal(t, []string{c.want}, render(t, r))
		}
	}
	// A prefix bound to another namespace resolves anew, too.
	c := mk(3).Namespaces(map[string]string{"f": "urn:other"})
	_, err = c.Evaluate(t.Context(), e, nil)
	require.ErrorIs(t, err, xpath3.ErrUnknownFunction)
}

type resolverFunc func(ctx context.Context, name string) (xpath3.Sequence, bool, error)

func (f resolverFunc) ResolveVariable(ctx context.Context, name string) (xpath3.Sequence, bool, error) {
	return f(ctx, name)
}

type testFn struct {
	arity int
	call  func(context.Context, []xpath3.Sequence) (xpath3.Sequence, error)
}

func fnOf(arity int, call func(context.Context, []xpath3.Sequence) (xpath3.Sequence, error)) testFn {
	return testFn{arity, call}
}

func (f testFn) MinArity() int { return f.arity }
func (f testFn) MaxArity() int { return f.arity }
func (f testFn) Call(ctx context.Context, args []xpath3.Sequence) (xpath3.Sequence, error) {
	return f.call(ctx, args)
}
