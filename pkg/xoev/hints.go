package xoev

import (
	"bufio"
	"bytes"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

var (
	xmlnsAttr     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)["']`) })
	schemaLocAttr = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|\s)(([A-Za-z_][\w.-]*):schemaLocation\s*=\s*(["'])([^"']*)["'])`)
	})
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
	if evenSchemaLocations(tag) {
		return br, nil // most others: every value in pairs
	}
	var prefixes map[string]bool // of the XSI namespace, read when needed
	for _, m := range schemaLocAttr().FindAllSubmatchIndex(tag, -1) {
		n := len(strings.Fields(string(tag[m[8]:m[9]])))
		if n%2 == 0 {
			continue // nearly every message: no need for the prefixes
		}
		if prefixes == nil {
			prefixes = map[string]bool{}
			for _, m := range xmlnsAttr().FindAllSubmatch(tag, -1) {
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

// evenSchemaLocations reports whether every "schemaLocation" in tag is
// followed by = and a quoted value (as schemaLocAttr reads it: up to the
// first quote of either kind) with an even number of entries. Every match
// of schemaLocAttr is one of these, with the same value, so then none is
// odd (a value that names schemaLocation itself is left to the regexps,
// which may read a match ending in it); false means "look with the
// regexps".
func evenSchemaLocations(tag []byte) bool {
	const name = "schemaLocation"
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	for rest := tag; ; {
		k := bytes.Index(rest, []byte(name))
		if k < 0 {
			return true
		}
		rest = rest[k+len(name):]
		i := 0
		for i < len(rest) && isSpace(rest[i]) {
			i++
		}
		if i >= len(rest) || rest[i] != '=' {
			return false
		}
		i++
		for i < len(rest) && isSpace(rest[i]) {
			i++
		}
		if i >= len(rest) || rest[i] != '"' && rest[i] != '\'' {
			return false
		}
		v := rest[i+1:]
		end := bytes.IndexAny(v, `"'`)
		if end < 0 || bytes.Contains(v[:end], []byte(name)) || len(strings.Fields(string(v[:end])))%2 != 0 {
			return false
		}
		rest = v[end+1:]
	}
}

// rootTag finds the root element's start tag in the head of a document.
func rootTag(b []byte) (int, int) {
	p := xmlscan.ScanProlog(b)
	if !p.Complete {
		return -1, -1
	}
	return p.RootStart, p.RootEnd
}
