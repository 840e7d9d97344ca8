package xoev

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"html"
	"io"
	"unicode/utf8"
)

// elemTag is an element tag of a message, as [tagScanner.scan] reports it.
type elemTag struct {
	end       bool // an end tag, or the end of an empty-element tag
	line, col int  // of its '<'; col counts bytes from 1, as jacoelho does
	charCol   int  // the same column in characters, as editors count
	// after is the position just after the tag's '>'.
	afterLine, afterCol, afterCharCol int
	// start is a start tag's name and xmlns attributes (with
	// [tagScanner.allAttrs] all its attributes), with the prefixes as
	// written (the form of [xml.Decoder.RawToken]) and values unescaped.
	start xml.StartElement
	// text is the character data before the tag, unescaped, CDATA
	// sections included, when [tagScanner.keepText] was set while it was
	// read (else nil); valid until the next tag.
	text []byte
}

// scanTags reports the element tags of a well-formed UTF-8 message read
// from br to fn; see [tagScanner.scan].
//
// pkg/fim has a tokenizer too (scanner.go); it checks well-formedness on
// a document held in memory, which XDatenfelder files are. Messages are
// streamed (a 200 MB message stays under 25 MB RSS) and have been checked
// by the validator already, so this one reads from a bufio.Reader and
// only tracks nesting, positions in bytes and characters, and a few values.
func scanTags(br *bufio.Reader, fn func(elemTag) bool) error {
	return newTagScanner(br).scan(fn)
}

func newTagScanner(br *bufio.Reader) *tagScanner {
	return &tagScanner{br: br, line: 1, col: 1, charCol: 1, names: map[string]string{}, text: make([]byte, 0, 64)}
}

// reset makes s read br from its start, as [newTagScanner] does, keeping
// its memory and the names it has interned.
func (s *tagScanner) reset(br *bufio.Reader) {
	*s = tagScanner{br: br, line: 1, col: 1, charCol: 1, names: s.names,
		buf: s.buf[:0], attrs: s.attrs[:0], raw: s.raw[:0], text: s.text[:0]}
}

// scan reports the element tags to fn, in document order, until fn
// returns false or the input ends; an empty-element tag is reported as a
// start and an end. Comments and processing instructions are skipped, so
// are CDATA sections unless text is kept. It does a fraction of
// encoding/xml's work (which reads ~20 MB/s): the message has been parsed
// once already, and only its nesting (and a few values) are needed.
func (s *tagScanner) scan(fn func(elemTag) bool) error {
	br := s.br
	for {
		chunk, err := br.ReadSlice('<')
		s.advance(chunk)
		if s.keepText {
			s.raw = keepCapped(s.raw, chunk)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			if s.stopLine > 0 && (s.line > s.stopLine || s.line == s.stopLine && s.col > s.stopCol) {
				return nil // past what the caller needs, inside a long text
			}
			continue
		}
		if s.keepText && len(s.raw) > 0 {
			if !errors.Is(err, io.EOF) && len(s.raw) < maxKeptText {
				s.raw = s.raw[:len(s.raw)-1] // the '<'
			}
			s.text = keepCapped(s.text, []byte(html.UnescapeString(string(s.raw))))
		}
		s.raw = s.raw[:0]
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		t := elemTag{line: s.line, col: s.col - 1, charCol: s.charCol - 1}
		if s.keepText {
			t.text = s.text[:len(s.text):len(s.text)]
		}
		next, err := br.Peek(1)
		if err != nil {
			return nil
		}
		switch next[0] {
		case '/':
			if err := s.readTag(false); err != nil {
				return err
			}
			t.end = true
			t.afterLine, t.afterCol, t.afterCharCol = s.line, s.col, s.charCol
			s.text = s.text[:0]
			if !fn(t) {
				return nil
			}
		case '?':
			err = s.skip("?>")
		case '!':
			head, _ := br.Peek(8)
			switch {
			case bytes.HasPrefix(head, []byte("!--")):
				err = s.skip("-->")
			case bytes.HasPrefix(head, []byte("![CDATA[")) && s.keepText:
				err = s.readCDATA()
			case bytes.HasPrefix(head, []byte("![CDATA[")):
				err = s.skip("]]>")
			default:
				err = s.readTag(true)
			}
		default:
			if err := s.readTag(true); err != nil {
				return err
			}
			tag := s.buf[:len(s.buf)-1] // without '>'
			empty := len(tag) > 0 && tag[len(tag)-1] == '/'
			if empty {
				tag = tag[:len(tag)-1]
			}
			t.start = s.parseStartTag(tag)
			t.afterLine, t.afterCol, t.afterCharCol = s.line, s.col, s.charCol
			s.text = s.text[:0]
			if !fn(t) {
				return nil
			}
			if empty {
				t.end, t.start, t.text = true, xml.StartElement{}, nil
				if !fn(t) {
					return nil
				}
			}
		}
		if err != nil {
			return err
		}
	}
}

