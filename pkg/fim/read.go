package fim

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Rule identifiers of the reader's findings (see the package doc).
const (
	ruleUnqualifiedChildren = "xdf:unqualified-children"
	rulePraezisierungJSON   = "xdf:praezisierung-json"
	rulePatternEscaping     = "xdf:pattern-escaping"
	ruleInvalidDate         = "xdf:invalid-date"
	ruleEmptyScript         = "xdf:empty-script"
	ruleUnknownElement      = "xdf:unknown-element"
	ruleUnknownCode         = "xdf:unknown-code"
	ruleInvalidValue        = "xdf:invalid-value"
	ruleMissingElement      = "xdf:missing-element"
	ruleCycle               = "xdf:cycle"
	ruleInconsistentCopy    = "xdf:inconsistent-copy"
	ruleUnresolvedCodeliste = "xdf:unresolved-codeliste"
)

// FindingSource is the Source of the reader's findings.
const FindingSource = "fim-read"

// ReadOptions tune [Read].
type ReadOptions struct {
	// Strict raises every warning finding to an error.
	Strict bool
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
	s     *scanner
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
	// idPath holds the ids of the elements being read (schema, group, field,
	// rule): the Path of findings.
	idPath  []string
	depth   int
	textBuf []byte
}

type nsBinding struct {
	prefix, uri string
	depth       int
}

func newReader(data []byte, name string, opts ReadOptions) *reader {
	rd := &reader{data: data, file: name, opts: opts}
	return rd
}

// restorePath truncates the id path when an element ends.
func (r *reader) restorePath(n int) { r.idPath = r.idPath[:n] }

func (r *reader) addFinding(rule string, sev finding.Severity, off int64, c *Common, path string, msg finding.Msg) {
	if path == "" && len(r.idPath) > 0 {
		path = strings.Join(r.idPath, "/")
	}
	f := finding.Finding{Rule: rule, Severity: sev, Msg: msg, Path: path, Source: FindingSource}
	if c != nil {
		f.ElementID = c.Identifier.ID
		f.ElementVersion = c.Identifier.Version
	}
	r.findings = append(r.findings, f)
	r.fOff = append(r.fOff, off)
}

// fail records a structural ReadError at offset off and returns it.
func (r *reader) fail(off int64, sentinel error, msg finding.Msg) error {
	e := &ReadError{File: r.file, Msg: msg.Text("en"), Text: msg, Err: sentinel}
	r.readErr = e
	r.errOff = off
	return e
}

// next advances to the next start tag, end tag or text and returns the
// token's kind and offset. At the end of input it returns tokEOF and a nil
// error.
func (r *reader) next() (tokKind, int64, error) {
	err := r.s.next()
	if err == errEOF {
		return tokEOF, int64(r.s.off), nil
	}
	if err != nil {
		var se *scanError
		if errors.As(err, &se) {
			return tokEOF, int64(se.off), r.fail(int64(se.off), ErrNotXML, msgFailNotWellFormedXml.With(se.msg))
		}
		return tokEOF, int64(r.s.off), r.fail(int64(r.s.off), ErrNotXML, msgFailNotWellFormedXml2.With(err))
	}
	return r.s.kind, int64(r.s.off), nil
}

