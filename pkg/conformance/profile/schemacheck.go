package profile

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// CheckSchema checks the sharpenings and code list bindings against the
// profile's schema set and returns one *[ProfileError] per problem, with
// the file and line of the entry: a path that matches no element or
// attribute declaration, forbidden on what the XSD requires, required on
// what it forbids (maxOccurs 0, use="prohibited"), and codes on an element
// without a code type (an enumeration or an XÖV code type). Paths that are
// not plain location paths (functions, predicates over other nodes, "//")
// are not checked. It loads the schema set when the profile has one and
// returns nil when it has none.
func (c *Compiled) CheckSchema(ctx context.Context) ([]error, error) {
	set, _, err := c.load(ctx)
	if err != nil || set == nil {
		return nil, err
	}
	x := set.Decls()
	var errs []error
	fail := func(id string, msg finding.Msg) {
		file, line := c.rulePos(id)
		if file == "" {
			file = c.File
		}
		errs = append(errs, &ProfileError{File: file, Line: line, Msg: msg})
	}
	for _, s := range c.Sharpenings {
		ctxDecls, ok := c.contextDecls(x, s.Context)
		if !ok {
			continue
		}
		kind := s.Kind()
		path := s.Path
		switch kind {
		case "required":
			path = s.Required
		case "forbidden":
			path = s.Forbidden
		case "if-then":
			continue
		}
		chains, perr, ok := c.resolvePath(x, ctxDecls, path)
		if !ok {
			continue
		}
		if !perr.IsZero() {
			fail(s.ID, msgPathLeaves.With(s.ID, pathKey(kind), path, perr))
			continue
		}
		if len(chains) == 0 {
			continue // open content
		}
		switch kind {
		case "forbidden":
			if all(chains, requiredChain) {
				fail(s.ID, msgForbiddenRequired.With(s.ID, path, c.where(chains[0])))
			}
		case "required":
			if all(chains, forbiddenChain) {
				fail(s.ID, msgRequiredForbidden.With(s.ID, path, c.where(chains[0])))
			}
		case "codes":
			if !anyChain(chains, func(ch []*xoev.Decl) bool { return codeChain(x, ctxDecls, ch) }) {
				last := chains[0][len(chains[0])-1]
				fail(s.ID, msgNoCodeType.With(s.ID, path, last.Name, typeNote(last)))
			}
		}
	}
	for _, b := range c.CodeListBindings {
		ctxDecls, ok := c.contextDecls(x, b.Context)
		if !ok {
			continue
		}
		if _, perr, ok := c.resolvePath(x, ctxDecls, b.Path); ok && !perr.IsZero() {
			fail(b.ID, msgBindingPath.With(b.ID, b.Path, perr))
		}
	}
	return errs, nil
}

func pathKey(kind string) string {
	switch kind {
	case "required", "forbidden":
		return kind
	}
	return "path"
}

func typeNote(d *xoev.Decl) finding.Msg {
	if t := d.TypeName(); t != "" {
		return msgTypeNote.With(t)
	}
	return finding.Msg{}
}

func all(chains [][]*xoev.Decl, f func([]*xoev.Decl) bool) bool {
	for _, ch := range chains {
		if !f(ch) {
			return false
		}
	}
	return len(chains) > 0
}

func anyChain(chains [][]*xoev.Decl, f func([]*xoev.Decl) bool) bool {
	for _, ch := range chains {
		if f(ch) {
			return true
		}
	}
	return false
}

// requiredChain: every step must occur.
func requiredChain(ch []*xoev.Decl) bool {
	for _, d := range ch {
		if d.Min < 1 || d.Max == 0 {
			return false
		}
	}
	return true
}

// forbiddenChain: some step may not occur at all.
func forbiddenChain(ch []*xoev.Decl) bool {
	for _, d := range ch {
		if d.Max == 0 {
			return true
		}
	}
	return false
}

