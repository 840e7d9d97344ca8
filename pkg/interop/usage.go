package interop

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// Usage is what one message uses: its message type and the distinct
// paths and code values that occur in it at least once.
type Usage struct {
	// Root is the root element's Clark name, {namespace}local.
	Root string
	// Paths are the element and attribute paths, sorted.
	Paths []PathUse
	// Codes are the code values with their paths, sorted.
	Codes []CodeUse
}

// PathUse is one path and the line it first occurs on.
type PathUse struct {
	Path string
	Line int
}

// CodeUse is one code value at one path and the line it first occurs on.
type CodeUse struct {
	Path, Value string
	Line        int
}

// UsageKey is where [UsageStage] leaves a message's [Usage].
var UsageKey = batch.NewKey[*Usage]("interop.usage")

// clark returns the Clark name {ns}local of an identity's root element.
func clark(id *finding.Identity) string {
	if id == nil || id.Root == "" {
		return ""
	}
	return "{" + id.Namespace + "}" + id.Root
}

type frame struct {
	path     string
	local    string
	prefix   string
	code     bool // code-valued
	children bool // has element children
	taken    bool // its value came from a "code" child
	line     int
}

// observeTags reads a message once and returns the paths and code values it
// uses; kind says what a schema declares about an element name (nil when
// there is no schema). The root of the result is left empty.
func observeTags(r io.Reader, kind func(local string) xoev.CodeKind) (*Usage, error) {
	return observe(r, kind, xoev.WalkTags)
}

// observeStrict is observeTags for messages no validator has read: it reads
// with encoding/xml (several times slower) and returns a
// [*NotWellFormedError] where the message breaks.
func observeStrict(r io.Reader, kind func(local string) xoev.CodeKind) (*Usage, error) {
	return observe(r, kind, walkStrict)
}

func observe(r io.Reader, kind func(local string) xoev.CodeKind, walk func(io.Reader, func(xoev.Tag) bool) error) (*Usage, error) {
	paths := map[string]int{}
	codes := map[[2]string]int{}
	see := func(p string, line int) {
		if _, ok := paths[p]; !ok {
			paths[p] = line
		}
	}
	code := func(p, v string, line int) {
		if _, ok := codes[[2]string{p, v}]; !ok && v != "" {
			codes[[2]string{p, v}] = line
		}
	}
	var stack []frame
	err := walk(r, func(t xoev.Tag) bool {
		if t.End {
			if len(stack) == 0 {
				return false
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && f.local == "code" && f.prefix == "" && !f.children && stack[n-1].code {
				stack[n-1].taken = true
				code(f.path, collapse(t.Text), f.line)
				return true
			}
			if f.code && !f.children && !f.taken {
				code(f.path, collapse(t.Text), f.line)
			}
			return true
		}
		f := frame{local: t.Name.Local, prefix: t.Name.Space, line: t.Line}
		if n := len(stack); n > 0 {
			stack[n-1].children = true
			f.path = stack[n-1].path + "/" + f.local
		} else {
			f.path = "/" + f.local
		}
		see(f.path, t.Line)
		f.code = strings.HasSuffix(f.local, "Code")
		if kind != nil && kind(f.local) != xoev.NotCode {
			f.code = true
		}
		for _, a := range t.Attr {
			if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
				continue
			}
			if a.Name.Local == "listID" || a.Name.Local == "listURI" {
				f.code = true
			}
			see(f.path+"/@"+a.Name.Local, t.Line)
		}
		stack = append(stack, f)
		return true
	})
	if err != nil {
		return nil, err
	}
	u := &Usage{Paths: make([]PathUse, 0, len(paths)), Codes: make([]CodeUse, 0, len(codes))}
	for p, line := range paths {
		u.Paths = append(u.Paths, PathUse{p, line})
	}
	for c, line := range codes {
		u.Codes = append(u.Codes, CodeUse{c[0], c[1], line})
	}
	slices.SortFunc(u.Paths, func(a, b PathUse) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(u.Codes, compareCode)
	return u, nil
}

func compareCode(a, b CodeUse) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return strings.Compare(a.Value, b.Value)
}

// collapse trims a value and collapses inner whitespace to one space.
func collapse(b []byte) string {
	return strings.Join(strings.Fields(string(b)), " ")
}

// validated reports whether an XSD engine read the message, so that it
// is known to be well-formed.
func validated(res *finding.FileResult) bool {
	for _, e := range res.Engines {
		if strings.HasPrefix(e, "xsd") {
			return true
		}
	}
	return false
}

// UsageStage observes each well-formed, identified message once (see
// observeTags), after the check stages, and stores its [Usage] under
// [UsageKey]. A message no XSD engine read is read strictly, and one that
// is not well-formed gets an xml:not-well-formed finding instead. It uses the schema set the XSD stage chose, if any, to know
// the code-valued elements.
type UsageStage struct{}

// Name implements [batch.Stage].
func (UsageStage) Name() string { return "interop-usage" }

// Check implements [batch.Stage].
func (UsageStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	if !msg.WellFormed || msg.Identity == nil || msg.Identity.Root == "" {
		return nil
	}
	var kind func(string) xoev.CodeKind
	if set, ok := xoev.SchemaKey.Get(msg); ok && set != nil {
		kind = set.CodeKind
	}
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	var u *Usage
	if validated(res) {
		u, err = observeTags(rc, kind)
	} else {
		u, err = observeStrict(rc, kind)
	}
	var nwf *NotWellFormedError
	if errors.As(err, &nwf) {
		msg.WellFormed = false
		res.Findings = append(res.Findings, finding.Finding{Rule: xoev.RuleNotWellFormed, Severity: finding.Error,
			Source: "xml", Line: nwf.Line, Message: "message is not well-formed XML: " + nwf.Err.Error()})
		return nil
	}
	if err != nil {
		return fmt.Errorf("read usage of %s: %w", msg.Input.Name, err)
	}
	u.Root = clark(msg.Identity)
	UsageKey.Set(msg, u)
	return nil
}
