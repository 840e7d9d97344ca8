package schematron

import (
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
	"github.com/ozgctl/ozgctl/internal/lazy"
)

// The shortcuts in this file answer string tests in Go: code-list
// membership (contains(' A B ', concat(' ', normalize-space(X), ' '))),
// comparisons of normalize-space(X) or of a child's value with string
// literals, P = true()/false(), and self::name. They decline (ok false)
// wherever XPath could raise an error (more than one node where one is
// allowed, a value that is no boolean, non-ASCII upper-case) or differ,
// and XPath then decides. They are compiled only under the XPath 2.0+
// bindings: XPath 1.0 compatibility mode compares differently.

// tryTest answers a fast test, which may decline.
func tryTest(t fastTest, st *docState, n helium.Node) (val, ok bool) {
	if fl, isFallible := t.(fallible); isFallible {
		return fl.try(st, n)
	}
	return t.eval(st, n), true
}

// fastSel selects nodes from the context node: the context node itself
// (no steps, no attribute), child element steps, then optionally one
// attribute.
type fastSel struct {
	// root, when set, is 1 + the index variable the selection starts
	// from instead of the context node (//name[p]/…).
	root  int
	steps []fastStep
	attr  *childTest
}

// each calls f on the selected nodes in document order until f returns
// false; ok is false when the root's memo raised an error.
func (s fastSel) each(st *docState, n helium.Node, f func(helium.Node) bool) (ok bool) {
	if s.root == 0 {
		s.walk(st, n, 0, f)
		return true
	}
	nodes, ok := st.rootNodes(s.root - 1)
	if !ok {
		return false
	}
	for _, m := range nodes {
		if !s.walk(st, m, 0, f) {
			break
		}
	}
	return true
}

func (s fastSel) walk(st *docState, n helium.Node, i int, f func(helium.Node) bool) bool {
	if i == len(s.steps) {
		if s.attr == nil {
			return f(n)
		}
		e, ok := n.(*helium.Element)
		if !ok {
			return true
		}
		if a := findAttr(e, *s.attr); a != nil {
			return f(a)
		}
		return true
	}
	if n.Type() != helium.ElementNode && n.Type() != helium.DocumentNode {
		return true
	}
	kl := st.kidsOf(n)
	for j, k := range kl.els {
		if s.steps[i].matchesID(kl.ids[j]) && !s.walk(st, k, i+1, f) {
			return false
		}
	}
	return true
}

// single returns the string value of the one selected node, "" for
// none, and ok false for more than one (XPath: a type error).
func (s fastSel) single(st *docState, n helium.Node) (string, bool) {
	var first helium.Node
	count := 0
	if !s.each(st, n, func(m helium.Node) bool {
		count++
		first = m
		return count < 2
	}) {
		return "", false
	}
	switch count {
	case 0:
		return "", true
	case 1:
		return stringValue(first), true
	}
	return "", false
}

// stringValue is the XPath string value of a node, as helium computes it.
func stringValue(n helium.Node) string {
	if a, ok := n.(*helium.Attribute); ok {
		return a.Value()
	}
	switch n.Type() {
	case helium.DocumentNode, helium.ElementNode:
		c := n.FirstChild()
		if c == nil {
			return ""
		}
		if c.NextSibling() == nil && (c.Type() == helium.TextNode || c.Type() == helium.CDATASectionNode) {
			return string(c.Content())
		}
		var b strings.Builder
		var walk func(helium.Node)
		walk = func(p helium.Node) {
			for c := p.FirstChild(); c != nil; c = c.NextSibling() {
				switch c.Type() {
				case helium.TextNode, helium.CDATASectionNode:
					b.Write(c.Content())
				case helium.ElementNode:
					walk(c)
				}
			}
		}
		walk(n)
		return b.String()
	case helium.TextNode, helium.CDATASectionNode, helium.CommentNode, helium.ProcessingInstructionNode, helium.NamespaceNode:
		return string(n.Content())
	}
	return ""
}

