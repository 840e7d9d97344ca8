package schematron

import (
	"math/big"
	"strings"
	"unicode/utf8"

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

// fastPath is exists(P) for a path of child steps, the first of which
// may be a union of names, optionally ending in an attribute step.
type fastPath struct {
	steps []fastStep
	attr  *childTest
	// root, when set, is 1 + the index variable of an absolute //name[p]
	// the path starts from (the steps then apply to each of its nodes).
	root int
	// preds holds per step the shortcuts of its predicates (nil: none).
	// A step's predicates are tested on every candidate, so that a
	// predicate that declines anywhere declines the whole test.
	preds [][]fastTest
}

// stepPreds applies the predicates of step i to k.
func (p fastPath) stepPreds(st *docState, i int, k helium.Node) (match, ok bool) {
	if p.preds == nil {
		return true, true
	}
	for _, f := range p.preds[i] {
		v, ok := tryTest(f, st, k)
		if !ok || !v {
			return false, ok
		}
	}
	return true, true
}

// fastStep matches an element child by one of its names.
type fastStep []childTest

// matchesID tests a child by its name id (kidsOf): every name in a
// step is a plain name with an id.
func (s fastStep) matchesID(id int32) bool {
	for _, t := range s {
		if t.id == id {
			return true
		}
	}
	return false
}

type fastNot struct{ x fastTest }

type fastAnd struct{ a, b fastTest }

type fastOr struct{ a, b fastTest }

type fastCount struct {
	path fastPath
	op   xpath3.TokenType
	n    int64
}

func (p fastPath) eval(st *docState, n helium.Node) bool { v, _ := p.try(st, n); return v }

func (p fastPath) try(st *docState, n helium.Node) (bool, bool) {
	limit := 1
	if p.preds != nil {
		limit = -1 // test every candidate
	}
	c, ok := st.countFrom(n, p, limit)
	return c > 0, ok
}

// countFrom is pathCount from the context node or from the path's root.
func (st *docState) countFrom(n helium.Node, p fastPath, limit int) (int, bool) {
	if p.root == 0 {
		return st.pathCount(n, p, 0, limit)
	}
	nodes, ok := st.rootNodes(p.root - 1)
	if !ok {
		return 0, false
	}
	if len(p.steps) == 0 {
		return len(nodes), true
	}
	total := 0
	for _, m := range nodes {
		c, ok := st.pathCount(m, p, 0, limit-total)
		if !ok {
			return 0, false
		}
		total += c
		if limit > 0 && total >= limit {
			break
		}
	}
	return total, true
}
func (f fastNot) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastAnd) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastOr) eval(st *docState, n helium.Node) bool  { v, _ := f.try(st, n); return v }

func (f fastNot) try(st *docState, n helium.Node) (bool, bool) {
	v, ok := tryTest(f.x, st, n)
	return !v, ok
}

// try of and/or: a decided left operand settles the result as helium's
// left-to-right evaluation does; a declining operand declines the whole.
func (f fastAnd) try(st *docState, n helium.Node) (bool, bool) {
	a, ok := tryTest(f.a, st, n)
	if !ok || !a {
		return false, ok
	}
	return tryTest(f.b, st, n)
}

func (f fastOr) try(st *docState, n helium.Node) (bool, bool) {
	a, ok := tryTest(f.a, st, n)
	if !ok || a {
		return a, ok
	}
	return tryTest(f.b, st, n)
}

func (f fastCount) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }

func (f fastCount) try(st *docState, n helium.Node) (bool, bool) {
	cnt, ok := st.countFrom(n, f.path, -1)
	return f.compare(int64(cnt)), ok
}

func (f fastCount) compare(c int64) bool {
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
	if t := c.fastPathTest(e); t != nil {
		return t
	}
	return c.fastStringTest(e)
}

