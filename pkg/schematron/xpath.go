package schematron

import (
	"context"
	"fmt"
	"strings"

	"github.com/lestrrat-go/helium/xpath3"
)

const nsFn = "http://www.w3.org/2005/xpath-functions"

// xpath compiles src and checks its names against the schema: namespace
// prefixes (only sch:ns declarations are in scope), functions (built-in,
// xsl:function, XSLT current()) and variables (lets in scope).
func (c *compiler) xpath(src string, n *xnode, construct string, vars scope) (*xpath3.Expression, error) {
	ast, err := xpath3.Parse(src)
	if err != nil {
		return nil, &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: fmt.Sprintf("XPath syntax error in %q", strings.TrimSpace(src)), Err: err}
	}
	ast = c.optimize(ast)
	expr, err := xpath3.NewCompiler().CompileExpr(ast)
	if err != nil {
		return nil, &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: fmt.Sprintf("XPath error in %q", strings.TrimSpace(src)), Err: err}
	}
	if err := c.checkNames(expr, vars); err != nil {
		return nil, &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: fmt.Sprintf("in %q", strings.TrimSpace(src)), Err: err}
	}
	return expr, nil
}

func (c *compiler) checkNames(expr *xpath3.Expression, vars scope) error {
	ns := c.r.evalNamespaces()
	if err := expr.Validate(ns); err != nil {
		return err
	}
	refs := expr.StaticReferences(ns)
	for _, f := range refs.FunctionNames {
		if f.URI == nsFn && f.Name == "current" && f.Arity == 0 {
			continue
		}
		if f.URI == internalNS {
			continue
		}
		if uf, ok := c.r.funcs[xpath3.QualifiedName{URI: f.URI, Name: f.Name}]; ok {
			if f.Arity == len(uf.params) {
				continue
			}
			return fmt.Errorf("function %s takes %d arguments, called with %d", displayFn(f), len(uf.params), f.Arity)
		}
		if xpath3.BuiltinFunctionAcceptsArity(f.URI, f.Name, f.Arity) {
			continue
		}
		if f.URI == "http://www.w3.org/2001/XMLSchema" && f.Arity == 1 && xpath3.IsKnownXSDType("xs:"+f.Name) {
			continue
		}
		if xpath3.IsBuiltinFunctionNS(f.URI, f.Name) {
			return fmt.Errorf("function %s does not accept %d arguments", displayFn(f), f.Arity)
		}
		return fmt.Errorf("unknown function %s#%d", displayFn(f), f.Arity)
	}
	for _, v := range refs.FreeVariables {
		if strings.HasPrefix(v, idxVarPrefix) {
			continue
		}
		if vars == nil || !vars(v) {
			return fmt.Errorf("unknown variable $%s", v)
		}
	}
	return nil
}

func displayFn(f xpath3.FunctionNameRef) string {
	if f.Prefix != "" {
		return f.Prefix + ":" + f.Name
	}
	return f.Name
}

// userFunc is an xsl:function: parameters, local variables and a result.
type userFunc struct {
	name   xpath3.QualifiedName
	params []fnVar
	vars   []fnVar
	result *xpath3.Expression
	as     *xpath3.SequenceType
	file   string
	line   int
}

type fnVar struct {
	name string
	as   *xpath3.SequenceType
	expr *xpath3.Expression
}

func (c *compiler) compileFunctions() error {
	// Register signatures first so functions may call each other.
	for _, n := range c.fnNodes {
		name := n.get("name")
		prefix, local, ok := strings.Cut(name, ":")
		if !ok {
			return errAt(n, "xsl:function", "function name %q must have a namespace prefix", name)
		}
		uri, ok := n.ns[prefix]
		if !ok {
			return errAt(n, "xsl:function", "undeclared prefix %q in function name %q", prefix, name)
		}
		f := &userFunc{name: xpath3.QualifiedName{URI: uri, Name: local}, file: n.file, line: n.line}
		for _, ch := range n.children() {
			if ch.name.Space == nsXSL && ch.name.Local == "param" {
				f.params = append(f.params, fnVar{name: ch.get("name")})
			}
		}
		c.r.funcs[f.name] = f
	}
	for _, n := range c.fnNodes {
		prefix, local, _ := strings.Cut(n.get("name"), ":")
		f := c.r.funcs[xpath3.QualifiedName{URI: n.ns[prefix], Name: local}]
		cons := fmt.Sprintf("xsl:function name=%q", n.get("name"))
		if as := n.get("as"); as != "" {
			st, err := xpath3.ParseSequenceType(as)
			if err != nil {
				return errAt(n, cons, "bad as=%q: %v", as, err)
			}
			f.as = &st
		}
		local_ := map[string]bool{}
		sc := func(name string) bool { return local_[name] || c.globalScope(nil)(name) }
		pi := 0
		for _, ch := range n.children() {
			if ch.name.Space != nsXSL {
				return errAt(ch, cons, "unsupported element {%s}%s in function body", ch.name.Space, ch.name.Local)
			}
			var st *xpath3.SequenceType
			if as := ch.get("as"); as != "" {
				t, err := xpath3.ParseSequenceType(as)
				if err != nil {
					return errAt(ch, cons, "bad as=%q: %v", as, err)
				}
				st = &t
			}
			switch ch.name.Local {
			case "param":
				f.params[pi].as = st
				pi++
				local_[ch.get("name")] = true
			case "variable":
				sel, ok := ch.attr("select")
				if !ok {
					return errAt(ch, cons, "xsl:variable without select is not supported")
				}
				e, err := c.xpath(sel, ch, cons, sc)
				if err != nil {
					return err
				}
				f.vars = append(f.vars, fnVar{name: ch.get("name"), as: st, expr: e})
				local_[ch.get("name")] = true
			case "sequence":
				if f.result != nil {
					return errAt(ch, cons, "more than one xsl:sequence is not supported")
				}
				sel, ok := ch.attr("select")
				if !ok {
					return errAt(ch, cons, "xsl:sequence without select")
				}
				e, err := c.xpath(sel, ch, cons, sc)
				if err != nil {
					return err
				}
				f.result = e
			default:
				return errAt(ch, cons, "xsl:%s is not supported in a function body (use xsl:param, xsl:variable, xsl:sequence)", ch.name.Local)
			}
		}
		if f.result == nil {
			return errAt(n, cons, "function body has no xsl:sequence")
		}
	}
	return nil
}