// codeChain: the values at the end of the chain come from a list: the
// element has a code type, or it is the code child of one.
func codeChain(x *xoev.Decls, ctx []*xoev.Decl, ch []*xoev.Decl) bool {
	last := ch[len(ch)-1]
	if x.CodeType(last) {
		return true
	}
	if last.Name != "code" || last.Attribute {
		return false
	}
	if len(ch) >= 2 {
		return x.CodeType(ch[len(ch)-2])
	}
	for _, d := range ctx {
		if x.CodeType(d) {
			return true
		}
	}
	return false
}

// where names the declaration that decides, as file:line with the file
// relative to the profile's directory.
func (c *Compiled) where(ch []*xoev.Decl) string {
	d := ch[len(ch)-1]
	for _, s := range ch {
		if s.Max == 0 {
			d = s
			break
		}
	}
	file := d.File
	if dir, err := filepath.Abs(filepath.Dir(c.File)); err == nil {
		if rel, err := filepath.Rel(dir, d.File); err == nil {
			file = rel
		}
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(file), d.Line)
}

// contextDecls returns the declarations a sharpening's context selects:
// the profile's matched root elements by default, an absolute path from
// a global element, or every declaration of the element an XSLT pattern
// names last. ok is false when the context is no plain path.
func (c *Compiled) contextDecls(x *xoev.Decls, context string) ([]*xoev.Decl, bool) {
	if context == "" {
		var out []*xoev.Decl
		for _, m := range c.Match {
			if m.Root != "" {
				if d := x.Global(m.Namespace, m.Root); d != nil {
					out = append(out, d)
				}
				continue
			}
			out = append(out, x.Globals(m.Namespace)...)
		}
		return out, len(out) > 0
	}
	alts, ok := c.parsePath(context)
	if !ok {
		return nil, false
	}
	var out []*xoev.Decl
	for _, alt := range alts {
		if strings.HasPrefix(context, "/") && !strings.HasPrefix(context, "//") {
			first := alt[0]
			if first.Attribute || first.Any {
				return nil, false
			}
			g := x.Global(first.Namespace, first.Local)
			if g == nil {
				return nil, false
			}
			if len(alt) == 1 {
				out = append(out, g)
				continue
			}
			chains, err := x.Resolve([]*xoev.Decl{g}, alt[1:])
			if err != nil {
				return nil, false
			}
			for _, ch := range chains {
				out = append(out, ch[len(ch)-1])
			}
			continue
		}
		last := alt[len(alt)-1]
		if last.Attribute || last.Any {
			return nil, false
		}
		out = append(out, x.Named(last.Namespace, last.Local)...)
	}
	return out, len(out) > 0
}

// resolvePath resolves a relative path below ctx. ok is false when the
// path is not a plain location path; perr describes where it leaves the
// schema.
func (c *Compiled) resolvePath(x *xoev.Decls, ctx []*xoev.Decl, path string) (chains [][]*xoev.Decl, perr finding.Msg, ok bool) {
	if strings.HasPrefix(path, "/") {
		return nil, perr, false
	}
	alts, ok := c.parsePath(path)
	if !ok {
		return nil, perr, false
	}
	for _, alt := range alts {
		ch, err := x.Resolve(ctx, alt)
		if err != nil {
			pe := err.(*xoev.PathError)
			msg := msgNoDecl.With(c.stepText(alt[pe.Step]))
			var parents []string
			for _, p := range pe.Parents {
				parents = append(parents, p.Name)
			}
			parents = uniq(parents)
			if pe.Step == 0 {
				msg = msgBelowContext.With(msg, strings.Join(parents, ", "))
			} else {
				msg = msgBelow.With(msg, strings.Join(parents, ", "))
			}
			if len(pe.Elsewhere) > 0 {
				msg = msgOtherNamespace.With(msg, pe.Elsewhere[0])
			} else if len(pe.Known) > 0 {
				known := pe.Known
				if len(known) > 12 {
					known = append(known[:12:12], "…")
				}
				msg = msgAllowedThere.With(msg, strings.Join(known, ", "))
			}
			return nil, msg, true
		}
		chains = append(chains, ch...)
	}
	return chains, perr, true
}

