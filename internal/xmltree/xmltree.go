// Package xmltree reads an XML document into a small element tree with the
// line and column of every element, within limits on size, depth and number
// of elements. It serves the readers of formats whose documents are small
// enough to hold in memory (BPMN, XProzess) and whose vendors add extensions
// that must be kept opaque: every element is kept, whatever its namespace.
//
// DOCTYPE declarations are refused: nothing is expanded or fetched.
package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Node is one element.
type Node struct {
	Space, Local string
	Attrs        []xml.Attr
	Children     []*Node
	// Text is the element's own character data (CDATA included),
	// concatenated; only the text directly inside the element.
	Text         string
	Line, Column int
}

// Attr returns the value of the attribute with the local name (any
// namespace, unqualified first) and whether it is present.
func (n *Node) Attr(local string) (string, bool) {
	found := false
	var v string
	for _, a := range n.Attrs {
		if a.Name.Local != local {
			continue
		}
		if a.Name.Space == "" {
			return a.Value, true
		}
		if !found {
			v, found = a.Value, true
		}
	}
	return v, found
}

// A returns the attribute value, "" when absent.
func (n *Node) A(local string) string {
	v, _ := n.Attr(local)
	return v
}

// Child returns the first child with the local name in namespace space
// ("*" for any namespace), or nil.
func (n *Node) Child(space, local string) *Node {
	for _, c := range n.Children {
		if c.Local == local && (space == "*" || c.Space == space) {
			return c
		}
	}
	return nil
}

// ChildText returns the trimmed text of the first such child, "" if none.
func (n *Node) ChildText(space, local string) string {
	if c := n.Child(space, local); c != nil {
		return strings.TrimSpace(c.Text)
	}
	return ""
}

// Limits bound what [Parse] accepts. Zero values take the defaults.
type Limits struct {
	// MaxBytes is the largest input (default 256 MiB).
	MaxBytes int64
	// MaxDepth is the deepest element nesting (default 512).
	MaxDepth int
	// MaxElements is the largest number of elements (default 4,000,000).
	MaxElements int
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 256 << 20
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 512
	}
	if l.MaxElements <= 0 {
		l.MaxElements = 4_000_000
	}
	return l
}

// Error is a syntax error or a broken limit, with its place.
type Error struct {
	Line, Column int
	Msg          string
	// Limit is true when a limit was exceeded (the XML may be fine).
	Limit bool
}

// Error implements error: "line N: msg" (column when known).
func (e *Error) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	if e.Column > 0 {
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// ErrEmpty is returned for an input without any element.
var ErrEmpty = errors.New("no XML element (empty input)")

// Parse reads r into a tree and returns its root element.
func Parse(r io.Reader, lim Limits) (*Node, error) {
	lim = lim.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("input larger than %d bytes", lim.MaxBytes), Limit: true}
	}
	return ParseBytes(data, lim)
}

// ParseBytes is [Parse] on a byte slice.
func ParseBytes(data []byte, lim Limits) (*Node, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("input larger than %d bytes", lim.MaxBytes), Limit: true}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader
	var (
		root  *Node
		stack []*Node
		text  [][]byte
		count int
	)
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				l, c := d.InputPos()
				if se.Line > 0 && se.Line != l {
					l, c = se.Line, 0
				}
				return nil, &Error{Line: l, Column: c, Msg: se.Msg}
			}
			l, c := d.InputPos()
			return nil, &Error{Line: l, Column: c, Msg: err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > lim.MaxElements {
				return nil, &Error{Line: line, Column: col, Msg: fmt.Sprintf("more than %d elements", lim.MaxElements), Limit: true}
			}
			if len(stack) >= lim.MaxDepth {
				return nil, &Error{Line: line, Column: col, Msg: fmt.Sprintf("elements nested deeper than %d levels", lim.MaxDepth), Limit: true}
			}
			n := &Node{Space: t.Name.Space, Local: t.Name.Local, Line: line, Column: col}
			if len(t.Attr) > 0 {
				n.Attrs = make([]xml.Attr, 0, len(t.Attr))
				for _, a := range t.Attr {
					if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
						continue
					}
					n.Attrs = append(n.Attrs, a)
				}
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
			text = append(text, nil)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			n := stack[len(stack)-1]
			n.Text = string(text[len(text)-1])
			stack = stack[:len(stack)-1]
			text = text[:len(text)-1]
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1] = append(text[len(text)-1], t...)
			}
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return nil, &Error{Line: line, Column: col, Msg: "DOCTYPE declarations are not accepted"}
			}
		}
	}
	if root == nil {
		return nil, ErrEmpty
	}
	return root, nil
}

// charsetReader accepts the encodings real exports declare besides UTF-8.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252":
		b, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		var sb strings.Builder
		sb.Grow(len(b))
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return strings.NewReader(sb.String()), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}
