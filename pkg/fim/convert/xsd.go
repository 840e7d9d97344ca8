package convert

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

func genXSD(m *model, b *bytes.Buffer) error {
	w := &xsdWriter{b: b}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(b, "<!-- %s -->\n", xmlCommentText(m.rootComment()))
	fmt.Fprintf(b, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="%s" targetNamespace="%s" elementFormDefault="qualified" attributeFormDefault="unqualified"`,
		xmlEscape(m.Namespace), xmlEscape(m.Namespace))
	if m.Version != "" {
		fmt.Fprintf(b, ` version="%s"`, xmlEscape(m.Version))
	}
	b.WriteString(">\n")
	w.line(1, `<xs:element name="%s">`, m.RootName)
	w.doc(2, m.Title, m.Description)
	w.line(2, "<xs:complexType>")
	w.sequence(3, m.Root)
	w.line(2, "</xs:complexType>")
	w.line(1, "</xs:element>")
	for _, d := range m.Defs {
		if d.Label {
			continue
		}
		w.def(d)
	}
	b.WriteString("</xs:schema>\n")
	return nil
}

type xsdWriter struct{ b *bytes.Buffer }

func (w *xsdWriter) line(depth int, format string, args ...any) {
	xmlIndent(w.b, depth)
	fmt.Fprintf(w.b, format, args...)
	w.b.WriteByte('\n')
}

// doc writes an annotation with the label and the help text.
func (w *xsdWriter) doc(depth int, texts ...string) {
	var parts []string
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return
	}
	w.line(depth, "<xs:annotation>")
	for _, p := range parts {
		w.line(depth+1, `<xs:documentation xml:lang="de">%s</xs:documentation>`, xmlEscape(p))
	}
	w.line(depth, "</xs:annotation>")
}

func (w *xsdWriter) sequence(depth int, props []*prop) {
	if len(props) == 0 {
		w.line(depth, "<xs:sequence/>")
		return
	}
	w.line(depth, "<xs:sequence>")
	for _, p := range props {
		occ := ""
		if p.Min != 1 {
			occ += fmt.Sprintf(` minOccurs="%d"`, p.Min)
		}
		switch {
		case p.Max == fim.Unbounded:
			occ += ` maxOccurs="unbounded"`
		case p.Max != 1:
			occ += fmt.Sprintf(` maxOccurs="%d"`, p.Max)
		}
		w.line(depth+1, `<xs:element name="%s" type="tns:%s"%s/>`, p.Key, p.Def.Name, occ)
	}
	w.line(depth, "</xs:sequence>")
}

func (w *xsdWriter) def(d *def) {
	notes := d.comment()
	if d.Group != nil {
		w.line(1, `<xs:complexType name="%s">`, d.Name)
		w.doc(2, d.title(), d.help(), notes)
		w.sequence(2, d.Props)
		w.line(1, "</xs:complexType>")
		return
	}
	if d.Kind == kFile {
		w.line(1, `<xs:complexType name="%s">`, d.Name)
		w.doc(2, d.title(), d.help(), notes)
		w.line(2, "<xs:sequence>")
		w.line(3, `<xs:element name="filename">`)
		w.line(4, `<xs:simpleType><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType>`)
		w.line(3, `</xs:element>`)
		if mts := d.Field.MediaTypes; len(mts) > 0 {
			w.line(3, `<xs:element name="mediaType" minOccurs="0">`)
			w.line(4, `<xs:simpleType>`)
			w.line(5, `<xs:restriction base="xs:string">`)
			for _, mt := range mts {
				w.line(6, `<xs:enumeration value="%s"/>`, xmlEscape(mt))
			}
			w.line(5, `</xs:restriction>`)
			w.line(4, `</xs:simpleType>`)
			w.line(3, `</xs:element>`)
		} else {
			w.line(3, `<xs:element name="mediaType" type="xs:string" minOccurs="0"/>`)
		}
		w.line(3, `<xs:element name="content" type="xs:base64Binary"/>`)
		w.line(2, "</xs:sequence>")
		w.line(1, "</xs:complexType>")
		return
	}
	w.line(1, `<xs:simpleType name="%s">`, d.Name)
	w.doc(2, d.title(), d.help(), notes)
	base := "xs:string"
	switch {
	case d.Kind == kBoolean:
		base = "xs:boolean"
	case d.Kind == kInteger:
		base = "xs:integer"
	case d.Kind == kNumber:
		base = "xs:decimal"
	case d.Format == "date":
		base = "xs:date"
	case d.Format == "time":
		base = "xs:time"
	case d.Format == "date-time":
		base = "xs:dateTime"
	}
	var facets []string
	if d.MinLength != nil {
		facets = append(facets, fmt.Sprintf(`<xs:minLength value="%d"/>`, *d.MinLength))
	}
	if d.MaxLength != nil {
		facets = append(facets, fmt.Sprintf(`<xs:maxLength value="%d"/>`, *d.MaxLength))
	}
	if d.Pattern != nil {
		facets = append(facets, fmt.Sprintf(`<xs:pattern value="%s"/>`, xmlEscape(d.Pattern.XSD())))
	}
	if d.Minimum != "" {
		facets = append(facets, fmt.Sprintf(`<xs:minInclusive value="%s"/>`, xsdBound(d.Minimum, d.Kind == kInteger, true)))
	}
	if d.Maximum != "" {
		facets = append(facets, fmt.Sprintf(`<xs:maxInclusive value="%s"/>`, xsdBound(d.Maximum, d.Kind == kInteger, false)))
	}
	if d.Currency {
		facets = append(facets, `<xs:fractionDigits value="2"/>`)
	}
	if len(facets) == 0 && len(d.Codes) == 0 {
		w.line(2, `<xs:restriction base="%s"/>`, base)
	} else {
		w.line(2, `<xs:restriction base="%s">`, base)
		for _, c := range d.Codes {
			if c.Name == "" {
				w.line(3, `<xs:enumeration value="%s"/>`, xmlEscape(c.Code))
				continue
			}
			w.line(3, `<xs:enumeration value="%s">`, xmlEscape(c.Code))
			w.doc(4, c.Name)
			w.line(3, `</xs:enumeration>`)
		}
		for _, f := range facets {
			w.line(3, "%s", f)
		}
		w.line(2, "</xs:restriction>")
	}
	w.line(1, "</xs:simpleType>")
}

// xsdBound writes a bound for xs:integer (rounded inwards) or xs:decimal.
func xsdBound(s string, integer, lower bool) string {
	r, ok := new(big.Rat).SetString(s)
	if !ok || !integer || r.IsInt() {
		return s
	}
	q := new(big.Int).Quo(r.Num(), r.Denom()) // truncates towards zero
	if lower && r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	if !lower && r.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
	}
	return q.String()
}

// xmlCommentText makes s safe inside <!-- -->.
func xmlCommentText(s string) string {
	s = strings.ReplaceAll(s, "--", "- -")
	if strings.HasSuffix(s, "-") {
		s += " "
	}
	return s
}
