package schematron

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
)

// idxVarPrefix names the variables that stand for absolute //name paths
// answered from the document's name index.
const idxVarPrefix = "ozgctl.idx."

// indexVar is an absolute //name (or //@name) replaced by a variable,
// or, with filter set, such a list filtered by predicates that depend on
// nothing but the candidate node (a memo evaluated once per document).
type indexVar struct {
	attr   bool
	key    qname
	filter *xpath3.Expression
}

// optimize rewrites an expression for speed without changing its value:
//
//   - an absolute //name[p] or //@name[p] (p never positional) becomes a
//     variable bound per document to the name index's node list, filtered
//     by p; //(a|b) becomes the union of two such variables;
//   - E//name[p] becomes E/descendant::name[p], which helium evaluates
//     without building the descendant-or-self node set first.
func (c *compiler) optimize(e xpath3.Expr) xpath3.Expr {
	if e == nil {
		return nil
	}
	return c.rw(e)
}

func (c *compiler) rw(e xpath3.Expr) xpath3.Expr {
	switch v := e.(type) {
	case *xpath3.LocationPath:
		return c.rwPath(v)
	case xpath3.PathExpr:
		if v.Path != nil && !v.Path.Absolute {
			return c.chain(c.rw(v.Filter), c.rwSteps(v.Path.Steps))
		}
	case *xpath3.PathExpr:
		if v.Path != nil && !v.Path.Absolute {
			return c.chain(c.rw(v.Filter), c.rwSteps(v.Path.Steps))
		}
	case xpath3.PathStepExpr:
		if u := c.indexUnion(v); u != nil {
			return u
		}
	case *xpath3.PathStepExpr:
		if u := c.indexUnion(*v); u != nil {
			return u
		}
	}
	out := c.rwValue(reflect.ValueOf(e))
	if r, ok := out.Interface().(xpath3.Expr); ok {
		return r
	}
	return e
}

var (
	exprType = reflect.TypeOf((*xpath3.Expr)(nil)).Elem()
	lpType   = reflect.TypeOf((*xpath3.LocationPath)(nil))
)

// rwValue copies v, rewriting every expression inside it.
func (c *compiler) rwValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		if e, ok := v.Interface().(xpath3.Expr); ok && v.Type() == exprType {
			return reflect.ValueOf(c.rw(e))
		}
		inner := c.rwValue(v.Elem())
		out := reflect.New(v.Type()).Elem()
		if inner.Type().AssignableTo(v.Type()) {
			out.Set(inner)
			return out
		}
		return v
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if v.Type() == lpType {
			return reflect.ValueOf(c.rwPath(v.Interface().(*xpath3.LocationPath)))
		}
		if v.Elem().Kind() != reflect.Struct {
			return v
		}
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(c.rwValue(v.Elem()))
		return cp
	case reflect.Struct:
		cp := reflect.New(v.Type()).Elem()
		cp.Set(v)
		for i := 0; i < v.NumField(); i++ {
			f := cp.Field(i)
			if !f.CanSet() {
				continue
			}
			nv := c.rwValue(v.Field(i))
			if nv.IsValid() && nv.Type().AssignableTo(f.Type()) {
				f.Set(nv)
			} else if nv.IsValid() && f.Kind() == reflect.Interface && nv.Type().Implements(f.Type()) {
				f.Set(nv)
			}
		}
		return cp
	case reflect.Slice:
		if v.IsNil() || !containsExprs(v.Type().Elem()) {
			return v
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			nv := c.rwValue(v.Index(i))
			if nv.IsValid() && (nv.Type().AssignableTo(cp.Index(i).Type()) || (cp.Index(i).Kind() == reflect.Interface && nv.Type().Implements(cp.Index(i).Type()))) {
				cp.Index(i).Set(nv)
			} else {
				cp.Index(i).Set(v.Index(i))
			}
		}
		return cp
	}
	return v
}

// containsExprs reports whether values of type t can hold expressions.
func containsExprs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Struct, reflect.Slice:
		return true
	}
	return false
}

func isDescOrSelfNode(st xpath3.Step) bool {
	if st.Axis != xpath3.AxisDescendantOrSelf || len(st.Predicates) > 0 {
		return false
	}
	tt, ok := st.NodeTest.(xpath3.TypeTest)
	return ok && tt.Kind == xpath3.NodeKindNode
}