func uniq(s []string) []string {
	var out []string
	for _, v := range s {
		if len(out) == 0 || !containsStr(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func containsStr(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// parsePath reads a plain XPath location path ("a/p:b/@c", "(a | b)/c",
// "child::a", "*", predicates on steps ignored) into alternatives of
// steps, resolving prefixes with the profile's namespaces. ok is false
// for anything else: functions, operators, ".", "..", "//", other axes.
func (c *Compiled) parsePath(path string) ([][]xoev.Step, bool) {
	path = strings.TrimSpace(path)
	if strings.Contains(path, "//") {
		return nil, false
	}
	path = strings.TrimPrefix(path, "/")
	parts, ok := splitTop(path, '/')
	if !ok || len(parts) == 0 {
		return nil, false
	}
	alts := [][]xoev.Step{nil}
	for _, part := range parts {
		part = stripPredicates(strings.TrimSpace(part))
		var names []string
		if strings.HasPrefix(part, "(") && strings.HasSuffix(part, ")") {
			inner, ok := splitTop(part[1:len(part)-1], '|')
			if !ok {
				return nil, false
			}
			names = inner
		} else {
			names = []string{part}
		}
		var steps []xoev.Step
		for _, n := range names {
			st, ok := c.parseStep(stripPredicates(strings.TrimSpace(n)))
			if !ok {
				return nil, false
			}
			steps = append(steps, st)
		}
		var next [][]xoev.Step
		for _, a := range alts {
			for _, st := range steps {
				if len(next) >= 64 {
					return nil, false
				}
				next = append(next, append(append([]xoev.Step(nil), a...), st))
			}
		}
		alts = next
	}
	return alts, true
}

func (c *Compiled) parseStep(s string) (xoev.Step, bool) {
	var st xoev.Step
	switch {
	case strings.HasPrefix(s, "@"):
		st.Attribute, s = true, s[1:]
	case strings.HasPrefix(s, "attribute::"):
		st.Attribute, s = true, s[len("attribute::"):]
	case strings.HasPrefix(s, "child::"):
		s = s[len("child::"):]
	}
	if s == "*" {
		st.Any = true
		return st, true
	}
	prefix, local, hasPrefix := strings.Cut(s, ":")
	if !hasPrefix {
		prefix, local = "", s
	}
	if !isNCName(local) || (hasPrefix && !isNCName(prefix)) {
		return st, false
	}
	if hasPrefix {
		ns, ok := c.Namespaces[prefix]
		if !ok {
			return st, false
		}
		st.Namespace = ns
	}
	st.Local = local
	return st, true
}

func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f:
		case i > 0 && (r == '-' || r == '.' || r >= '0' && r <= '9'):
		default:
			return false
		}
	}
	return true
}

// stripPredicates removes trailing [...] predicates of a step.
func stripPredicates(s string) string {
	for strings.HasSuffix(s, "]") {
		depth := 0
		cut := -1
		for i := len(s) - 1; i >= 0; i-- {
			switch s[i] {
			case ']':
				depth++
			case '[':
				depth--
			}
			if depth == 0 {
				cut = i
				break
			}
		}
		if cut <= 0 {
			return s
		}
		s = strings.TrimSpace(s[:cut])
	}
	return s
}

// splitTop splits s at sep outside brackets, parentheses and quotes.
func splitTop(s string, sep byte) ([]string, bool) {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(' || ch == '[':
			depth++
		case ch == ')' || ch == ']':
			depth--
			if depth < 0 {
				return nil, false
			}
		case ch == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if depth != 0 || quote != 0 {
		return nil, false
	}
	return append(out, s[start:]), true
}

// stepText writes a step with the profile's prefix for its namespace.
func (c *Compiled) stepText(st xoev.Step) string {
	if st.Namespace == "" || st.Any {
		return st.String()
	}
	for p, ns := range c.Namespaces {
		if ns == st.Namespace {
			st.Namespace = ""
			s := st.String()
			if st.Attribute {
				return "@" + p + ":" + s[1:]
			}
			return p + ":" + s
		}
	}
	return st.String()
}
