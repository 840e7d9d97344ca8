package xoev

import (
	"bufio"
	"bytes"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"unicode"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// blankOddSchemaLocation looks at the root start tag. An xsi:schemaLocation
// with an odd number of entries is only a hint that xmllint and the KoSIT
// validator ignore, but jacoelho rejects the document over it; the
// attribute is blanked out in br's buffer (same length, same lines) and a
// warning finding is returned instead (ok set).
func blankOddSchemaLocation(br *bufio.Reader) (f finding.Finding, ok bool) {
	// Blank the attribute where it lies in br's buffer (head is that
	// buffer, not yet read): what br reads next is the message blanked,
	// without a copy of its head and a MultiReader in front of every
	// read of the validator.
	head, _ := br.Peek(br.Size())
	f, start, end, ok := oddSchemaLocation(head)
	if ok {
		blankAttr(head[start:end])
	}
	return f, ok
}

// oddSchemaLocation finds in head, the start of a message, the
// xsi:schemaLocation of the root start tag that [blankOddSchemaLocation]
// blanks: its finding and the attribute's offsets in head.
func oddSchemaLocation(head []byte) (f finding.Finding, attrStart, attrEnd int, ok bool) {
	start, end := rootTag(head)
	if start < 0 {
		return f, 0, 0, false
	}
	tag := head[start:end]
	if !bytes.Contains(tag, []byte(":schemaLocation")) {
		return f, 0, 0, false // nearly every message
	}
	for from := 0; ; {
		m, ok := nextSchemaLocation(tag, from)
		if !ok {
			return f, 0, 0, false
		}
		from = m.end
		n := countFields(tag[m.valueStart:m.valueEnd])
		if n%2 == 0 {
			continue // nearly every message: no need for the prefixes
		}
		if !bindsXSI(tag, tag[m.prefixStart:m.prefixEnd]) {
			continue
		}
		attrStart, attrEnd = start+m.start, start+m.end
		return finding.Finding{Rule: RuleSchemaLocation, Severity: finding.Warning, Source: "xsd", Line: xmlscan.LineAt(head, attrStart),
			Msg: msgSchemaLocationOdd.With(n)}, attrStart, attrEnd, true
	}
}

// blankAttr overwrites an attribute with blanks, keeping its line ends.
func blankAttr(attr []byte) {
	for i, c := range attr {
		if c != '\n' && c != '\r' {
			attr[i] = ' '
		}
	}
}

// attrMatch is an attribute prefix:name="value" found in a start tag by
// [nextSchemaLocation]: offsets of the whole attribute
// (through its closing quote), its prefix and its value.
type attrMatch struct {
	start, end             int
	prefixStart, prefixEnd int
	valueStart, valueEnd   int
}

// The scanners below read attributes as loosely as the regular expressions
// they replace did (hints_test.go keeps those as the reference): an
// attribute value runs to the first quote of either kind, and the name
// and "=" may be surrounded by \s ([\t\n\f\r ]); a prefix is
// [A-Za-z_][\w.-]* ([isNameStart], [isNameChar]).

func isReSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// quotedValue reads \s*=\s*(["'])([^"']*)["'] at b[i:]: the value's
// offsets and the offset after the closing quote.
func quotedValue(b []byte, i int) (vs, ve, end int, ok bool) {
	for i < len(b) && isReSpace(b[i]) {
		i++
	}
	if i >= len(b) || b[i] != '=' {
		return 0, 0, 0, false
	}
	i++
	for i < len(b) && isReSpace(b[i]) {
		i++
	}
	if i >= len(b) || b[i] != '"' && b[i] != '\'' {
		return 0, 0, 0, false
	}
	vs = i + 1
	q := bytes.IndexAny(b[vs:], `"'`)
	if q < 0 {
		return 0, 0, 0, false
	}
	ve = vs + q
	return vs, ve, ve + 1, true
}

// nextSchemaLocation finds the first prefixed schemaLocation attribute in
// tag at or after from: the matches of
// (?:^|\s)(([A-Za-z_][\w.-]*):schemaLocation\s*=\s*(["'])([^"']*)["'])
// one after another, start and end being those of the first group.
func nextSchemaLocation(tag []byte, from int) (attrMatch, bool) {
	const name = ":schemaLocation"
	for k := from; ; {
		i := bytes.Index(tag[k:], []byte(name))
		if i < 0 {
			return attrMatch{}, false
		}
		k += i
		// The prefix is the whole run of name bytes before the colon,
		// at the start of tag or after white space.
		g := k
		for g > from && isNameChar(tag[g-1]) {
			g--
		}
		// The match needs white space before the prefix (or the start
		// of tag), after the previous match.
		if g < k && isNameStart(tag[g]) && (g == 0 || g > from && isReSpace(tag[g-1])) {
			if vs, ve, end, ok := quotedValue(tag, k+len(name)); ok {
				return attrMatch{start: g, end: end, prefixStart: g, prefixEnd: k, valueStart: vs, valueEnd: ve}, true
			}
		}
		k++
	}
}

// bindsXSI reports whether tag binds prefix to the XSI namespace: whether
// a match of xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)["'] names
// prefix and that namespace.
func bindsXSI(tag, prefix []byte) bool {
	const decl = "xmlns:"
	for k := 0; ; {
		i := bytes.Index(tag[k:], []byte(decl))
		if i < 0 {
			return false
		}
		k += i
		p := k + len(decl)
		e := p
		if e < len(tag) && isNameStart(tag[e]) {
			for e++; e < len(tag) && isNameChar(tag[e]); e++ {
			}
			if vs, ve, end, ok := quotedValue(tag, e); ok {
				if string(tag[vs:ve]) == xsiNS && bytes.Equal(tag[p:e], prefix) {
					return true
				}
				k = end
				continue
			}
		}
		k++
	}
}

// countFields is len(strings.Fields(string(b))) without the copy.
func countFields(b []byte) int {
	n := 0
	inField := false
	for i := 0; i < len(b); {
		c := b[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRune(b[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

// asciiSpace is unicode.IsSpace below utf8.RuneSelf.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// rootTag finds the root element's start tag in the head of a document.
func rootTag(b []byte) (int, int) {
	p := xmlscan.ScanProlog(b)
	if !p.Complete {
		return -1, -1
	}
	return p.RootStart, p.RootEnd
}
