package fim

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/conformance/finding"
)

// Rule identifiers of the reader's findings (see the package doc).
const (
	RuleUnqualifiedChildren = "xdf:unqualified-children"
	RulePraezisierungJSON   = "xdf:praezisierung-json"
	RulePatternEscaping     = "xdf:pattern-escaping"
	RuleInvalidDate         = "xdf:invalid-date"
	RuleEmptyScript         = "xdf:empty-script"
	RuleUnknownElement      = "xdf:unknown-element"
	RuleUnknownCode         = "xdf:unknown-code"
	RuleInvalidValue        = "xdf:invalid-value"
	RuleMissingElement      = "xdf:missing-element"
	RuleCycle               = "xdf:cycle"
	RuleInconsistentCopy    = "xdf:inconsistent-copy"
	RuleUnresolvedCodeliste = "xdf:unresolved-codeliste"
)

// FindingSource is the Source of the reader's findings.
const FindingSource = "fim-read"

// ReadOptions tune [Read].
type ReadOptions struct {
	// Strict raises every warning finding to an error.
	Strict bool
	// Lang selects the language of finding messages: "de" (default) or "en".
	Lang string
}

// maxInput bounds what Read accepts; FIM schemas are a few MB at most.
const maxInput = 256 << 20

// maxDepth bounds the nesting of groups.
const maxDepth = 200

// ReadFile reads the XDatenfelder message in the named file.
func ReadFile(name string, opts ReadOptions) (*Document, []finding.Finding, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, &ReadError{File: name, Msg: "cannot open file: " + errMsg(err), Err: err}
	}
	defer f.Close()
	return Read(f, name, opts)
}

func errMsg(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads one XDatenfelder 2.0 or 3.0.0 message from r; name is used in
// positions and findings. It returns the document and the reader's findings
// (oddities of the input, sorted), or a [*ReadError] when no model can be
// built. Findings are returned even with an error when they were found
// before it.
func Read(r io.Reader, name string, opts ReadOptions) (*Document, []finding.Finding, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, nil, &ReadError{File: name, Msg: "cannot read input: " + err.Error(), Err: err}
	}
	if len(data) > maxInput {
		return nil, nil, &ReadError{File: name, Msg: fmt.Sprintf("input larger than %d MiB", maxInput>>20), Err: ErrStructure}
	}
	return ReadBytes(data, name, opts)
}

// ReadBytes is [Read] on a byte slice; the slice is not retained.
func ReadBytes(data []byte, name string, opts ReadOptions) (*Document, []finding.Finding, error) {
	rd := newReader(data, name, opts)
	doc, err := rd.run()
	rd.resolvePositions(doc, err)
	fs := rd.findings
	if opts.Strict {
		for i := range fs {
			if fs[i].Severity == finding.Warning {
				fs[i].Severity = finding.Error
			}
		}
	}
	fs = finding.Normalize(fs)
	if err != nil {
		return nil, fs, err
	}
	return doc, fs, nil
}

// reader is the state of one Read.
type reader struct {
	data  []byte
	file  string
	opts  ReadOptions
	en    bool
	d     *xml.Decoder
	ver   SourceVersion
	xdfNS string

	// ns is the stack of namespace bindings in scope.
	ns []nsBinding

	doc      *Document
	findings []finding.Finding
	// fOff holds the byte offset of each finding (Line is filled later).
	fOff []int64
	// errOff is the offset of a ReadError, resolved at the end.
	errOff  int64
	readErr *ReadError

	unqualified    int
	unqualifiedOff int64
	groupStack     []Identifier
	depth          int
	textBuf        []byte
}

type nsBinding struct {
	prefix, uri string
	depth       int
}

func newReader(data []byte, name string, opts ReadOptions) *reader {
	rd := &reader{data: data, file: name, opts: opts, en: opts.Lang == "en"}
	return rd
}

// msg picks the German or English text.
func (r *reader) msg(de, en string) string {
	if r.en {
		return en
	}
	return de
}

