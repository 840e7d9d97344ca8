package fim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteOptions tune [Write].
type WriteOptions struct {
	// Version is the XDatenfelder version to write: [XDF2] or [XDF3].
	Version SourceVersion
	// KeepUnmapped writes the children the reader kept in Extra (unknown
	// elements) back, as elements with their text. They are not part of
	// the standard: leave it off for output that others read, turn it on
	// to round-trip a document exactly.
	KeepUnmapped bool
}

// ErrWrite is wrapped by every [*WriteError].
var ErrWrite = errors.New("cannot write XDatenfelder")

// WriteError is a model that cannot be written in the requested version.
// Path names the element (ids from the root), Msg what is wrong.
type WriteError struct {
	Path string
	Msg  string
}

// Error implements error.
func (e *WriteError) Error() string {
	if e.Path == "" {
		return "write XDatenfelder: " + e.Msg
	}
	return "write XDatenfelder: " + e.Path + ": " + e.Msg
}

// Unwrap returns [ErrWrite].
func (e *WriteError) Unwrap() error { return ErrWrite }

// The list URIs of the XÖV code types that XDatenfelder 2.0 messages carry
// as listURI attributes; the FIM portal writes them with listVersionID 1.0.
const (
	listPrefix2        = "urn:xoev-de:fim:codeliste:xdatenfelder."
	listStatusXProzess = "urn:xoev-de:xprozess:codeliste:status"
	// listVersionStatus is the version of the freigabestatus code list the
	// FIM portal's XDatenfelder 3.0.0 exports name.
	listVersionStatus = "2020-03-19"
)

// Marshal returns doc written as XDatenfelder opts.Version (see [Write]).
func Marshal(doc *Document, opts WriteOptions) ([]byte, error) {
	var buf bytes.Buffer
	if err := Write(&buf, doc, opts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes doc as an XDatenfelder message of opts.Version: UTF-8,
// indented by four spaces, with the prefix xdf for the XDatenfelder
// namespace as the FIM portal writes it. The output depends only on doc and
// opts, so the same model always gives the same bytes.
//
// Write serialises the model as it is, in the element names and order of
// the target version: reading the output with [Read] gives the same model
// (positions aside). It does not decide what a version may hold; values
// that only the other version knows (a freigabestatus in 2.0, a status in
// 3.0.0) are written as well. Turning a model into one that conforms to the
// target version, and listing what that costs, is the job of package
// migrate. What the reader of the version would refuse (two bezug on one
// element in 2.0, text with characters XML cannot hold) is a
// [*WriteError].
func Write(w io.Writer, doc *Document, opts WriteOptions) error {
	if opts.Version != XDF2 && opts.Version != XDF3 {
		return &WriteError{Msg: fmt.Sprintf("unknown version %q; want %q or %q", opts.Version, XDF2, XDF3)}
	}
	if doc == nil || doc.Kind == "" {
		return &WriteError{Msg: "empty document"}
	}
	wr := &writer{ver: opts.Version, keep: opts.KeepUnmapped}
	wr.document(doc)
	if wr.err != nil {
		return wr.err
	}
	_, err := w.Write(wr.buf.Bytes())
	return err
}

// writer builds the output in a buffer; the first error stops it.
type writer struct {
	buf   bytes.Buffer
	ver   SourceVersion
	keep  bool
	depth int
	path  []string
	err   error
}

func (w *writer) fail(format string, args ...any) {
	if w.err == nil {
		w.err = &WriteError{Path: strings.Join(w.path, "/"), Msg: fmt.Sprintf(format, args...)}
	}
}

func (w *writer) indent() {
	w.buf.WriteByte('\n')
	for range w.depth {
		w.buf.WriteString("    ")
	}
}

// open writes <xdf:name attrs…> on a new line.
func (w *writer) open(name string, attrs ...string) {
	w.indent()
	w.buf.WriteString("<xdf:")
	w.buf.WriteString(name)
	w.attrs(attrs)
	w.buf.WriteByte('>')
	w.depth++
}

func (w *writer) attrs(attrs []string) {
	for i := 0; i+1 < len(attrs); i += 2 {
		w.buf.WriteByte(' ')
		w.buf.WriteString(attrs[i])
		w.buf.WriteString(`="`)
		w.escape(attrs[i+1], true)
		w.buf.WriteByte('"')
	}
}

func (w *writer) close(name string) {
	w.depth--
	w.indent()
	w.buf.WriteString("</xdf:")
	w.buf.WriteString(name)
	w.buf.WriteByte('>')
}

// leaf writes <xdf:name>text</xdf:name> (or an empty element).
func (w *writer) leaf(name, text string, attrs ...string) {
	w.indent()
	w.buf.WriteString("<xdf:")
	w.buf.WriteString(name)
	w.attrs(attrs)
	if text == "" {
		w.buf.WriteString("/>")
		return
	}
	w.buf.WriteByte('>')
	w.escape(text, false)
	w.buf.WriteString("</xdf:")
	w.buf.WriteString(name)
	w.buf.WriteByte('>')
}

// opt writes a leaf only when text is not empty.
func (w *writer) opt(name, text string) {
	if text != "" {
		w.leaf(name, text)
	}
}

func (w *writer) date(name string, d Date) {
	if d.Raw != "" {
		w.leaf(name, d.Raw)
	}
}

// code writes an XÖV code element: <xdf:name listURI…><code>v</code></xdf:name>.
// In 2.0 the FIM portal writes listURI and listVersionID on every code; in
// 3.0.0 only on the freigabestatus.
func (w *writer) code(name, v string) {
	if v == "" {
		return
	}
	var attrs []string
	switch {
	case name == "freigabestatus":
		attrs = []string{"listURI", listStatusXProzess, "listVersionID", listVersionStatus}
	case w.ver == XDF2:
		attrs = []string{"listURI", listPrefix2 + name, "listVersionID", "1.0"}
	}
	w.indent()
	w.buf.WriteString("<xdf:")
	w.buf.WriteString(name)
	w.attrs(attrs)
	w.buf.WriteString("><code>")
	w.escape(v, false)
	w.buf.WriteString("</code></xdf:")
	w.buf.WriteString(name)
	w.buf.WriteByte('>')
}

// escape writes s as character data or an attribute value. Carriage
// returns are written as &#xD; so that they survive line-end
// normalisation; in attributes tabs and line feeds too.
func (w *writer) escape(s string, attr bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.fail("text %q is not valid UTF-8", short(s))
			return
		}
		i += size
		switch {
		case r == '&':
			w.buf.WriteString("&amp;")
		case r == '<':
			w.buf.WriteString("&lt;")
		case r == '>':
			w.buf.WriteString("&gt;")
		case r == '"' && attr:
			w.buf.WriteString("&quot;")
		case r == '\r':
			w.buf.WriteString("&#xD;")
		case r == '\n' && attr:
			w.buf.WriteString("&#xA;")
		case r == '\t' && attr:
			w.buf.WriteString("&#x9;")
		case !xmlChar(r):
			w.fail("text %q holds the character %U, which XML 1.0 cannot hold", short(s), r)
			return
		default:
			w.buf.WriteRune(r)
		}
	}
}

