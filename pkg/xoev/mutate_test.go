package xoev

import (
	"bytes"
	"encoding/xml"
	"errors"
	"hash/fnv"
	"io"
	"math/rand/v2"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
)

// elemSpan is one element of a document with its byte range.
type elemSpan struct {
	start, end   int // start of "<name", end after its end tag
	depth        int
	name         string // raw qualified name as written
	leaf         bool   // no child elements
	textStart    int    // offset of its content (leaf elements)
	selfClosing  bool
	hasNonSpaceT bool
}

// elementSpans lists the elements of a well-formed document.
func elementSpans(data []byte) ([]elemSpan, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = xmlcharset.Reader
	var spans []elemSpan
	var stack []int
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != "" {
				name = t.Name.Space + ":" + name
			}
			if len(stack) > 0 {
				spans[stack[len(stack)-1]].leaf = false
			}
			after := int(dec.InputOffset())
			spans = append(spans, elemSpan{start: off, depth: len(stack) + 1, name: name, leaf: true, textStart: after,
				selfClosing: bytes.HasSuffix(data[off:after], []byte("/>"))})
			stack = append(stack, len(spans)-1)
		case xml.CharData:
			if len(stack) > 0 && len(bytes.TrimSpace(t)) > 0 {
				spans[stack[len(stack)-1]].hasNonSpaceT = true
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, errors.New("unbalanced end tag")
			}
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			spans[i].end = int(dec.InputOffset())
		}
	}
	return spans, nil
}

// mutant is a changed copy of a document.
type mutant struct {
	kind string // drop, rename, duplicate, corrupt
	data []byte
}

// mutants derives up to four mutants from a valid document: an element
// dropped, renamed, duplicated, and a leaf value corrupted. The choice is
// pseudo-random but fixed per document name, so runs are reproducible.
func mutants(name string, data []byte) []mutant {
	spans, err := elementSpans(data)
	if err != nil {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	rng := rand.New(rand.NewPCG(h.Sum64(), 42))
	var inner, leaves []elemSpan
	for _, s := range spans {
		if s.depth >= 2 {
			inner = append(inner, s)
			if s.leaf && s.hasNonSpaceT && !s.selfClosing {
				leaves = append(leaves, s)
			}
		}
	}
	if len(inner) == 0 {
		return nil
	}
	var out []mutant
	pick := func(list []elemSpan) elemSpan { return list[rng.IntN(len(list))] }
	s := pick(inner)
	out = append(out, mutant{kind: "drop", data: concat(data[:s.start], data[s.end:])})
	s = pick(inner)
	out = append(out, mutant{kind: "duplicate", data: concat(data[:s.end], data[s.start:s.end], data[s.end:])})
	s = pick(inner)
	nameEnd := s.start + 1 + len(s.name)
	renamed := concat(data[:nameEnd], []byte("Xq"), data[nameEnd:s.end])
	if !s.selfClosing {
		endTag := bytes.LastIndex(renamed, []byte("</"+s.name))
		if endTag >= 0 {
			p := endTag + 2 + len(s.name)
			renamed = concat(renamed[:p], []byte("Xq"), renamed[p:])
		}
	}
	out = append(out, mutant{kind: "rename", data: concat(renamed, data[s.end:])})
	if len(leaves) > 0 {
		s = pick(leaves)
		endTag := bytes.LastIndex(data[:s.end], []byte("</"))
		out = append(out, mutant{kind: "corrupt", data: concat(data[:s.textStart], []byte("§§ not-a-value 9999-99-99 §§"), data[endTag:])})
	}
	return out
}

func concat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
