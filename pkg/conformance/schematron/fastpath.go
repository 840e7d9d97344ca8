package schematron

import (
	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
)

// pathTest is an assert or report test of the form P, exists(P),
// boolean(P), not(P) or empty(P), where P is a relative path of child
// steps with plain name tests and no predicates (e.g.
// not(cac:Delivery/cac:DeliveryTerms)). Half of the EN16931 UBL asserts
// have this form; they are answered from the document's child lists
// without an XPath evaluation. The result equals the XPath one.
type pathTest struct {
	negate bool
	steps  []childTest
}

// compilePathTest recognises a path test in src, or returns nil.
func (c *compiler) compilePathTest(src string) *pathTest {
	ast, err := xpath3.Parse(src)
	if err != nil {
		return nil
	}
	pt := &pathTest{}
	switch v := ast.(type) {
	case xpath3.FunctionCall:
		if (v.Prefix != "" && v.Prefix != "fn") || len(v.Args) != 1 {
			return nil
		}
		switch v.Name {
		case "not", "empty":
			pt.negate = true
		case "exists", "boolean":
		default:
			return nil
		}
		ast = v.Args[0]
	}
	lp, ok := ast.(*xpath3.LocationPath)
	if !ok || lp.Absolute || len(lp.Steps) == 0 {
		return nil
	}
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
		pt.steps = append(pt.steps, t)
	}
	return pt
}

// eval answers the test for context node n.
func (pt *pathTest) eval(st *docState, n helium.Node) bool {
	return st.pathExists(n, pt.steps) != pt.negate
}

func (st *docState) pathExists(n helium.Node, steps []childTest) bool {
	if n.Type() != helium.ElementNode && n.Type() != helium.DocumentNode {
		return false
	}
	for _, k := range st.children(n) {
		if !steps[0].matches(k) {
			continue
		}
		if len(steps) == 1 || st.pathExists(k, steps[1:]) {
			return true
		}
	}
	return false
}
