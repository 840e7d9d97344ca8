package schematron

import (
	"reflect"
	"strconv"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
)

// idxVarPrefix names the variables that stand for absolute //name paths
// answered from the document's name index.
const idxVarPrefix = "ozgctl.idx."

// indexVar is an absolute //name (or //@name) replaced by a variable.
type indexVar struct {
	attr bool
	key  string
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
func (c *compiler) indexKey(st xpath3.Step) (key string, attr, ok bool) {
	if st.Axis != xpath3.AxisChild && st.Axis != xpath3.AxisAttribute {
		return "", false, false
	}
	nt, isName := st.NodeTest.(xpath3.NameTest)
	if !isName || nt.Local == "*" || nt.Prefix == "*" {
		return "", false, false
	}
	uri := nt.URI
	if uri == "" && nt.Prefix != "" {
		u, found := c.r.ns[nt.Prefix]
		if !found {
			return "", false, false
		}
		uri = u
	}
	for _, p := range st.Predicates {
		if !booleanPredicate(p) {
			return "", false, false
		}
	}
	return "{" + uri + "}" + nt.Local, st.Axis == xpath3.AxisAttribute, true
}

func (c *compiler) indexVarExpr(key string, attr bool, preds []xpath3.Expr) xpath3.Expr {
	n := -1
	for i, iv := range c.r.idxVars {
		if iv.key == key && iv.attr == attr {
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

func (c *compiler) rwPath(lp *xpath3.LocationPath) xpath3.Expr {
	steps := make([]xpath3.Step, len(lp.Steps))
	for i, st := range lp.Steps {
		st.Predicates = c.rwExprs(st.Predicates)
		steps[i] = st
	}
	// Absolute //name[p]...: the name index.
	if lp.Absolute && len(steps) >= 2 && isDescOrSelfNode(steps[0]) {
		if key, attr, ok := c.indexKey(steps[1]); ok {
			base := c.indexVarExpr(key, attr, steps[1].Predicates)
			rest := mergeDescendant(steps[2:])
			if len(rest) == 0 {
				return base
			}
			return xpath3.PathExpr{Filter: base, Path: &xpath3.LocationPath{Steps: rest}}
		}
	}
	return &xpath3.LocationPath{Absolute: lp.Absolute, Steps: mergeDescendant(steps)}
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

func (st *docState) indexVar(n int) xpath3.Sequence {
	if v, ok := st.idxVals[n]; ok {
		return v
	}
	iv := st.r.idxVars[n]
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
	st.idxVals[n] = items
	return items
}
