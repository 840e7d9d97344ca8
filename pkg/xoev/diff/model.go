package diff

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/xoev/internal/xsdtree"
)

const xsdNS = xsdtree.NS

// node is an element of a schema document.
type node = xsdtree.Node

// qn is a qualified name.
type qn = xsdtree.QName

// parseDoc reads the schema document at path.
func parseDoc(path string) (*node, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read schema %s: %w", path, err)
	}
	root, err := xsdtree.Parse(path, data)
	if err != nil {
		return nil, fmt.Errorf("parse schema %s: %w", path, err)
	}
	if root == nil || root.Local != "schema" {
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
var messageName = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\.[0-9]{4}$`) }}

func index(docs []*node) *components {
	c := &components{elements: map[qn]*node{}, types: map[qn]*node{}, groups: map[qn]*node{},
		attrGroups: map[qn]*node{}, attributes: map[qn]*node{}}
	for _, d := range docs {
		for _, ch := range d.Kids {
			name := qn{NS: d.Doc.TNS, Local: ch.Attrs["name"]}
			switch ch.Local {
			case "element":
				c.elements[name] = ch
				if messageName.Get().MatchString(name.Local) && !slices.Contains(c.messages, name) {
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
	slices.SortFunc(c.messages, func(a, b qn) int { return strings.Compare(a.Local, b.Local) })
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
	if v := n.Attrs["minOccurs"]; v != "" {
		min, _ = strconv.Atoi(v)
	}
	if v := n.Attrs["maxOccurs"]; v != "" {
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
	if ref := el.Attrs["ref"]; ref != "" {
		target := f.c.elements[el.Resolve(ref)]
		if target == nil {
			*f.out = append(*f.out, Item{Path: parent + "/" + el.Resolve(ref).Local, Type: "?unresolved", Min: min, Max: max})
			return
		}
		el = target
	}
	path := parent + "/" + el.Attrs["name"]
	it := Item{Path: path, Min: min, Max: max, Fixed: el.Attrs["fixed"]}
	var typ *node
	if t := el.Attrs["type"]; t != "" {
		q := el.Resolve(t)
		it.Type = q.Local
		typ = f.c.types[q]
		if typ == nil && q.NS == xsdNS {
			it.Base = q.Local
		}
	} else {
		for _, ch := range el.Kids {
			if ch.Local == "complexType" || ch.Local == "simpleType" {
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
	if typ.Local == "simpleType" {
		f.simple(typ, idx)
		return
	}
	for _, ch := range typ.Kids {
		switch ch.Local {
		case "sequence", "choice", "all":
			f.particle(ch, path, 1, 1)
		case "group":
			f.particle(ch, path, 1, 1)
		case "attribute", "attributeGroup":
			f.attribute(ch, path)
		case "complexContent", "simpleContent":
			for _, d := range ch.Kids {
				if d.Local != "extension" && d.Local != "restriction" {
					continue
				}
				base := d.Resolve(d.Attrs["base"])
				bt := f.c.types[base]
				if bt == nil && base.NS == xsdNS && idx < len(*f.out) {
					(*f.out)[idx].Base = base.Local
				}
				if d.Local == "extension" && bt != nil && !f.onPath[bt] {
					f.onPath[bt] = true
					f.typeContent(bt, path, idx)
					delete(f.onPath, bt)
				}
				if d.Local == "restriction" && ch.Local == "simpleContent" {
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
	if p.Local == "group" && p.Attrs["ref"] != "" {
		g := f.c.groups[p.Resolve(p.Attrs["ref"])]
		if g == nil || f.onPath[g] {
			return
		}
		f.onPath[g] = true
		defer delete(f.onPath, g)
		for _, ch := range g.Kids {
			f.particle(ch, path, pmin*min, mulMax(pmax, max))
		}
		return
	}
	choice := p.Local == "choice" && len(p.Kids) > 1
	for _, ch := range p.Kids {
		cmin, cmax := pmin*min, mulMax(pmax, max)
		if choice {
			cmin = 0
		}
		switch ch.Local {
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
	if a.Local == "attributeGroup" {
		g := f.c.attrGroups[a.Resolve(a.Attrs["ref"])]
		if g == nil || f.onPath[g] {
			return
		}
		f.onPath[g] = true
		defer delete(f.onPath, g)
		for _, ch := range g.Kids {
			if ch.Local == "attribute" || ch.Local == "attributeGroup" {
				f.attribute(ch, path)
			}
		}
		return
	}
	name := a.Attrs["name"]
	if ref := a.Attrs["ref"]; ref != "" {
		name = a.Resolve(ref).Local
		if t := f.c.attributes[a.Resolve(ref)]; t != nil {
			a = t
		}
	}
	it := Item{Path: path + "/@" + name, Min: 0, Max: 1, Fixed: a.Attrs["fixed"]}
	if a.Attrs["use"] == "required" {
		it.Min = 1
	}
	if a.Attrs["use"] == "prohibited" {
		it.Max = 0
	}
	idx := len(*f.out)
	if t := a.Attrs["type"]; t != "" {
		q := a.Resolve(t)
		it.Type = q.Local
		*f.out = append(*f.out, it)
		if st := f.c.types[q]; st != nil && !f.onPath[st] {
			f.onPath[st] = true
			f.simple(st, idx)
			delete(f.onPath, st)
		} else if q.NS == xsdNS {
			(*f.out)[idx].Base = q.Local
		}
		return
	}
	*f.out = append(*f.out, it)
	for _, ch := range a.Kids {
		if ch.Local == "simpleType" {
			f.simple(ch, idx)
		}
	}
}

// simple records the base, facets and enumeration of a simple type.
func (f *flattener) simple(st *node, idx int) {
	for _, ch := range st.Kids {
		switch ch.Local {
		case "restriction":
			base := ch.Resolve(ch.Attrs["base"])
			if bt := f.c.types[base]; bt != nil && !f.onPath[bt] {
				f.onPath[bt] = true
				f.simple(bt, idx)
				delete(f.onPath, bt)
			} else if base.NS == xsdNS {
				(*f.out)[idx].Base = base.Local
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
	for _, fc := range r.Kids {
		v, ok := fc.Attrs["value"]
		if !ok {
			continue
		}
		if fc.Local == "enumeration" {
			it.Enum = append(it.Enum, v)
			continue
		}
		if it.Facets == nil {
			it.Facets = map[string]string{}
		}
		it.Facets[fc.Local] = v
	}
}
