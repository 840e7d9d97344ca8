package xoev

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jacoelho/xsd"
	"github.com/jacoelho/xsd/xsderrors"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Rule ids of findings this package produces besides the XSD ones.
const (
	RuleNotWellFormed  = "xml:not-well-formed"
	RuleDoctype        = "xml:doctype"
	RuleEncoding       = "xml:encoding"
	RuleSchemaLocation = "xsd:schema-location"
	RuleLimit          = "xsd:limit"
)

// msgNoMarkup explains a message that is not XML from its first byte.
const msgNoMarkup = "no XML markup at the start (binary data, or not XML)"

// msgUndeclaredEntity explains an entity reference in a message without DTD.
const msgUndeclaredEntity = "undeclared entity reference (without a DTD only &lt; &gt; &amp; &apos; &quot; and character references like &#228; are allowed)"

// maxInstanceBytes lifts jacoelho's 64 MiB default: validation streams, so
// the size of a message does not drive memory.
const maxInstanceBytes = 1 << 40

func (s *SchemaSet) compile(ctx context.Context, engine string) error {
	start := time.Now()
	defer func() { s.CompileTime = time.Since(start) }()
	if engine == "helium" {
		s.FallbackReason = "helium requested"
		return s.compileHelium(ctx)
	}
	err := s.compileJacoelho(ctx)
	if err == nil {
		return nil
	}
	var xe *xsderrors.Error
	if engine == "" && errors.As(err, &xe) && fallbackWorthy(xe) {
		s.FallbackReason = fmt.Sprintf("%s:%d:%d: %s (%s)", relPath(xe.Path()), xe.Line(), xe.Column(), xe.Message(), xe.Code())
		if herr := s.compileHelium(ctx); herr == nil {
			return nil
		}
	}
	return s.compileError(err)
}

// fallbackWorthy reports whether a jacoelho compile error is one of its
// known false rejections (the "cyclic complex type" bug on legal recursion
// through extension, unsupported regex constructs) rather than a broken
// schema.
func fallbackWorthy(e *xsderrors.Error) bool {
	if e.Category() == xsderrors.CategoryUnsupported {
		return true
	}
	return e.Code() == xsderrors.CodeSchemaReference && strings.Contains(e.Message(), "cyclic")
}

func (s *SchemaSet) compileError(err error) error {
	var xe *xsderrors.Error
	if errors.As(err, &xe) {
		le := &LoadError{File: xe.Path(), Line: xe.Line(), Column: xe.Column(), Err: err}
		if le.File == "" {
			le.File = s.Path
		}
		if xe.Category() == xsderrors.CategoryUnsupported {
			le.Construct = string(xe.Code())
			if le.Line == 0 {
				le.File, le.Line = s.locate(xe.Message(), le.File)
			}
			le.Err = fmt.Errorf("schema construct not supported by the validator (%s): %s", xe.Code(), xe.Message())
		} else {
			le.Err = fmt.Errorf("compile schema (%s): %s", xe.Code(), xe.Message())
		}
		return le
	}
	return &LoadError{File: s.Path, Err: fmt.Errorf("compile schema: %w", err)}
}

func (s *SchemaSet) compileJacoelho(ctx context.Context) error {
	byPath := map[string]*SchemaDoc{}
	for _, d := range s.Docs {
		byPath[d.Path] = d
	}
	resolver := xsd.ResolverFunc(func(base, location string) (xsd.SchemaSource, error) {
		d := byPath[base]
		if d == nil {
			return xsd.SchemaSource{}, fmt.Errorf("%w: %s from unknown document %s", xsderrors.ErrSchemaNotFound, location, base)
		}
		for _, r := range d.refs {
			if r.location == location && r.resolved != "" {
				t := byPath[r.resolved]
				return xsd.Bytes(t.Path, t.data), nil
			}
		}
		return xsd.SchemaSource{}, fmt.Errorf("%w: %s", xsderrors.ErrSchemaNotFound, location)
	})
	main := s.Docs[0]
	eng, err := xsd.CompileWithOptions(xsd.CompileOptions{}, xsd.Bytes(main.Path, main.data).WithResolver(resolver))
	if err != nil {
		return err
	}
	s.jac = eng
	s.Engine = EngineJacoelho
	return nil
}

// Validator validates messages against a [SchemaSet]. It keeps per-worker
// scratch state: use one per goroutine.
type Validator struct {
	set  *SchemaSet
	sess *xsd.Session
	br   *bufio.Reader // reused read buffer
}

// NewValidator returns a validator with its own reusable session.
func (s *SchemaSet) NewValidator() (*Validator, error) {
	v := &Validator{set: s}
	if s.jac != nil {
		sess, err := s.jac.NewSession(xsd.ValidateOptions{MaxInstanceBytes: maxInstanceBytes})
		if err != nil {
			return nil, err
		}
		v.sess = sess
	}
	return v, nil
}

