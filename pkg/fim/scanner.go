package fim

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// scanner is a small, allocation-poor XML tokenizer for the XDatenfelder
// reader. encoding/xml spends most of the reader's time; this scanner
// checks what matters for well-formedness of data documents (names, quoted
// attributes, entity and character references, comments, CDATA, allowed
// characters, UTF-8) and leaves tag matching to the reader, which checks
// each end tag against its start tag anyway.
//
// Names and short attribute values are interned, so a document's thousands
// of identical tag names cost no allocation. Text is returned as a slice of
// the input when it needs no decoding; both that slice and the attribute
// slice are valid only until the next call to next.
type scanner struct {
	data []byte
	pos  int

	// The current token.
	kind   tokKind
	off    int // offset of the token's first byte ('<' for tags)
	prefix string
	local  string
	attrs  []attrTok
	text   []byte
	// decoded is set when text is in buf (overwritten by the next token).
	decoded bool

	pendingEnd bool // a self-closing tag: the end token comes next
	buf        []byte
	intern     map[string]string
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type attrTok struct {
	prefix, local, value string
}

// scanError is a well-formedness error at a byte offset.
type scanError struct {
	off int
	msg finding.Msg
}

func (e *scanError) Error() string { return e.msg.Text("en") }

var errEOF = errors.New("EOF")

func newScanner(data []byte) *scanner {
	return &scanner{data: data, intern: make(map[string]string, 128)}
}

func (s *scanner) fail(off int, msg finding.Msg) error {
	return &scanError{off: off, msg: msg}
}

func (s *scanner) str(b []byte) string {
	if v, ok := s.intern[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.intern) < 4096 {
		s.intern[v] = v
	}
	return v
}

// next reads the next start tag, end tag or text; comments, processing
// instructions, the XML declaration and a DOCTYPE are skipped.
func (s *scanner) next() error {
	if s.pendingEnd {
		s.pendingEnd = false
		s.kind = tokEnd
		return nil
	}
	for {
		if s.pos >= len(s.data) {
			s.kind = tokEOF
			s.off = s.pos
			return errEOF
		}
		s.off = s.pos
		if s.data[s.pos] != '<' {
			return s.scanText()
		}
		if s.pos+1 >= len(s.data) {
			return s.fail(s.pos, msgScanUnexpectedEndOfInput.With())
		}
		switch s.data[s.pos+1] {
		case '/':
			return s.scanEnd()
		case '?':
			end := bytes.Index(s.data[s.pos+2:], []byte("?>"))
			if end < 0 {
				return s.fail(s.pos, msgScanUnterminatedProcessingInstruction.With())
			}
			s.pos += 2 + end + 2
			continue
		case '!':
			rest := s.data[s.pos:]
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				end := bytes.Index(rest[4:], []byte("-->"))
				if end < 0 {
					return s.fail(s.pos, msgScanUnterminatedComment.With())
				}
				s.pos += 4 + end + 3
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				end := bytes.Index(rest[9:], []byte("]]>"))
				if end < 0 {
					return s.fail(s.pos, msgScanUnterminatedCdataSection.With())
				}
				s.kind = tokText
				s.text = rest[9 : 9+end]
				s.decoded = false
				if err := s.checkChars(s.text, s.pos+9); err != nil {
					return err
				}
				s.pos += 9 + end + 3
				return nil
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
				return s.skipDoctype()
			}
			return s.fail(s.pos, msgScanInvalidMarkupAfter.With())
		}
		return s.scanStart()
	}
}

