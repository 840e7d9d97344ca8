package xoev

import (
	"bufio"
	"bytes"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"io"
	"regexp"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

var (
	xmlnsAttr     = regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)["']`)
	schemaLocAttr = regexp.MustCompile(`(?:^|\s)(([A-Za-z_][\w.-]*):schemaLocation\s*=\s*(["'])([^"']*)["'])`)
)

// blankOddSchemaLocation looks at the root start tag. An xsi:schemaLocation
// with an odd number of entries is only a hint that xmllint and the KoSIT
// validator ignore, but jacoelho rejects the document over it; the
// attribute is blanked out (same length, same lines) and a warning finding
// is returned instead.
func blankOddSchemaLocation(br *bufio.Reader) (io.Reader, *finding.Finding) {
	head, _ := br.Peek(br.Size())
	start, end := rootTag(head)
	if start < 0 {
		return br, nil
	}
	tag := head[start:end]
	if !bytes.Contains(tag, []byte("schemaLocation")) {
		return br, nil // nearly every message: skip the regexps
	}
	var prefixes map[string]bool // of the XSI namespace, read when needed
	for _, m := range schemaLocAttr.FindAllSubmatchIndex(tag, -1) {
		n := len(strings.Fields(string(tag[m[8]:m[9]])))
		if n%2 == 0 {
			continue // nearly every message: no need for the prefixes
		}
		if prefixes == nil {
			prefixes = map[string]bool{}
			for _, m := range xmlnsAttr.FindAllSubmatch(tag, -1) {
				if string(m[3]) == xsiNS {
					prefixes[string(m[1])] = true
				}
			}
		}
		if !prefixes[string(tag[m[4]:m[5]])] {
			continue
		}
		line := 1 + bytes.Count(head[:start+m[2]], []byte("\n"))
		newHead := append([]byte(nil), head...)
		for i := start + m[2]; i < start+m[3]; i++ {
			if newHead[i] != '\n' && newHead[i] != '\r' {
				newHead[i] = ' '
			}
		}
		if _, err := br.Discard(len(head)); err != nil {
			return br, nil
		}
		f := &finding.Finding{Rule: RuleSchemaLocation, Severity: finding.Warning, Source: "xsd", Line: line,
			Msg: msgSchemaLocationOdd.With(n)}
		return io.MultiReader(bytes.NewReader(newHead), br), f
	}
	return br, nil
}

// rootTag finds the root element's start tag in the head of a document.
func rootTag(b []byte) (int, int) {
	p := xmlscan.ScanProlog(b)
	if !p.Complete {
		return -1, -1
	}
	return p.RootStart, p.RootEnd
}