// xmlChar reports whether r is a Char of XML 1.0.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// messageName returns the root element name of doc's kind.
func messageName(doc *Document) string {
	if strings.HasPrefix(doc.Message, "xdatenfelder.") && !strings.ContainsAny(doc.Message, " <>&\"'/:") {
		return doc.Message
	}
	switch doc.Kind {
	case KindDatenschema:
		return "xdatenfelder.stammdatenschema.0102"
	case KindDatenfeldgruppe:
		return "xdatenfelder.datenfeldgruppe.0103"
	case KindDatenfeld:
		return "xdatenfelder.datenfeld.0104"
	case KindDokumentsteckbrief:
		return "xdatenfelder.dokumentsteckbrief.0101"
	case KindCodeliste:
		return "xdatenfelder.codeliste.0105"
	}
	return "xdatenfelder." + string(doc.Kind)
}

func (w *writer) document(doc *Document) {
	ns := NamespaceXDF2
	if w.ver == XDF3 {
		ns = NamespaceXDF3
	}
	root := messageName(doc)
	w.buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	w.indent()
	w.buf.WriteString("<xdf:" + root + ` xmlns:xdf="` + ns + `"`)
	if w.keep && len(doc.Extra) > 0 {
		w.buf.WriteString(` xmlns:u="` + unmappedNamespace + `"`)
	}
	w.buf.WriteByte('>')
	w.depth++
	w.header(&doc.Header)
	switch doc.Kind {
	case KindDatenschema:
		if doc.Schema == nil {
			w.fail("document of kind %s without its schema", doc.Kind)
			break
		}
		w.schema(doc.Schema)
	case KindDatenfeldgruppe:
		if doc.Group == nil {
			w.fail("document of kind %s without its group", doc.Kind)
			break
		}
		w.group(doc.Group, 0)
	case KindDatenfeld:
		if doc.Field == nil {
			w.fail("document of kind %s without its field", doc.Kind)
			break
		}
		w.field(doc.Field)
	case KindDokumentsteckbrief:
		if doc.Steckbrief == nil {
			w.fail("document of kind %s without its steckbrief", doc.Kind)
			break
		}
		w.steckbrief(doc.Steckbrief)
	case KindCodeliste:
		if doc.Codeliste == nil {
			w.fail("document of kind %s without its code list", doc.Kind)
			break
		}
		w.codelisteMessage(doc.Codeliste)
	default:
		w.fail("unknown document kind %q", doc.Kind)
	}
	if w.keep {
		for _, u := range doc.Extra {
			// Unknown children of the message element: in a namespace of
			// their own, so that a name such as "header" stays unknown.
			w.extra("u:"+u.Name, u.Text)
		}
	}
	w.close(root)
	w.buf.WriteByte('\n')
}

