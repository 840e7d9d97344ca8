package schematron

import (
	"math/big"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
)

// fastTest is an assert or report test answered in Go from the document's
// child lists, without an XPath evaluation. It covers the forms that make
// up most of the EN16931 syntax rules: a relative path of child steps
// with plain name tests and no predicates (P), exists/boolean/not/empty
// of such paths or of fast tests, "and"/"or" of fast tests, and count(P)
// compared with an integer literal. The result equals the XPath one.
type fastTest interface {
	eval(st *docState, n helium.Node) bool
}

type fastPath []childTest // exists(P)

type fastNot struct{ x fastTest }

type fastAnd struct{ a, b fastTest }

type fastOr struct{ a, b fastTest }

type fastCount struct {
	path fastPath
	op   xpath3.TokenType
	n    int64
}

func (p fastPath) eval(st *docState, n helium.Node) bool { return st.pathCount(n, p, 1) > 0 }
func (f fastNot) eval(st *docState, n helium.Node) bool  { return !f.x.eval(st, n) }
func (f fastAnd) eval(st *docState, n helium.Node) bool  { return f.a.eval(st, n) && f.b.eval(st, n) }
func (f fastOr) eval(st *docState, n helium.Node) bool   { return f.a.eval(st, n) || f.b.eval(st, n) }

func (f fastCount) eval(st *docState, n helium.Node) bool {
	limit := -1 // count all
	c := int64(st.pathCount(n, f.path, limit))
	switch f.op {
	case xpath3.TokenEquals, xpath3.TokenEq:
		return c == f.n
	case xpath3.TokenNotEquals, xpath3.TokenNe:
		return c != f.n
	case xpath3.TokenLess, xpath3.TokenLt:
		return c < f.n
	case xpath3.TokenLessEq, xpath3.TokenLe:
		return c <= f.n
	case xpath3.TokenGreater, xpath3.TokenGt:
		return c > f.n
	case xpath3.TokenGreaterEq, xpath3.TokenGe:
		return c >= f.n
	}
	return false
}

// compileFastTest recognises a fast test in src, or returns nil.
func (c *compiler) compileFastTest(src string) fastTest {
	ast, err := xpath3.Parse(src)
	if err != nil {
		return nil
	}
	return c.fastBool(ast)
}

// fastBool converts an expression used for its effective boolean value.
func (c *compiler) fastBool(e xpath3.Expr) fastTest {
	switch v := e.(type) {
	case *xpath3.LocationPath:
		if p := c.fastPathOf(v); p != nil {
			return p
		}
	case xpath3.FunctionCall:
		if (v.Prefix != "" && v.Prefix != "fn") || len(v.Args) != 1 {
			return nil
		}
		switch v.Name {
		case "not":
			if x := c.fastBool(v.Args[0]); x != nil {
				return fastNot{x}
			}
		case "empty":
			if lp, ok := v.Args[0].(*xpath3.LocationPath); ok {
				if p := c.fastPathOf(lp); p != nil {
					return fastNot{p}
				}
			}
		case "exists":
			if lp, ok := v.Args[0].(*xpath3.LocationPath); ok {
				if p := c.fastPathOf(lp); p != nil {
					return p
				}
			}
		case "boolean":
			return c.fastBool(v.Args[0])
		}
	case xpath3.BinaryExpr:
		switch v.Op {
		case xpath3.TokenAnd, xpath3.TokenOr:
			a, b := c.fastBool(v.Left), c.fastBool(v.Right)
			if a == nil || b == nil {
				return nil
			}
			if v.Op == xpath3.TokenAnd {
				return fastAnd{a, b}
			}
			return fastOr{a, b}
		case xpath3.TokenEquals, xpath3.TokenNotEquals, xpath3.TokenLess, xpath3.TokenLessEq, xpath3.TokenGreater, xpath3.TokenGreaterEq,
			xpath3.TokenEq, xpath3.TokenNe, xpath3.TokenLt, xpath3.TokenLe, xpath3.TokenGt, xpath3.TokenGe:
			f, ok := v.Left.(xpath3.FunctionCall)
			if !ok || f.Name != "count" || (f.Prefix != "" && f.Prefix != "fn") || len(f.Args) != 1 {
				return nil
			}
			lp, ok := f.Args[0].(*xpath3.LocationPath)
			if !ok {
				return nil
			}
			p := c.fastPathOf(lp)
			n, ok := intLiteral(v.Right)
			if p == nil || !ok {
				return nil
			}
			return fastCount{path: p, op: v.Op, n: n}
		}
	}
	return nil
}

func intLiteral(e xpath3.Expr) (int64, bool) {
	l, ok := e.(xpath3.LiteralExpr)
	if !ok {
		return 0, false
	}
	switch v := l.Value.(type) {
	case int:
		return int64(v), true
	case int64:
		return v, true
	case *big.Int:
		if v.IsInt64() {
			return v.Int64(), true
		}
	}
	return 0, false
}

// fastPathOf converts a relative path of plain child name steps.
func (c *compiler) fastPathOf(lp *xpath3.LocationPath) fastPath {
	if lp.Absolute || len(lp.Steps) == 0 {
		return nil
	}
	var p fastPath
	for _, st := range lp.Steps {
		if st.Axis != xpath3.AxisChild || len(st.Predicates) > 0 {
			return nil
		}
		nt, ok := st.NodeTest.(xpath3.NameTest)
		if !ok || nt.Local == "*" || nt.Prefix == "*" {
			return nil
		}
		t := childTest{local: nt.Local, uri: nt.URI}
		if nt.URI == "" && nt.Prefix != "" {
			u, found := c.r.ns[nt.Prefix]
			if !found {
				return nil
			}
			t.uri = u
		}
		p = append(p, t)
	}
	return p
}

// pathCount counts the distinct nodes the path selects from n, stopping
// at limit when limit > 0. Child steps select disjoint node sets from
// distinct parents, so the count needs no deduplication.
func (st *docState) pathCount(n helium.Node, steps []childTest, limit int) int {
	if n.Type() != helium.ElementNode && n.Type() != helium.DocumentNode {
		return 0
	}
	total := 0
	for _, k := range st.children(n) {
		if !steps[0].matches(k) {
			continue
		}
		if len(steps) == 1 {
			total++
		} else {
			total += st.pathCount(k, steps[1:], limit-total)
		}
		if limit > 0 && total >= limit {
			return total
		}
	}
	return total
}