type tagScanner struct {
	br        *bufio.Reader
	line, col int // of the next byte
	charCol   int // col in characters
	buf       []byte
	names     map[string]string // interned prefixes and local names
	attrs     []xml.Attr        // reused for each start tag
	// allAttrs reports every attribute of start tags, not only xmlns.
	allAttrs bool
	// keepText, set by the caller between tags, collects the character
	// data that follows into the next tag's text.
	keepText  bool
	raw, text []byte
	// stopLine and stopCol, when set, end the scan once a text read runs
	// past that position, so that a caller that needs the elements open at
	// a place inside a text node of many MB does not read the rest of it.
	stopLine, stopCol int
}

// advance moves the position over c. Most chunks are a tag without a
// line end: bytes.IndexByte (vectorised) says so where LastIndexByte
// would test every byte, and runeCount passes ASCII a word at a time.
func (s *tagScanner) advance(c []byte) {
	first := bytes.IndexByte(c, '\n')
	if first < 0 {
		s.col += len(c)
		s.charCol += runeCount(c)
		return
	}
	i := first + 1 + bytes.LastIndexByte(c[first+1:], '\n')
	s.line += 1 + bytes.Count(c[first+1:i+1], []byte{'\n'})
	s.col = len(c) - i
	s.charCol = runeCount(c[i+1:]) + 1
}

// runeCount is utf8.RuneCount (an invalid byte counts as one), eight
// ASCII bytes at a time.
func runeCount(b []byte) int {
	n := 0
	for len(b) > 0 {
		if len(b) >= 8 && binary.LittleEndian.Uint64(b)&0x8080808080808080 == 0 {
			b, n = b[8:], n+8
			continue
		}
		size := 1
		if b[0] >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(b)
		}
		b, n = b[size:], n+1
	}
	return n
}

