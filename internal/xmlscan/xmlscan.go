// Package xmlscan reads the markup of an XML document's head without
// parsing it: where its DOCTYPE is, where its root element's start tag is,
// and where a tag or declaration ends. The schema loader, the message
// prolog check and the schemaLocation hint all scan with it, so that they
// agree on what a prolog is.
package xmlscan

import (
	"bytes"
	"errors"
)

// Prolog is what [ScanProlog] found: byte offsets into the scanned data,
// -1 where a part is absent or lies beyond the data.
type Prolog struct {
	// DoctypeStart and DoctypeEnd enclose "<!DOCTYPE … >".
	DoctypeStart, DoctypeEnd int
	// RootStart and RootEnd enclose the root element's start tag.
	RootStart, RootEnd int
	// Complete is true when the scan reached the root element's start tag:
	// nothing after it can be part of the prolog. It is false when data
	// ended first (the caller may read more and scan again).
	Complete bool
}

// ScanProlog scans data from its start over the XML declaration,
// comments, processing instructions and the DOCTYPE up to the root
// element's start tag. Markup that data cuts off leaves Complete false.
func ScanProlog(data []byte) Prolog {
	p := Prolog{DoctypeStart: -1, DoctypeEnd: -1, RootStart: -1, RootEnd: -1}
	i := 0
	for i < len(data) {
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return p
			}
			i += 4 + k + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			k := bytes.Index(rest[2:], []byte("?>"))
			if k < 0 {
				return p
			}
			i += 2 + k + 2
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			end, err := DoctypeEnd(data, i)
			p.DoctypeStart = i
			if err != nil {
				return p
			}
			p.DoctypeEnd = end
			i = end
		case bytes.HasPrefix(rest, []byte("<!")):
			// Other declarations cannot stand in a prolog; let the parser
			// say so. Skip to their end.
			end := MarkupEnd(data, i+2)
			if end < 0 {
				return p
			}
			i = end
		case rest[0] == '<':
			end := MarkupEnd(data, i+1)
			p.RootStart = i
			if end < 0 {
				return p
			}
			p.RootEnd, p.Complete = end, true
			return p
		default:
			i++
		}
	}
	return p
}

// DoctypeEnd returns the offset after the closing '>' of the DOCTYPE
// declaration that starts at data[i], honouring quotes, the internal
// subset's brackets and comments inside it.
func DoctypeEnd(data []byte, i int) (int, error) {
	depth := 0
	var quote byte
	for j := i + len("<!DOCTYPE"); j < len(data); j++ {
		c := data[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case bytes.HasPrefix(data[j:], []byte("<!--")):
			k := bytes.Index(data[j+4:], []byte("-->"))
			if k < 0 {
				return 0, errors.New("unterminated comment")
			}
			j += 4 + k + 2
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth == 0:
			return j + 1, nil
		}
	}
	return 0, errors.New("unterminated DOCTYPE declaration")
}

// TagEnd returns the offset after the '>' of the tag that starts at data[i].
func TagEnd(data []byte, i int) (int, error) {
	if end := MarkupEnd(data, i+1); end >= 0 {
		return end, nil
	}
	return 0, errors.New("unterminated start tag")
}

// MarkupEnd returns the offset after the first '>' at or after from that
// is not inside a quoted literal, or -1 when there is none.
func MarkupEnd[T ~string | ~[]byte](b T, from int) int {
	var quote byte
	for j := from; j < len(b); j++ {
		c := b[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return -1
}

// LineAt returns the 1-based line of offset off in data.
func LineAt(data []byte, off int) int { return 1 + bytes.Count(data[:off], []byte("\n")) }