// Validate validates one message read from r (streamed, never buffered
// whole) and returns its findings. The error is reserved for "could not
// check" (a read error, cancellation); problems of the message itself,
// including malformed XML, are findings. Finding paths are the engine's
// own; [Annotate] makes them precise from a second read.
func (s *SchemaSet) Validate(ctx context.Context, name string, r io.Reader) ([]finding.Finding, error) {
	v, _ := s.sessions.Get().(*Validator)
	if v == nil {
		var err error
		if v, err = s.NewValidator(); err != nil {
			return nil, err
		}
	}
	defer s.sessions.Put(v)
	return v.Validate(ctx, name, r)
}

// Validate validates one message; see [SchemaSet.Validate].
func (v *Validator) Validate(ctx context.Context, name string, r io.Reader) ([]finding.Finding, error) {
	rr := &readErrReader{r: r}
	if v.br == nil {
		v.br = bufio.NewReaderSize(rr, 16<<10)
	} else {
		v.br.Reset(rr)
	}
	defer v.br.Reset(nil)
	utf8src, encFinding := utf8Reader(v.br)
	var fs []finding.Finding
	if encFinding != nil {
		if encFinding.Severity == finding.Error {
			return []finding.Finding{*encFinding}, rr.err
		}
		fs = append(fs, *encFinding)
	}
	// A DOCTYPE is refused before any engine sees the message, so that
	// both engines treat it alike: nothing declared there is ever applied.
	if head, _ := utf8src.Peek(utf8src.Size()); len(head) > 0 {
		if start, _, _ := findDoctype("", head); start >= 0 {
			return append(fs, doctypeFinding(xmlscan.LineAt(head, start))), nil
		}
	}
	src, hint := blankOddSchemaLocation(utf8src)
	if hint != nil {
		fs = append(fs, *hint)
	}
	var err error
	if v.set.hel != nil {
		var hf []finding.Finding
		hf, err = v.set.hel.validate(ctx, name, src)
		fs = append(fs, hf...)
	} else {
		err = v.sess.Validate(src)
		for _, f := range jacoelhoFindings(err) {
			if f.Rule == RuleNotWellFormed && f.Line == 0 {
				// The input ended early (an unclosed element): point at its end.
				f.Line = rr.lines + 1
			}
			fs = append(fs, f)
		}
		err = nil
	}
	if rr.err != nil {
		return nil, rr.err
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	return fs, err
}

// readErrReader remembers a read error so that an I/O failure is reported
// as "could not check", not as malformed XML.
type readErrReader struct {
	r     io.Reader
	err   error
	lines int // newlines read so far, to place errors at the end of input
}

func (r *readErrReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.lines += bytes.Count(p[:n], []byte("\n"))
	}
	if err != nil && !errors.Is(err, io.EOF) {
		r.err = err
	}
	return n, err
}

func jacoelhoFindings(err error) []finding.Finding {
	if err == nil {
		return nil
	}
	var list []error
	var xes xsderrors.Errors
	if errors.As(err, &xes) {
		list = xes.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]finding.Finding, 0, len(list))
	for _, e := range list {
		out = append(out, jacoelhoFinding(e))
	}
	return out
}

func jacoelhoFinding(err error) finding.Finding {
	f := finding.Finding{Severity: finding.Error, Source: "xsd", Message: err.Error(), Rule: "xsd:invalid"}
	var xe *xsderrors.Error
	if !errors.As(err, &xe) {
		return f
	}
	f.Line, f.Column, f.Path, f.Message = xe.Line(), xe.Column(), xe.Path(), xe.Message()
	switch xe.Code() {
	case xsderrors.CodeValidationXML, xsderrors.CodeUnsupportedXML11:
		f.Rule, f.Source = RuleNotWellFormed, "xml"
		detail := xe.Message()
		if strings.TrimSpace(detail) == "" && xe.Cause() != nil {
			detail = xe.Cause().Error() // the parser's own words
		}
		if strings.TrimSpace(detail) == "" || xe.Line() == 1 && xe.Column() == 1 && detail == "invalid XML character" {
			// Bytes that cannot start a document at all.
			detail = msgNoMarkup
		}
		f.Message = "message is not well-formed XML: " + detail
	case xsderrors.CodeValidationRoot:
		f.Rule = "xsd:root"
		if strings.Contains(xe.Message(), "no root element") {
			f.Rule, f.Source = RuleNotWellFormed, "xml"
			f.Message = "message is not well-formed XML: " + xe.Message()
		}
	case xsderrors.CodeUnsupportedEntity, xsderrors.CodeUnsupportedExternal:
		// A DOCTYPE is refused before validation, so an entity reference
		// here is one that nothing declares: not well-formed.
		f.Rule, f.Source = RuleNotWellFormed, "xml"
		f.Message = "message is not well-formed XML: " + msgUndeclaredEntity
	case xsderrors.CodeUnsupportedDTD:
		f.Rule, f.Source = RuleDoctype, "xml"
		f.Message = "DOCTYPE and entity declarations are not allowed in messages and are never expanded or fetched: " + xe.Message()
	case xsderrors.CodeUnsupportedNonUTF8:
		f.Rule, f.Source = RuleEncoding, "xml"
	case xsderrors.CodeUnsupportedSchemaHint:
		f.Rule, f.Severity = RuleSchemaLocation, finding.Warning
		f.Message = "xsi:schemaLocation ignored: " + xe.Message()
	case xsderrors.CodeValidationLimit:
		f.Rule = RuleLimit
	default:
		f.Rule = "xsd:" + strings.TrimPrefix(string(xe.Code()), "validation.")
	}
	if f.Message == "" {
		f.Message = string(xe.Code())
	}
	return f
}

