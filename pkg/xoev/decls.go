package xoev

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/xoev/internal/xsdtree"
)

// Decl is an element or attribute declaration reached in a schema set,
// with the occurrence it has where it was reached (the product of its own
// minOccurs/maxOccurs and those of the groups around it).
type Decl struct {
	// Namespace is "" for an unqualified local declaration.
	Namespace, Name string
	Attribute       bool
	// Min and Max are the occurrence; Max -1 is unbounded, Max 0 means
	// the schema forbids it (maxOccurs="0", use="prohibited"). For an
	// attribute, Min is 1 when it is required.
	Min, Max int
	// File and Line are where the declaration is written.
	File string
	Line int

	node *xnode // the declaration (the referenced global one for a ref)
	typ  qname  // the named type, zero for an inline or missing type
	set  *Decls
}

// Decls indexes the declarations of a schema set's documents, walked as
// XML because the compiled form of the validator gives no access to them:
// global elements, attributes, types and groups, with complex-type content
// resolved through extension and restriction bases, refs and groups.
type Decls struct {
	elements   map[qname]*xnode
	attributes map[qname]*xnode
	types      map[qname]*xnode
	groups     map[qname]*xnode
	attrGroups map[qname]*xnode
	// substitutes lists the global elements of each substitution group head.
	substitutes map[qname][]qname
	// named holds every element declaration by local name, global and local.
	named map[string][]*xnode
}

// xnode is an element of a schema document.
type xnode = xsdtree.Node

// Decls returns the declaration index of the set, built on first use.
func (s *SchemaSet) Decls() *Decls {
	s.declOnce.Do(func() { s.decls = buildDecls(s.Docs) })
	return s.decls
}

func buildDecls(docs []*SchemaDoc) *Decls {
	x := &Decls{elements: map[qname]*xnode{}, attributes: map[qname]*xnode{}, types: map[qname]*xnode{},
		groups: map[qname]*xnode{}, attrGroups: map[qname]*xnode{}, substitutes: map[qname][]qname{}, named: map[string][]*xnode{}}
	for _, d := range docs {
		root, _ := xsdtree.Parse(d.Path, d.bytes()) // a broken document adds what was read before the error
		if root == nil {
			continue
		}
		for _, k := range root.Kids {
			name := k.Attrs["name"]
			if name == "" {
				continue
			}
			q := qname{root.Doc.TNS, name}
			switch k.Local {
			case "element":
				if _, dup := x.elements[q]; !dup {
					x.elements[q] = k
				}
				if h := k.Attrs["substitutionGroup"]; h != "" {
					hq := resolve(k, h)
					x.substitutes[hq] = append(x.substitutes[hq], q)
				}
			case "attribute":
				x.attributes[q] = k
			case "complexType", "simpleType":
				if _, dup := x.types[q]; !dup {
					x.types[q] = k
				}
			case "group":
				x.groups[q] = k
			case "attributeGroup":
				x.attrGroups[q] = k
			}
		}
		var walk func(n *xnode)
		walk = func(n *xnode) {
			if n.Local == "element" && n.Attrs["name"] != "" {
				x.named[n.Attrs["name"]] = append(x.named[n.Attrs["name"]], n)
			}
			for _, k := range n.Kids {
				walk(k)
			}
		}
		walk(root)
	}
	return x
}

// resolve turns a QName attribute value into a qname.
func resolve(n *xnode, v string) qname {
	q := n.Resolve(v)
	return qname{q.NS, q.Local}
}

// Global returns the global element declaration {ns}local, or nil.
func (x *Decls) Global(ns, local string) *Decl {
	n := x.elements[qname{ns, local}]
	if n == nil {
		return nil
	}
	return x.decl(n, n, 1, 1)
}

// Globals returns the global element declarations of namespace ns.
func (x *Decls) Globals(ns string) []*Decl {
	var out []*Decl
	for q, n := range x.elements {
		if q.ns == ns {
			out = append(out, x.decl(n, n, 1, 1))
		}
	}
	sortDecls(out)
	return out
}

// Named returns every element declaration with this name, global or
// local (what an XSLT pattern naming the element can match).
func (x *Decls) Named(ns, local string) []*Decl {
	var out []*Decl
	for _, n := range x.named[local] {
		d := x.decl(n, n, 1, -1)
		if d.Namespace == ns {
			out = append(out, d)
		}
	}
	sortDecls(out)
	return out
}

