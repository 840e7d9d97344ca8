package xmlcharset

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Supported names the encodings the readers accept, for messages.
const Supported = "UTF-8, UTF-16, ISO-8859-x, windows-125x"

// UnsupportedError is returned for an XML declaration naming an encoding
// that has no decoder.
type UnsupportedError struct {
	// Label is the encoding name as declared.
	Label string
}

// Error implements error.
func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("unsupported character encoding %q (supported: %s)", e.Label, Supported)
}

// encodingDecl finds the encoding name of an XML declaration at the start
// of b: the offsets of group 3 of
// ^(<\?xml[^>]*?encoding\s*=\s*)(["'])([A-Za-z0-9._-]+)(["']), the first
// "encoding" before any '>' that is followed by such a value (a quote of
// either kind on each side). It runs once for every message a stage reads,
// where the regular expression took a few microseconds.
func encodingDecl(b []byte) (start, end int, ok bool) {
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return 0, 0, false
	}
	if gt := bytes.IndexByte(b, '>'); gt >= 0 {
		b = b[:gt] // nothing of the match can be or pass a '>'
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	isName := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
	}
	const name = "encoding"
	for k := len("<?xml"); ; k++ {
		i := bytes.Index(b[k:], []byte(name))
		if i < 0 {
			return 0, 0, false
		}
		k += i
		j := k + len(name)
		for j < len(b) && isSpace(b[j]) {
			j++
		}
		if j >= len(b) || b[j] != '=' {
			continue
		}
		for j++; j < len(b) && isSpace(b[j]); j++ {
		}
		if j >= len(b) || b[j] != '"' && b[j] != '\'' {
			continue
		}
		start = j + 1
		end = start
		for end < len(b) && isName(b[end]) {
			end++
		}
		if end > start && end < len(b) && (b[end] == '"' || b[end] == '\'') {
			return start, end, true
		}
	}
}

// NewReader returns the XML document read from r as UTF-8, the one
// charset path of every XML reader of ozgctl (messages, XDatenfelder
// files, code lists, rule files). It detects the encoding as XML 1.0
// appendix F does: a byte order mark (UTF-8, UTF-16 BE/LE), UTF-16 without
// one from the first characters "<?", else the encoding of the XML
// declaration (ISO-8859-1, windows-1252, ISO-8859-15 … through the IANA
// registry). A document in another encoding is transcoded while it is
// read, and its declaration rewritten to name UTF-8, so that a decoder
// that reads UTF-8 only sees the same characters. label is the encoding
// found ("" for UTF-8). A declared encoding without a decoder gives an
// [*UnsupportedError] and r unchanged. UTF-8 input, the common case, is
// passed through without copying; whether it is valid UTF-8 is left to the
// caller.
func NewReader(r io.Reader) (br *bufio.Reader, label string, err error) {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 512 {
		br = bufio.NewReaderSize(r, 16<<10)
	}
	head, _ := br.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		label = "UTF-16BE"
		if head[0] == 0xFF {
			label = "UTF-16LE"
		}
		return declRewriter(transform.NewReader(br, unicode.BOMOverride(dec))), label, nil
	case bytes.HasPrefix(head, []byte{0, '<', 0, '?'}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()
		return declRewriter(transform.NewReader(br, dec)), "UTF-16BE", nil
	case bytes.HasPrefix(head, []byte{'<', 0, '?', 0}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()
		return declRewriter(transform.NewReader(br, dec)), "UTF-16LE", nil
	}
	enc, declared, err := declaredEncoding(head)
	if enc == nil || err != nil {
		return br, "", err
	}
	return declRewriter(transform.NewReader(br, enc.NewDecoder())), string(declared), nil
}

// PassesThrough reports whether [NewReader] returns the input as it is,
// without an error, for a document whose first 512 bytes (or fewer, all
// of it) are head: it is UTF-8 (or ASCII, or says UTF-16 in ASCII bytes).
// A caller that holds such a document in memory can read it directly.
func PassesThrough(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) ||
		bytes.HasPrefix(head, []byte{0, '<', 0, '?'}) || bytes.HasPrefix(head, []byte{'<', 0, '?', 0}) {
		return false
	}
	enc, _, err := declaredEncoding(head)
	return enc == nil && err == nil
}

// declaredEncoding returns the decoder for the encoding that the XML
// declaration at the start of head (not UTF-16) names, and the name as
// written; a nil encoding when the bytes are read as they are.
func declaredEncoding(head []byte) (encoding.Encoding, []byte, error) {
	decl := bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	ns, ne, ok := encodingDecl(decl)
	if !ok {
		return nil, nil, nil
	}
	declared := decl[ns:ne]
	if bytes.EqualFold(declared, []byte("UTF-8")) {
		return nil, nil, nil // nearly every message: no string to make
	}
	name := strings.ToLower(string(declared))
	switch name {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return nil, nil, nil
	case "utf-16", "utf-16le", "utf-16be", "ucs-2":
		// The declaration was read as ASCII bytes: whatever it says, the
		// document is not UTF-16. Read it as UTF-8, as libxml2 does.
		return nil, nil, nil
	}
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return nil, nil, &UnsupportedError{Label: string(declared)}
	}
	if enc == encoding.Nop {
		return nil, nil, nil
	}
	return enc, declared, nil
}

// Decode is [NewReader] on a document held in memory: data itself when it
// is UTF-8, else a converted copy.
func Decode(data []byte) (out []byte, label string, err error) {
	br, label, err := NewReader(bytes.NewReader(data))
	if err != nil || label == "" {
		return data, label, err
	}
	out, err = io.ReadAll(br)
	if err != nil {
		return data, label, fmt.Errorf("decode %s: %w", label, err)
	}
	return out, label, nil
}

// declRewriter replaces the encoding named in the XML declaration by UTF-8.
func declRewriter(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 16<<10)
	head, _ := br.Peek(512)
	ns, ne, ok := encodingDecl(head)
	if !ok {
		return br
	}
	prefix := make([]byte, 0, ns+len("UTF-8"))
	prefix = append(prefix, head[:ns]...)
	prefix = append(prefix, "UTF-8"...)
	if _, err := br.Discard(ne); err != nil {
		return br
	}
	return bufio.NewReaderSize(io.MultiReader(bytes.NewReader(prefix), br), 16<<10)
}
