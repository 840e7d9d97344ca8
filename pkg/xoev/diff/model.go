package diff

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

const xsdNS = "http://www.w3.org/2001/XMLSchema"

// node is an element of a schema document (a small DOM).
type node struct {
	name     string // local name in the XSD namespace
	attrs    map[string]string
	ns       map[string]string // prefix → namespace in scope
	children []*node
	tns      string
	// qualified is the document's elementFormDefault.
	qualified bool
}

func (n *node) attr(k string) string { return n.attrs[k] }

// resolve turns a QName attribute value into {ns}local.
func (n *node) resolve(q string) qn {
	prefix, local, ok := strings.Cut(q, ":")
	if !ok {
		return qn{n.ns[""], q}
	}
	return qn{n.ns[prefix], local}
}

// qn is a qualified name.
type qn struct{ ns, local string }

func parseDoc(path string) (*node, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read schema %s: %w", path, err)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var stack []*node
	var root *node
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse schema %s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attrs: map[string]string{}, ns: map[string]string{}}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				for k, v := range p.ns {
					n.ns[k] = v
				}
				n.tns, n.qualified = p.tns, p.qualified
				p.children = append(p.children, n)
			}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					n.ns[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					n.ns[""] = a.Value
				case a.Name.Space == "":
					n.attrs[a.Name.Local] = a.Value
				}
			}
			if root == nil {
				root = n
				n.tns = n.attrs["targetNamespace"]
				n.qualified = n.attrs["elementFormDefault"] == "qualified"
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if root == nil || root.name != "schema" {
		return nil, fmt.Errorf("%s is not an XML schema", path)
	}
	return root, nil
}

// components indexes the global declarations of a schema set.
type components struct {
	elements   map[qn]*node
	types      map[qn]*node
	groups     map[qn]*node
	attrGroups map[qn]*node
	attributes map[qn]*node
	// messages are the global elements that are message types, in order.
	messages []qn
}

// messageName matches XÖV message element names (area.message.NNNN).
var messageName = regexp.MustCompile(`\.[0-9]{4}$`)

func index(docs []*node) *components {
	c := &components{elements: map[qn]*node{}, types: map[qn]*node{}, groups: map[qn]*node{},
		attrGroups: map[qn]*node{}, attributes: map[qn]*node{}}
	for _, d := range docs {
		for _, ch := range d.children {
			name := qn{d.tns, ch.attr("name")}
			switch ch.name {
			case "element":
				c.elements[name] = ch
				if messageName.MatchString(name.local) && !slices.Contains(c.messages, name) {
					c.messages = append(c.messages, name)
				}
			case "complexType", "simpleType":
				c.types[name] = ch
			case "group":
				c.groups[name] = ch
			case "attributeGroup":
				c.attrGroups[name] = ch
			case "attribute":
				c.attributes[name] = ch
			}
		}
	}
	slices.SortFunc(c.messages, func(a, b qn) int { return strings.Compare(a.local, b.local) })
	return c
}

// Item is one element or attribute of a message type at a stable path
// (local names from the message element, attributes as @name).
type Item struct {
	Path string `json:"path"`
	// Type is the local name of the declared type ("" for an anonymous
	// one); Base the built-in type it derives from.
	Type string `json:"type,omitempty"`
	Base string `json:"base,omitempty"`
	Min  int    `json:"min"`
	// Max is -1 for unbounded.
	Max    int               `json:"max"`
	Facets map[string]string `json:"facets,omitempty"`
	Enum   []string          `json:"enum,omitempty"`
	Fixed  string            `json:"fixed,omitempty"`
}

// flatten expands a message element into its items, depth first. A type
// that recurs on a path is expanded once (its items stop there).
func (c *components) flatten(msg qn) []Item {
	var out []Item
	el := c.elements[msg]
	if el == nil {
		return nil
	}
	f := &flattener{c: c, out: &out, onPath: map[*node]bool{}}
	f.element(el, "", 1, 1)
	return out
}

type flattener struct {
	c      *components
	out    *[]Item
	onPath map[*node]bool
}

const maxItems = 20000

func occurs(n *node, min, max int) (int, int) {
	if v := n.attr("minOccurs"); v != "" {
		min, _ = strconv.Atoi(v)
	}
	if v := n.attr("maxOccurs"); v != "" {
		if v == "unbounded" {
			max = -1
		} else {
			max, _ = strconv.Atoi(v)
		}
	}
	return min, max
}

// element adds one element declaration (or reference) at parent.
func (f *flattener) element(el *node, parent string, min, max int) {
	if len(*f.out) > maxItems {
		return
	}
	if ref := el.attr("ref"); ref != "" {
		target := f.c.elements[el.resolve(ref)]
		if target == nil {
			*f.out = append(*f.out, Item{Path: parent + "/" + el.resolve(ref).local, Type: "?unresolved", Min: min, Max: max})
			return
		}
		el = target
	}
	path := parent + "/" + el.attr("name")
	it := Item{Path: path, Min: min, Max: max, Fixed: el.attr("fixed")}
	var typ *node
	if t := el.attr("type"); t != "" {
		q := el.resolve(t)
		it.Type = q.local
		typ = f.c.types[q]
		if typ == nil && q.ns == xsdNS {
			it.Base = q.local
		}
	} else {
		for _, ch := range el.children {
			if ch.name == "complexType" || ch.name == "simpleType" {
				typ = ch
			}
		}
	}
	idx := len(*f.out)
	*f.out = append(*f.out, it)
	if typ == nil || f.onPath[typ] {
		return
	}
	f.onPath[typ] = true
	defer delete(f.onPath, typ)
	f.typeContent(typ, path, idx)
}

