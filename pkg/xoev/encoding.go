package xoev

import (
	"bufio"
	"bytes"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

var encodingDecl = regexp.MustCompile(`^(<\?xml[^>]*?encoding\s*=\s*)(["'])([A-Za-z0-9._-]+)(["'])`)

// utf8Reader returns r as UTF-8: a document declared in another encoding
// (ISO-8859-1, windows-1252, UTF-16 with BOM, …) is transcoded while it is
// streamed, and its declaration rewritten to UTF-8, so that the validator,
// which reads UTF-8 only, sees the same characters xmllint does. An unknown
// encoding gives an error finding.
func utf8Reader(r io.Reader) (*bufio.Reader, *finding.Finding) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 16<<10)
	}
	head, _ := br.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		tr := transform.NewReader(br, unicode.BOMOverride(dec))
		return declRewriter(tr), nil
	}
	m := encodingDecl.FindSubmatch(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}))
	if m == nil {
		return br, nil
	}
	name := strings.ToLower(string(m[3]))
	if name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" {
		return br, nil
	}
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return br, &finding.Finding{Rule: RuleEncoding, Severity: finding.Error, Source: "xml", Line: 1, Column: 1,
			Msg: msgEncoding.With(m[3])}
	}
	return declRewriter(transform.NewReader(br, enc.NewDecoder())), nil
}

// declRewriter replaces the encoding named in the XML declaration by UTF-8.
func declRewriter(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 16<<10)
	head, _ := br.Peek(512)
	m := encodingDecl.FindSubmatchIndex(head)
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
