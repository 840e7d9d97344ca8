package schematron

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// Namespaces of the rule languages this package reads.
const (
	NamespaceISO = "http://purl.oclc.org/dsdl/schematron"
	// NamespaceSchematron15 is the pre-ISO Schematron 1.5 namespace, accepted too.
	NamespaceSchematron15 = "http://www.ascc.net/xml/schematron"
	nsXSL                 = "http://www.w3.org/1999/XSL/Transform"
)

func isSch(n *xnode) bool {
	return n.name.Space == NamespaceISO || n.name.Space == NamespaceSchematron15
}

func isSchNamed(n *xnode, local string) bool { return isSch(n) && n.name.Local == local }

// loader reads a rule file and the files it includes.
type loader struct {
	read  func(string) ([]byte, error)
	stack []string // absolute paths being included, for cycle detection
	files []string // every file read, in order
}

func (l *loader) readFile(path string) ([]byte, error) {
	if l.read != nil {
		return l.read(path)
	}
	return os.ReadFile(path)
}

// load reads path and resolves its sch:include elements in place.
func (l *loader) load(path string, from *xnode) (*xnode, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	for _, p := range l.stack {
		if p == abs {
			chain := append(append([]string{}, l.stack...), abs)
			for i := range chain {
				chain[i] = filepath.Base(chain[i])
			}
			if from == nil {
				return nil, &LoadError{File: path, Msg: "cyclic include: " + strings.Join(chain, " -> ")}
			}
			return nil, errAt(from, "include", "cyclic include: %s", strings.Join(chain, " -> "))
		}
	}
	data, err := l.readFile(path)
	if err != nil {
		if from != nil {
			return nil, &LoadError{File: from.file, Line: from.line, Construct: "include", Msg: fmt.Sprintf("cannot read %q", from.get("href")), Err: err}
		}
		return nil, &LoadError{File: path, Msg: "cannot read rule file", Err: err}
	}
	l.files = append(l.files, path)
	root, err := parseXML(path, data)
	if err != nil {
		return nil, err
	}
	l.stack = append(l.stack, abs)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	if err := l.resolveIncludes(root, filepath.Dir(path)); err != nil {
		return nil, err
	}
	return root, nil
}

func (l *loader) resolveIncludes(n *xnode, dir string) error {
	for i := 0; i < len(n.content); i++ {
		c, ok := n.content[i].(*xnode)
		if !ok {
			continue
		}
		if isSchNamed(c, "include") {
			href := c.get("href")
			if href == "" {
				return errAt(c, "include", "missing href attribute")
			}
			if strings.Contains(href, "://") {
				return errAt(c, "include", "href %q is not a local file; rule files are read from disk only", href)
			}
			target := href
			if frag := strings.IndexByte(target, '#'); frag >= 0 {
				return errAt(c, "include", "href %q: fragment identifiers are not supported", href)
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(dir, filepath.FromSlash(target))
			}
			inc, err := l.load(target, c)
			if err != nil {
				return err
			}
			inc.parent = n
			inc.fromFile = target
			var repl []any
			if isSchNamed(inc, "schema") {
				// An included schema contributes its children.
				for _, cc := range inc.content {
					if e, ok := cc.(*xnode); ok {
						e.parent = n
					}
					repl = append(repl, cc)
				}
			} else {
				repl = []any{inc}
			}
			n.content = append(n.content[:i], append(repl, n.content[i+1:]...)...)
			i += len(repl) - 1
			continue
		}
		if err := l.resolveIncludes(c, dir); err != nil {
			return err
		}
	}
	return nil
}

// paramRef matches a $name reference as an abstract pattern parameter.
var paramRef = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\$([\p{L}_][\p{L}\p{N}_.\-]*)`) }}

// substitute replaces $name by the parameter's value for every name in params.
func substitute(s string, params map[string]string) string {
	if len(params) == 0 || !strings.Contains(s, "$") {
		return s
	}
	return paramRef.Get().ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := params[m[1:]]; ok {
			return v
		}
		return m
	})
}

// cloneWith deep-copies n, substituting params in every attribute value.
func cloneWith(n *xnode, params map[string]string, parent *xnode) *xnode {
	c := *n
	c.parent = parent
	c.attrs = make([]xml.Attr, len(n.attrs))
	for i, a := range n.attrs {
		a.Value = substitute(a.Value, params)
		c.attrs[i] = a
	}
	c.content = make([]any, len(n.content))
	for i, x := range n.content {
		if e, ok := x.(*xnode); ok {
			c.content[i] = cloneWith(e, params, &c)
		} else {
			c.content[i] = x
		}
	}
	return &c
}