// typeContent adds what a type defines below the item at idx.
func (f *flattener) typeContent(typ *node, path string, idx int) {
	if typ.name == "simpleType" {
		f.simple(typ, idx)
		return
	}
	for _, ch := range typ.children {
		switch ch.name {
		case "sequence", "choice", "all":
			f.particle(ch, path, 1, 1)
		case "group":
			f.particle(ch, path, 1, 1)
		case "attribute", "attributeGroup":
			f.attribute(ch, path)
		case "complexContent", "simpleContent":
			for _, d := range ch.children {
				if d.name != "extension" && d.name != "restriction" {
					continue
				}
				base := d.resolve(d.attr("base"))
				bt := f.c.types[base]
				if bt == nil && base.ns == xsdNS && idx < len(*f.out) {
					(*f.out)[idx].Base = base.local
				}
				if d.name == "extension" && bt != nil && !f.onPath[bt] {
					f.onPath[bt] = true
					f.typeContent(bt, path, idx)
					delete(f.onPath, bt)
				}
				if d.name == "restriction" && ch.name == "simpleContent" {
					if bt != nil && !f.onPath[bt] {
						f.onPath[bt] = true
						f.typeContent(bt, path, idx)
						delete(f.onPath, bt)
					}
					f.facets(d, idx)
				}
				f.typeContent(d, path, idx)
			}
		}
	}
}

// particle adds the elements of a sequence, choice, all or group.
func (f *flattener) particle(p *node, path string, min, max int) {
	pmin, pmax := occurs(p, 1, 1)
	if p.name == "group" && p.attr("ref") != "" {
		g := f.c.groups[p.resolve(p.attr("ref"))]
		if g == nil || f.onPath[g] {
			return
		}
		f.onPath[g] = true
		defer delete(f.onPath, g)
		for _, ch := range g.children {
			f.particle(ch, path, pmin*min, mulMax(pmax, max))
		}
		return
	}
	choice := p.name == "choice" && len(p.children) > 1
	for _, ch := range p.children {
		cmin, cmax := pmin*min, mulMax(pmax, max)
		if choice {
			cmin = 0
		}
		switch ch.name {
		case "element":
			emin, emax := occurs(ch, 1, 1)
			f.element(ch, path, emin*cmin, mulMax(emax, cmax))
		case "sequence", "choice", "all", "group":
			f.particle(ch, path, cmin, cmax)
		case "any":
			*f.out = append(*f.out, Item{Path: path + "/*", Type: "any", Min: cmin, Max: cmax})
		}
	}
}

func mulMax(a, b int) int {
	if a == -1 || b == -1 {
		return -1
	}
	return a * b
}

func (f *flattener) attribute(a *node, path string) {
	if a.name == "attributeGroup" {
		g := f.c.attrGroups[a.resolve(a.attr("ref"))]
		if g == nil || f.onPath[g] {
			return
		}
		f.onPath[g] = true
		defer delete(f.onPath, g)
		for _, ch := range g.children {
			if ch.name == "attribute" || ch.name == "attributeGroup" {
				f.attribute(ch, path)
			}
		}
		return
	}
	name := a.attr("name")
	if ref := a.attr("ref"); ref != "" {
		name = a.resolve(ref).local
		if t := f.c.attributes[a.resolve(ref)]; t != nil {
			a = t
		}
	}
	it := Item{Path: path + "/@" + name, Min: 0, Max: 1, Fixed: a.attr("fixed")}
	if a.attr("use") == "required" {
		it.Min = 1
	}
	if a.attr("use") == "prohibited" {
		it.Max = 0
	}
	idx := len(*f.out)
	if t := a.attr("type"); t != "" {
		q := a.resolve(t)
		it.Type = q.local
		*f.out = append(*f.out, it)
		if st := f.c.types[q]; st != nil && !f.onPath[st] {
			f.onPath[st] = true
			f.simple(st, idx)
			delete(f.onPath, st)
		} else if q.ns == xsdNS {
			(*f.out)[idx].Base = q.local
		}
		return
	}
	*f.out = append(*f.out, it)
	for _, ch := range a.children {
		if ch.name == "simpleType" {
			f.simple(ch, idx)
		}
	}
}

// simple records the base, facets and enumeration of a simple type.
func (f *flattener) simple(st *node, idx int) {
	for _, ch := range st.children {
		switch ch.name {
		case "restriction":
			base := ch.resolve(ch.attr("base"))
			if bt := f.c.types[base]; bt != nil && !f.onPath[bt] {
				f.onPath[bt] = true
				f.simple(bt, idx)
				delete(f.onPath, bt)
			} else if base.ns == xsdNS {
				(*f.out)[idx].Base = base.local
			}
			f.facets(ch, idx)
		case "list":
			(*f.out)[idx].Base = "list"
		case "union":
			(*f.out)[idx].Base = "union"
		}
	}
}

func (f *flattener) facets(r *node, idx int) {
	it := &(*f.out)[idx]
	for _, fc := range r.children {
		v, ok := fc.attrs["value"]
		if !ok {
			continue
		}
		if fc.name == "enumeration" {
			it.Enum = append(it.Enum, v)
			continue
		}
		if it.Facets == nil {
			it.Facets = map[string]string{}
		}
		it.Facets[fc.name] = v
	}
}