// fastStr is a string-valued expression answered in Go.
type fastStr interface {
	str(st *docState, n helium.Node) (string, bool)
}

type strLit string

// strSel is the string value of at most one selected node.
type strSel struct{ sel fastSel }

// strNorm is normalize-space(x), which helium implements with strings.Fields.
type strNorm struct{ x fastStr }

// strUpper is upper-case(x) for ASCII x; other text declines (helium
// uses Unicode full case mapping).
type strUpper struct{ x fastStr }

type strConcat []fastStr

// strName is name() of an element or attribute context node (others decline).
type strName struct{}

func (strName) str(_ *docState, n helium.Node) (string, bool) {
	switch n.(type) {
	case *helium.Element, *helium.Attribute:
		return n.Name(), true
	}
	return "", false
}

func (s strLit) str(*docState, helium.Node) (string, bool)      { return string(s), true }
func (s strSel) str(st *docState, n helium.Node) (string, bool) { return s.sel.single(st, n) }
func (s strNorm) str(st *docState, n helium.Node) (string, bool) {
	v, ok := s.x.str(st, n)
	if !ok {
		return "", false
	}
	return normalizeSpace(v), true
}

func (s strUpper) str(st *docState, n helium.Node) (string, bool) {
	v, ok := s.x.str(st, n)
	if !ok {
		return "", false
	}
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return "", false
		}
	}
	return strings.ToUpper(v), true
}

func (s strConcat) str(st *docState, n helium.Node) (string, bool) {
	var b strings.Builder
	for _, x := range s {
		v, ok := x.str(st, n)
		if !ok {
			return "", false
		}
		b.WriteString(v)
	}
	return b.String(), true
}

// fastContains is contains(a, b), starts-with(a, b) or ends-with(a, b)
// (codepoint collation).
type fastContains struct {
	a, b fastStr
	op   func(s, substr string) bool
}

func (f fastContains) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastContains) try(st *docState, n helium.Node) (bool, bool) {
	a, ok := f.a.str(st, n)
	if !ok {
		return false, false
	}
	b, ok := f.b.str(st, n)
	if !ok {
		return false, false
	}
	return f.op(a, b), true
}

var stringPredicates = lazy.Value[map[string]func(s, substr string) bool]{F: func() map[string]func(s, substr string) bool {
	return map[string]func(s, substr string) bool{
		"contains": strings.Contains, "starts-with": strings.HasPrefix, "ends-with": strings.HasSuffix,
	}
}}

// fastStrCmp is X = lits or X != lits (general comparison) where X is
// one string, or, with each set, the strings X yields from each node of
// each (a path ending in a function step: cac:A/normalize-space(cbc:B)).
type fastStrCmp struct {
	each *fastSel
	x    fastStr
	lits []string
	neg  bool
}

func (f fastStrCmp) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastStrCmp) try(st *docState, n helium.Node) (bool, bool) {
	if f.each == nil {
		s, ok := f.x.str(st, n)
		if !ok {
			return false, false
		}
		return f.match(s), true
	}
	res, ok := false, true
	if !f.each.each(st, n, func(m helium.Node) bool {
		s, sok := f.x.str(st, m)
		if !sok {
			ok = false
			return false
		}
		if f.match(s) {
			res = true
		}
		return true // XPath evaluates the whole path first: any error counts
	}) || !ok {
		return false, false
	}
	return res, true
}

func (f fastStrCmp) match(s string) bool {
	for _, l := range f.lits {
		if (s == l) != f.neg {
			return true
		}
	}
	return false
}

// fastNodeCmp is P = lits or P != lits for nodes P (untyped values
// compared as strings): true when some node and some literal compare so.
type fastNodeCmp struct {
	sel  fastSel
	lits []string
	neg  bool
}

func (f fastNodeCmp) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastNodeCmp) try(st *docState, n helium.Node) (bool, bool) {
	res := false
	ok := f.sel.each(st, n, func(m helium.Node) bool {
		s := stringValue(m)
		for _, l := range f.lits {
			if (s == l) != f.neg {
				res = true
				return false
			}
		}
		return true
	})
	return res, ok
}

