package stream

import (
	"encoding/binary"
	"encoding/xml"
	"unicode/utf8"

	"github.com/jacoelho/xsd/internal/lex"
)

// Fast paths of the parser: names and character data that lie whole in the
// input buffer and are plain (ASCII names, text without entity references
// or CR) are taken from the buffer at once. Each fast path first proves
// that the byte-by-byte path would read the same bytes without an error
// (the token-byte limit included) and only then consumes them; otherwise it
// consumes nothing and the byte-by-byte path runs from the same state.
// Tokens, positions and errors are therefore those of the byte-by-byte path
// (see fastpath_test.go, which compares the two).
//
// Not part of upstream jacoelho/xsd v0.4.0; see third_party/xsd/PATCHES.md.

const (
	nameClassNCNameChar uint8 = 1 << iota // ASCII NCName character, or ':'
	nameClassStart                        // ASCII NCName start character
	nameClassTerminator                   // ends a name in a tag (lex.IsNameTerminator)
)

var nameByteClass = func() (t [256]uint8) {
	for c := range 128 {
		b := byte(c)
		if lex.IsASCIINCNameChar(b) || b == ':' {
			t[c] |= nameClassNCNameChar
		}
		if lex.IsASCIINCNameStart(b) {
			t[c] |= nameClassStart
		}
		if lex.IsNameTerminator(b) {
			t[c] |= nameClassTerminator
		}
	}
	return t
}()

// qnameCacheEntries is the number of slots of the parser's table of
// recently read qualified names; a power of two.
const (
	qnameCacheEntries = 256
	qnameCacheMask    = qnameCacheEntries - 1
)

// qnameCache maps the bytes of a recently read qualified name to its
// interned parts, so that a name read again (an end tag, a repeated
// element or attribute) costs one comparison instead of a QName check and
// two cache lookups. Entries hold strings of the names cache they came
// from; the table is emptied when the parser is reset with another cache.
type qnameCache struct {
	state   *cacheState
	entries [qnameCacheEntries]xml.Name
}

func qnameSlot(raw []byte) int {
	n := len(raw)
	return (n*31 ^ int(raw[0])*7 ^ int(raw[n-1])<<1 ^ int(raw[n/2])<<3) & qnameCacheMask
}

// matchesQName reports whether raw is the lexical form of name.
func matchesQName(name xml.Name, raw []byte) bool {
	if name.Local == "" {
		return false
	}
	if name.Space == "" {
		return name.Local == string(raw)
	}
	ls := len(name.Space)
	return len(raw) == ls+1+len(name.Local) && raw[ls] == ':' &&
		name.Space == string(raw[:ls]) && name.Local == string(raw[ls+1:])
}

func (c *qnameCache) use(names *Cache) {
	state := names.cacheState()
	if c.state != state {
		c.entries = [qnameCacheEntries]xml.Name{}
		c.state = state
	}
}

// readNameFast reads the name that starts with first (just read) when it
// is ASCII and ends inside the buffer; ok is false when nothing was read.
func (p *Parser) readNameFast(first byte) (xml.Name, bool) {
	br := &p.br
	if p.noFastPaths || br.unread || br.off == 0 || br.buf[br.off-1] != first ||
		nameByteClass[first]&nameClassStart == 0 {
		return xml.Name{}, false
	}
	rest := br.buf[br.off:br.end]
	n := 0
	for n < len(rest) && nameByteClass[rest[n]]&nameClassNCNameChar != 0 {
		n++
	}
	if n == len(rest) || nameByteClass[rest[n]]&nameClassTerminator == 0 {
		return xml.Name{}, false
	}
	total := int64(n + 1)
	if p.maxTokenBytes > 0 && p.retainedBytes+total > p.maxTokenBytes {
		return xml.Name{}, false
	}
	raw := br.buf[br.off-1 : br.off+n]
	slot := qnameSlot(raw)
	name := p.qnames.entries[slot]
	if !matchesQName(name, raw) {
		parts := lex.SplitASCIIQNameBytes(raw)
		if !parts.Valid() {
			return xml.Name{}, false
		}
		name = p.internQNameParts(parts.Bytes(raw))
		p.qnames.entries[slot] = name
	}
	if p.maxTokenBytes > 0 {
		p.retainedBytes += total
	}
	p.nameBuf = p.nameBuf[:0]
	br.off += n
	br.col += n
	return name, true
}

