// Package xsdtree reads an XML Schema document into a small tree of its
// XSD elements: the one schema walker of pkg/xoev's declaration index and
// of pkg/xoev/diff's message flattening, both of which need the
// documents as written because the compiled form of the validator gives
// no access to them.
package xsdtree

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
)

// NS is the XML Schema namespace.
const NS = "http://www.w3.org/2001/XMLSchema"

// Node is an element of a schema document in the XSD namespace. An
// xs:annotation is kept as a node without children; elements of other
// namespaces are left out with everything below them.
type Node struct {
	// Local is the local name in the XSD namespace.
	Local string
	// Attrs are the unqualified attributes.
	Attrs map[string]string
	// NS maps each prefix in scope ("" for the default) to its namespace.
	NS   map[string]string
	Kids []*Node
	Up   *Node
	Doc  *Doc
	// Line is where the element's start tag begins.
	Line int
}

// Doc is what the nodes of one document share.
type Doc struct {
	Path string
	// TNS is the schema's targetNamespace.
	TNS string
	// Qualified and AttrQualified are elementFormDefault and
	// attributeFormDefault = "qualified".
	Qualified, AttrQualified bool
}

// QName is a resolved qualified name.
type QName struct{ NS, Local string }

// Parse reads a schema document. It returns the root (nil when the
// document has no XSD element) and the first read error; on an error the
// tree holds what was read before it.
func Parse(path string, data []byte) (*Node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = xmlcharset.Reader
	doc := &Doc{Path: path}
	var root, cur *Node
	skip := 0
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return root, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || t.Name.Space != NS {
				skip++
				continue
			}
			n := &Node{Local: t.Name.Local, Attrs: map[string]string{}, NS: map[string]string{}, Up: cur, Doc: doc, Line: line}
			if cur != nil {
				for k, v := range cur.NS {
					n.NS[k] = v
				}
			}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					n.NS[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					n.NS[""] = a.Value
				case a.Name.Space == "":
					n.Attrs[a.Name.Local] = a.Value
				}
			}
			if cur == nil {
				root = n
				doc.TNS = n.Attrs["targetNamespace"]
				doc.Qualified = n.Attrs["elementFormDefault"] == "qualified"
				doc.AttrQualified = n.Attrs["attributeFormDefault"] == "qualified"
			} else {
				cur.Kids = append(cur.Kids, n)
			}
			if n.Local == "annotation" {
				skip++ // kept, but not what is inside it
				continue
			}
			cur = n
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if cur != nil {
				cur = cur.Up
			}
		}
	}
}

// Resolve turns a QName attribute value into a QName with the namespaces
// in scope at n; an unprefixed value takes the default namespace.
func (n *Node) Resolve(v string) QName {
	prefix, local, ok := strings.Cut(strings.TrimSpace(v), ":")
	if !ok {
		prefix, local = "", v
	}
	return QName{n.NS[prefix], local}
}