// unmappedNamespace holds the message-level children that KeepUnmapped
// writes back.
const unmappedNamespace = "urn:ozgctl:xdatenfelder:unmapped"

// extra writes an unmapped element (qualified name given) with its text.
func (w *writer) extra(qname, text string) {
	local := qname
	if _, l, ok := strings.Cut(qname, ":"); ok {
		local = l
	}
	if !validName(local) {
		w.fail("unmapped element name %q is not an XML name", local)
		return
	}
	if !strings.Contains(qname, ":") {
		qname = "xdf:" + qname
	}
	w.indent()
	w.buf.WriteString("<" + qname)
	if text == "" {
		w.buf.WriteString("/>")
		return
	}
	w.buf.WriteByte('>')
	w.escape(text, false)
	w.buf.WriteString("</" + qname + ">")
}

// validName reports whether s is a simple XML NCName (the names the
// reader keeps).
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r != 0xD7 && r != 0xF7:
		case i > 0 && (r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7):
		default:
			return false
		}
	}
	return true
}

func (w *writer) extras(us []Unmapped) {
	if !w.keep {
		return
	}
	for _, u := range us {
		w.extra(u.Name, u.Text)
	}
}

func (w *writer) header(h *Header) {
	if h.NachrichtID == "" && h.Erstellungszeitpunkt.Raw == "" && h.ReferenzID == "" && len(h.Extra) == 0 {
		return
	}
	w.open("header")
	w.opt("nachrichtID", h.NachrichtID)
	w.date("erstellungszeitpunkt", h.Erstellungszeitpunkt)
	w.opt("referenzID", h.ReferenzID)
	for _, u := range h.Extra {
		// Further header fields (the reader keeps them without a finding).
		w.extra(u.Name, u.Text)
	}
	w.close("header")
}

func (w *writer) ident(name string, id Identifier) {
	w.open(name)
	w.leaf("id", id.ID)
	w.opt("version", id.Version)
	w.close(name)
}

func (w *writer) bezug(bs []Bezug) {
	if w.ver == XDF2 && len(bs) > 1 {
		w.fail("XDatenfelder 2.0 holds one bezug per element, the model has %d", len(bs))
		return
	}
	for _, b := range bs {
		if b.Link != "" {
			w.leaf("bezug", b.Text, "link", b.Link)
		} else {
			w.leaf("bezug", b.Text)
		}
	}
}

// commonHead writes the metadata that opens every element, in the order
// of the version. baukasten adds the texts of groups and fields.
func (w *writer) commonHead(c *Common, rule bool) {
	w.ident("identifikation", c.Identifier)
	w.leaf("name", c.Name)
	// XDatenfelder 2.0 puts the input and output labels before the
	// description, 3.0.0 after the dates; the rest is in the same order.
	if w.ver == XDF2 {
		w.labels(c)
	}
	w.opt("beschreibung", c.Beschreibung)
	if !rule {
		w.opt("definition", c.Definition)
	}
	w.bezug(c.Bezug)
	w.code("status", c.Status)
	w.code("freigabestatus", c.Freigabestatus)
	w.date("statusGesetztAm", c.StatusGesetztAm)
	w.opt("statusGesetztDurch", c.StatusGesetztDurch)
	w.date("gueltigAb", c.GueltigAb)
	w.date("gueltigBis", c.GueltigBis)
	w.opt("fachlicherErsteller", c.FachlicherErsteller)
	w.opt("versionshinweis", c.Versionshinweis)
	w.date("freigabedatum", c.Freigabedatum)
	w.date("veroeffentlichungsdatum", c.Veroeffentlichungsdatum)
	w.date("letzteAenderung", c.LetzteAenderung)
	if w.ver != XDF2 {
		w.labels(c)
	}
	w.code("schemaelementart", c.Schemaelementart)
	w.opt("hilfetextEingabe", c.HilfetextEingabe)
	w.opt("hilfetextAusgabe", c.HilfetextAusgabe)
	w.keywords(c)
}

