package xoev

import (
	"encoding/xml"
	"io"
)

// Tag is an element tag as [WalkTags] reports it.
type Tag struct {
	// End is set for an end tag (and the end of an empty-element tag).
	End bool
	// Name is the element's name as written: the prefix in Space.
	Name xml.Name
	// Attr holds every attribute of a start tag as written (namespace
	// declarations included), values unescaped; valid until the next call.
	Attr []xml.Attr
	// Text is, for an end tag, the character data between the element's
	// last start or end tag and this end tag, unescaped; valid until the
	// next call. For a leaf element it is its whole content.
	Text []byte
	// Line is the line of the tag's '<'.
	Line int
}

// WalkTags streams the element tags of a well-formed message to fn, in
// document order, until fn returns false or the input ends. It reads at
// the speed of the tag scanner that names finding paths (~130 MB/s, a
// fraction of encoding/xml's work) and converts legacy encodings to UTF-8
// first. It does not check well-formedness: give it messages a validator
// has read already, or accept that a broken one is read as far as it goes.
func WalkTags(r io.Reader, fn func(Tag) bool) error {
	src, _ := utf8Reader(r)
	sc := newTagScanner(src)
	sc.allAttrs = true
	return sc.scan(func(t elemTag) bool {
		out := Tag{End: t.end, Line: t.line}
		if t.end {
			out.Text = t.text
			sc.keepText = false
		} else {
			out.Name, out.Attr = t.start.Name, t.start.Attr
			sc.keepText = true
		}
		return fn(out)
	})
}

// CodeKind says whether a schema set declares an element name as
// code-valued, and where its value is.
type CodeKind int

// The kinds of [SchemaSet.CodeKind].
const (
	// NotCode: not declared, or not only with code types.
	NotCode CodeKind = iota
	// EnumCode: the element's simple type enumerates its values; the value
	// is the element's text.
	EnumCode
	// XoevCode: the element's type derives from xoev-code:Code; the value
	// is its unqualified child "code".
	XoevCode
)

// CodeKind returns what the schema set says about elements of this local
// name: XoevCode or EnumCode when every declaration of the name has such a
// type, else NotCode. A nil set knows nothing.
func (s *SchemaSet) CodeKind(local string) CodeKind {
	if s == nil {
		return NotCode
	}
	ix := s.codeNames()
	if _, ok := ix.schemaInfo(local); ok {
		return XoevCode
	}
	decls := ix.elems[local]
	if len(decls) == 0 {
		return NotCode
	}
	for _, q := range decls {
		if !ix.enums[q] {
			return NotCode
		}
	}
	return EnumCode
}