// readTag reads the rest of a tag into s.buf, through its '>'; with
// quoted set, a '>' inside a quoted attribute value does not end it.
func (s *tagScanner) readTag(quoted bool) error {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.br.ReadSlice('>')
		s.advance(chunk)
		s.buf = append(s.buf, chunk...)
		// Without a quote (most tags: no attributes) the '>' read is
		// the tag's end; MarkupEnd would test every byte to say so.
		if err == nil && (!quoted || !hasQuote(s.buf) || xmlscan.MarkupEnd(s.buf, 0) == len(s.buf)) {
			return nil
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

// hasQuote reports whether b holds a quote of either kind.
func hasQuote(b []byte) bool { return bytes.IndexByte(b, '"') >= 0 || bytes.IndexByte(b, '\'') >= 0 }

// maxKeptText bounds the text kept for one element (a code value, a value
// to quote in a message): a text node of many MB (a base64 attachment) is
// read through, not held.
const maxKeptText = 64 << 10

// keepCapped appends b to dst up to maxKeptText bytes in all.
func keepCapped(dst, b []byte) []byte {
	if room := maxKeptText - len(dst); room < len(b) {
		b = b[:max(room, 0)]
	}
	return append(dst, b...)
}

// readCDATA reads a CDATA section, the '<' read already, and keeps up to
// maxKeptText bytes of its content in s.text.
func (s *tagScanner) readCDATA() error {
	const open, end = "![CDATA[", "]]>"
	if _, err := s.br.Discard(len(open)); err != nil {
		return err
	}
	s.advance([]byte(open))
	var tail suffix
	total, kept := 0, 0 // bytes read and kept, "]]>" included
	for {
		chunk, err := s.br.ReadSlice('>')
		s.advance(chunk)
		before := len(s.text)
		s.text = keepCapped(s.text, chunk)
		kept += len(s.text) - before
		total += len(chunk)
		tail.add(chunk, len(end))
		if err == nil && tail.is(end) {
			// Drop what was kept of the closing "]]>".
			if over := kept - (total - len(end)); over > 0 {
				s.text = s.text[:len(s.text)-over]
			}
			return nil
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

// skip reads through the next occurrence of end, keeping no more than
// its length in memory (a CDATA section may be large).
func (s *tagScanner) skip(end string) error {
	var tail suffix
	for {
		chunk, err := s.br.ReadSlice(end[len(end)-1])
		s.advance(chunk)
		tail.add(chunk, len(end))
		if err == nil && tail.is(end) {
			return nil
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

// suffix holds the last few bytes read, without allocating: skip and
// readCDATA look for their end marker across chunks with it.
type suffix struct {
	b [8]byte
	n int
}

// add appends chunk, keeping the last keep (at most 8) bytes.
func (t *suffix) add(chunk []byte, keep int) {
	if len(chunk) >= keep {
		t.n = copy(t.b[:], chunk[len(chunk)-keep:])
		return
	}
	// Shift out what no longer fits, then append.
	if over := t.n + len(chunk) - keep; over > 0 {
		copy(t.b[:], t.b[over:t.n])
		t.n -= over
	}
	t.n += copy(t.b[t.n:], chunk)
}

// is reports whether the bytes read end with end.
func (t *suffix) is(end string) bool { return string(t.b[max(t.n-len(end), 0):t.n]) == end }

// parseStartTag returns the name and the namespace declarations of a
// start tag's text (without '<' and '>' or "/>"); the attributes are
// valid until the next call.
func (s *tagScanner) parseStartTag(tag []byte) xml.StartElement {
	i := 0 // the name's end: a short loop, not IndexAny's set of bytes
	for i < len(tag) && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\r' && tag[i] != '\n' {
		i++
	}
	s.attrs = s.attrs[:0]
	se := xml.StartElement{Name: s.rawName(tag[:i])}
	rest := tag[i:]
	if !s.allAttrs && !bytes.Contains(rest, []byte("xmlns")) {
		rest = nil // nearly every tag: nothing to report
	}
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		eq := bytes.IndexByte(rest, '=')
		if eq < 0 {
			break
		}
		name := bytes.TrimRight(rest[:eq], " \t\r\n")
		rest = bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(rest) == 0 {
			break
		}
		q := rest[0]
		end := bytes.IndexByte(rest[1:], q)
		if end < 0 {
			break
		}
		value := rest[1 : 1+end]
		rest = rest[2+end:]
		if s.allAttrs || bytes.Equal(name, []byte("xmlns")) || bytes.HasPrefix(name, []byte("xmlns:")) {
			a := xml.Attr{Name: s.rawName(name)}
			if bytes.IndexByte(value, '&') < 0 && bytes.HasPrefix(name, []byte("xmlns")) {
				a.Value = s.intern(value) // a namespace: the same in every message
			} else {
				a.Value = html.UnescapeString(string(value))
			}
			s.attrs = append(s.attrs, a)
		}
	}
	se.Attr = s.attrs
	return se
}

// rawName splits a name as written into prefix and local name.
func (s *tagScanner) rawName(b []byte) xml.Name {
	if prefix, local, ok := bytes.Cut(b, []byte{':'}); ok {
		return xml.Name{Space: s.intern(prefix), Local: s.intern(local)}
	}
	return xml.Name{Local: s.intern(b)}
}

func (s *tagScanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.names) < 1<<16 {
		s.names[v] = v
	}
	return v
}
