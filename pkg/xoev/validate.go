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
	"slices"
	"strings"
	"time"

	"github.com/jacoelho/xsd"
	"github.com/jacoelho/xsd/xsderrors"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/internal/xmlmsg"
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

// parseAhead lets jacoelho/xsd parse the schema documents in parallel;
// BenchmarkLoadUBL switches it off to compare.
var parseAhead = true

func (s *SchemaSet) compileJacoelho(ctx context.Context) error {
	var key string
	if s.cache != nil {
		if key = s.cache.key(s.Docs); key == "" {
			s.CacheNote = "this build cannot name its entries"
		} else {
			eng, note := s.cache.load(key)
			if eng != nil {
				s.cache.touch(key)
				s.jac, s.Engine, s.Cached, s.cacheKey = eng, EngineJacoelho, true, key
				return nil
			}
			s.CacheNote = note
		}
	}
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
	// Every document the compile will read is known: parse them in
	// parallel (the carried jacoelho/xsd uses one only where it reads the
	// same bytes, so the result is the same as parsing them in order).
	var ahead []xsd.SchemaSource
	if parseAhead {
		for _, d := range s.Docs {
			ahead = append(ahead, xsd.Bytes(d.Path, d.data))
		}
	}
	eng, err := xsd.CompileWithOptions(xsd.CompileOptions{ParseAhead: ahead}, xsd.Bytes(main.Path, main.data).WithResolver(resolver))
	if err != nil {
		return err
	}
	s.jac = eng
	s.Engine = EngineJacoelho
	if key != "" {
		if err := s.cache.store(key, eng); err != nil {
			s.CacheNote = strings.TrimPrefix(s.CacheNote+"; ", "; ") + "entry not written: " + err.Error()
		} else {
			s.cacheKey = key
		}
	}
	return nil
}

// Validator validates messages against a [SchemaSet]. It keeps per-worker
// scratch state: use one per goroutine.
type Validator struct {
	set  *SchemaSet
	sess *xsd.Session
	br   *bufio.Reader // reused read buffer
	rr   readErrReader // reused: the source of br
	// blanked holds a message in memory with its odd schemaLocation
	// blanked (see validateBytes), reused.
	blanked []byte
}

// readBufSize is the size of the Validator's read buffer, and so of the
// head of a message looked at for a DOCTYPE and the root start tag.
const readBufSize = 16 << 10

// maxKeptBlanked is the largest blanked copy a Validator keeps for the
// next message.
const maxKeptBlanked = 1 << 20