// indexKey returns the index key of a child or attribute step with a
// plain name test.
func (c *compiler) indexKey(st xpath3.Step) (key qname, attr, ok bool) {
	if st.Axis != xpath3.AxisChild && st.Axis != xpath3.AxisAttribute {
		return qname{}, false, false
	}
	nt, isName := st.NodeTest.(xpath3.NameTest)
	if !isName || nt.Local == "*" || nt.Prefix == "*" {
		return qname{}, false, false
	}
	uri := nt.URI
	if uri == "" && nt.Prefix != "" {
		u, found := c.r.ns[nt.Prefix]
		if !found {
			return qname{}, false, false
		}
		uri = u
	}
	for _, p := range st.Predicates {
		if !booleanPredicate(p) {
			return qname{}, false, false
		}
	}
	return qname{uri, nt.Local}, st.Axis == xpath3.AxisAttribute, true
}

func (c *compiler) indexVarExpr(key qname, attr bool, preds []xpath3.Expr) xpath3.Expr {
	if len(preds) > 0 && !c.plain {
		if m, ok := c.memoVar(key, attr, preds); ok {
			return m
		}
	}
	n := -1
	for i, iv := range c.r.idxVars {
		if iv.filter == nil && iv.key == key && iv.attr == attr {
			n = i
			break
		}
	}
	if n < 0 {
		n = len(c.r.idxVars)
		c.r.idxVars = append(c.r.idxVars, indexVar{attr: attr, key: key})
	}
	var e xpath3.Expr = xpath3.VariableExpr{Name: idxVarPrefix + strconv.Itoa(n)}
	if len(preds) > 0 {
		e = xpath3.FilterExpr{Expr: e, Predicates: preds}
	}
	return e
}

func (c *compiler) rwSteps(in []xpath3.Step) []xpath3.Step {
	steps := make([]xpath3.Step, len(in))
	for i, st := range in {
		st.Predicates = c.rwExprs(st.Predicates)
		steps[i] = st
	}
	return steps
}

func (c *compiler) rwPath(lp *xpath3.LocationPath) xpath3.Expr {
	steps := c.rwSteps(lp.Steps)
	// Absolute //name[p]...: the name index.
	if lp.Absolute && len(steps) >= 2 && isDescOrSelfNode(steps[0]) {
		if key, attr, ok := c.indexKey(steps[1]); ok {
			base := c.indexVarExpr(key, attr, steps[1].Predicates)
			return c.chain(base, mergeDescendant(steps[2:]))
		}
	}
	steps = mergeDescendant(steps)
	if lp.Absolute {
		if len(steps) == 0 {
			return lp
		}
		return c.chain(xpath3.RootExpr{}, steps)
	}
	return c.chain(nil, steps)
}

// chain builds start/step/step…, replacing child::name steps by calls of
// an internal function that answers from a per-node child list. helium's
// child axis allocates a cycle-guard map on every evaluation, which
// dominated rules with many asserts on an element with many children.
// A predicate on such a step is applied to the children of one node,
// exactly as on the axis step, so positional predicates stay correct.
func (c *compiler) chain(start xpath3.Expr, steps []xpath3.Step) xpath3.Expr {
	cur := start
	var axis *xpath3.LocationPath // open run of axis steps
	flush := func() {
		if axis == nil {
			return
		}
		switch {
		case cur == nil:
			cur = axis
		default:
			cur = xpath3.PathExpr{Filter: cur, Path: axis}
		}
		axis = nil
	}
	afterDos := false
	for _, st := range steps {
		// After descendant-or-self::node() (a // that could not become
		// descendant::), helium's own step beats a call per node.
		if f := c.childCall(st); f != nil && !afterDos {
			flush()
			if cur == nil {
				cur = f
			} else {
				cur = xpath3.PathStepExpr{Left: cur, Right: f}
			}
			continue
		}
		afterDos = isDescOrSelfNode(st)
		if axis == nil {
			axis = &xpath3.LocationPath{}
		}
		axis.Steps = append(axis.Steps, st)
	}
	flush()
	if cur == nil {
		return &xpath3.LocationPath{}
	}
	return cur
}

// childTest selects element children by name; an empty uri with anyNS,
// or local "*", is a wildcard.
type childTest struct {
	uri, local string
	anyNS      bool
	// id is the name's number in Rules.nameIDs for the plain names of
	// the Go shortcuts (0 otherwise), compared with the children's ids.
	id int32
}

const internalNS = "urn:ozgctl:schematron:internal"