type charDataFastState uint8

const (
	charDataFastNone     charDataFastState = iota // nothing read
	charDataFastComplete                          // the whole text, in data
	charDataFastPartial                           // a plain part, copied into textBuf
)

// readCharDataFast reads character data that starts with first (just
// read). A text that ends in the buffer before '<' with nothing but
// characters, tabs and line feeds is returned as a slice of the buffer
// (charDataFastComplete); of one that goes on past the buffer or meets
// '&', CR, "]]" or a byte that is not a whole XML character, the plain part
// is copied into textBuf and the byte-by-byte path is to read on from
// there with readCharDataRest (charDataFastPartial). line and col are the
// text's position.
func (p *Parser) readCharDataFast(first byte) (data []byte, line, col int, state charDataFastState) {
	br := &p.br
	if p.noFastPaths || br.unread || br.off == 0 || br.buf[br.off-1] != first {
		return nil, 0, 0, charDataFastNone
	}
	if first >= utf8.RuneSelf || first < 0x20 && first != '\n' && first != '\t' || first == '&' || first == ']' {
		return nil, 0, 0, charDataFastNone
	}
	rest := br.buf[br.off:br.end]
	n, lines, lineStart := scanPlainText(rest)
	total := n + 1
	if total >= charDataPieceBytes(xmlInputBufferSize) {
		return nil, 0, 0, charDataFastNone
	}
	complete := n < len(rest) && rest[n] == '<'
	// A text that goes on is read on by the byte-by-byte path, which cuts
	// the part in this buffer at other places (before a ']' it reads in
	// the same run): the token-byte limit must not be reached before the
	// buffer's end, where both have read the same.
	if reach := total; p.maxTokenBytes > 0 {
		if !complete {
			reach = 1 + len(rest)
		}
		if p.retainedBytes+int64(reach) > p.maxTokenBytes {
			return nil, 0, 0, charDataFastNone
		}
		p.retainedBytes += int64(total)
	}
	line, col = br.line, br.col
	start := br.off - 1
	br.off += n
	if lines > 0 {
		br.line += lines
		br.col = n - lineStart
	} else {
		br.col += n
	}
	data = br.buf[start : start+total]
	if complete {
		p.textBuf = p.textBuf[:0]
		return data, line, col, charDataFastComplete
	}
	p.textBuf = append(p.textBuf[:0], data...)
	return nil, line, col, charDataFastPartial
}

// readTagOpen reads '<' and the byte after it when both are in the buffer
// and the second is a name's first byte or '/', moving as two readByte
// calls would; ok is false when nothing was read.
func (b *byteStream) readTagOpen(slow bool) (next byte, ok bool) {
	if slow || b.unread || b.afterCR || b.end-b.off < 2 || b.buf[b.off] != '<' {
		return 0, false
	}
	next = b.buf[b.off+1]
	if next != '/' && nameByteClass[next]&nameClassStart == 0 {
		return 0, false
	}
	b.off += 2
	b.last = next
	b.lastPos = bytePosition{line: b.line, col: b.col + 1}
	b.col += 2
	return next, true
}