func (w *writer) labels(c *Common) {
	w.opt("bezeichnungEingabe", c.BezeichnungEingabe)
	w.opt("bezeichnungAusgabe", c.BezeichnungAusgabe)
}

// keywords writes stichwort and relation (XDatenfelder 3.0.0).
func (w *writer) keywords(c *Common) {
	for _, s := range c.Stichwort {
		if s.URI != "" {
			w.leaf("stichwort", s.Text, "uri", s.URI)
		} else {
			w.leaf("stichwort", s.Text)
		}
	}
	for _, r := range c.Relations {
		w.open("relation")
		w.code("praedikat", string(r.Praedikat))
		w.ident("objekt", r.Objekt)
		w.close("relation")
	}
}

func (w *writer) push(id Identifier) func() {
	n := len(w.path)
	w.path = append(w.path, id.ID)
	return func() { w.path = w.path[:n] }
}

func (w *writer) schema(s *Datenschema) {
	defer w.push(s.Identifier)()
	w.open("stammdatenschema")
	w.commonHead(&s.Common, false)
	w.opt("bezeichnung", s.Bezeichnung)
	w.opt("hilfetext", s.Hilfetext)
	w.code("ableitungsmodifikationenStruktur", s.AbleitungsmodifikationenStruktur)
	w.code("ableitungsmodifikationenRepraesentation", s.AbleitungsmodifikationenRepraesentation)
	if s.Dokumentsteckbrief != nil {
		w.ident("dokumentsteckbrief", *s.Dokumentsteckbrief)
	}
	w.rules(s.Regeln)
	w.structure(s.Children, 0)
	w.extras(s.Extra)
	w.close("stammdatenschema")
}

func (w *writer) rules(rs Rules) {
	for _, r := range rs {
		if r.Regel != nil {
			w.rule(r.Regel)
		}
	}
}

func (w *writer) structure(refs []ElementRef, depth int) {
	for i := range refs {
		ref := &refs[i]
		if ref.Group == nil && ref.Field == nil {
			w.fail("struktur %d holds no element", i+1)
			return
		}
		w.open("struktur")
		w.leaf("anzahl", ref.Anzahl.String())
		w.bezug(ref.Bezug)
		w.open("enthaelt")
		if ref.Group != nil {
			w.group(ref.Group, depth+1)
		} else {
			w.field(ref.Field)
		}
		w.close("enthaelt")
		w.close("struktur")
	}
}

func (w *writer) group(g *Datenfeldgruppe, depth int) {
	if depth > maxDepth {
		w.fail("groups are nested more than %d levels deep", maxDepth)
		return
	}
	defer w.push(g.Identifier)()
	w.open("datenfeldgruppe")
	w.commonHead(&g.Common, false)
	w.code("art", g.Art)
	w.rules(g.Regeln)
	w.structure(g.Children, depth)
	w.extras(g.Extra)
	w.close("datenfeldgruppe")
}

func (w *writer) field(f *Datenfeld) {
	defer w.push(f.Identifier)()
	w.open("datenfeld")
	w.commonHead(&f.Common, false)
	w.code("feldart", string(f.Feldart))
	w.code("datentyp", string(f.Datentyp))
	w.praezisierung(&f.Praezisierung)
	w.opt("inhalt", f.Inhalt)
	w.code("vorbefuellung", string(f.Vorbefuellung))
	if f.Codeliste != nil {
		w.codelisteRef("codelisteReferenz", f.Codeliste)
	}
	if len(f.Werte) > 0 {
		w.open("werte")
		for _, v := range f.Werte {
			w.open("wert")
			w.leaf("code", v.Code)
			w.leaf("name", v.Name)
			w.opt("hilfe", v.Hilfe)
			w.close("wert")
		}
		w.close("werte")
	}
	w.opt("codeKey", f.CodeKey)
	w.opt("nameKey", f.NameKey)
	w.opt("helpKey", f.HelpKey)
	if f.MaxSize != nil {
		w.leaf("maxSize", strconv.FormatInt(*f.MaxSize, 10))
	}
	for _, m := range f.MediaTypes {
		w.leaf("mediaType", m)
	}
	w.rules(f.Regeln)
	w.extras(f.Extra)
	w.close("datenfeld")
}