// childCall returns the internal function call standing for a child::name
// step, or nil when the step is something else.
func (c *compiler) childCall(st xpath3.Step) xpath3.Expr {
	if st.Axis != xpath3.AxisChild {
		return nil
	}
	nt, ok := st.NodeTest.(xpath3.NameTest)
	if !ok {
		return nil
	}
	t := childTest{local: nt.Local}
	var found bool
	if t.uri, t.anyNS, found = c.nameTestNS(nt); !found {
		return nil // leave it to the prefix check
	}
	n := -1
	for i, x := range c.r.childTests {
		if x == t {
			n = i
			break
		}
	}
	if n < 0 {
		n = len(c.r.childTests)
		c.r.childTests = append(c.r.childTests, t)
	}
	var e xpath3.Expr = xpath3.FunctionCall{Prefix: internalPrefix, Name: "c" + strconv.Itoa(n)}
	if len(st.Predicates) > 0 {
		e = xpath3.FilterExpr{Expr: e, Predicates: st.Predicates}
	}
	return e
}

const internalPrefix = "ozgctl-internal"

// childFn implements the internal child-step functions.
type childFn struct {
	t childTest
	n int
}

func (childFn) MinArity() int { return 0 }
func (childFn) MaxArity() int { return 0 }
func (f childFn) Call(ctx context.Context, _ []xpath3.Sequence) (xpath3.Sequence, error) {
	n := xpath3.FnContextNode(ctx)
	if n == nil {
		return nil, &xpath3.XPathError{Code: "XPTY0020", Message: "the context item of a path step is not a node"}
	}
	fr, _ := ctx.Value(frameKey{}).(*frame)
	if fr == nil {
		return f.select_(elementChildren(n)), nil
	}
	key := childKey{n, f.n}
	if seq, ok := fr.st.childSel[key]; ok {
		return seq, nil
	}
	seq := f.select_(fr.st.children(n))
	fr.st.childSel[key] = seq
	return seq, nil
}

type childKey struct {
	node helium.Node
	test int
}

// select_ returns the matching children as a sequence whose capacity
// equals its length, so that no caller can append into a cached one.
func (f childFn) select_(kids []*helium.Element) xpath3.Sequence {
	cnt := 0
	for _, k := range kids {
		if f.t.matches(k) {
			cnt++
		}
	}
	if cnt == 0 {
		return xpath3.EmptySequence()
	}
	out := make(xpath3.ItemSlice, 0, cnt)
	for _, k := range kids {
		if f.t.matches(k) {
			out = append(out, xpath3.NodeItem{Node: k})
		}
	}
	return out
}

func (t childTest) matches(k *helium.Element) bool {
	if t.local != "*" && k.LocalName() != t.local {
		return false
	}
	return t.anyNS || k.URI() == t.uri
}

func elementChildren(n helium.Node) []*helium.Element {
	if n.Type() != helium.ElementNode && n.Type() != helium.DocumentNode {
		return nil
	}
	var out []*helium.Element
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if e, ok := c.(*helium.Element); ok {
			out = append(out, e)
		}
	}
	return out
}

// kidList is the element children of a node with their name ids
// (Rules.nameIDs; 0 for a name no shortcut tests).
type kidList struct {
	els []*helium.Element
	ids []int32
}

// children returns the element children of n, cached per document.
func (st *docState) children(n helium.Node) []*helium.Element { return st.kidsOf(n).els }

// kidsOf returns the element children of n with their name ids, cached
// per document: the shortcuts then compare numbers, not names.
func (st *docState) kidsOf(n helium.Node) kidList {
	if k, ok := st.kids[n]; ok {
		return k
	}
	els := elementChildren(n)
	k := kidList{els: els}
	if len(els) > 0 {
		k.ids = make([]int32, len(els))
		for i, e := range els {
			k.ids[i] = st.r.nameIDs[qname{e.URI(), e.LocalName()}]
		}
	}
	st.kids[n] = k
	return k
}

// mergeDescendant turns descendant-or-self::node()/child::T[p] into
// descendant::T[p] where p cannot be positional.
func mergeDescendant(steps []xpath3.Step) []xpath3.Step {
	out := make([]xpath3.Step, 0, len(steps))
	for i := 0; i < len(steps); i++ {
		if i+1 < len(steps) && isDescOrSelfNode(steps[i]) && steps[i+1].Axis == xpath3.AxisChild {
			safe := true
			for _, p := range steps[i+1].Predicates {
				if !booleanPredicate(p) {
					safe = false
				}
			}
			if safe {
				next := steps[i+1]
				next.Axis = xpath3.AxisDescendant
				out = append(out, next)
				i++
				continue
			}
		}
		out = append(out, steps[i])
	}
	return out
}