// NewValidator returns a validator with its own reusable session.
func (s *SchemaSet) NewValidator() (*Validator, error) {
	v := &Validator{set: s}
	if s.jac != nil {
		// A text node is held whole (the parser's token and, for simple
		// content, the value): both limits are the text limit. ozgctl never
		// loads xsi:schemaLocation hints, so an element or type the set does
		// not declare is an error (or a lax skip) whether or not the message
		// hints at a schema for its namespace, as with xmllint --schema and
		// helium; otherwise a misspelled root with a hint passed as valid.
		sess, err := s.jac.NewSession(xsd.ValidateOptions{MaxInstanceBytes: maxInstanceBytes,
			MaxInstanceTextBytes: s.limits.TextBytes(), MaxInstanceTokenBytes: s.limits.TextBytes(),
			MaxInstanceDepth: s.limits.Depth(), MaxInstanceAttributes: jacoelhoAttributes,
			IgnoreSchemaLocationHints: true})
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
// own; [annotate] makes them precise from a second read.
func (s *SchemaSet) Validate(ctx context.Context, name string, r io.Reader) ([]finding.Finding, error) {
	return s.withValidator(func(v *Validator) ([]finding.Finding, error) { return v.Validate(ctx, name, r) })
}

// validateBytes is [SchemaSet.Validate] on a message held whole in memory
// (see [Validator.validateBytes]).
func (s *SchemaSet) validateBytes(ctx context.Context, name string, data []byte) ([]finding.Finding, error) {
	return s.withValidator(func(v *Validator) ([]finding.Finding, error) { return v.validateBytes(ctx, name, data) })
}

// withValidator runs validate with a validator of s's pool.
func (s *SchemaSet) withValidator(validate func(*Validator) ([]finding.Finding, error)) ([]finding.Finding, error) {
	v, _ := s.sessions.Get().(*Validator)
	if v == nil {
		var err error
		if v, err = s.NewValidator(); err != nil {
			return nil, err
		}
	}
	defer s.sessions.Put(v)
	return validate(v)
}

// Validate validates one message; see [SchemaSet.Validate].
func (v *Validator) Validate(ctx context.Context, name string, r io.Reader) ([]finding.Finding, error) {
	v.rr = readErrReader{r: r}
	rr := &v.rr
	defer func() { v.rr = readErrReader{} }()
	if v.br == nil {
		v.br = bufio.NewReaderSize(rr, readBufSize)
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
	hint, hinted := blankOddSchemaLocation(utf8src)
	var err error
	if v.set.hel != nil {
		var hf []finding.Finding
		hf, err = v.set.hel.validate(ctx, name, utf8src, v.set.limits)
		switch {
		case fs == nil && !hinted && len(hf) > 0:
			fs = hf
		case hinted || len(hf) > 0:
			fs = slices.Grow(fs, 1+len(hf))
			if hinted {
				fs = append(fs, hint)
			}
			fs = append(fs, hf...)
		}
	} else {
		fs = v.jacoelhoFindings(fs, hint, hinted, v.sess.Validate(utf8src), func() int { return rr.lines })
	}
	if rr.err != nil {
		return nil, rr.err
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	return fs, err
}

// validateBytes is [Validator.Validate] on a message held whole in
// memory, which it does not change. A UTF-8 message checked by jacoelho
// is read where it lies, not copied through the read buffers of the
// charset path and the parser; only one with an odd schemaLocation is
// copied once, to blank it. The findings are Validate's.
func (v *Validator) validateBytes(ctx context.Context, name string, data []byte) ([]finding.Finding, error) {
	if v.sess == nil || !xmlcharset.PassesThrough(data[:min(len(data), 512)]) {
		return v.Validate(ctx, name, bytes.NewReader(data))
	}
	// What Validate looks at: the head its read buffer holds.
	head := data[:min(len(data), readBufSize)]
	if start, _, _ := findDoctype("", head); start >= 0 {
		return []finding.Finding{doctypeFinding(xmlscan.LineAt(head, start))}, nil
	}
	hint, attrStart, attrEnd, hinted := oddSchemaLocation(head)
	src := data
	if hinted {
		v.blanked = append(v.blanked[:0], data...)
		blankAttr(v.blanked[attrStart:attrEnd])
		src = v.blanked
	}
	fs := v.jacoelhoFindings(nil, hint, hinted, v.sess.ValidateBytes(src), func() int { return bytes.Count(data, []byte("\n")) })
	if cap(v.blanked) > maxKeptBlanked {
		v.blanked = nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	return fs, nil
}

// jacoelhoFindings appends to fs the findings of a jacoelho validation
// that ended with err, after hint if hinted; newlines counts the lines
// ends of the message read, for an error at its end.
func (v *Validator) jacoelhoFindings(fs []finding.Finding, hint finding.Finding, hinted bool, err error, newlines func() int) []finding.Finding {
	list := jacoelhoErrors(err)
	if hinted || len(list) > 0 {
		// One slice of the size needed (a finding is ~250 bytes).
		fs = slices.Grow(fs, 1+len(list))
	}
	if hinted {
		fs = append(fs, hint)
	}
	for _, e := range list {
		f := jacoelhoFinding(e, v.set.limits)
		if f.Rule == RuleNotWellFormed && f.Line == 0 {
			// The input ended early (an unclosed element): point at its end.
			f.Line = newlines() + 1
		}
		fs = append(fs, f)
	}
	return fs
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

// jacoelhoErrors lists the errors of a jacoelho validation.
func jacoelhoErrors(err error) []error {
	if err == nil {
		return nil
	}
	// What the validator returns as it is, without errors.As's reflection.
	xes, ok := err.(xsderrors.Errors)
	if ok || errors.As(err, &xes) {
		return xes.Unwrap()
	}
	return []error{err}
}

func jacoelhoFinding(err error, lim Limits) finding.Finding {
	f := finding.Finding{Severity: finding.Error, Source: "xsd", Rule: "xsd:invalid"}
	xe, ok := err.(*xsderrors.Error)
	if !ok && !errors.As(err, &xe) {
		f.Msg = msgXSDOther.With(err.Error())
		return f
	}
	f.Line, f.Column, f.Path = xe.Line(), xe.Column(), xe.Path()
	switch xe.Code() {
	case xsderrors.CodeValidationXML, xsderrors.CodeUnsupportedXML11:
		f.Rule, f.Source = RuleNotWellFormed, "xml"
		detail := xe.Message()
		if strings.TrimSpace(detail) == "" && xe.Cause() != nil {
			detail = xe.Cause().Error() // the parser's own words
		}
		d := jacoelhoMsg(xe.Code(), detail)
		if strings.TrimSpace(detail) == "" || xe.Line() == 1 && xe.Column() == 1 && d.Key == xmlmsg.InvalidChar {
			// Bytes that cannot start a document at all.
			d = xmlmsg.NoMarkup.With()
		}
		f.Msg = xmlmsg.NotWellFormed.With(d)
	case xsderrors.CodeValidationRoot:
		f.Rule = "xsd:root"
		f.Msg = xsdMessage(xe.Message())
		if strings.Contains(xe.Message(), "no root element") {
			f.Rule, f.Source = RuleNotWellFormed, "xml"
			f.Msg = xmlmsg.NotWellFormed.With(xmlmsg.NoRoot.With())
		}
	case xsderrors.CodeUnsupportedEntity, xsderrors.CodeUnsupportedExternal:
		// A DOCTYPE is refused before validation, so an entity reference
		// here is one that nothing declares: not well-formed.
		f.Rule, f.Source = RuleNotWellFormed, "xml"
		f.Msg = xmlmsg.NotWellFormed.With(xmlmsg.UndeclaredEntity.With("&lt; &gt; &amp; &apos; &quot;", "&#228;"))
	case xsderrors.CodeUnsupportedDTD:
		f.Rule, f.Source = RuleDoctype, "xml"
		f.Msg = msgDoctypeDecl.With(xsdMessage(xe.Message()))
	case xsderrors.CodeUnsupportedNonUTF8:
		f.Rule, f.Source = RuleEncoding, "xml"
		f.Msg = xsdMessage(xe.Message())
	case xsderrors.CodeUnsupportedSchemaHint:
		f.Rule, f.Severity = RuleSchemaLocation, finding.Warning
		f.Msg = msgSchemaLocationIgnored.With(xsdMessage(xe.Message()))
	case xsderrors.CodeValidationLimit:
		// The message is well-formed as far as it was read; say which
		// limit stopped the validator and how to raise it.
		all := err.Error()
		switch {
		case strings.Contains(all, "token byte limit"), strings.Contains(all, "text byte limit"):
			f.Rule, f.Source, f.Msg = RuleXMLLimit, "xml", xmlmsg.TextLimitMsg(lim)
		case strings.Contains(all, "depth limit"):
			f.Rule, f.Source, f.Msg = RuleXMLLimit, "xml", xmlmsg.DepthLimitMsg(lim)
		case strings.Contains(all, "attribute count limit"):
			f.Rule, f.Source, f.Msg = RuleXMLLimit, "xml", xmlmsg.AttributeLimit.With(jacoelhoAttributes)
		default:
			f.Rule = RuleLimit // identity constraints, schema-location hints
			f.Msg = xsdMessage(xe.Message())
		}
	default:
		f.Rule = "xsd:" + strings.TrimPrefix(string(xe.Code()), "validation.")
		f.Msg = xsdMessage(xe.Message())
	}
	if xe.Message() == "" && f.Msg.Key == msgXSDOther {
		f.Msg = msgXSDOther.With(string(xe.Code()))
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
		data := d.bytes()
		if j := bytes.Index(data, needle); j >= 0 {
			return d.Path, xmlscan.LineAt(data, j)
		}
	}
	return file, 0
}

// Rules documents the rule ids that XSD validation and the code-list
// check produce, in lang ("de" or "en"), for reporters that list rules
// (SARIF, JUnit).
func Rules(lang string) []finding.RuleInfo {
	out := make([]finding.RuleInfo, len(ruleDocs))
	for i, r := range ruleDocs {
		out[i] = finding.RuleInfo{ID: r.id, Severity: r.sev, Title: r.title.In(lang), Help: r.help.In(lang)}
	}
	return out
}

// tx is a [finding.Text] without the field names.
func tx(de, en string) finding.Text { return finding.Text{DE: de, EN: en} }

type ruleDoc struct {
	id          string
	sev         finding.Severity
	title, help finding.Text
}

var ruleDocs = []ruleDoc{
	{RuleNotWellFormed, finding.Error,
		tx("Nachricht ist kein wohlgeformtes XML", "message is not well-formed XML"),
		tx("Die Nachricht lässt sich nicht als XML lesen (abgeschnitten, binär, leer, kaputtes Markup). Das ist ein Befund über die Nachricht, kein Eingabefehler.",
			"The message cannot be parsed as XML (truncated, binary, empty, broken markup). It is a finding about the message, not an input error.")},
	{RuleDoctype, finding.Error,
		tx("DOCTYPE- oder Entitätsdeklaration in einer Nachricht", "DOCTYPE or entity declaration in a message"),
		tx("Nachrichten dürfen keinen DOCTYPE enthalten. Entitäten werden nie expandiert, externe DTDs nie geladen.",
			"Messages must not carry a DOCTYPE. Entities are never expanded and external DTDs are never fetched.")},
	{RuleEncoding, finding.Error,
		tx("nicht unterstützte Zeichenkodierung", "unsupported character encoding"),
		tx("Gelesen werden UTF-8, UTF-16 und die Kodierungen ISO-8859 und windows-125x; andere werden abgelehnt.",
			"UTF-8, UTF-16 and the ISO-8859/windows-125x encodings are read; others are refused.")},
	{RuleSchemaLocation, finding.Warning,
		tx("unbrauchbarer xsi:schemaLocation-Hinweis", "unusable xsi:schemaLocation hint"),
		tx("Ein xsi:schemaLocation mit ungerader Zahl von Einträgen wird ignoriert, wie es xmllint und der KoSIT-Validator tun.",
			"An xsi:schemaLocation with an odd number of entries is ignored, as xmllint and the KoSIT validator do.")},
	{"xsd:element", finding.Error,
		tx("unerwartetes oder unbekanntes Element", "unexpected or unknown element"),
		tx("Das Inhaltsmodell erlaubt an dieser Stelle kein solches Element.", "An element is not allowed at this place by the content model.")},
	{"xsd:content", finding.Error,
		tx("unvollständiger Inhalt", "incomplete content"),
		tx("Ein erforderliches Kindelement fehlt.", "A required child element is missing.")},
	{"xsd:attribute", finding.Error,
		tx("Attribut nicht erlaubt oder ungültig", "attribute not allowed or invalid"),
		tx("Ein Attribut ist unbekannt, fehlt, oder sein Wert ist ungültig.", "An attribute is unknown, missing, or its value is invalid.")},
	{"xsd:facet", finding.Error,
		tx("Wert verletzt eine Facette", "value violates a facet"),
		tx("Ein Wert verletzt ein Muster, eine Aufzählung, eine Längen- oder eine Bereichsfacette seines Typs.", "A value breaks a pattern, enumeration, length or range facet of its type.")},
	{"xsd:type", finding.Error,
		tx("Wert nicht von seinem Typ", "value not of its type"),
		tx("Ein Wert liegt nicht im lexikalischen Raum seines Typs (Datum, Dezimalzahl, IDREF ohne Ziel, …).", "A value is not in the lexical space of its type (date, decimal, IDREF that does not resolve, …).")},
	{"xsd:text", finding.Error,
		tx("Text nicht erlaubt", "text not allowed"),
		tx("Zeichendaten stehen, wo der Typ keine erlaubt.", "Character data appears where the type allows none.")},
	{"xsd:root", finding.Error,
		tx("Wurzelelement nicht deklariert", "root element not declared"),
		tx("Das Schema deklariert kein globales Element für das Wurzelelement der Nachricht.", "The schema set declares no global element for the message's root.")},
	{"xsd:identity", finding.Error,
		tx("Identitätsbedingung verletzt", "identity constraint violated"),
		tx("Die Eindeutigkeit einer ID oder eine key/keyref-Bedingung ist verletzt.", "ID uniqueness or a key/keyref constraint is violated.")},
	{"xsd:nil", finding.Error,
		tx("falsch verwendetes xsi:nil", "xsi:nil misuse"),
		tx("xsi:nil steht an einem nicht nillable Element oder zusammen mit Inhalt.", "xsi:nil is used on a non-nillable element or with content.")},
	{"xsd:invalid", finding.Error,
		tx("Fehler der Schemavalidierung (helium)", "schema validity error (helium engine)"),
		tx("Gemeldet vom Ersatz-Validator helium, dessen Meldungen denen von libxml2 folgen.", "Reported by the helium fallback engine, which gives libxml2-style messages.")},
	{RuleXMLLimit, finding.Error,
		tx("Nachricht überschreitet eine Lesegrenze", "message exceeds a reading limit"),
		tx("Die Nachricht enthält einen Textknoten oder Attributwert größer als --max-text-size (Vorgabe 64 MiB) oder verschachtelt Elemente tiefer als --max-depth (Vorgabe 256); mit einem höheren Wert des Schalters wird sie geprüft.",
			"The message holds a text node or attribute value larger than --max-text-size (default 64 MiB) or nests elements deeper than --max-depth (default 256); raise the flag to check it.")},
	{RuleLimit, finding.Error,
		tx("Grenze des Validators erreicht", "validation limit reached"),
		tx("Die Nachricht überschreitet eine Sicherheitsgrenze des Validators: mehr als 100 000 Einträge von Identitätsbedingungen (IDs, Schlüssel) oder 10 000 Schlüsselbereiche.",
			"The message exceeds a safety limit of the validator: more than 100 000 identity-constraint entries (IDs, keys) or 10 000 key scopes.")},
	{ruleInvalidCode, finding.Error,
		tx("Code nicht in seiner Codeliste", "code not in its code list"),
		tx("Der Code eines XÖV-Code-Elements ist kein Wert der genericode-Liste, die listURI und listVersionID nennen (oder das Schema festlegt).",
			"The code of an XÖV code element is not a value of the genericode list named by listURI and listVersionID (or fixed by the schema).")},
	{ruleUnknownList, finding.Warning,
		tx("Codeliste nicht vorhanden", "code list not available"),
		tx("In --codelists liegt keine Liste mit dieser listURI; der Code wurde nicht geprüft. Mit --strict-codelists ist das ein Fehler.",
			"No list with this listURI was found in --codelists; the code was not checked. --strict-codelists makes this an error.")},
	{ruleUnknownVersion, finding.Warning,
		tx("Version der Codeliste nicht vorhanden", "code list version not available"),
		tx("Die Liste liegt vor, aber nicht in dieser listVersionID; der Code wurde nicht geprüft. Mit --strict-codelists ist das ein Fehler.",
			"The list is known but not in this listVersionID; the code was not checked. --strict-codelists makes this an error.")},
	{ruleNoListURI, finding.Warning,
		tx("Code-Element ohne listURI", "code element without listURI"),
		tx("Ein Code-Element nennt keine Liste und das Schema legt keine fest, also kann der Code nicht geprüft werden.",
			"A code element names no list and the schema fixes none, so the code cannot be checked.")},
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