func (f *userFunc) MinArity() int { return len(f.params) }
func (f *userFunc) MaxArity() int { return len(f.params) }

// Call evaluates the function body: parameters and variables are bound in
// order, the xsl:sequence result is coerced to the declared type.
func (f *userFunc) Call(ctx context.Context, args []xpath3.Sequence) (xpath3.Sequence, error) {
	fr, _ := ctx.Value(frameKey{}).(*frame)
	if fr == nil {
		return nil, fmt.Errorf("function %s called outside of a rule evaluation", f.name.Name)
	}
	// Each call starts a fresh helium evaluation, whose own depth limit
	// and cancellation checks never see the chain of calls: a function
	// that recurses forever would run until the process is killed.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st := fr.st
	if st.calls >= MaxCallDepth {
		return nil, &CallDepthError{Function: f.name.Name, Depth: MaxCallDepth, File: f.file, Line: f.line}
	}
	st.calls++
	defer func() { st.calls-- }()
	vars := make(map[string]xpath3.Sequence, len(f.params)+len(f.vars))
	for i, p := range f.params {
		v := args[i]
		if p.as != nil {
			cv, ok := xpath3.CoerceToSequenceTypeContext(ctx, v, *p.as)
			if !ok {
				return nil, &xpath3.XPathError{Code: "XTTE0790", Message: fmt.Sprintf("argument $%s of %s does not match its declared type", p.name, f.name.Name)}
			}
			v = cv
		}
		vars[p.name] = v
	}
	ev := fr.st.fnEval.Variables(vars)
	for _, v := range f.vars {
		res, err := ev.Evaluate(ctx, v.expr, nil)
		if err != nil {
			return nil, err
		}
		seq := res.Sequence()
		if v.as != nil {
			cv, ok := xpath3.CoerceToSequenceTypeContext(ctx, seq, *v.as)
			if !ok {
				return nil, &xpath3.XPathError{Code: "XTTE0570", Message: fmt.Sprintf("variable $%s in %s does not match its declared type", v.name, f.name.Name)}
			}
			seq = cv
		}
		vars[v.name] = seq
		ev = fr.st.fnEval.Variables(vars)
	}
	res, err := ev.Evaluate(ctx, f.result, nil)
	if err != nil {
		return nil, err
	}
	seq := res.Sequence()
	if f.as != nil {
		cv, ok := xpath3.CoerceToSequenceTypeContext(ctx, seq, *f.as)
		if !ok {
			return nil, &xpath3.XPathError{Code: "XTTE0780", Message: fmt.Sprintf("result of %s does not match its declared type", f.name.Name)}
		}
		seq = cv
	}
	return seq, nil
}

// currentFn is XSLT's current(): the rule's context node.
type currentFn struct{}

func (currentFn) MinArity() int { return 0 }
func (currentFn) MaxArity() int { return 0 }
func (currentFn) Call(ctx context.Context, _ []xpath3.Sequence) (xpath3.Sequence, error) {
	fr, _ := ctx.Value(frameKey{}).(*frame)
	if fr == nil || fr.node == nil {
		return xpath3.EmptySequence(), nil
	}
	return xpath3.SingleNode(fr.node), nil
}

// evalNamespaces returns the prefixes for evaluation: the schema's plus
// the internal prefix of the optimizer's functions.
func (r *Rules) evalNamespaces() map[string]string {
	if r.evalNS == nil || len(r.evalNS) != len(r.ns)+1 {
		m := make(map[string]string, len(r.ns)+1)
		for k, v := range r.ns {
			m[k] = v
		}
		m[internalPrefix] = internalNS
		r.evalNS = m
	}
	return r.evalNS
}