// praezisierung writes the constraints: in 2.0 as the JSON text (Raw when
// the model has it, as it was read; else generated), in 3.0.0 as
// attributes, with Raw as text when the model carries one.
func (w *writer) praezisierung(c *Constraints) {
	if c.IsZero() {
		return
	}
	if w.ver == XDF2 {
		raw := c.Raw
		if raw == "" {
			raw = PraezisierungJSON(*c)
		}
		w.leaf("praezisierung", raw)
		return
	}
	var attrs []string
	if c.MinLength != nil {
		attrs = append(attrs, "minLength", strconv.Itoa(*c.MinLength))
	}
	if c.MaxLength != nil {
		attrs = append(attrs, "maxLength", strconv.Itoa(*c.MaxLength))
	}
	if c.MinValue != nil {
		attrs = append(attrs, "minValue", *c.MinValue)
	}
	if c.MaxValue != nil {
		attrs = append(attrs, "maxValue", *c.MaxValue)
	}
	if c.Pattern != "" {
		attrs = append(attrs, "pattern", c.Pattern)
	}
	w.leaf("praezisierung", c.Raw, attrs...)
}

// PraezisierungJSON returns the XDatenfelder 2.0 text form of c, a JSON
// object with string values in the key order the FIM portal writes
// (minLength, maxLength, minValue, maxValue, pattern), or "" when c holds
// no constraint.
func PraezisierungJSON(c Constraints) string {
	var b strings.Builder
	n := 0
	add := func(k, v string) {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		var vb bytes.Buffer
		enc := json.NewEncoder(&vb)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v) // a string always encodes
		b.WriteString(`"` + k + `":`)
		b.Write(bytes.TrimRight(vb.Bytes(), "\n"))
	}
	b.WriteByte('{')
	if c.MinLength != nil {
		add("minLength", strconv.Itoa(*c.MinLength))
	}
	if c.MaxLength != nil {
		add("maxLength", strconv.Itoa(*c.MaxLength))
	}
	if c.MinValue != nil {
		add("minValue", *c.MinValue)
	}
	if c.MaxValue != nil {
		add("maxValue", *c.MaxValue)
	}
	if c.Pattern != "" {
		add("pattern", c.Pattern)
	}
	if n == 0 {
		return ""
	}
	b.WriteByte('}')
	return b.String()
}

// codelisteRef writes a code list reference: in 2.0 with the FIM id and a
// genericodeIdentification, in 3.0.0 flat.
func (w *writer) codelisteRef(name string, c *CodelisteRef) {
	w.open(name)
	if c.ID != "" {
		w.open("identifikation")
		w.leaf("id", c.ID)
		w.close("identifikation")
	}
	gen := w.ver == XDF2
	if gen {
		w.open("genericodeIdentification")
	}
	w.opt("canonicalIdentification", c.CanonicalURI)
	w.opt("version", c.Version)
	w.opt("canonicalVersionUri", c.CanonicalVersionURI)
	if gen {
		w.close("genericodeIdentification")
	}
	w.close(name)
}

func (w *writer) rule(r *Regel) {
	defer w.push(r.Identifier)()
	w.open("regel")
	w.commonHead(&r.Common, true)
	if w.ver == XDF2 {
		w.opt("definition", r.Definition)
	} else {
		w.opt("freitextRegel", r.Definition)
	}
	w.code("typ", r.Typ)
	if r.Skript != "" {
		if w.ver == XDF2 {
			w.leaf("script", r.Skript)
		} else {
			w.leaf("skript", r.Skript)
		}
	}
	w.extras(r.Extra)
	w.close("regel")
}

func (w *writer) steckbrief(s *Dokumentsteckbrief) {
	defer w.push(s.Identifier)()
	w.open("dokumentsteckbrief")
	w.commonHead(&s.Common, false)
	w.opt("bezeichnung", s.Bezeichnung)
	w.opt("hilfetext", s.Hilfetext)
	if s.IstAbstrakt != nil {
		w.leaf("istAbstrakt", strconv.FormatBool(*s.IstAbstrakt))
	}
	w.code("dokumentart", s.Dokumentart)
	w.extras(s.Extra)
	w.close("dokumentsteckbrief")
}

func (w *writer) codelisteMessage(m *CodelisteMessage) {
	w.open("codeliste")
	if m.Ref.ID != "" {
		w.ident("identifikation", Identifier{ID: m.Ref.ID})
	}
	ref := m.Ref
	ref.ID = ""
	w.open("genericodeIdentification")
	w.opt("canonicalIdentification", ref.CanonicalURI)
	w.opt("version", ref.Version)
	w.opt("canonicalVersionUri", ref.CanonicalVersionURI)
	w.close("genericodeIdentification")
	if w.keep {
		for _, u := range m.Extra {
			w.extra(u.Name, u.Text)
		}
	}
	w.close("codeliste")
}
