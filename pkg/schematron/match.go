package schematron

import (
	"context"
	"fmt"
	"strings"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
)

// matcher selects the nodes a rule context (an XSLT pattern) matches.
// Each union branch is either matched directly against candidate nodes
// from the document's name index (the common case: steps with child,
// descendant and attribute axes, name tests and predicates that cannot be
// positional) or, when that is not possible, evaluated as an XPath
// expression from the document node ("//" prepended to relative paths).
type matcher struct {
	branches []*branch
}

type branch struct {
	steps    []pstep // left to right
	absolute bool
	root     bool               // the pattern "/"
	expr     *xpath3.Expression // fallback; nil when steps are used
}

type pstep struct {
	gap   bool // separated from the previous step by "//" (any ancestor)
	attr  bool
	kind  int // kindName, kindNode, kindText, kindComment, kindPI
	uri   string
	local string // "*" = any
	anyNS bool
	preds []*xpath3.Expression
	// fast holds, per predicate, its Go shortcut or nil.
	fast []fastTest
	// pre are cheap necessary conditions on the node's name taken from
	// the predicates (e.g. ends-with(name(), 'Amount')); a node failing
	// one is not matched without evaluating the predicates.
	pre []func(helium.Node) bool
}

const (
	kindName = iota
	kindNode
	kindText
	kindComment
	kindPI
)

func (c *compiler) compileMatcher(src string, n *xnode, construct string, vars scope) (*matcher, error) {
	ast, err := xpath3.Parse(src)
	if err != nil {
		return nil, &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: fmt.Sprintf("XPath syntax error in rule context %q", src), Err: err}
	}
	var parts []xpath3.Expr
	var split func(e xpath3.Expr)
	split = func(e xpath3.Expr) {
		if u, ok := e.(xpath3.UnionExpr); ok {
			split(u.Left)
			split(u.Right)
			return
		}
		if u, ok := e.(*xpath3.UnionExpr); ok {
			split(u.Left)
			split(u.Right)
			return
		}
		parts = append(parts, e)
	}
	split(ast)
	m := &matcher{}
	for _, p := range parts {
		b, err := c.compileBranch(p, n, construct, vars)
		if err != nil {
			return nil, err
		}
		m.branches = append(m.branches, b)
	}
	return m, nil
}

func (c *compiler) compileBranch(e xpath3.Expr, n *xnode, construct string, vars scope) (*branch, error) {
	lp, ok := e.(*xpath3.LocationPath)
	if ok && lp.Absolute && len(lp.Steps) == 0 {
		return &branch{root: true}, nil
	}
	if ok {
		if b, ok := c.fastBranch(lp, n, construct, vars); ok && !b.wildcardFiltered() {
			return b, nil
		}
	}
	// Fallback: evaluate as an expression from the document node.
	var full xpath3.Expr = e
	if ok && !lp.Absolute {
		steps := append([]xpath3.Step{{Axis: xpath3.AxisDescendantOrSelf, NodeTest: xpath3.TypeTest{Kind: xpath3.NodeKindNode}}}, lp.Steps...)
		full = &xpath3.LocationPath{Absolute: true, Steps: steps}
	}
	full = c.optimize(full)
	expr, err := xpath3.NewCompiler().CompileExpr(full)
	if err != nil {
		return nil, &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: "rule context", Err: err}
	}
	if err := c.checkNames(expr, vars); err != nil {
		return nil, &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: "rule context", Err: err}
	}
	return &branch{expr: expr}, nil
}

