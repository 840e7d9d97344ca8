// Package xmlpath names elements of an XML document in one form, whichever
// engine reports on them: an absolute path of element steps written with
// the document's own prefixes and the 1-based position among siblings of
// the same expanded name, e.g. /rechnung:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1].
// It is the form of SVRL locations, so a finding from XSD validation, a
// code list check and a Schematron assert on the same element carry the
// same path; stripping the positions and prefixes gives a key that is
// stable across documents.
package xmlpath

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium"
)

// Tracker follows the element nesting of a document read tag by tag and
// names the open elements. It keeps per open element only its name, position and
// namespace declarations, and reuses that memory.
type Tracker struct {
	frames []frame
	roots  []childCount
}

type frame struct {
	prefix   string   // as written
	name     xml.Name // expanded
	pos      int      // among the parent's children of that name
	bindings []binding
	children []childCount // few distinct names per parent: a slice beats a map
}

type childCount struct {
	name xml.Name
	n    int
}

type binding struct{ prefix, uri string }

// Start enters the element se, as [xml.Decoder.RawToken] returns it:
// names with the prefixes as written, which is what a path shows.
func (t *Tracker) Start(se xml.StartElement) {
	f := t.push(se.Attr)
	uri, ok := t.uri(se.Name.Space)
	if !ok && se.Name.Space != "" {
		uri = se.Name.Space // unbound: the prefix stands for itself
	}
	t.name(f, xml.Name{Space: uri, Local: se.Name.Local}, se.Name.Space)
}

// push opens a frame, reusing the memory of an earlier one at that depth,
// with the namespace declarations among attrs.
func (t *Tracker) push(attrs []xml.Attr) *frame {
	if len(t.frames) < cap(t.frames) {
		t.frames = t.frames[:len(t.frames)+1]
	} else {
		t.frames = append(t.frames, frame{})
	}
	f := &t.frames[len(t.frames)-1]
	f.bindings, f.children = f.bindings[:0], f.children[:0]
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			f.bindings = append(f.bindings, binding{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			f.bindings = append(f.bindings, binding{"", a.Value})
		}
	}
	return f
}

// name counts f, the new innermost element, among its siblings.
func (t *Tracker) name(f *frame, n xml.Name, prefix string) {
	seen := &t.roots
	if k := len(t.frames); k > 1 {
		seen = &t.frames[k-2].children
	}
	f.name, f.prefix, f.pos = n, prefix, 0
	for i := range *seen {
		if (*seen)[i].name == n {
			(*seen)[i].n++
			f.pos = (*seen)[i].n
			return
		}
	}
	*seen = append(*seen, childCount{n, 1})
	f.pos = 1
}

// Reset forgets the document read so far, keeping the memory, so that a
// tracker can follow another document.
func (t *Tracker) Reset() {
	t.frames, t.roots = t.frames[:0], t.roots[:0]
}

// End leaves the innermost open element.
func (t *Tracker) End() {
	if n := len(t.frames); n > 0 {
		t.frames = t.frames[:n-1]
	}
}

// Name returns the expanded name of the innermost open element.
func (t *Tracker) Name() xml.Name {
	if n := len(t.frames); n > 0 {
		return t.frames[n-1].name
	}
	return xml.Name{}
}

// Depth is the number of open elements.
func (t *Tracker) Depth() int { return len(t.frames) }

// Path names the open element at depth (1 is the root); depth beyond the
// open elements names the innermost one.
func (t *Tracker) Path(depth int) string {
	depth = min(depth, len(t.frames))
	if depth <= 0 {
		return "/"
	}
	var b strings.Builder
	for _, f := range t.frames[:depth] {
		b.WriteByte('/')
		if f.prefix != "" {
			b.WriteString(f.prefix)
			b.WriteByte(':')
		}
		b.WriteString(f.name.Local)
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(f.pos))
		b.WriteByte(']')
	}
	return b.String()
}

// Namespace returns the namespace bound to prefix at the innermost open
// element ("" is the default namespace), e.g. to resolve the QName value
// of an xsi:type attribute.
func (t *Tracker) Namespace(prefix string) (string, bool) { return t.uri(prefix) }

// uri returns the namespace the innermost declaration binds to prefix
// ("" is the default namespace).
func (t *Tracker) uri(prefix string) (string, bool) {
	if prefix == "xml" {
		return "http://www.w3.org/XML/1998/namespace", true
	}
	for i := len(t.frames) - 1; i >= 0; i-- {
		for _, b := range t.frames[i].bindings {
			if b.prefix == prefix {
				return b.uri, true
			}
		}
	}
	return "", prefix == ""
}

// Location names n, a node of a helium tree, in the same form; attributes
// end in /@name, text nodes in /text().
func Location(n helium.Node) string {
	if n == nil {
		return ""
	}
	var steps []string
	for cur := n; cur != nil && cur.Type() != helium.DocumentNode; cur = cur.Parent() {
		switch cur.Type() {
		case helium.AttributeNode:
			steps = append(steps, "@"+cur.Name())
		case helium.ElementNode:
			e := cur.(*helium.Element)
			pos := 1
			for s := cur.PrevSibling(); s != nil; s = s.PrevSibling() {
				if se, ok := s.(*helium.Element); ok && se.LocalName() == e.LocalName() && se.URI() == e.URI() {
					pos++
				}
			}
			steps = append(steps, fmt.Sprintf("%s[%d]", cur.Name(), pos))
		case helium.TextNode, helium.CDATASectionNode:
			steps = append(steps, "text()")
		case helium.CommentNode:
			steps = append(steps, "comment()")
		default:
			steps = append(steps, "node()")
		}
	}
	if len(steps) == 0 {
		return "/"
	}
	slices.Reverse(steps)
	return "/" + strings.Join(steps, "/")
}