// fastNodeBool is P = true() or P = false(): each node's value is cast
// to xs:boolean; a value that is not a boolean declines (XPath raises
// FORG0001).
type fastNodeBool struct {
	sel fastSel
	val bool
}

func (f fastNodeBool) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastNodeBool) try(st *docState, n helium.Node) (bool, bool) {
	// Every value is checked, even after a match: whether XPath stops
	// at the first match or raises the later error, declining is right.
	res, ok := false, true
	rok := f.sel.each(st, n, func(m helium.Node) bool {
		switch strings.Trim(stringValue(m), " \t\r\n") {
		case "true", "1":
			res = res || f.val
		case "false", "0":
			res = res || !f.val
		default:
			ok = false
		}
		return ok
	})
	if !ok || !rok {
		return false, false
	}
	return res, true
}

// fastAncestor is ancestor::name[/rest] used for its effective boolean
// value: some ancestor of that name (from which rest selects a node).
type fastAncestor struct {
	t    childTest
	rest *fastPath
}

func (f fastAncestor) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastAncestor) try(st *docState, n helium.Node) (bool, bool) {
	if _, isElem := n.(*helium.Element); !isElem {
		return false, false
	}
	// With predicates in rest, every ancestor is tried, so that one
	// that declines anywhere declines the whole.
	all := f.rest != nil && f.rest.preds != nil
	res := false
	for a := n.Parent(); a != nil; a = a.Parent() {
		e, ok := a.(*helium.Element)
		if !ok {
			break
		}
		if !f.t.matches(e) {
			continue
		}
		if f.rest == nil {
			return true, true
		}
		found, ok := f.rest.try(st, e)
		if !ok {
			return false, false
		}
		res = res || found
		if res && !all {
			return true, true
		}
	}
	return res, true
}

// fastNumCmp is P op N (general comparison) for nodes P and an integer
// N: each node's value is cast to xs:double. A value that is not a plain
// number (INF, NaN and anything that would raise FORG0001) declines.
type fastNumCmp struct {
	sel fastSel
	op  xpath3.TokenType
	n   float64
}

func (f fastNumCmp) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastNumCmp) try(st *docState, n helium.Node) (bool, bool) {
	res, ok := false, true
	rok := f.sel.each(st, n, func(m helium.Node) bool {
		v, isNum := plainDouble(stringValue(m))
		if !isNum {
			ok = false
			return false
		}
		res = res || compareFloat(v, f.op, f.n)
		return true
	})
	if !ok || !rok {
		return false, false
	}
	return res, true
}

// plainDouble parses [+-]digits[.digits][e[+-]digits] (also .5 and 5.)
// between XML whitespace, as the cast of xs:untypedAtomic to xs:double does.
func plainDouble(s string) (float64, bool) {
	s = strings.Trim(s, " \t\r\n")
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func compareFloat(v float64, op xpath3.TokenType, n float64) bool {
	switch op {
	case xpath3.TokenEquals:
		return v == n
	case xpath3.TokenNotEquals:
		return v != n
	case xpath3.TokenLess:
		return v < n
	case xpath3.TokenLessEq:
		return v <= n
	case xpath3.TokenGreater:
		return v > n
	case xpath3.TokenGreaterEq:
		return v >= n
	}
	return false
}

// fastSelf is self::name.
type fastSelf struct{ t childTest }

func (f fastSelf) eval(_ *docState, n helium.Node) bool {
	e, ok := n.(*helium.Element)
	return ok && f.t.matches(e)
}

// fastExists is exists(S) for a selection that fastPath does not cover
// (a lone attribute step).
type fastExists struct{ sel fastSel }

func (f fastExists) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastExists) try(st *docState, n helium.Node) (bool, bool) {
	found := false
	ok := f.sel.each(st, n, func(helium.Node) bool { found = true; return false })
	return found, ok
}