// locate finds the schema document and line that hold the construct a
// compile message quotes (e.g. the regex of an unsupported pattern), when
// the validator gave no position.
func (s *SchemaSet) locate(msg, file string) (string, int) {
	i := strings.LastIndex(msg, ": ")
	if i < 0 {
		return file, 0
	}
	needle := []byte(strings.TrimSpace(msg[i+2:]))
	if len(needle) < 3 {
		return file, 0
	}
	for _, d := range s.Docs {
		if j := bytes.Index(d.data, needle); j >= 0 {
			return d.Path, 1 + bytes.Count(d.data[:j], []byte("\n"))
		}
	}
	return file, 0
}

// Rules documents the rule ids that XSD validation and the code-list
// check produce, for reporters that list rules (SARIF, JUnit).
func Rules() []finding.RuleInfo {
	return []finding.RuleInfo{
		{ID: RuleNotWellFormed, Severity: finding.Error, Title: "message is not well-formed XML", Help: "The message cannot be parsed as XML (truncated, binary, empty, broken markup). It is a finding about the message, not an input error."},
		{ID: RuleDoctype, Severity: finding.Error, Title: "DOCTYPE or entity declaration in a message", Help: "Messages must not carry a DOCTYPE. Entities are never expanded and external DTDs are never fetched."},
		{ID: RuleEncoding, Severity: finding.Error, Title: "unsupported character encoding", Help: "UTF-8, UTF-16 and the ISO-8859/windows-125x encodings are read; others are refused."},
		{ID: RuleSchemaLocation, Severity: finding.Warning, Title: "unusable xsi:schemaLocation hint", Help: "An xsi:schemaLocation with an odd number of entries is ignored, as xmllint and the KoSIT validator do."},
		{ID: "xsd:element", Severity: finding.Error, Title: "unexpected or unknown element", Help: "An element is not allowed at this place by the content model."},
		{ID: "xsd:content", Severity: finding.Error, Title: "incomplete content", Help: "A required child element is missing."},
		{ID: "xsd:attribute", Severity: finding.Error, Title: "attribute not allowed or invalid", Help: "An attribute is unknown, missing, or its value is invalid."},
		{ID: "xsd:facet", Severity: finding.Error, Title: "value violates a facet", Help: "A value breaks a pattern, enumeration, length or range facet of its type."},
		{ID: "xsd:type", Severity: finding.Error, Title: "value not of its type", Help: "A value is not in the lexical space of its type (date, decimal, IDREF that does not resolve, …)."},
		{ID: "xsd:text", Severity: finding.Error, Title: "text not allowed", Help: "Character data appears where the type allows none."},
		{ID: "xsd:root", Severity: finding.Error, Title: "root element not declared", Help: "The schema set declares no global element for the message's root."},
		{ID: "xsd:identity", Severity: finding.Error, Title: "identity constraint violated", Help: "ID uniqueness or a key/keyref constraint is violated."},
		{ID: "xsd:nil", Severity: finding.Error, Title: "xsi:nil misuse", Help: "xsi:nil is used on a non-nillable element or with content."},
		{ID: "xsd:invalid", Severity: finding.Error, Title: "schema validity error (helium engine)", Help: "Reported by the helium fallback engine, which gives libxml2-style messages."},
		{ID: RuleLimit, Severity: finding.Error, Title: "validation limit reached", Help: "The message exceeds a safety limit of the validator (nesting depth, token size)."},
		{ID: RuleInvalidCode, Severity: finding.Error, Title: "code not in its code list", Help: "The code of an XÖV code element is not a value of the genericode list named by listURI and listVersionID (or fixed by the schema)."},
		{ID: RuleUnknownList, Severity: finding.Warning, Title: "code list not available", Help: "No list with this listURI was found in --codelists; the code was not checked. --strict-codelists makes this an error."},
		{ID: RuleUnknownVersion, Severity: finding.Warning, Title: "code list version not available", Help: "The list is known but not in this listVersionID; the code was not checked. --strict-codelists makes this an error."},
		{ID: RuleNoListURI, Severity: finding.Warning, Title: "code element without listURI", Help: "A code element names no list and the schema fixes none, so the code cannot be checked."},
	}
}

// relPath shortens an absolute path to one relative to the working
// directory when that is shorter, for messages.
func relPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, p); err == nil && len(r) < len(p) {
			return r
		}
	}
	return p
}