// scanPlainText returns the length of the run at the start of data of XML
// characters (whole UTF-8 sequences, as scanCharDataChunk takes them)
// other than '<', '&', CR and a ']' before ']' or the end of data, with the
// number of line feeds in it and the index after the last one.
func scanPlainText(data []byte) (n, lines, lineStart int) {
	i := 0
	for i < len(data) {
		if len(data)-i >= 8 {
			x := binary.LittleEndian.Uint64(data[i:])
			if x&asciiHighBits == 0 &&
				!hasByteLessThan(x, 0x20) &&
				!hasByte(x, '<') &&
				!hasByte(x, '&') &&
				!hasByte(x, ']') {
				i += 8
				continue
			}
		}
		b := data[i]
		switch {
		case b >= 0x20 && b < utf8.RuneSelf:
			if b == '<' || b == '&' {
				return i, lines, lineStart
			}
			// A ']' that another byte than ']' follows in data cannot
			// begin "]]>"; before ']' or the end the scan stops, where
			// no ']' precedes.
			if b == ']' && (i+1 == len(data) || data[i+1] == ']') {
				return i, lines, lineStart
			}
		case b == '\n':
			lines++
			lineStart = i + 1
		case b == '\t':
		case b >= utf8.RuneSelf:
			if !utf8.FullRune(data[i:]) {
				return i, lines, lineStart
			}
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 || !lex.IsXMLChar(r) {
				return i, lines, lineStart
			}
			i += size
			continue
		default:
			return i, lines, lineStart
		}
		i++
	}
	return len(data), lines, lineStart
}

// maxOpenNames bounds the open elements' names the parser keeps (32 bytes
// each); an end tag deeper than that is read byte by byte.
const maxOpenNames = 1024

func (p *Parser) pushOpen(name xml.Name) {
	if len(p.open) < maxOpenNames {
		p.open = append(p.open, name)
		return
	}
	p.openBeyond++
}

func (p *Parser) popOpen() {
	switch {
	case p.openBeyond > 0:
		p.openBeyond--
	case len(p.open) > 0:
		p.open = p.open[:len(p.open)-1]
	}
}

// readEndNameFast reads the name of an end tag (after "</") when it is the
// name of the innermost open element and is followed in the buffer by a
// byte that ends a name, without looking at its bytes one by one: the
// byte-by-byte path would read the same name (its bytes are those of a
// valid name read before, with no byte that ends a name). ok is false when
// nothing was read.
func (p *Parser) readEndNameFast() (xml.Name, bool) {
	br := &p.br
	if len(p.open) == 0 || p.openBeyond > 0 || br.unread || br.afterCR {
		return xml.Name{}, false
	}
	name := p.open[len(p.open)-1]
	size := len(name.Local)
	if name.Space != "" {
		size += len(name.Space) + 1
	}
	if size == 0 || br.end-br.off <= size {
		return xml.Name{}, false
	}
	raw := br.buf[br.off : br.off+size]
	if nameByteClass[br.buf[br.off+size]]&nameClassTerminator == 0 || !matchesQName(name, raw) {
		return xml.Name{}, false
	}
	if p.maxTokenBytes > 0 {
		if p.retainedBytes+int64(size) > p.maxTokenBytes {
			return xml.Name{}, false
		}
		p.retainedBytes += int64(size)
	}
	p.nameBuf = p.nameBuf[:0]
	br.last = raw[0]
	br.lastPos = bytePosition{line: br.line, col: br.col}
	br.off += size
	br.col += size
	return name, true
}

// readPastSpaceFast reads past spaces, tabs and line feeds in the buffer
// and reads the byte after them when that is in the buffer and is not CR,
// moving as readByte would byte by byte; ok is false when nothing was read.
func (b *byteStream) readPastSpaceFast(slow bool) (c byte, hadSpace, ok bool) {
	if slow || b.unread || b.afterCR {
		return 0, false, false
	}
	data := b.buf[b.off:b.end]
	line, col := b.line, b.col
	for i, c := range data {
		switch c {
		case ' ', '\t':
			col++
			continue
		case '\n':
			line++
			col = 0
			continue
		case '\r':
			return 0, false, false
		}
		b.off += i + 1
		b.last = c
		b.lastPos = bytePosition{line: line, col: col}
		b.line, b.col = line, col+1
		return c, i > 0, true
	}
	return 0, false, false
}