// fastBranch converts a location path into pattern steps when every step
// uses the child or attribute axis (or // between steps) and every
// predicate is certainly boolean.
func (c *compiler) fastBranch(lp *xpath3.LocationPath, n *xnode, construct string, vars scope) (*branch, bool) {
	b := &branch{absolute: lp.Absolute}
	gap := false
	for i, st := range lp.Steps {
		if st.Axis == xpath3.AxisDescendantOrSelf && len(st.Predicates) == 0 {
			if tt, ok := st.NodeTest.(xpath3.TypeTest); ok && tt.Kind == xpath3.NodeKindNode && i < len(lp.Steps)-1 {
				gap = true
				continue
			}
			return nil, false
		}
		var ps pstep
		ps.gap = gap
		gap = false
		switch st.Axis {
		case xpath3.AxisChild:
		case xpath3.AxisAttribute:
			ps.attr = true
		default:
			return nil, false
		}
		switch t := st.NodeTest.(type) {
		case xpath3.NameTest:
			ps.kind = kindName
			ps.local = t.Local
			var ok bool
			if ps.uri, ps.anyNS, ok = c.nameTestNS(t); !ok {
				return nil, false // let the fallback report the prefix
			}
		case xpath3.TypeTest:
			switch t.Kind {
			case xpath3.NodeKindNode:
				ps.kind = kindNode
			case xpath3.NodeKindText:
				ps.kind = kindText
			case xpath3.NodeKindComment:
				ps.kind = kindComment
			default:
				ps.kind = kindPI
			}
			if ps.attr {
				return nil, false
			}
		default:
			return nil, false
		}
		for _, p := range st.Predicates {
			if !booleanPredicateWith(p, c.isBooleanLet) {
				return nil, false
			}
			if ps.kind == kindName {
				ps.pre = append(ps.pre, namePrefilters(p)...)
			}
			var ft fastTest
			if !c.plain {
				ft = c.fastBool(p)
			}
			ps.fast = append(ps.fast, ft)
			p = c.optimize(p)
			expr, err := xpath3.NewCompiler().CompileExpr(p)
			if err != nil {
				return nil, false
			}
			if err := c.checkNames(expr, vars); err != nil {
				return nil, false
			}
			ps.preds = append(ps.preds, expr)
		}
		b.steps = append(b.steps, ps)
	}
	if len(b.steps) == 0 {
		return nil, false
	}
	return b, true
}

// nameTestNS returns the namespace a name test asks for, or anyNS for
// "*" and "*:local"; ok is false for a prefix the schema does not declare.
func (c *compiler) nameTestNS(t xpath3.NameTest) (uri string, anyNS, ok bool) {
	switch {
	case t.URI != "":
		return t.URI, false, true
	case t.Prefix == "*":
		return "", true, true
	case t.Prefix != "":
		u, found := c.r.ns[t.Prefix]
		return u, false, found
	case t.Local == "*":
		return "", true, true
	}
	return "", false, true
}

// booleanPredicate reports whether a predicate always yields a boolean or
// node sequence (never a number, which would make it positional) and does
// not call position() or last().
func booleanPredicate(e xpath3.Expr) bool { return booleanPredicateWith(e, nil) }

// booleanPredicateWith is booleanPredicate that also accepts a variable
// for which boolVar reports a boolean value.
func booleanPredicateWith(e xpath3.Expr, boolVar func(string) bool) bool {
	if usesFocusSize(e) {
		return false
	}
	switch v := e.(type) {
	case xpath3.VariableExpr:
		return boolVar != nil && v.Prefix == "" && boolVar(v.Name)
	case xpath3.BinaryExpr:
		return isComparisonOrLogic(v.Op)
	case *xpath3.BinaryExpr:
		return isComparisonOrLogic(v.Op)
	case *xpath3.LocationPath, xpath3.LocationPath:
		return true
	case xpath3.PathExpr:
		return v.Path != nil
	case *xpath3.PathExpr:
		return v.Path != nil
	case xpath3.QuantifiedExpr, *xpath3.QuantifiedExpr:
		return true
	case xpath3.FunctionCall:
		return booleanFunction(v.Name) && (v.Prefix == "" || v.Prefix == "fn")
	case *xpath3.FunctionCall:
		return booleanFunction(v.Name) && (v.Prefix == "" || v.Prefix == "fn")
	}
	return false
}