func (c *compiler) rwExprs(es []xpath3.Expr) []xpath3.Expr {
	if es == nil {
		return nil
	}
	out := make([]xpath3.Expr, len(es))
	for i, e := range es {
		out[i] = c.rw(e)
	}
	return out
}

// indexUnion rewrites //(a|b) into the union of index variables.
func (c *compiler) indexUnion(ps xpath3.PathStepExpr) xpath3.Expr {
	lp, ok := ps.Left.(*xpath3.LocationPath)
	if !ok || ps.DescOrSelf || !lp.Absolute || len(lp.Steps) != 1 || !isDescOrSelfNode(lp.Steps[0]) {
		return nil
	}
	var branches []xpath3.Expr
	var split func(e xpath3.Expr) bool
	split = func(e xpath3.Expr) bool {
		switch u := e.(type) {
		case xpath3.UnionExpr:
			return split(u.Left) && split(u.Right)
		case *xpath3.UnionExpr:
			return split(u.Left) && split(u.Right)
		case *xpath3.LocationPath:
			if u.Absolute || len(u.Steps) != 1 {
				return false
			}
			st := u.Steps[0]
			st.Predicates = c.rwExprs(st.Predicates)
			key, attr, ok := c.indexKey(st)
			if !ok {
				return false
			}
			branches = append(branches, c.indexVarExpr(key, attr, st.Predicates))
			return true
		}
		return false
	}
	if !split(ps.Right) || len(branches) == 0 {
		return nil
	}
	out := branches[0]
	for _, b := range branches[1:] {
		out = xpath3.UnionExpr{Left: out, Right: b}
	}
	return out
}

// indexVar returns the value of index variable n for the document,
// evaluating a memo's filter on first use (its error is kept, too, so
// that every assert using it fails the same way as it would inline).
func (st *docState) indexVar(ctx context.Context, n int) (xpath3.Sequence, error) {
	if v, ok := st.idxVals[n]; ok {
		return v, nil
	}
	iv := st.r.idxVars[n]
	if iv.filter != nil {
		if err, ok := st.idxErrs[n]; ok {
			return nil, err
		}
		fr := &frame{st: st, node: st.doc}
		res, err := st.eval.Evaluate(context.WithValue(ctx, frameKey{}, fr), iv.filter, st.doc)
		if err != nil {
			if ctx.Err() == nil { // an interrupted evaluation is not the filter's result
				st.idxErrs[n] = err
			}
			return nil, err
		}
		seq := res.Sequence()
		if is, ok := seq.(xpath3.ItemSlice); ok {
			seq = slices.Clip(is) // no caller may append into the shared value
		}
		st.idxVals[n] = seq
		return seq, nil
	}
	v := st.nameVar(iv)
	st.idxVals[n] = v
	return v, nil
}

// nameVar builds the sequence of all nodes named by iv, once per document.
func (st *docState) nameVar(iv indexVar) xpath3.Sequence {
	idx := st.index()
	var nodes []helium.Node
	if iv.attr {
		nodes = idx.attrs[iv.key]
	} else {
		nodes = idx.elems[iv.key]
	}
	items := make(xpath3.ItemSlice, len(nodes))
	for i, nd := range nodes {
		items[i] = xpath3.NodeItem{Node: nd}
	}
	return items
}

// memoVar returns the variable standing for //name[preds] when the
// predicates can be evaluated once per document: they use no variable
// but the document-level index variables, neither current() nor an
// xsl:function (whose body could read the rule's frame), and no
// position() or last() (indexKey has checked that). The same filter
// written in several asserts and rules shares one variable. When only
// the first predicates qualify, //name[p1][p2] becomes $memo[p2] with
// $memo standing for //name[p1]: predicates that cannot be positional
// filter one after another, so the result is the same.
func (c *compiler) memoVar(key qname, attr bool, preds []xpath3.Expr) (xpath3.Expr, bool) {
	for k := len(preds); k > 0; k-- {
		m, ok := c.memoOf(key, attr, preds[:k])
		if !ok {
			continue
		}
		if k == len(preds) {
			return m, true
		}
		return xpath3.FilterExpr{Expr: m, Predicates: preds[k:]}, true
	}
	return nil, false
}

