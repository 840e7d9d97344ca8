package schematron

import (
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

// optimize rewrites an expression for speed without changing its value.
func (c *compiler) optimize(e xpath3.Expr) xpath3.Expr { return e }

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