func (r *reader) addFinding(rule string, sev finding.Severity, off int64, c *Common, path, message string) {
	f := finding.Finding{Rule: rule, Severity: sev, Message: message, Path: path, Source: FindingSource}
	if c != nil {
		f.ElementID = c.Identifier.ID
		f.ElementVersion = c.Identifier.Version
	}
	r.findings = append(r.findings, f)
	r.fOff = append(r.fOff, off)
}

// fail records a structural ReadError at offset off and returns it.
func (r *reader) fail(off int64, sentinel error, format string, args ...any) error {
	e := &ReadError{File: r.file, Msg: fmt.Sprintf(format, args...), Err: sentinel}
	r.readErr = e
	r.errOff = off
	return e
}

// next returns the next start element, end element or char data, skipping
// comments, processing instructions and directives.
func (r *reader) next() (xml.Token, int64, error) {
	for {
		off := r.d.InputOffset()
		t, err := r.d.RawToken()
		if err != nil {
			if err == io.EOF {
				return nil, off, err
			}
			return nil, off, r.syntaxError(off, err)
		}
		switch t.(type) {
		case xml.StartElement, xml.EndElement, xml.CharData:
			return t, off, nil
		}
	}
}

func (r *reader) syntaxError(off int64, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		// The decoder's line is exact; keep it and give no column.
		e := &ReadError{File: r.file, Line: se.Line, Msg: "not well-formed XML: " + se.Msg, Err: ErrNotXML}
		r.readErr = e
		r.errOff = -1
		return e
	}
	return r.fail(off, ErrNotXML, "not well-formed XML: %v", err)
}

// pushNS records the namespace declarations of se at depth; it returns
// whether any were pushed.
func (r *reader) pushNS(se *xml.StartElement, depth int) {
	for _, a := range se.Attr {
		if a.Name.Space == "xmlns" {
			r.ns = append(r.ns, nsBinding{prefix: a.Name.Local, uri: a.Value, depth: depth})
		} else if a.Name.Space == "" && a.Name.Local == "xmlns" {
			r.ns = append(r.ns, nsBinding{prefix: "", uri: a.Value, depth: depth})
		}
	}
}

func (r *reader) popNS(depth int) {
	for len(r.ns) > 0 && r.ns[len(r.ns)-1].depth >= depth {
		r.ns = r.ns[:len(r.ns)-1]
	}
}

func (r *reader) lookupNS(prefix string) (string, bool) {
	for i := len(r.ns) - 1; i >= 0; i-- {
		if r.ns[i].prefix == prefix {
			return r.ns[i].uri, true
		}
	}
	if prefix == "xml" {
		return "http://www.w3.org/XML/1998/namespace", true
	}
	return "", prefix == ""
}

// nameClass says how an element name relates to the XDatenfelder namespace.
type nameClass int

const (
	nameXDF         nameClass = iota // in the XDatenfelder namespace
	nameUnqualified                  // in no namespace
	nameForeign                      // in another namespace
)

// classify resolves se's prefix. It also handles namespace declarations on
// elements below the root (rare): they are pushed for this element's depth.
func (r *reader) classify(se *xml.StartElement) nameClass {
	if len(se.Attr) > 0 {
		r.pushNS(se, r.depth+1)
	}
	uri, ok := r.lookupNS(se.Name.Space)
	switch {
	case !ok:
		return nameForeign
	case uri == r.xdfNS:
		return nameXDF
	case uri == "":
		return nameUnqualified
	}
	return nameForeign
}

// element is a child start element with its offset and class.
type element struct {
	se    xml.StartElement
	off   int64
	class nameClass
}

