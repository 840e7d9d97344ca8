package xoev

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"io"
	"sync"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/internal/xmlmsg"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// SchemaKey is where [XSDStage] leaves the schema set it validated a
// message with, for the code-list stage (fixed listURI/listVersionID).
var SchemaKey = batch.NewKey[*SchemaSet]("xoev.schema")

// IdentifyStage reads the message's root element and header into
// [batch.Message.Identity]. A message that breaks before its root element
// is left to the XSD stage, which reports where.
type IdentifyStage struct{}

// Name implements [batch.Stage].
func (IdentifyStage) Name() string { return "identify" }

// Check implements [batch.Stage].
func (IdentifyStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	if data, ok := msg.Input.Bytes(); ok {
		if id, ok := identifyBytes(data); ok {
			msg.Identity = id
			return nil
		}
	}
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	id, err := identify(rc)
	if err == nil {
		msg.Identity = id
	}
	return nil
}

// PrologStage refuses a message with a DOCTYPE before any engine reads it,
// whatever the engines of the run: nothing declared there is ever applied,
// no entity expanded, no external DTD fetched (XXE, billion laughs). Such a
// message gets an xml:doctype finding and counts as not well-formed, so
// the later stages skip it.
type PrologStage struct{}

// Name implements [batch.Stage].
func (PrologStage) Name() string { return "prolog" }

// Check implements [batch.Stage].
func (PrologStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	if data, ok := msg.Input.Bytes(); ok && xmlcharset.PassesThrough(data[:min(len(data), 512)]) {
		// In memory and UTF-8 already: scan it where it is. A scan of
		// the whole says what the scans of ever longer heads below do.
		if p := xmlscan.ScanProlog(data); p.DoctypeStart >= 0 {
			res.Findings = append(res.Findings, doctypeFinding(xmlscan.LineAt(data, p.DoctypeStart)))
			msg.WellFormed = false
		}
		return nil
	}
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	// Transcode first: a UTF-16 or Latin-1 message hides its DOCTYPE from
	// a byte scan. An unknown encoding is the XSD stage's finding.
	br := pooledReader(rc)
	defer releaseReader(br)
	src, _ := utf8Reader(br)
	bp := prologBufs.Get().(*[]byte)
	defer prologBufs.Put(bp)
	buf := *bp
	// head is buf itself after the first read (nearly every prolog ends
	// within it), a copy once more is needed.
	var head []byte
	inBuf := false
	for {
		if inBuf {
			head, inBuf = append([]byte(nil), head...), false
		}
		n, err := src.Read(buf)
		if head == nil {
			head, inBuf = buf[:n], true
		} else {
			head = append(head, buf[:n]...)
		}
		p := xmlscan.ScanProlog(head)
		if p.DoctypeStart >= 0 {
			res.Findings = append(res.Findings, doctypeFinding(xmlscan.LineAt(head, p.DoctypeStart)))
			msg.WellFormed = false
			return nil
		}
		if p.Complete || err != nil {
			// The root element is reached, or the input ended (the
			// parser says what is wrong with a cut-off prolog).
			return nil
		}
	}
}

// memReaders hold readers of messages in memory, reset per use.
var memReaders = sync.Pool{New: func() any { return bytes.NewReader(nil) }}

var prologBufs = sync.Pool{New: func() any { b := make([]byte, 16<<10); return &b }}