// fastMapBool is P/(test) used for its effective boolean value: false
// for no node, the test on the one node, and a decline for more (the
// value is then several booleans, an error in XPath).
type fastMapBool struct {
	sel  fastSel
	test fastTest
}

func (f fastMapBool) eval(st *docState, n helium.Node) bool { v, _ := f.try(st, n); return v }
func (f fastMapBool) try(st *docState, n helium.Node) (bool, bool) {
	var one helium.Node
	count := 0
	if !f.sel.each(st, n, func(m helium.Node) bool {
		count++
		one = m
		return count < 2
	}) {
		return false, false
	}
	switch count {
	case 0:
		return false, true
	case 1:
		return tryTest(f.test, st, one)
	}
	return false, false
}

// fastSelOf converts ".", or a relative path of child name steps without
// predicates optionally ending in an attribute step.
func (c *compiler) fastSelOf(e xpath3.Expr) (fastSel, bool) {
	var s fastSel
	switch v := e.(type) {
	case xpath3.ContextItemExpr:
		return s, true
	case *xpath3.LocationPath:
		steps := v.Steps
		if v.Absolute {
			if len(steps) < 2 || !isDescOrSelfNode(steps[0]) {
				return s, false
			}
			root, ok := c.rootVar(steps[1])
			if !ok {
				return s, false
			}
			s.root = root + 1
			steps = steps[2:]
		}
		if len(steps) == 0 && s.root == 0 {
			return s, false
		}
		for i, step := range steps {
			if len(step.Predicates) > 0 {
				return s, false
			}
			t, ok := c.nameTest(step.NodeTest)
			if !ok {
				return s, false
			}
			switch {
			case step.Axis == xpath3.AxisChild:
				s.steps = append(s.steps, fastStep{t})
			case step.Axis == xpath3.AxisAttribute && i == len(steps)-1:
				s.attr = &t
			default:
				return s, false
			}
		}
		return s, true
	}
	return s, false
}

// fastStrOf converts a string-valued expression: a string literal, a
// selection of at most one node, normalize-space, upper-case, concat
// and string of those.
func (c *compiler) fastStrOf(e xpath3.Expr) fastStr {
	if l, ok := stringLiteral(e); ok {
		return strLit(l)
	}
	if s, ok := c.fastSelOf(e); ok {
		return strSel{s}
	}
	f, ok := e.(xpath3.FunctionCall)
	if !ok || (f.Prefix != "" && f.Prefix != "fn") {
		return nil
	}
	args := make([]fastStr, len(f.Args))
	for i, a := range f.Args {
		if args[i] = c.fastStrOf(a); args[i] == nil {
			return nil
		}
	}
	switch {
	case f.Name == "name" && len(args) == 0:
		return strName{}
	case f.Name == "normalize-space" && len(args) == 1:
		return strNorm{args[0]}
	case f.Name == "upper-case" && len(args) == 1:
		return strUpper{args[0]}
	case f.Name == "string" && len(args) == 1:
		return args[0]
	case f.Name == "concat" && len(args) >= 2:
		return strConcat(args)
	}
	return nil
}

// stringLiterals converts 'a' or ('a', 'b', …).
func stringLiterals(e xpath3.Expr) ([]string, bool) {
	if l, ok := stringLiteral(e); ok {
		return []string{l}, true
	}
	sq, ok := e.(xpath3.SequenceExpr)
	if !ok || len(sq.Items) == 0 {
		return nil, false
	}
	var out []string
	for _, it := range sq.Items {
		l, ok := stringLiteral(it)
		if !ok {
			return nil, false
		}
		out = append(out, l)
	}
	return out, true
}

