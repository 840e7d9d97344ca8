package schematron

import (
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// LoadError reports a problem in a rule file found while loading or
// compiling it: malformed XML, an unknown query binding, an XPath syntax
// error, an unknown function or variable, a cyclic include, a missing
// abstract rule or pattern. File and Line name the offending element.
type LoadError struct {
	File string
	Line int
	// Construct names the Schematron element concerned, e.g. "assert id=\"BR-01\"".
	Construct string
	Msg       string
	Err       error
}

// Error implements error.
func (e *LoadError) Error() string {
	msg := e.Msg
	if e.Construct != "" {
		msg = e.Construct + ": " + msg
	}
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line}, msg, e.Err)
}

// Unwrap returns the underlying error.
func (e *LoadError) Unwrap() error { return e.Err }

func errAt(n *xnode, construct, format string, args ...any) *LoadError {
	return &LoadError{File: n.file, Line: n.line, Construct: construct, Msg: fmt.Sprintf(format, args...)}
}

// MaxCallDepth bounds how deeply xsl:function calls may nest while one
// document is evaluated. Real rule sets recurse over the characters of an
// identifier at most (a check digit); a function that recurses without end
// fails with [CallDepthError] instead of growing the stack until the
// process dies.
const MaxCallDepth = 1000

// CallDepthError is the dynamic error of a function call nested deeper than
// [MaxCallDepth]; the assertion whose test made the call reports it.
type CallDepthError struct {
	Function string
	Depth    int
	// File and Line locate the xsl:function.
	File string
	Line int
}

// Error implements error.
func (e *CallDepthError) Error() string {
	return fmt.Sprintf("function %s (%s:%d) nests deeper than %d calls: endless recursion?", e.Function, e.File, e.Line, e.Depth)
}
