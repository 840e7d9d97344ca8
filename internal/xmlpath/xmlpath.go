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
	"strings"

	"github.com/lestrrat-go/helium"
)

// Tracker follows the element nesting of a document decoded with
// [xml.Decoder.Token] and names the open elements.
type Tracker struct {
	frames []frame
	roots  map[xml.Name]int
}

type frame struct {
	step     string
	bindings []binding
	children map[xml.Name]int
}

type binding struct{ prefix, uri string }

// Start enters the element se.
func (t *Tracker) Start(se xml.StartElement) {
	var f frame
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns":
			f.bindings = append(f.bindings, binding{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			f.bindings = append(f.bindings, binding{"", a.Value})
		}
	}
	seen := &t.roots
	if n := len(t.frames); n > 0 {
		seen = &t.frames[n-1].children
	}
	if *seen == nil {
		*seen = map[xml.Name]int{}
	}
	(*seen)[se.Name]++
	pos := (*seen)[se.Name]
	t.frames = append(t.frames, f)
	name := se.Name.Local
	if p := t.prefix(se.Name.Space); p != "" {
		name = p + ":" + name
	}
	t.frames[len(t.frames)-1].step = fmt.Sprintf("%s[%d]", name, pos)
}

// End leaves the innermost open element.
func (t *Tracker) End() {
	if n := len(t.frames); n > 0 {
		t.frames = t.frames[:n-1]
	}
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
		b.WriteString(f.step)
	}
	return b.String()
}

// prefix returns the prefix the innermost declaration binds to uri.
func (t *Tracker) prefix(uri string) string {
	if uri == "" {
		return ""
	}
	for i := len(t.frames) - 1; i >= 0; i-- {
		for _, b := range t.frames[i].bindings {
			if b.uri == uri {
				return b.prefix
			}
		}
	}
	return ""
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
