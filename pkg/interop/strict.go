package interop

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// NotWellFormedError says where a message read by [observeStrict] breaks.
type NotWellFormedError struct {
	Line int
	Err  error
}

// Error implements error.
func (e *NotWellFormedError) Error() string {
	return fmt.Sprintf("line %d: not well-formed: %v", e.Line, e.Err)
}

// Unwrap returns the parser's error.
func (e *NotWellFormedError) Unwrap() error { return e.Err }

// walkStrict reports the tags of a message as [xoev.WalkTags] does, read
// by encoding/xml, which checks well-formedness on the way. Names carry
// the namespace URI instead of the prefix, so an unqualified "code" child
// has an empty Space in both.
func walkStrict(r io.Reader, fn func(xoev.Tag) bool) error {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = xmlcharset.Reader
	var text []byte
	depth := 0
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return &NotWellFormedError{Line: line, Err: errors.New("unexpected end of input")}
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &NotWellFormedError{Line: se.Line, Err: errors.New(se.Msg)}
			}
			return &NotWellFormedError{Line: line, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			text = text[:0]
			if !fn(xoev.Tag{Name: t.Name, Attr: t.Attr, Line: line}) {
				return nil
			}
		case xml.EndElement:
			depth--
			if !fn(xoev.Tag{End: true, Name: t.Name, Text: text, Line: line}) {
				return nil
			}
			text = text[:0]
		case xml.CharData:
			text = append(text, t...)
		case xml.Directive:
			return &NotWellFormedError{Line: line, Err: errors.New("DOCTYPE in a message is refused")}
		}
	}
}