// memoOf returns the memo variable of //name[preds], or false when the
// predicates are not document-level (remembered, too).
func (c *compiler) memoOf(key qname, attr bool, preds []xpath3.Expr) (xpath3.Expr, bool) {
	base := c.indexVarExpr(key, attr, nil)
	fe := xpath3.FilterExpr{Expr: base, Predicates: preds}
	sig := astKey(fe)
	if n, ok := c.memoKeys[sig]; ok {
		if n < 0 {
			return nil, false
		}
		return xpath3.VariableExpr{Name: idxVarPrefix + strconv.Itoa(n)}, true
	}
	expr, err := xpath3.NewCompiler().CompileExpr(fe)
	if err != nil || !c.documentLevel(expr) {
		c.memoKeys[sig] = -1
		return nil, false
	}
	n := len(c.r.idxVars)
	c.r.idxVars = append(c.r.idxVars, indexVar{attr: attr, key: key, filter: expr})
	c.memoKeys[sig] = n
	return xpath3.VariableExpr{Name: idxVarPrefix + strconv.Itoa(n)}, true
}

// documentLevel reports whether expr's value depends on the document
// alone: only index variables, only built-in and internal functions,
// no current().
func (c *compiler) documentLevel(expr *xpath3.Expression) bool {
	refs := expr.StaticReferences(c.r.evalNamespaces())
	for _, v := range refs.FreeVariables {
		if !strings.HasPrefix(v, idxVarPrefix) {
			return false
		}
	}
	for _, f := range refs.FunctionNames {
		switch {
		case f.URI == internalNS:
		case f.URI == nsFn && f.Name == "current":
			return false
		case f.URI == nsFn && xpath3.BuiltinFunctionAcceptsArity(f.URI, f.Name, f.Arity):
		default:
			return false
		}
	}
	return true
}

// astKey renders an expression tree with pointers followed, so that two
// equal trees give equal keys.
func astKey(e any) string {
	var b strings.Builder
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Invalid:
			b.WriteString("nil")
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			if v.Kind() == reflect.Pointer {
				b.WriteByte('&')
			}
			walk(v.Elem())
		case reflect.Struct:
			b.WriteString(v.Type().String())
			b.WriteByte('{')
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
				b.WriteByte(',')
			}
			b.WriteByte('}')
		case reflect.Slice, reflect.Array:
			b.WriteByte('[')
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
				b.WriteByte(',')
			}
			b.WriteByte(']')
		case reflect.Map:
			// Not part of parsed XPath trees; keep keys apart.
			fmt.Fprintf(&b, "%p", v.UnsafePointer())
		default:
			fmt.Fprintf(&b, "%s(%#v)", v.Type(), v)
		}
	}
	walk(reflect.ValueOf(e))
	return b.String()
}

// rootVar returns the index variable for the absolute //step (a child
// name step whose predicates, if any, became a memo), for shortcuts
// that start from it.
func (c *compiler) rootVar(step xpath3.Step) (int, bool) {
	return c.rootVarOf(step, false)
}

// rootVarOf is rootVar that also takes an attribute step (//@name) when
// attrOK is set.
func (c *compiler) rootVarOf(step xpath3.Step, attrOK bool) (int, bool) {
	key, attr, ok := c.indexKey(step)
	if !ok || (attr && !attrOK) {
		return 0, false
	}
	v, ok := c.indexVarExpr(key, attr, c.rwExprs(step.Predicates)).(xpath3.VariableExpr)
	if !ok || !strings.HasPrefix(v.Name, idxVarPrefix) {
		return 0, false
	}
	n, err := strconv.Atoi(v.Name[len(idxVarPrefix):])
	return n, err == nil
}

// rootNodes returns index variable n as nodes; ok is false when its
// memo raised an error (the shortcut then declines and XPath reports it).
func (st *docState) rootNodes(n int) ([]helium.Node, bool) {
	if nodes, ok := st.roots[n]; ok {
		return nodes, true
	}
	ctx := st.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	seq, err := st.indexVar(ctx, n)
	if err != nil {
		return nil, false
	}
	nodes, ok := xpath3.NodesFrom(seq)
	if !ok {
		return nil, false
	}
	if st.roots == nil {
		st.roots = map[int][]helium.Node{}
	}
	st.roots[n] = nodes
	return nodes, true
}