func sortDecls(ds []*Decl) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && (ds[j].File < ds[j-1].File || ds[j].File == ds[j-1].File && ds[j].Line < ds[j-1].Line); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// decl makes a Decl of the element declaration n, reached through the
// particle p (n itself, or the ref pointing at it).
func (x *Decls) decl(p, n *xnode, minF, maxF int) *Decl {
	d := &Decl{Name: n.Attrs["name"], node: n, set: x, File: n.Doc.Path, Line: n.Line}
	global := n.Up != nil && n.Up.Local == "schema"
	switch {
	case global, n.Attrs["form"] == "qualified", n.Attrs["form"] == "" && n.Doc.Qualified:
		d.Namespace = n.Doc.TNS
	}
	if t := n.Attrs["type"]; t != "" {
		d.typ = resolve(n, t)
	}
	lo, hi := occurs(p)
	d.Min, d.Max = mul(lo, minF), mul(hi, maxF)
	return d
}

// occurs returns a particle's minOccurs and maxOccurs (-1 unbounded).
func occurs(p *xnode) (int, int) {
	lo, hi := 1, 1
	if v, ok := p.Attrs["minOccurs"]; ok {
		lo, _ = strconv.Atoi(strings.TrimSpace(v))
	}
	if v, ok := p.Attrs["maxOccurs"]; ok {
		if strings.TrimSpace(v) == "unbounded" {
			hi = -1
		} else {
			hi, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return lo, hi
}

// mul multiplies occurrences, -1 being unbounded.
func mul(a, b int) int {
	switch {
	case a == 0 || b == 0:
		return 0
	case a < 0 || b < 0:
		return -1
	}
	return a * b
}

// typeNode returns the type definition of d: inline or named; nil for a
// built-in or missing type.
func (x *Decls) typeNode(d *Decl) *xnode {
	for _, k := range d.node.Kids {
		if k.Local == "complexType" || k.Local == "simpleType" {
			return k
		}
	}
	if d.typ.local != "" {
		return x.types[d.typ]
	}
	return nil
}

// Content is what an element's type allows inside it.
type Content struct {
	Elements   []*Decl
	Attributes []*Decl
	// Open is set when a wildcard (xs:any, xs:anyAttribute), an untyped
	// element (xs:anyType) or an unresolvable type admits further names.
	Open, OpenAttributes bool
}

// Children returns the element children and attributes that d's type
// declares, with their occurrence inside d.
func (x *Decls) Children(d *Decl) Content {
	var c Content
	if d.Attribute {
		return c
	}
	t := x.typeNode(d)
	if t == nil {
		if d.typ.local == "" || d.typ == (qname{xsdNS, "anyType"}) {
			c.Open, c.OpenAttributes = true, true
		} else if d.typ.ns != xsdNS {
			c.Open, c.OpenAttributes = true, true // a type the set does not define
		}
		return c
	}
	x.typeContent(t, &c, map[*xnode]bool{})
	return c
}

func (x *Decls) typeContent(t *xnode, c *Content, seen map[*xnode]bool) {
	if t == nil || seen[t] || t.Local != "complexType" {
		return
	}
	seen[t] = true
	if t.Attrs["mixed"] == "true" && !slices.ContainsFunc(t.Kids, func(k *xnode) bool { return k.Local != "annotation" }) {
		return
	}
	for _, k := range t.Kids {
		switch k.Local {
		case "sequence", "choice", "all", "group":
			x.particles(k, 1, 1, c, seen)
		case "attribute", "attributeGroup", "anyAttribute":
			x.addAttributes(k, c, seen)
		case "complexContent", "simpleContent":
			for _, dk := range k.Kids {
				if dk.Local != "extension" && dk.Local != "restriction" {
					continue
				}
				base := resolve(dk, dk.Attrs["base"])
				var bc Content
				if bt := x.types[base]; bt != nil {
					x.typeContent(bt, &bc, seen)
				} else if base.ns != xsdNS {
					bc.Open, bc.OpenAttributes = true, true
				} else if base.local == "anyType" && k.Local == "complexContent" {
					bc.OpenAttributes = dk.Local == "extension"
				}
				if dk.Local == "extension" || k.Local == "simpleContent" {
					c.Elements = append(c.Elements, bc.Elements...)
					c.Open = c.Open || bc.Open
				}
				c.Attributes = append(c.Attributes, bc.Attributes...)
				c.OpenAttributes = c.OpenAttributes || bc.OpenAttributes
				for _, pk := range dk.Kids {
					switch pk.Local {
					case "sequence", "choice", "all", "group":
						x.particles(pk, 1, 1, c, seen)
					case "attribute", "attributeGroup", "anyAttribute":
						x.addAttributes(pk, c, seen)
					}
				}
			}
		}
	}
}

// particles adds the element declarations of a model group (or group
// ref) with occurrences multiplied by the enclosing ones.
func (x *Decls) particles(g *xnode, minF, maxF int, c *Content, seen map[*xnode]bool) {
	lo, hi := occurs(g)
	minF, maxF = mul(minF, lo), mul(maxF, hi)
	if g.Local == "group" {
		ref := x.groups[resolve(g, g.Attrs["ref"])]
		if ref == nil || seen[ref] {
			if ref == nil {
				c.Open = true
			}
			return
		}
		seen[ref] = true
		defer delete(seen, ref)
		for _, k := range ref.Kids {
			if k.Local == "sequence" || k.Local == "choice" || k.Local == "all" {
				x.particles(k, minF, maxF, c, seen)
			}
		}
		return
	}
	if g.Local == "choice" {
		n := 0
		for _, k := range g.Kids {
			if k.Local != "annotation" {
				n++
			}
		}
		if n > 1 {
			minF = 0 // each alternative may be left out
		}
	}
	for _, k := range g.Kids {
		switch k.Local {
		case "element":
			n := k
			if r := k.Attrs["ref"]; r != "" {
				n = x.elements[resolve(k, r)]
				if n == nil {
					c.Open = true
					continue
				}
			}
			d := x.decl(k, n, minF, maxF)
			c.Elements = append(c.Elements, d)
			if n != k || (n.Up != nil && n.Up.Local == "schema") {
				x.addSubstitutes(qname{n.Doc.TNS, n.Attrs["name"]}, d, c, map[qname]bool{})
			}
		case "sequence", "choice", "all", "group":
			x.particles(k, minF, maxF, c, seen)
		case "any":
			c.Open = true
		}
	}
}

// addSubstitutes adds the members of head's substitution group, which may
// stand where head is referenced, with head's occurrence.
func (x *Decls) addSubstitutes(head qname, hd *Decl, c *Content, seen map[qname]bool) {
	if seen[head] {
		return
	}
	seen[head] = true
	for _, m := range x.substitutes[head] {
		n := x.elements[m]
		d := x.decl(n, n, 1, 1)
		d.Min, d.Max = 0, hd.Max
		c.Elements = append(c.Elements, d)
		x.addSubstitutes(m, hd, c, seen)
	}
}

// attributes adds attribute declarations, attribute group refs and
// wildcards; a later declaration of the same name (a restriction's
// use="prohibited") replaces an earlier one.
func (x *Decls) addAttributes(k *xnode, c *Content, seen map[*xnode]bool) {
	switch k.Local {
	case "anyAttribute":
		c.OpenAttributes = true
	case "attributeGroup":
		g := x.attrGroups[resolve(k, k.Attrs["ref"])]
		if g == nil || seen[g] {
			if g == nil {
				c.OpenAttributes = true
			}
			return
		}
		seen[g] = true
		defer delete(seen, g)
		for _, gk := range g.Kids {
			x.addAttributes(gk, c, seen)
		}
	case "attribute":
		n := k
		d := &Decl{Attribute: true, Min: 0, Max: 1, set: x}
		if r := k.Attrs["ref"]; r != "" {
			q := resolve(k, r)
			d.Namespace, d.Name = q.ns, q.local
			if g := x.attributes[q]; g != nil {
				n = g
			}
		} else {
			d.Name = k.Attrs["name"]
			global := k.Up != nil && k.Up.Local == "schema"
			if global || k.Attrs["form"] == "qualified" || (k.Attrs["form"] == "" && k.Doc.AttrQualified) {
				d.Namespace = k.Doc.TNS
			}
		}
		if t := n.Attrs["type"]; t != "" {
			d.typ = resolve(n, t)
		}
		d.node, d.File, d.Line = n, n.Doc.Path, n.Line
		switch k.Attrs["use"] {
		case "required":
			d.Min = 1
		case "prohibited":
			d.Max = 0
		}
		for i, a := range c.Attributes {
			if a.Name == d.Name && a.Namespace == d.Namespace {
				c.Attributes[i] = d
				return
			}
		}
		c.Attributes = append(c.Attributes, d)
	}
}

// CodeType reports whether d's values come from a list: its simple type
// (or the simple content of its complex type) enumerates them, or its
// type derives from the XÖV datatype Code (xoev-code:Code), whose code
// child carries a code-list value.
func (x *Decls) CodeType(d *Decl) bool {
	if d.typ.ns == xoevCodeNS && d.typ.local == "Code" {
		return true
	}
	return x.enumOrCode(x.typeNode(d), map[*xnode]bool{})
}

func (x *Decls) enumOrCode(t *xnode, seen map[*xnode]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	var check func(n *xnode) bool
	check = func(n *xnode) bool {
		for _, k := range n.Kids {
			switch k.Local {
			case "enumeration":
				return true
			case "restriction", "extension":
				base := resolve(k, k.Attrs["base"])
				if base.ns == xoevCodeNS && base.local == "Code" {
					return true
				}
				if check(k) {
					return true
				}
				if b := x.types[base]; b != nil && x.enumOrCode(b, seen) {
					return true
				}
			case "simpleType", "simpleContent", "complexContent":
				if check(k) {
					return true
				}
			}
		}
		return false
	}
	return check(t)
}

// TypeName returns the declared type's name as "{ns}local", or "" for an
// inline or missing type.
func (d *Decl) TypeName() string {
	if d.typ.local == "" {
		return ""
	}
	return "{" + d.typ.ns + "}" + d.typ.local
}

// Step is one step of an element path: a child element, an attribute
// or, with Any, every child element (the XPath "*").
type Step struct {
	Namespace, Local string
	Attribute, Any   bool
}

// String returns the step as written in a path ("{ns}local", "@name").
func (s Step) String() string {
	switch {
	case s.Any && s.Attribute:
		return "@*"
	case s.Any:
		return "*"
	}
	n := s.Local
	if s.Namespace != "" {
		n = "{" + s.Namespace + "}" + n
	}
	if s.Attribute {
		n = "@" + n
	}
	return n
}

// PathError says at which step a path leaves the schema: no declaration
// of the step's name is allowed below the declarations reached so far.
type PathError struct {
	// Step is the index of the failing step.
	Step int
	// Parents are the declarations the step was looked up below.
	Parents []*Decl
	// Known are the names the parents do allow ("@name" for attributes),
	// and Elsewhere the namespaces in which the step's local name is
	// allowed there, when only its namespace is wrong.
	Known     []string
	Elsewhere []string
}

// Error implements error.
func (e *PathError) Error() string {
	return "step " + strconv.Itoa(e.Step+1) + " matches no declaration"
}

// maxChains bounds the alternatives a path resolution keeps.
const maxChains = 512

// Resolve follows steps from each start declaration and returns every
// chain of declarations the path can take to its end (start excluded),
// or a *[PathError] for the first step that matches nothing. Where a
// wildcard or an unknown type admits any name the path is open: such an
// alternative is dropped without error (nil, nil when nothing else is
// left), since the schema does not say what is there.
func (x *Decls) Resolve(start []*Decl, steps []Step) ([][]*Decl, error) {
	chains := make([][]*Decl, 0, len(start))
	for _, d := range start {
		chains = append(chains, []*Decl{d})
	}
	var done [][]*Decl
	for i, st := range steps {
		var next [][]*Decl
		var known, elsewhere []string
		for _, ch := range chains {
			parent := ch[len(ch)-1]
			c := x.Children(parent)
			open := c.Open
			cands := c.Elements
			if st.Attribute {
				open, cands = c.OpenAttributes, c.Attributes
			}
			matched := false
			for _, d := range cands {
				name := d.Name
				if d.Attribute {
					name = "@" + name
				}
				known = append(known, name)
				if st.Any || (d.Name == st.Local && d.Namespace == st.Namespace) {
					if len(next) < maxChains {
						next = append(next, append(append([]*Decl(nil), ch...), d))
					}
					matched = true
				} else if d.Name == st.Local {
					elsewhere = append(elsewhere, d.Namespace)
				}
			}
			if !matched && open {
				done = append(done, ch) // open content: nothing more to say
			}
		}
		if len(next) == 0 {
			if len(done) > 0 {
				return nil, nil // only open content is left: nothing to check
			}
			var parents []*Decl
			for _, ch := range chains {
				parents = append(parents, ch[len(ch)-1])
			}
			return nil, &PathError{Step: i, Parents: parents, Known: uniqSorted(known), Elsewhere: uniqSorted(elsewhere)}
		}
		chains = next
	}
	out := make([][]*Decl, 0, len(chains))
	for _, ch := range chains {
		if len(ch) > 1 {
			out = append(out, ch[1:])
		}
	}
	return out, nil
}

func uniqSorted(s []string) []string {
	m := map[string]bool{}
	var out []string
	for _, v := range s {
		if !m[v] {
			m[v] = true
			out = append(out, v)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
