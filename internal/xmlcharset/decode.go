package xmlcharset

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

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

var encodingDecl = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(<\?xml[^>]*?encoding\s*=\s*)(["'])([A-Za-z0-9._-]+)(["'])`)
})

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
	m := encodingDecl().FindSubmatch(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}))
	if m == nil {
		return br, "", nil
	}
	name := strings.ToLower(string(m[3]))
	switch name {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return br, "", nil
	case "utf-16", "utf-16le", "utf-16be", "ucs-2":
		// The declaration was read as ASCII bytes: whatever it says, the
		// document is not UTF-16. Read it as UTF-8, as libxml2 does.
		return br, "", nil
	}
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return br, "", &UnsupportedError{Label: string(m[3])}
	}
	if enc == encoding.Nop {
		return br, "", nil
	}
	return declRewriter(transform.NewReader(br, enc.NewDecoder())), string(m[3]), nil
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
	m := encodingDecl().FindSubmatchIndex(head)
	if m == nil {
		return br
	}
	prefix := make([]byte, 0, m[1])
	prefix = append(prefix, head[:m[6]]...)
	prefix = append(prefix, "UTF-8"...)
	if _, err := br.Discard(m[7]); err != nil {
		return br
	}
	return bufio.NewReaderSize(io.MultiReader(bytes.NewReader(prefix), br), 16<<10)
}