// children iterates over the child elements of the element that was just
// started (name start), calling fn for each child start element. fn must
// consume the child completely (with r.text, r.skip or a nested children
// call). Character data between children is ignored unless it is not
// whitespace, which is reported. children returns after the matching end
// element.
func (r *reader) children(start xml.Name, startOff int64, fn func(el *element) error) error {
	r.depth++
	defer func() {
		r.popNS(r.depth + 1)
		r.depth--
	}()
	for {
		t, off, err := r.next()
		if err != nil {
			if err == io.EOF {
				return r.fail(startOff, ErrNotXML, "not well-formed XML: element <%s> is not closed", qname(start))
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			el := element{se: t, off: off, class: r.classify(&t)}
			if el.class == nameUnqualified {
				r.noteUnqualified(off)
			}
			if err := fn(&el); err != nil {
				return err
			}
			r.popNS(r.depth + 1)
		case xml.EndElement:
			if t.Name != start {
				return r.fail(off, ErrNotXML, "not well-formed XML: element <%s> is closed by </%s>", qname(start), qname(t.Name))
			}
			return nil
		case xml.CharData:
			// Text between child elements is not part of the model.
		}
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (r *reader) noteUnqualified(off int64) {
	if r.unqualified == 0 {
		r.unqualifiedOff = off
	}
	r.unqualified++
}

// text reads the character data of the element just started, up to its end
// element. Nested elements are a finding; their text is included.
func (r *reader) text(el *element) (string, error) {
	r.textBuf = r.textBuf[:0]
	depth := 0
	for {
		t, off, err := r.next()
		if err != nil {
			if err == io.EOF {
				return "", r.fail(el.off, ErrNotXML, "not well-formed XML: element <%s> is not closed", qname(el.se.Name))
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			// RawToken's data is only valid until the next call: copy.
			r.textBuf = append(r.textBuf, t...)
		case xml.StartElement:
			if depth == 0 {
				r.addFinding(RuleUnknownElement, finding.Warning, off, nil, "",
					r.msg(fmt.Sprintf("Element <%s> in <%s>, das nur Text enthalten soll; der Text darin wird übernommen", t.Name.Local, el.se.Name.Local),
						fmt.Sprintf("element <%s> inside <%s>, which should hold text only; its text is kept", t.Name.Local, el.se.Name.Local)))
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				if t.Name != el.se.Name {
					return "", r.fail(off, ErrNotXML, "not well-formed XML: element <%s> is closed by </%s>", qname(el.se.Name), qname(t.Name))
				}
				if len(r.textBuf) == 0 {
					return "", nil
				}
				return string(r.textBuf), nil
			}
			depth--
		}
	}
}

// skip consumes the element just started and returns its text content
// (trimmed), for [Unmapped].
func (r *reader) skip(el *element) (string, error) {
	s, err := r.textQuiet(el)
	return strings.TrimSpace(s), err
}

// textQuiet is text without the finding about nested elements.
func (r *reader) textQuiet(el *element) (string, error) {
	var buf []byte
	depth := 0
	for {
		t, off, err := r.next()
		if err != nil {
			if err == io.EOF {
				return "", r.fail(el.off, ErrNotXML, "not well-formed XML: element <%s> is not closed", qname(el.se.Name))
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			if len(buf) > 0 && len(bytes.TrimSpace(t)) > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, bytes.TrimSpace(t)...)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				if t.Name != el.se.Name {
					return "", r.fail(off, ErrNotXML, "not well-formed XML: element <%s> is closed by </%s>", qname(el.se.Name), qname(t.Name))
				}
				return string(buf), nil
			}
			depth--
		}
	}
}

// unmapped keeps an unknown child and reports it.
func (r *reader) unmapped(el *element, parent string, c *Common) (Unmapped, error) {
	txt, err := r.skip(el)
	if err != nil {
		return Unmapped{}, err
	}
	r.addFinding(RuleUnknownElement, finding.Warning, el.off, c, "",
		r.msg(fmt.Sprintf("unbekanntes Element <%s> in <%s>; es wird unverändert aufbewahrt", el.se.Name.Local, parent),
			fmt.Sprintf("unknown element <%s> in <%s>; it is kept as is", el.se.Name.Local, parent)))
	return Unmapped{Name: el.se.Name.Local, Text: txt, Pos: Pos{Offset: el.off}}, nil
}

// run reads the whole message.
func (r *reader) run() (*Document, error) {
	data := r.data
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, r.fail(-1, ErrEmpty, "the file is empty; expected an XDatenfelder 2.0 or 3.0.0 message")
	}
	if looksBinary(data) {
		return nil, r.fail(-1, ErrNotXML, "the file is not XML (binary data); expected an XDatenfelder 2.0 or 3.0.0 message")
	}
	r.d = xml.NewDecoder(bytes.NewReader(data))
	r.d.CharsetReader = charsetReader
	r.d.Strict = true

	// Find the root element.
	var root xml.StartElement
	var rootOff int64
	for {
		t, off, err := r.next()
		if err != nil {
			if err == io.EOF {
				return nil, r.fail(-1, ErrNotXML, "the file has no root element; expected an XDatenfelder 2.0 or 3.0.0 message")
			}
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok {
			root, rootOff = se, off
			break
		}
		if _, ok := t.(xml.CharData); ok && len(bytes.TrimSpace(t.(xml.CharData))) > 0 {
			return nil, r.fail(off, ErrNotXML, "not well-formed XML: text before the root element")
		}
	}
	r.pushNS(&root, 0)
	uri, _ := r.lookupNS(root.Name.Space)
	switch uri {
	case NamespaceXDF2:
		r.ver, r.xdfNS = XDF2, uri
	case NamespaceXDF3:
		r.ver, r.xdfNS = XDF3, uri
	case NamespaceXDF1:
		return nil, r.fail(rootOff, ErrXDF1, "XDatenfelder 1.x (namespace %q, root <%s>) is not supported: XDatenfelder 1 was replaced by 2.0 in 2020; export the schema again from the FIM portal as XDatenfelder 2.0 or 3.0.0", uri, root.Name.Local)
	default:
		if uri == "" {
			return nil, r.fail(rootOff, ErrUnknownNamespace, "root element <%s> has no namespace; expected %q (XDatenfelder 2.0) or %q (3.0.0)", root.Name.Local, NamespaceXDF2, NamespaceXDF3)
		}
		return nil, r.fail(rootOff, ErrUnknownNamespace, "root element <%s> is in namespace %q; expected %q (XDatenfelder 2.0) or %q (3.0.0)", root.Name.Local, uri, NamespaceXDF2, NamespaceXDF3)
	}
	if !strings.HasPrefix(root.Name.Local, "xdatenfelder.") {
		return nil, r.fail(rootOff, ErrUnknownNamespace, "root element <%s> is not an XDatenfelder message; expected e.g. <xdatenfelder.stammdatenschema.0102>", root.Name.Local)
	}
	doc := &Document{
		File: r.file, SourceVersion: r.ver, Namespace: r.xdfNS, Message: root.Name.Local,
		GroupByID: map[Identifier]*Datenfeldgruppe{},
		FieldByID: map[Identifier]*Datenfeld{},
		RuleByID:  map[Identifier]*Regel{},
	}
	r.doc = doc
	var seen uint64
	err := r.children(root.Name, rootOff, func(el *element) error {
		name := el.se.Name.Local
		if el.class == nameForeign {
			u, err := r.unmapped(el, root.Name.Local, nil)
			doc.Extra = append(doc.Extra, u)
			return err
		}
		content := func(k Kind) error {
			if doc.Kind != "" {
				return r.fail(el.off, ErrStructure, "message <%s> has a second content element <%s>; a message holds exactly one", root.Name.Local, name)
			}
			doc.Kind = k
			return nil
		}
		switch name {
		case "header":
			if err := r.once(&seen, 0, el); err != nil {
				return err
			}
			return r.readHeader(el, &doc.Header)
		case "stammdatenschema", "datenschema":
			if err := content(KindDatenschema); err != nil {
				return err
			}
			s, err := r.readSchema(el)
			doc.Schema = s
			return err
		case "datenfeldgruppe":
			if err := content(KindDatenfeldgruppe); err != nil {
				return err
			}
			g, err := r.readGroup(el)
			doc.Group = g
			return err
		case "datenfeld":
			if err := content(KindDatenfeld); err != nil {
				return err
			}
			f, err := r.readField(el)
			doc.Field = f
			return err
		case "dokumentsteckbrief":
			if err := content(KindDokumentsteckbrief); err != nil {
				return err
			}
			s, err := r.readSteckbrief(el)
			doc.Steckbrief = s
			return err
		case "codeliste":
			if err := content(KindCodeliste); err != nil {
				return err
			}
			c, err := r.readCodelisteMessage(el)
			doc.Codeliste = c
			return err
		}
		u, err := r.unmapped(el, root.Name.Local, nil)
		doc.Extra = append(doc.Extra, u)
		return err
	})
	if err != nil {
		return nil, err
	}
	// Nothing but whitespace, comments and PIs may follow the root.
	for {
		t, off, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return nil, r.fail(off, ErrNotXML, "not well-formed XML: text after the root element")
			}
		default:
			return nil, r.fail(off, ErrNotXML, "not well-formed XML: markup after the root element")
		}
	}
	if doc.Kind == "" {
		return nil, r.fail(rootOff, ErrStructure, "message <%s> has no content: expected a <stammdatenschema>, <datenfeldgruppe>, <datenfeld>, <dokumentsteckbrief> or <codeliste> element after the header", root.Name.Local)
	}
	switch {
	case doc.Schema != nil:
		doc.RootIdent = doc.Schema.Identifier
	case doc.Group != nil:
		doc.RootIdent = doc.Group.Identifier
	case doc.Field != nil:
		doc.RootIdent = doc.Field.Identifier
	case doc.Steckbrief != nil:
		doc.RootIdent = doc.Steckbrief.Identifier
	case doc.Codeliste != nil:
		doc.RootIdent = Identifier{ID: doc.Codeliste.Ref.ID, Version: doc.Codeliste.Ref.Version}
	}
	if r.unqualified > 0 {
		r.addFinding(RuleUnqualifiedChildren, finding.Warning, r.unqualifiedOff, nil, "",
			r.msg(fmt.Sprintf("%d Elemente stehen ohne Namensraum; nur das Wurzelelement ist im XDatenfelder-Namensraum %q (nicht schemakonform, wird gelesen)", r.unqualified, r.xdfNS),
				fmt.Sprintf("%d elements have no namespace; only the root element is in the XDatenfelder namespace %q (not schema-valid, read anyway)", r.unqualified, r.xdfNS)))
	}
	sortByPos(doc)
	return doc, nil
}

// once checks that the single-valued child with bit b appears only once.
func (r *reader) once(seen *uint64, b uint, el *element) error {
	if *seen&(1<<b) != 0 {
		return r.fail(el.off, ErrStructure, "element <%s> appears twice; it may occur only once here", el.se.Name.Local)
	}
	*seen |= 1 << b
	return nil
}

func sortByPos(doc *Document) {
	slices.SortStableFunc(doc.Groups, func(a, b *Datenfeldgruppe) int { return int(a.Pos.Offset - b.Pos.Offset) })
	slices.SortStableFunc(doc.Fields, func(a, b *Datenfeld) int { return int(a.Pos.Offset - b.Pos.Offset) })
	slices.SortStableFunc(doc.Rules, func(a, b *Regel) int { return int(a.Pos.Offset - b.Pos.Offset) })
}

// looksBinary reports NUL bytes or invalid UTF-8 in the first KiB when the
// input does not declare another encoding.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 1024)]
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 has NULs too, but a BOM first.
		return !(len(head) >= 2 && (head[0] == 0xFE && head[1] == 0xFF || head[0] == 0xFF && head[1] == 0xFE))
	}
	if bytes.Contains(head, []byte("encoding=")) {
		return false
	}
	// Allow a rune cut at the end of the window.
	for len(head) > 0 {
		c, size := utf8.DecodeRune(head)
		if c == utf8.RuneError && size == 1 {
			return len(head) > 3
		}
		head = head[size:]
	}
	return false
}