// pushNS records the namespace declarations in attrs at depth.
func (r *reader) pushNS(attrs []attrTok, depth int) {
	for _, a := range attrs {
		if a.prefix == "xmlns" {
			r.ns = append(r.ns, nsBinding{prefix: a.local, uri: a.value, depth: depth})
		} else if a.prefix == "" && a.local == "xmlns" {
			r.ns = append(r.ns, nsBinding{prefix: "", uri: a.value, depth: depth})
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

// element is a start tag: its name, offset and class. attrs is valid only
// until the next token is read: take what you need first.
type element struct {
	prefix, local string
	attrs         []attrTok
	off           int64
	class         nameClass
}

func (el *element) qname() string {
	if el.prefix == "" {
		return el.local
	}
	return el.prefix + ":" + el.local
}

// current returns the scanner's start tag as an element, with namespace
// declarations pushed for depth and the name classified.
func (r *reader) current(off int64, depth int) element {
	el := element{prefix: r.s.prefix, local: r.s.local, attrs: r.s.attrs, off: off}
	if len(el.attrs) > 0 {
		r.pushNS(el.attrs, depth)
	}
	uri, ok := r.lookupNS(el.prefix)
	switch {
	case !ok:
		el.class = nameForeign
	case uri == r.xdfNS:
		el.class = nameXDF
	case uri == "":
		el.class = nameUnqualified
	default:
		el.class = nameForeign
	}
	return el
}

// endMatches checks the scanner's end tag against the element.
func (r *reader) endMatches(el *element, off int64) error {
	if r.s.local != el.local || r.s.prefix != el.prefix {
		q := r.s.local
		if r.s.prefix != "" {
			q = r.s.prefix + ":" + q
		}
		return r.fail(off, ErrNotXML, msgFailNotWellFormedXml3.With(el.qname(), q))
	}
	return nil
}

func (r *reader) unclosed(el *element) error {
	return r.fail(el.off, ErrNotXML, msgFailNotWellFormedXml4.With(el.qname()))
}

// children iterates over the child elements of el, calling fn for each
// child start tag. fn must consume the child completely (with r.text,
// r.skip or a nested children call). Text between children is ignored.
// children returns after el's end tag.
func (r *reader) children(el *element, fn func(ch *element) error) error {
	r.depth++
	defer func() {
		r.popNS(r.depth + 1)
		r.depth--
	}()
	return r.untilEnd(el, nil, func(off int64) (bool, error) {
		ch := r.current(off, r.depth+1)
		if ch.class == nameUnqualified {
			r.noteUnqualified(off)
		}
		if err := fn(&ch); err != nil {
			return true, err
		}
		r.popNS(r.depth + 1)
		return true, nil
	})
}

func (r *reader) noteUnqualified(off int64) {
	if r.unqualified == 0 {
		r.unqualifiedOff = off
	}
	r.unqualified++
}

// text reads the character data of el up to its end tag, without leading
// and trailing white space (line breaks inside are kept). Nested elements
// are a finding; their text is included.
func (r *reader) text(el *element) (string, error) {
	var first []byte
	n := 0
	err := r.untilEnd(el, func() {
		if n == 0 && !r.s.decoded {
			// A view of the input: stays valid.
			first = r.s.text
			n = 1
			return
		}
		if first != nil {
			r.textBuf = append(r.textBuf[:0], first...)
			first = nil
		} else if n == 0 {
			r.textBuf = r.textBuf[:0]
		}
		r.textBuf = append(r.textBuf, r.s.text...)
		n++
	}, func(off int64) (bool, error) {
		r.addFinding(ruleUnknownElement, finding.Warning, off, nil, "",
			msgReadElementInsideWhichShould.With(r.s.local, el.local))
		return false, nil
	})
	switch {
	case err != nil:
		return "", err
	case n == 0:
		return "", nil
	case first != nil:
		return string(bytes.TrimSpace(first)), nil
	}
	return string(bytes.TrimSpace(r.textBuf)), nil
}

// skip consumes el and returns its text content (trimmed, the pieces
// joined by a space), for [Unmapped].
func (r *reader) skip(el *element) (string, error) {
	var buf []byte
	err := r.untilEnd(el, func() {
		t := bytes.TrimSpace(r.s.text)
		if len(buf) > 0 && len(t) > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, t...)
	}, nil)
	if err != nil {
		return "", err
	}
	return string(buf), nil
}

// untilEnd consumes the content of el up to and including its end tag. It
// calls onText (when not nil) for each text token (in r.s.text) at any depth
// that is not consumed otherwise, and onStart (when not nil) with the offset
// of each element directly inside el (r.s.local names it): onStart either
// consumes that element up to its end tag (consumed true) or leaves its
// content to untilEnd.
func (r *reader) untilEnd(el *element, onText func(), onStart func(off int64) (consumed bool, err error)) error {
	depth := 0
	for {
		k, off, err := r.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return r.unclosed(el)
		case tokText:
			if onText != nil {
				onText()
			}
		case tokStart:
			if depth == 0 && onStart != nil {
				consumed, err := onStart(off)
				if err != nil {
					return err
				}
				if consumed {
					continue
				}
			}
			depth++
		case tokEnd:
			if depth == 0 {
				return r.endMatches(el, off)
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
	r.addFinding(ruleUnknownElement, finding.Warning, el.off, c, "",
		msgReadUnknownElementInIt.With(el.local, parent))
	return Unmapped{Name: el.local, Text: txt, Pos: Pos{Offset: el.off}}, nil
}

// run reads the whole message.
func (r *reader) run() (*Document, error) {
	data := r.data
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, r.fail(-1, ErrEmpty, msgFailTheFileIsEmpty.With())
	}
	data, start, err := r.decodeInput(data)
	if err != nil {
		return nil, err
	}
	r.data = data
	r.s = newScanner(data)
	r.s.pos = start

	// Find the root element.
	var root element
	for {
		k, off, err := r.next()
		if err != nil {
			return nil, err
		}
		if k == tokEOF {
			return nil, r.fail(off, ErrNotXML, msgFailTheFileHasNo.With())
		}
		if k == tokStart {
			root = r.current(off, 0)
			break
		}
		if k == tokText && len(bytes.TrimSpace(r.s.text)) > 0 {
			return nil, r.fail(off, ErrNotXML, msgFailNotWellFormedXml5.With())
		}
		if k == tokEnd {
			return nil, r.fail(off, ErrNotXML, msgFailNotWellFormedXml6.With())
		}
	}
	rootOff := root.off
	uri, _ := r.lookupNS(root.prefix)
	switch uri {
	case NamespaceXDF2:
		r.ver, r.xdfNS = XDF2, uri
	case NamespaceXDF3:
		r.ver, r.xdfNS = XDF3, uri
	case namespaceXDF1:
		return nil, r.fail(rootOff, ErrXDF1, msgFailXdatenfelderXNamespaceRoot.With(uri, root.local))
	default:
		if uri == "" {
			return nil, r.fail(rootOff, ErrUnknownNamespace, msgFailRootElementHasNo.With(root.local, NamespaceXDF2, NamespaceXDF3))
		}
		if uri == codelist.Namespace {
			return nil, r.fail(rootOff, ErrUnknownNamespace, msgFailRootElementIsIn.With(root.local, uri))
		}
		return nil, r.fail(rootOff, ErrUnknownNamespace, msgFailRootElementIsIn2.With(root.local, uri, NamespaceXDF2, NamespaceXDF3))
	}
	root.class = nameXDF
	if !strings.HasPrefix(root.local, "xdatenfelder.") {
		return nil, r.fail(rootOff, ErrUnknownNamespace, msgFailRootElementIsNot.With(root.local))
	}
	doc := &Document{
		File: r.file, SourceVersion: r.ver, Namespace: r.xdfNS, Message: root.local,
		GroupByID: map[Identifier]*Datenfeldgruppe{},
		FieldByID: map[Identifier]*Datenfeld{},
		RuleByID:  map[Identifier]*Regel{},
	}
	r.doc = doc
	var seen uint64
	err = r.children(&root, func(el *element) error {
		name := el.local
		if el.class == nameForeign {
			u, err := r.unmapped(el, root.local, nil)
			doc.Extra = append(doc.Extra, u)
			return err
		}
		// content reads the message's one content element of kind k.
		content := func(k Kind, read func() error) error {
			if doc.Kind != "" {
				return r.fail(el.off, ErrStructure, msgFailMessageHasASecond.With(root.local, name))
			}
			doc.Kind = k
			return read()
		}
		switch name {
		case "header":
			if err := r.once(&seen, 0, el); err != nil {
				return err
			}
			return r.readHeader(el, &doc.Header)
		case "stammdatenschema", "datenschema":
			return content(KindDatenschema, func() (err error) { doc.Schema, err = r.readSchema(el); return err })
		case "datenfeldgruppe":
			return content(KindDatenfeldgruppe, func() (err error) { doc.Group, err = r.readGroup(el); return err })
		case "datenfeld":
			return content(KindDatenfeld, func() (err error) { doc.Field, err = r.readField(el); return err })
		case "dokumentsteckbrief":
			return content(KindDokumentsteckbrief, func() (err error) { doc.Steckbrief, err = r.readSteckbrief(el); return err })
		case "codeliste":
			return content(KindCodeliste, func() (err error) { doc.Codeliste, err = r.readCodelisteMessage(el); return err })
		}
		u, err := r.unmapped(el, root.local, nil)
		doc.Extra = append(doc.Extra, u)
		return err
	})
	if err != nil {
		return nil, err
	}
	// Nothing but whitespace, comments and PIs may follow the root.
	for {
		k, off, err := r.next()
		if err != nil {
			return nil, err
		}
		if k == tokEOF {
			break
		}
		if k != tokText || len(bytes.TrimSpace(r.s.text)) > 0 {
			return nil, r.fail(off, ErrNotXML, msgFailNotWellFormedXml7.With())
		}
	}
	if doc.Kind == "" {
		return nil, r.fail(rootOff, ErrStructure, msgFailMessageHasNoContent.With(root.local))
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
		r.addFinding(ruleUnqualifiedChildren, finding.Warning, r.unqualifiedOff, nil, "",
			msgReadElementsHaveNoNamespace.With(r.unqualified, r.xdfNS))
	}
	sortByPos(doc)
	// Empty lists, not null, in JSON.
	if doc.Groups == nil {
		doc.Groups = []*Datenfeldgruppe{}
	}
	if doc.Fields == nil {
		doc.Fields = []*Datenfeld{}
	}
	if doc.Rules == nil {
		doc.Rules = []*Regel{}
	}
	return doc, nil
}

// once checks that the single-valued child with bit b appears only once.
func (r *reader) once(seen *uint64, b uint, el *element) error {
	if *seen&(1<<b) != 0 {
		return r.fail(el.off, ErrStructure, msgFailElementAppearsTwiceIt.With(el.local))
	}
	*seen |= 1 << b
	return nil
}

// onceText reads el, which may occur once (bit b of seen), with read
// (r.text or r.trimmed) into dst.
func (r *reader) onceText(seen *uint64, b uint, el *element, dst *string, read func(*element) (string, error)) error {
	if err := r.once(seen, b, el); err != nil {
		return err
	}
	var err error
	*dst, err = read(el)
	return err
}

// onceCode reads the code of el, an XÖV code element that may occur once
// (bit b of seen), and reports it when it is not among allowed (if any).
func (r *reader) onceCode(seen *uint64, b uint, el *element, c *Common, allowed ...string) (string, error) {
	if err := r.once(seen, b, el); err != nil {
		return "", err
	}
	code, err := r.readCode(el, c)
	if len(allowed) > 0 {
		r.checkCode(code.Code, el, c, el.local, allowed...)
	}
	return code.Code, err
}

func sortByPos(doc *Document) {
	slices.SortStableFunc(doc.Groups, func(a, b *Datenfeldgruppe) int { return int(a.Pos.Offset - b.Pos.Offset) })
	slices.SortStableFunc(doc.Fields, func(a, b *Datenfeld) int { return int(a.Pos.Offset - b.Pos.Offset) })
	slices.SortStableFunc(doc.Rules, func(a, b *Regel) int { return int(a.Pos.Offset - b.Pos.Offset) })
}

// decodeInput turns the input into UTF-8 through the charset path of every
// XML reader (internal/xmlcharset: byte order marks, UTF-16, the encoding
// of the XML declaration), so that all offsets refer to the converted
// text, and checks that what is read as UTF-8 is UTF-8. It returns the
// data and where the scanner starts (after a UTF-8 byte order mark).
func (r *reader) decodeInput(data []byte) ([]byte, int, error) {
	data, label, err := xmlcharset.Decode(data)
	if err != nil {
		var ue *xmlcharset.UnsupportedError
		if errors.As(err, &ue) {
			return nil, 0, r.fail(0, ErrNotXML, msgFailUnsupportedEncodingXdatenfelderFiles.With(ue.Label, xmlcharset.Supported))
		}
		return nil, 0, r.fail(0, ErrNotXML, msgFailCannotDecode.With(err.Error()))
	}
	start := 0
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	if off, ok := looksBinary(data[start:]); ok {
		return nil, 0, r.fail(int64(start+off), ErrNotXML, msgFailTheFileIsNot.With())
	}
	if label == "" && !utf8.Valid(data) {
		off := invalidUTF8(data)
		line, col := lineColAt(data, start, off)
		key := msgFailInvalidUTF8Undeclared
		if bytes.HasPrefix(data[start:], []byte("<?xml")) && bytes.Contains(data[start:min(len(data), start+200)], []byte("encoding")) {
			key = msgFailInvalidUTF8Declared
		}
		return nil, 0, r.fail(int64(off), ErrNotXML, key.With(line, col))
	}
	return data, start, nil
}

// looksBinary reports a NUL byte, or a first character that is neither
// markup nor white space nor valid UTF-8 (an image, an archive, a PDF
// would be caught by the root element check), with its offset. Invalid
// UTF-8 further on is a character encoding problem, not binary data.
func looksBinary(data []byte) (int, bool) {
	head := data[:min(len(data), 1024)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return i, true
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return 0, false
	}
	if c, size := utf8.DecodeRune(trimmed); c == utf8.RuneError && size == 1 && len(trimmed) > 3 {
		return len(head) - len(trimmed), true
	}
	return 0, false
}

// invalidUTF8 returns the offset of the first byte of data that is not
// part of a valid UTF-8 sequence.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		c, size := utf8.DecodeRune(data[i:])
		if c == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// lineColAt counts the line and the column (in characters, invalid bytes
// one each) of off, from start.
func lineColAt(data []byte, start, off int) (int, int) {
	before := data[start:off]
	line := 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + utf8.RuneCount(before)
}