func (s *scanner) skipDoctype() error {
	depth := 0
	for i := s.pos + 9; i < len(s.data); i++ {
		switch s.data[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				s.pos = i + 1
				return s.next()
			}
		}
	}
	return s.fail(s.pos, msgScanUnterminatedDoctype.With())
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isNameByte(c byte) bool {
	return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// name scans a (possibly prefixed) name at s.pos.
func (s *scanner) name() (prefix, local string, err error) {
	start := s.pos
	if start >= len(s.data) || !isNameStart(s.data[start]) {
		return "", "", s.fail(start, msgScanExpectedAName.With())
	}
	colon := -1
	i := start
	for i < len(s.data) && isNameByte(s.data[i]) {
		if s.data[i] == ':' {
			if colon >= 0 {
				return "", "", s.fail(start, msgScanNameWithTwoColons.With())
			}
			colon = i
		}
		i++
	}
	nb := s.data[start:i]
	if !utf8.Valid(nb) {
		return "", "", s.fail(start, msgScanInvalidUtfInName.With())
	}
	s.pos = i
	if colon < 0 {
		return "", s.str(nb), nil
	}
	if colon == start || colon == i-1 {
		return "", "", s.fail(start, msgScanInvalidQualifiedName.With(nb))
	}
	return s.str(s.data[start:colon]), s.str(s.data[colon+1 : i]), nil
}

func (s *scanner) skipSpace() bool {
	start := s.pos
	for s.pos < len(s.data) && isSpace(s.data[s.pos]) {
		s.pos++
	}
	return s.pos > start
}

func (s *scanner) scanStart() error {
	s.pos++ // '<'
	p, l, err := s.name()
	if err != nil {
		return err
	}
	s.kind, s.prefix, s.local = tokStart, p, l
	s.attrs = s.attrs[:0]
	for {
		sp := s.skipSpace()
		if s.pos >= len(s.data) {
			return s.fail(s.off, msgScanUnexpectedEndOfInput2.With(l))
		}
		switch s.data[s.pos] {
		case '>':
			s.pos++
			return nil
		case '/':
			if s.pos+1 >= len(s.data) || s.data[s.pos+1] != '>' {
				return s.fail(s.pos, msgScanExpectedInTag.With(l))
			}
			s.pos += 2
			s.pendingEnd = true
			return nil
		}
		if !sp {
			return s.fail(s.pos, msgScanExpectedSpaceOrIn.With(l))
		}
		aoff := s.pos
		ap, al, err := s.name()
		if err != nil {
			return err
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '=' {
			return s.fail(aoff, msgScanAttributeWithoutValue.With(al))
		}
		s.pos++
		s.skipSpace()
		if s.pos >= len(s.data) || (s.data[s.pos] != '"' && s.data[s.pos] != '\'') {
			return s.fail(aoff, msgScanAttributeValueMustBe.With(al))
		}
		q := s.data[s.pos]
		end := bytes.IndexByte(s.data[s.pos+1:], q)
		if end < 0 {
			return s.fail(aoff, msgScanAttributeUnterminatedValue.With(al))
		}
		raw := s.data[s.pos+1 : s.pos+1+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return s.fail(aoff, msgScanAttributeInValue.With(al))
		}
		v, err := s.decode(raw, s.pos+1, true)
		if err != nil {
			return err
		}
		for _, a := range s.attrs {
			if a.local == al && a.prefix == ap {
				return s.fail(aoff, msgScanAttributeGivenTwice.With(al))
			}
		}
		var vs string
		if len(v) <= 64 {
			vs = s.str(v)
		} else {
			vs = string(v)
		}
		s.attrs = append(s.attrs, attrTok{prefix: ap, local: al, value: vs})
		s.pos += 1 + end + 1
	}
}

func (s *scanner) scanEnd() error {
	s.pos += 2
	p, l, err := s.name()
	if err != nil {
		return err
	}
	s.skipSpace()
	if s.pos >= len(s.data) || s.data[s.pos] != '>' {
		return s.fail(s.off, msgScanExpectedToEnd.With(l))
	}
	s.pos++
	s.kind, s.prefix, s.local = tokEnd, p, l
	return nil
}

func (s *scanner) scanText() error {
	start := s.pos
	end := bytes.IndexByte(s.data[start:], '<')
	if end < 0 {
		end = len(s.data)
	} else {
		end += start
	}
	s.pos = end
	s.kind = tokText
	t, err := s.decode(s.data[start:end], start, false)
	s.text = t
	s.decoded = len(t) > 0 && len(s.buf) > 0 && &t[0] == &s.buf[0]
	return err
}

// decode checks characters and resolves references and line ends in raw;
// it returns raw itself when nothing needs changing.
func (s *scanner) decode(raw []byte, off int, attr bool) ([]byte, error) {
	clean := true
	for i, c := range raw {
		if c == '&' || c == '\r' || c < 0x20 && c != '\t' && c != '\n' || c >= 0x80 || attr && (c == '\t' || c == '\n') {
			clean = false
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return nil, s.fail(off+i, msgScanCharacterUXIs.With(c))
			}
		}
	}
	if clean {
		return raw, nil
	}
	if !utf8.Valid(raw) {
		return nil, s.fail(off, msgScanInvalidUtf.With())
	}
	out := s.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return nil, s.fail(off+i, msgScanNotFollowedByAn.With())
			}
			ref := raw[i+1 : i+semi]
			switch string(ref) {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "quot":
				out = append(out, '"')
			case "apos":
				out = append(out, '\'')
			default:
				if len(ref) < 2 || ref[0] != '#' {
					return nil, s.fail(off+i, msgScanUnknownEntity.With(ref))
				}
				var n uint64
				var err error
				if ref[1] == 'x' {
					n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
				} else {
					n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
				}
				r := rune(n)
				if err != nil || !isXMLChar(r) {
					return nil, s.fail(off+i, msgScanInvalidCharacterReference.With(ref))
				}
				out = utf8.AppendRune(out, r)
			}
			i += semi
		case c == '\r':
			// Line-end normalisation: \r\n and \r become \n.
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			if attr {
				out = append(out, ' ')
			} else {
				out = append(out, '\n')
			}
		case attr && (c == '\t' || c == '\n'):
			out = append(out, ' ')
		case c >= 0x80:
			r, size := utf8.DecodeRune(raw[i:])
			if !isXMLChar(r) {
				return nil, s.fail(off+i, msgScanCharacterUXIs.With(r))
			}
			out = append(out, raw[i:i+size]...)
			i += size - 1
		default:
			out = append(out, c)
		}
	}
	s.buf = out
	// The caller copies what it keeps; give it a view that the next decode
	// may overwrite.
	return out, nil
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// checkChars validates CDATA content.
func (s *scanner) checkChars(b []byte, off int) error {
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return s.fail(off+i, msgScanCharacterUXIs.With(c))
		}
	}
	if !utf8.Valid(b) {
		return s.fail(off, msgScanInvalidUtf.With())
	}
	return nil
}
