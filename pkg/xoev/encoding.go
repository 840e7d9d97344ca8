package xoev

import (
	"bufio"
	"errors"
	"io"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// utf8Reader returns r as UTF-8 through the charset path of every XML
// reader ([xmlcharset.NewReader]): a document declared in another encoding
// (ISO-8859-1, windows-1252, UTF-16 with or without BOM, …) is transcoded
// while it is streamed, and its declaration rewritten to UTF-8, so that
// the validator, which reads UTF-8 only, sees the same characters xmllint
// does. An unknown encoding gives an error finding.
func utf8Reader(r io.Reader) (*bufio.Reader, *finding.Finding) {
	br, _, err := xmlcharset.NewReader(r)
	if err == nil {
		return br, nil
	}
	var ue *xmlcharset.UnsupportedError
	if errors.As(err, &ue) {
		return br, &finding.Finding{Rule: RuleEncoding, Severity: finding.Error, Source: "xml", Line: 1, Column: 1,
			Msg: msgEncoding.With(ue.Label)}
	}
	return br, nil
}