// booleanFunction reports whether the XPath function name returns a boolean.
func booleanFunction(name string) bool {
	switch name {
	case "not", "exists", "empty", "boolean", "contains", "starts-with", "ends-with", "matches", "true", "false",
		"deep-equal", "lang":
		return true
	}
	return false
}

func isComparisonOrLogic(op xpath3.TokenType) bool {
	switch op {
	case xpath3.TokenAnd, xpath3.TokenOr, xpath3.TokenEquals, xpath3.TokenNotEquals, xpath3.TokenLess, xpath3.TokenLessEq,
		xpath3.TokenGreater, xpath3.TokenGreaterEq, xpath3.TokenEq, xpath3.TokenNe, xpath3.TokenLt, xpath3.TokenLe, xpath3.TokenGt, xpath3.TokenGe,
		xpath3.TokenIs, xpath3.TokenNodePre, xpath3.TokenNodeFol:
		return true
	}
	return false
}

// usesFocusSize reports whether position() or last() occurs anywhere in e.
func usesFocusSize(e xpath3.Expr) bool {
	s := fmt.Sprintf("%#v", e)
	return strings.Contains(s, `Name:"position"`) || strings.Contains(s, `Name:"last"`)
}

// matches reports whether node n matches the branch's steps (right to left).
func (b *branch) matches(ctx context.Context, st *docState, n helium.Node) (bool, error) {
	return b.matchAt(ctx, st, n, len(b.steps)-1)
}

