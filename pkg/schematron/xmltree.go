package schematron

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
)

// xnode is an element of a rule file, kept with its position and the
// namespace prefixes in scope so that QName-valued attributes
// (xsl:function/@name) and error messages can be resolved later.
type xnode struct {
	name     xml.Name // Space holds the namespace URI
	attrs    []xml.Attr
	ns       map[string]string // prefixes in scope, "" = default namespace
	content  []any             // string (character data) or *xnode
	file     string
	line     int
	col      int
	parent   *xnode
	fromFile string // set on the root of an included file
}

func (n *xnode) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *xnode) get(local string) string {
	v, _ := n.attr(local)
	return v
}

func (n *xnode) children() []*xnode {
	var out []*xnode
	for _, c := range n.content {
		if e, ok := c.(*xnode); ok {
			out = append(out, e)
		}
	}
	return out
}

func (n *xnode) pos() string {
	return fmt.Sprintf("%s:%d:%d", n.file, n.line, n.col)
}

// text returns the concatenated character data of n and its descendants.
func (n *xnode) text() string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(x *xnode) {
		for _, c := range x.content {
			switch v := c.(type) {
			case string:
				b.WriteString(v)
			case *xnode:
				walk(v)
			}
		}
	}
	walk(n)
	return b.String()
}

// parseXML reads a whole XML document into an xnode tree.
func parseXML(file string, data []byte) (*xnode, error) {
	data, _, err := xmlcharset.Decode(data)
	if err != nil {
		return nil, &LoadError{File: file, Line: 1, Msg: err.Error()}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = xmlcharset.Reader
	var root, cur *xnode
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &LoadError{File: file, Line: se.Line, Msg: "malformed XML: " + se.Msg}
			}
			l, _ := dec.InputPos()
			return nil, &LoadError{File: file, Line: l, Msg: "malformed XML", Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name, file: file, line: line, col: col, parent: cur}
			ns := map[string]string{}
			if cur != nil {
				for k, v := range cur.ns {
					ns[k] = v
				}
			}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					ns[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					ns[""] = a.Value
				default:
					n.attrs = append(n.attrs, a)
				}
			}
			n.ns = ns
			if cur == nil {
				if root != nil {
					return nil, &LoadError{File: file, Line: line, Msg: "malformed XML: more than one root element"}
				}
				root = n
			} else {
				cur.content = append(cur.content, n)
			}
			cur = n
		case xml.EndElement:
			if cur != nil {
				cur = cur.parent
			}
		case xml.CharData:
			if cur != nil {
				cur.content = append(cur.content, string(t))
			}
		}
	}
	if root == nil {
		return nil, &LoadError{File: file, Line: 1, Msg: "malformed XML: no root element"}
	}
	return root, nil
}