// fastStringTest converts the string forms above, or returns nil.
func (c *compiler) fastStringTest(e xpath3.Expr) fastTest {
	if c.r.xpath10 {
		return nil
	}
	switch v := e.(type) {
	case *xpath3.LocationPath:
		if !v.Absolute && len(v.Steps) >= 1 && v.Steps[0].Axis == xpath3.AxisAncestor && len(v.Steps[0].Predicates) == 0 {
			t, ok := c.nameTest(v.Steps[0].NodeTest)
			if !ok {
				return nil
			}
			f := fastAncestor{t: t}
			if len(v.Steps) > 1 {
				p, ok := c.fastPathOf(&xpath3.LocationPath{Steps: v.Steps[1:]})
				if !ok {
					return nil
				}
				f.rest = &p
			}
			return f
		}
		if !v.Absolute && len(v.Steps) == 1 && len(v.Steps[0].Predicates) == 0 {
			st := v.Steps[0]
			if st.Axis == xpath3.AxisSelf {
				if t, ok := c.nameTest(st.NodeTest); ok {
					return fastSelf{t}
				}
			}
			if st.Axis == xpath3.AxisAttribute {
				if s, ok := c.fastSelOf(v); ok {
					return fastExists{s}
				}
			}
		}
	case xpath3.PathStepExpr:
		if v.DescOrSelf {
			return nil
		}
		if b, ok := v.Right.(xpath3.BinaryExpr); ok && isComparisonOrLogic(b.Op) {
			if sel, ok := c.fastSelOf(v.Left); ok && sel.attr == nil {
				if t := c.fastBool(b); t != nil {
					return fastMapBool{sel: sel, test: t}
				}
			}
		}
	case xpath3.FunctionCall:
		if (v.Name == "exists" || v.Name == "empty") && len(v.Args) == 1 && (v.Prefix == "" || v.Prefix == "fn") {
			if sel, ok := c.fastSelOf(v.Args[0]); ok && (sel.attr != nil || sel.root > 0) {
				if v.Name == "empty" {
					return fastNot{fastExists{sel}}
				}
				return fastExists{sel}
			}
		}
		if op := stringPredicates.Get()[v.Name]; op != nil && len(v.Args) == 2 && (v.Prefix == "" || v.Prefix == "fn") {
			a, b := c.fastStrOf(v.Args[0]), c.fastStrOf(v.Args[1])
			if a != nil && b != nil {
				return fastContains{a, b, op}
			}
		}
	case xpath3.BinaryExpr:
		switch v.Op {
		case xpath3.TokenLess, xpath3.TokenLessEq, xpath3.TokenGreater, xpath3.TokenGreaterEq, xpath3.TokenEquals, xpath3.TokenNotEquals:
			if n, ok := intLiteral(v.Right); ok && n > -1<<53 && n < 1<<53 {
				if sel, ok := c.fastSelOf(v.Left); ok {
					return fastNumCmp{sel: sel, op: v.Op, n: float64(n)}
				}
				return nil
			}
		}
		if v.Op != xpath3.TokenEquals && v.Op != xpath3.TokenNotEquals {
			return nil
		}
		neg := v.Op == xpath3.TokenNotEquals
		if f, ok := v.Right.(xpath3.FunctionCall); ok && !neg && len(f.Args) == 0 && (f.Prefix == "" || f.Prefix == "fn") && (f.Name == "true" || f.Name == "false") {
			if s, ok := c.fastSelOf(v.Left); ok {
				return fastNodeBool{sel: s, val: f.Name == "true"}
			}
			return nil
		}
		lits, ok := stringLiterals(v.Right)
		if !ok {
			return nil
		}
		if s, ok := c.fastSelOf(v.Left); ok {
			return fastNodeCmp{sel: s, lits: lits, neg: neg}
		}
		if ps, ok := v.Left.(xpath3.PathStepExpr); ok && !ps.DescOrSelf {
			each, ok := c.fastSelOf(ps.Left)
			if _, isCall := ps.Right.(xpath3.FunctionCall); !ok || each.attr != nil || !isCall {
				return nil
			}
			if x := c.fastStrOf(ps.Right); x != nil {
				return fastStrCmp{each: &each, x: x, lits: lits, neg: neg}
			}
			return nil
		}
		if _, isCall := v.Left.(xpath3.FunctionCall); isCall {
			if x := c.fastStrOf(v.Left); x != nil {
				return fastStrCmp{x: x, lits: lits, neg: neg}
			}
		}
	}
	return nil
}
