package fim

import (
	"errors"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Sentinel errors wrapped by [ReadError]; test for them with errors.Is.
var (
	// ErrEmpty: the input has no content.
	ErrEmpty = errors.New("empty input")
	// ErrNotXML: the input is not well-formed XML (or is binary data).
	ErrNotXML = errors.New("not well-formed XML")
	// ErrXDF1: the input is XDatenfelder 1.x, which is not supported.
	ErrXDF1 = errors.New("XDatenfelder 1.x is not supported")
	// ErrUnknownNamespace: the root element is not in an XDatenfelder 2.0 or
	// 3.0.0 namespace.
	ErrUnknownNamespace = errors.New("not an XDatenfelder 2.0 or 3.0.0 message")
	// ErrStructure: the message breaks the XDatenfelder structure so that no
	// model can be built (duplicated single-valued element, missing id,
	// missing content element, nesting too deep).
	ErrStructure = errors.New("invalid XDatenfelder structure")
)

// ReadError is an input that could not be read into the model. File, Line
// and Column locate the problem (Line 0 when it concerns the whole input);
// Msg says what is wrong and what to do; Err is one of the Err… sentinels
// or an underlying I/O error.
type ReadError struct {
	File   string
	Line   int
	Column int
	Msg    string
	// Text is Msg as a message key, for reports in the run's language;
	// zero for operational errors (open, read), which stay English.
	Text finding.Msg
	Err  error
}

// Error returns "file:line:col: msg".
func (e *ReadError) Error() string {
	if e.Msg == "" {
		return finding.ErrorText(finding.Position{File: e.File, Line: e.Line, Column: e.Column}, "", e.Err)
	}
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line, Column: e.Column}, e.Msg, nil)
}

// Unwrap returns the sentinel or underlying error.
func (e *ReadError) Unwrap() error { return e.Err }