// pooledReader returns a buffered reader of r from the pool Identify
// uses; the charset detection keeps it as it is for UTF-8 input, so a
// stage does not allocate and clear 16 KiB per message.
func pooledReader(r io.Reader) *bufio.Reader {
	br := identifyBufs.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

// releaseReader gives br back to the pool.
func releaseReader(br *bufio.Reader) {
	br.Reset(nil)
	identifyBufs.Put(br)
}

// doctypeFinding is the finding for a DOCTYPE at line.
func doctypeFinding(line int) finding.Finding {
	return finding.Finding{Rule: RuleDoctype, Severity: finding.Error, Source: "xml", Line: line, Column: 1,
		Msg: msgDoctype.With()}
}

// SchemaPicker chooses the schema set a message is validated against. A
// nil set with a nil error means the message has no XSD check in this run.
type SchemaPicker func(ctx context.Context, msg *batch.Message) (*SchemaSet, error)

// errNoRoot is what a picker that chooses by root element returns for a
// message whose root element could not be read.
var errNoRoot = errors.New("no root element")

// Picker returns a [SchemaPicker] that gives every message s.
func (s *SchemaSet) Picker() SchemaPicker {
	return func(context.Context, *batch.Message) (*SchemaSet, error) { return s, nil }
}

// Picker returns a [SchemaPicker] that chooses by root element and
// namespace (see SchemaDir.pick).
func (d *SchemaDir) Picker() SchemaPicker {
	return func(ctx context.Context, msg *batch.Message) (*SchemaSet, error) {
		if msg.Identity == nil {
			return nil, errNoRoot
		}
		return d.pick(ctx, msg.Identity.Namespace, msg.Identity.Root)
	}
}

// XSDStage validates each message against the schema set Pick chooses.
type XSDStage struct {
	Pick SchemaPicker
}

// Name implements [batch.Stage].
func (XSDStage) Name() string { return "xsd" }

// Check implements [batch.Stage].
func (s XSDStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	if !msg.WellFormed {
		return nil // refused before, e.g. for its DOCTYPE
	}
	set, err := s.Pick(ctx, msg)
	if errors.Is(err, errNoRoot) {
		// Not even a root element: report why, no schema to pick.
		return s.notWellFormed(msg, res)
	}
	if err != nil || set == nil {
		return err
	}
	SchemaKey.Set(msg, set)
	data, inMemory := msg.Input.Bytes()
	var fs []finding.Finding
	if inMemory {
		fs, err = set.validateBytes(ctx, msg.Input.Name, data)
	} else {
		var rc io.ReadCloser
		if rc, err = msg.Input.Open(); err != nil {
			return err
		}
		fs, err = set.Validate(ctx, msg.Input.Name, rc)
		rc.Close()
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", msg.Input.Name, err)
	}
	res.Engines = append(res.Engines, set.Engine)
	markWellFormed(msg, fs)
	if len(fs) > 0 {
		if inMemory {
			mr := memReaders.Get().(*bytes.Reader)
			mr.Reset(data)
			br := pooledReader(mr)
			annotate(br, fs)
			releaseReader(br)
			mr.Reset(nil)
			memReaders.Put(mr)
		} else if rc2, err := msg.Input.Open(); err == nil {
			br := pooledReader(rc2)
			annotate(br, fs)
			releaseReader(br)
			rc2.Close()
		}
	}
	if res.Findings == nil {
		res.Findings = fs // fs is this message's own: no copy
	} else {
		res.Findings = append(res.Findings, fs...)
	}
	return nil
}

func markWellFormed(msg *batch.Message, fs []finding.Finding) {
	for _, f := range fs {
		// A message beyond a reading limit was not read to its end: the
		// stages after this one would stop at the same limit.
		if f.Severity == finding.Error && (f.Rule == RuleNotWellFormed || f.Rule == RuleEncoding || f.Rule == RuleDoctype || f.Rule == RuleXMLLimit) {
			msg.WellFormed = false
		}
	}
}

// notWellFormed re-reads the message to say where it breaks.
func (s XSDStage) notWellFormed(msg *batch.Message, res *finding.FileResult) error {
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = identify(rc)
	detail, line := xmlmsg.NoRoot.With(), 0
	if err != nil {
		detail, line = xmlmsg.Syntax(err)
	}
	msg.WellFormed = false
	res.Findings = append(res.Findings, xmlmsg.Finding(detail, line, 0))
	return nil
}

// CodeListStage checks XÖV code elements against genericode lists (see
// [checkCodes]). It uses the schema set the XSD stage chose, for the
// fixed listURI/listVersionID of Typ 2 and 3 codes; without one it checks
// the elements that carry listURI themselves.
type CodeListStage struct {
	// Pick returns the options for a message; nil skips the message.
	Pick func(msg *batch.Message) *CodeCheckOptions
}

// Name implements [batch.Stage].
func (CodeListStage) Name() string { return "codelist" }

// Check implements [batch.Stage].
func (s CodeListStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	if !msg.WellFormed {
		return nil
	}
	opts := s.Pick(msg)
	if opts == nil {
		return nil
	}
	set, _ := SchemaKey.Get(msg)
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	fs, err := checkCodes(ctx, set, rc, *opts)
	if err != nil {
		return err
	}
	res.Engines = append(res.Engines, "codelist:genericode")
	res.Findings = append(res.Findings, fs...)
	return nil
}