// fastPathTest converts the path, count and decimals forms.
func (c *compiler) fastPathTest(e xpath3.Expr) fastTest {
	switch v := e.(type) {
	case *xpath3.LocationPath, xpath3.PathExpr:
		if p, ok := c.fastPathOf(v); ok {
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
			if p, ok := c.fastPathOf(v.Args[0]); ok {
				return fastNot{p}
			}
		case "exists":
			if p, ok := c.fastPathOf(v.Args[0]); ok {
				return p
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
			if d := c.fastDecimalsOf(v); d != nil {
				return d
			}
			f, ok := v.Left.(xpath3.FunctionCall)
			if !ok || f.Name != "count" || (f.Prefix != "" && f.Prefix != "fn") || len(f.Args) != 1 {
				return nil
			}
			p, ok := c.fastPathOf(f.Args[0])
			n, ok2 := intLiteral(v.Right)
			if !ok || !ok2 {
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

// fastPathOf converts a relative path of plain child name steps, whose
// first step may be a parenthesised union of such names ((a|b)/c) and
// whose last step may be an attribute (a/@b).
func (c *compiler) fastPathOf(e xpath3.Expr) (fastPath, bool) {
	var p fastPath
	var steps []xpath3.Step
	switch v := e.(type) {
	case *xpath3.LocationPath:
		steps = v.Steps
		if v.Absolute {
			// //name[p]/…: from the name index or the memo of //name[p].
			if len(steps) < 2 || !isDescOrSelfNode(steps[0]) {
				return p, false
			}
			// //@name only as the whole path: its nodes are attributes.
			root, ok := c.rootVarOf(steps[1], len(steps) == 2)
			if !ok {
				return p, false
			}
			p.root = root + 1
			steps = steps[2:]
		}
	case xpath3.PathExpr:
		alts, ok := c.unionStep(v.Filter)
		if !ok || v.Path == nil || v.Path.Absolute {
			return p, false
		}
		p.steps = append(p.steps, alts)
		steps = v.Path.Steps
	default:
		return p, false
	}
	for i, st := range steps {
		var preds []fastTest
		for _, pe := range st.Predicates {
			f := c.fastBool(pe) // boolean by construction: never positional
			if f == nil || st.Axis != xpath3.AxisChild {
				return p, false
			}
			preds = append(preds, f)
		}
		t, ok := c.nameTest(st.NodeTest)
		if !ok {
			return p, false
		}
		switch {
		case st.Axis == xpath3.AxisChild:
			if preds != nil && p.preds == nil {
				p.preds = make([][]fastTest, len(p.steps), len(p.steps)+len(steps))
			}
			if p.preds != nil {
				p.preds = append(p.preds, preds)
			}
			p.steps = append(p.steps, fastStep{t})
		case st.Axis == xpath3.AxisAttribute && i == len(steps)-1:
			p.attr = &t
		default:
			return p, false
		}
	}
	return p, len(p.steps) > 0 || (p.root > 0 && p.attr == nil)
}

// unionStep converts (a|b|…) of single child name steps.
func (c *compiler) unionStep(e xpath3.Expr) (fastStep, bool) {
	switch v := e.(type) {
	case xpath3.UnionExpr:
		a, ok1 := c.unionStep(v.Left)
		b, ok2 := c.unionStep(v.Right)
		return append(a, b...), ok1 && ok2
	case *xpath3.LocationPath:
		if v.Absolute || len(v.Steps) != 1 || v.Steps[0].Axis != xpath3.AxisChild || len(v.Steps[0].Predicates) > 0 {
			return nil, false
		}
		t, ok := c.nameTest(v.Steps[0].NodeTest)
		return fastStep{t}, ok
	}
	return nil, false
}

// nameTest converts a plain (non-wildcard) name test.
func (c *compiler) nameTest(nt0 xpath3.NodeTest) (childTest, bool) {
	nt, ok := nt0.(xpath3.NameTest)
	if !ok || nt.Local == "*" || nt.Prefix == "*" {
		return childTest{}, false
	}
	t := childTest{local: nt.Local, uri: nt.URI}
	if nt.URI == "" && nt.Prefix != "" {
		u, found := c.r.ns[nt.Prefix]
		if !found {
			return childTest{}, false
		}
		t.uri = u
	}
	q := qname{t.uri, t.local}
	if c.r.nameIDs == nil {
		c.r.nameIDs = map[qname]int32{}
	}
	t.id = c.r.nameIDs[q]
	if t.id == 0 {
		t.id = int32(len(c.r.nameIDs) + 1)
		c.r.nameIDs[q] = t.id
	}
	return t, true
}

// pathCount counts the distinct nodes path p selects from n (from step
// i on), stopping at limit when limit > 0. Child steps select disjoint
// node sets from distinct parents and an element has at most one
// attribute of a name, so the count needs no deduplication.
// ok is false when a predicate shortcut declined.
func (st *docState) pathCount(n helium.Node, p fastPath, i, limit int) (int, bool) {
	if n.Type() != helium.ElementNode && n.Type() != helium.DocumentNode {
		return 0, true
	}
	total := 0
	kl := st.kidsOf(n)
	for j, k := range kl.els {
		if !p.steps[i].matchesID(kl.ids[j]) {
			continue
		}
		if m, ok := p.stepPreds(st, i, k); !ok {
			return 0, false
		} else if !m {
			continue
		}
		switch {
		case i+1 < len(p.steps):
			c, ok := st.pathCount(k, p, i+1, limit-total)
			if !ok {
				return 0, false
			}
			total += c
		case p.attr != nil:
			if hasAttr(k, *p.attr) {
				total++
			}
		default:
			total++
		}
		if limit > 0 && total >= limit {
			return total, true
		}
	}
	return total, true
}

func hasAttr(e *helium.Element, t childTest) bool { return findAttr(e, t) != nil }

// findAttr returns e's attribute named by t, or nil, without the slice
// that Attributes allocates on every call.
func findAttr(e *helium.Element, t childTest) *helium.Attribute {
	var found *helium.Attribute
	e.ForEachAttribute(func(a *helium.Attribute) bool {
		if a.LocalName() == t.local && a.URI() == t.uri {
			found = a
			return false
		}
		return true
	})
	return found
}

// fallible is a fast test that can decline (ok false), e.g. when XPath
// would raise a type error; the engine then evaluates the XPath.
type fallible interface {
	try(st *docState, n helium.Node) (val, ok bool)
}

// fastDecimals is string-length(substring-after(ARG, 'lit')) OP N with
// ARG the context item or a path of child steps (at most one node; more
// is a type error in XPath and makes the shortcut decline).
type fastDecimals struct {
	path *fastPath // nil: the context item
	lit  string
	op   xpath3.TokenType
	n    int64
}

func (f fastDecimals) eval(st *docState, n helium.Node) bool {
	v, _ := f.try(st, n)
	return v
}

func (f fastDecimals) try(st *docState, n helium.Node) (bool, bool) {
	var s string
	if f.path == nil {
		s = string(n.Content())
	} else {
		nodes := st.pathNodes(n, *f.path, 0, nil)
		switch len(nodes) {
		case 0:
		case 1:
			s = string(nodes[0].Content())
		default:
			return false, false
		}
	}
	after := ""
	if i := strings.Index(s, f.lit); i >= 0 {
		after = s[i+len(f.lit):]
	}
	return compareInt(int64(utf8.RuneCountInString(after)), f.op, f.n), true
}

func compareInt(c int64, op xpath3.TokenType, n int64) bool {
	switch op {
	case xpath3.TokenEquals, xpath3.TokenEq:
		return c == n
	case xpath3.TokenNotEquals, xpath3.TokenNe:
		return c != n
	case xpath3.TokenLess, xpath3.TokenLt:
		return c < n
	case xpath3.TokenLessEq, xpath3.TokenLe:
		return c <= n
	case xpath3.TokenGreater, xpath3.TokenGt:
		return c > n
	case xpath3.TokenGreaterEq, xpath3.TokenGe:
		return c >= n
	}
	return false
}

// pathNodes collects the element nodes a path without attribute step selects.
func (st *docState) pathNodes(n helium.Node, p fastPath, i int, out []helium.Node) []helium.Node {
	if n.Type() != helium.ElementNode && n.Type() != helium.DocumentNode {
		return out
	}
	kl := st.kidsOf(n)
	for j, k := range kl.els {
		if !p.steps[i].matchesID(kl.ids[j]) {
			continue
		}
		if i+1 < len(p.steps) {
			out = st.pathNodes(k, p, i+1, out)
		} else {
			out = append(out, k)
		}
	}
	return out
}

// fastDecimalsOf recognises string-length(substring-after(ARG, 'lit')) OP N.
func (c *compiler) fastDecimalsOf(v xpath3.BinaryExpr) fastTest {
	sl, ok := v.Left.(xpath3.FunctionCall)
	if !ok || sl.Name != "string-length" || (sl.Prefix != "" && sl.Prefix != "fn") || len(sl.Args) != 1 {
		return nil
	}
	sa, ok := sl.Args[0].(xpath3.FunctionCall)
	if !ok || sa.Name != "substring-after" || (sa.Prefix != "" && sa.Prefix != "fn") || len(sa.Args) != 2 {
		return nil
	}
	lit, ok := stringLiteral(sa.Args[1])
	n, ok2 := intLiteral(v.Right)
	if !ok || !ok2 || lit == "" {
		return nil
	}
	f := fastDecimals{lit: lit, op: v.Op, n: n}
	switch a := sa.Args[0].(type) {
	case xpath3.ContextItemExpr:
	default:
		p, ok := c.fastPathOf(a)
		if !ok || p.attr != nil || p.preds != nil || p.root > 0 {
			return nil
		}
		f.path = &p
	}
	return f
}