func (b *branch) matchAt(ctx context.Context, st *docState, n helium.Node, i int) (bool, error) {
	ok, err := b.steps[i].test(ctx, st, n)
	if err != nil || !ok {
		return false, err
	}
	parent := n.Parent()
	if i == 0 {
		if !b.absolute || b.steps[0].gap {
			return true, nil
		}
		return parent != nil && parent.Type() == helium.DocumentNode, nil
	}
	if !b.steps[i].gap {
		if parent == nil || parent.Type() != helium.ElementNode {
			return false, nil
		}
		return b.matchAt(ctx, st, parent, i-1)
	}
	for a := parent; a != nil && a.Type() == helium.ElementNode; a = a.Parent() {
		ok, err := b.matchAt(ctx, st, a, i-1)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

func (s *pstep) test(ctx context.Context, st *docState, n helium.Node) (bool, error) {
	switch s.kind {
	case kindName:
		var uri, local string
		switch v := n.(type) {
		case *helium.Element:
			if s.attr {
				return false, nil
			}
			uri, local = v.URI(), v.LocalName()
		case *helium.Attribute:
			if !s.attr {
				return false, nil
			}
			uri, local = v.URI(), v.LocalName()
		default:
			return false, nil
		}
		if s.local != "*" && s.local != local {
			return false, nil
		}
		if !s.anyNS && s.uri != uri {
			return false, nil
		}
	case kindNode:
		switch n.Type() {
		case helium.ElementNode, helium.TextNode, helium.CommentNode, helium.ProcessingInstructionNode, helium.CDATASectionNode:
		default:
			return false, nil
		}
	case kindText:
		if t := n.Type(); t != helium.TextNode && t != helium.CDATASectionNode {
			return false, nil
		}
	case kindComment:
		if n.Type() != helium.CommentNode {
			return false, nil
		}
	case kindPI:
		if n.Type() != helium.ProcessingInstructionNode {
			return false, nil
		}
	}
	if !st.r.noFast {
		for _, f := range s.pre {
			if !f(n) {
				return false, nil
			}
		}
	}
	for i, p := range s.preds {
		if f := s.fast[i]; f != nil && !st.r.noFast {
			if v, ok := tryTest(f, st, n); ok {
				if !v {
					return false, nil
				}
				continue
			}
		}
		ok, err := st.ebv(ctx, p, n)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// wildcardFiltered reports whether the last step matches any element or
// attribute and has predicates: testing every node of the document one by
// one costs more than one XPath evaluation of the whole branch.
func (b *branch) wildcardFiltered() bool {
	last := b.steps[len(b.steps)-1]
	return len(last.preds) > 0 && len(last.pre) == 0 && (last.kind != kindName || last.anyNS || last.local == "*")
}

// namePrefilters returns Go tests for the conjuncts of a predicate that
// compare name() or local-name() with a string literal: fn(name(), 'x')
// for ends-with, starts-with and contains, and name() = 'x'.
func namePrefilters(e xpath3.Expr) []func(helium.Node) bool {
	var out []func(helium.Node) bool
	var walk func(e xpath3.Expr)
	walk = func(e xpath3.Expr) {
		switch v := e.(type) {
		case xpath3.BinaryExpr:
			if v.Op == xpath3.TokenAnd {
				walk(v.Left)
				walk(v.Right)
				return
			}
			if v.Op == xpath3.TokenEquals || v.Op == xpath3.TokenEq {
				if get := nameGetter(v.Left); get != nil {
					if lit, ok := stringLiteral(v.Right); ok {
						out = append(out, func(n helium.Node) bool { return get(n) == lit })
					}
				}
			}
		case xpath3.FunctionCall:
			if (v.Prefix != "" && v.Prefix != "fn") || len(v.Args) != 2 {
				return
			}
			get := nameGetter(v.Args[0])
			lit, ok := stringLiteral(v.Args[1])
			if get == nil || !ok {
				return
			}
			switch v.Name {
			case "ends-with":
				out = append(out, func(n helium.Node) bool { return strings.HasSuffix(get(n), lit) })
			case "starts-with":
				out = append(out, func(n helium.Node) bool { return strings.HasPrefix(get(n), lit) })
			case "contains":
				out = append(out, func(n helium.Node) bool { return strings.Contains(get(n), lit) })
			}
		}
	}
	walk(e)
	return out
}

// nameGetter returns the Go equivalent of name() or local-name() on the
// context node, or nil.
func nameGetter(e xpath3.Expr) func(helium.Node) string {
	f, ok := e.(xpath3.FunctionCall)
	if !ok || len(f.Args) != 0 || (f.Prefix != "" && f.Prefix != "fn") {
		return nil
	}
	switch f.Name {
	case "name":
		return func(n helium.Node) string { return n.Name() }
	case "local-name":
		return func(n helium.Node) string {
			switch v := n.(type) {
			case *helium.Element:
				return v.LocalName()
			case *helium.Attribute:
				return v.LocalName()
			}
			return n.Name()
		}
	}
	return nil
}

func stringLiteral(e xpath3.Expr) (string, bool) {
	l, ok := e.(xpath3.LiteralExpr)
	if !ok {
		return "", false
	}
	s, ok := l.Value.(string)
	return s, ok
}

// isBooleanLet reports whether a schema or pattern let (visible in rule
// contexts) certainly holds a boolean: its expression is a comparison,
// and/or, a quantified expression or a call of a boolean function.
func (c *compiler) isBooleanLet(name string) bool {
	var d *letDef
	if g, ok := c.r.globals[name]; ok {
		d = g
	} else if p, ok := c.r.patternLets[name]; ok {
		d = p.lets[name]
	}
	if d == nil || d.src == "" || c.boolDepth > 8 {
		return false
	}
	ast, err := xpath3.Parse(d.src)
	if err != nil {
		return false
	}
	switch ast.(type) {
	case *xpath3.LocationPath, xpath3.PathExpr, *xpath3.PathExpr:
		return false // a node sequence: fine as a predicate, but not a boolean let
	}
	c.boolDepth++
	defer func() { c.boolDepth-- }()
	return booleanPredicateWith(ast, c.isBooleanLet)
}
