package xoev

import (
	"bytes"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// DoctypeError says why a schema document's DOCTYPE could not be applied.
type DoctypeError struct {
	File string
	Line int
	Msg  string
}

// Error implements error.
func (e *DoctypeError) Error() string {
	return fmt.Sprintf("%s:%d: DOCTYPE: %s", e.File, e.Line, e.Msg)
}

// internalSubset is what a DOCTYPE's internal subset declares and what the
// schema loader applies: general entities (replacement text) and attribute
// defaults (#FIXED or plain default values) per element name.
type internalSubset struct {
	entities map[string]string
	// attrs maps an element's qualified name to its defaulted attributes,
	// in declaration order.
	attrs map[string][]attrDefault
}

type attrDefault struct{ name, value string }

var predefinedEntities = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{"lt": true, "gt": true, "amp": true, "apos": true, "quot": true}
}}

// applyDoctype removes the DOCTYPE declaration from a schema document and
// applies what its internal subset declares: internal general entities are
// expanded and attribute defaults (#FIXED or default values) are added to the
// elements that lack them. The external subset (PUBLIC/SYSTEM identifier) is
// never read; only declarations of the internal subset count, which is what
// a non-validating parser such as xmllint applies too. The removed lines are
// replaced by blank lines so that line numbers stay the same. Documents
// without a DOCTYPE are returned unchanged.
func applyDoctype(file string, data []byte) ([]byte, bool, error) {
	start, end, err := findDoctype(file, data)
	if err != nil || start < 0 {
		return data, false, err
	}
	decl := data[start:end]
	sub, err := parseDoctype(file, xmlscan.LineAt(data, start), decl)
	if err != nil {
		return nil, false, err
	}
	out := make([]byte, 0, len(data)+256)
	out = append(out, data[:start]...)
	out = append(out, bytes.Repeat([]byte("\n"), bytes.Count(decl, []byte("\n")))...)
	body, err := rewriteBody(file, data, end, sub)
	if err != nil {
		return nil, false, err
	}
	out = append(out, body...)
	return out, true, nil
}

// findDoctype locates "<!DOCTYPE … >" in the prolog. It returns -1 when
// there is none.
func findDoctype(file string, data []byte) (int, int, error) {
	p := xmlscan.ScanProlog(data)
	switch {
	case p.DoctypeStart < 0:
		return -1, -1, nil
	case p.DoctypeEnd < 0:
		_, err := xmlscan.DoctypeEnd(data, p.DoctypeStart)
		return -1, -1, &DoctypeError{File: file, Line: xmlscan.LineAt(data, p.DoctypeStart), Msg: err.Error()}
	}
	return p.DoctypeStart, p.DoctypeEnd, nil
}

// parseDoctype reads the internal subset. Anything it cannot apply exactly
// (external general entities, markup inside entity values, parameter entity
// references with content) is an error: a schema is never compiled from a
// guess.
func parseDoctype(file string, line int, decl []byte) (*internalSubset, error) {
	sub := &internalSubset{entities: map[string]string{}, attrs: map[string][]attrDefault{}}
	open := bytes.IndexByte(decl, '[')
	if open < 0 {
		return sub, nil // only an external identifier, which is never read
	}
	closeIdx := bytes.LastIndexByte(decl, ']')
	if closeIdx < open {
		return nil, &DoctypeError{File: file, Line: line, Msg: "unbalanced internal subset"}
	}
	s := string(decl[open+1 : closeIdx])
	baseLine := line + strings.Count(string(decl[:open+1]), "\n")
	params := map[string]string{}
	i := 0
	errAt := func(off int, format string, args ...any) error {
		return &DoctypeError{File: file, Line: baseLine + strings.Count(s[:off], "\n"), Msg: fmt.Sprintf(format, args...)}
	}
	for i < len(s) {
		switch {
		case isSpace(s[i]):
			i++
		case strings.HasPrefix(s[i:], "<!--"):
			k := strings.Index(s[i+4:], "-->")
			if k < 0 {
				return nil, errAt(i, "unterminated comment")
			}
			i += 4 + k + 3
		case strings.HasPrefix(s[i:], "<?"):
			k := strings.Index(s[i+2:], "?>")
			if k < 0 {
				return nil, errAt(i, "unterminated processing instruction")
			}
			i += 2 + k + 2
		case s[i] == '%':
			k := strings.IndexByte(s[i:], ';')
			if k < 0 {
				return nil, errAt(i, "malformed parameter entity reference")
			}
			name := s[i+1 : i+k]
			v, ok := params[name]
			if !ok {
				return nil, errAt(i, "reference to undeclared parameter entity %%%s;", name)
			}
			if strings.TrimSpace(v) != "" {
				return nil, errAt(i, "parameter entity %%%s; with content is not supported in schema documents", name)
			}
			i += k + 1
		case strings.HasPrefix(s[i:], "<!"):
			end, err := declEnd(s, i)
			if err != nil {
				return nil, errAt(i, "%v", err)
			}
			d := s[i+2 : end-1]
			if err := sub.declare(d, params); err != nil {
				return nil, errAt(i, "%v", err)
			}
			i = end
		default:
			return nil, errAt(i, "unexpected %q in internal subset", s[i])
		}
	}
	return sub, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func declEnd(s string, i int) (int, error) {
	if end := xmlscan.MarkupEnd(s, i+2); end >= 0 {
		return end, nil
	}
	return 0, fmt.Errorf("unterminated markup declaration")
}

// dtdTokens splits a declaration into names and quoted literals (quotes kept).
func dtdTokens(d string) ([]string, error) {
	var toks []string
	i := 0
	for i < len(d) {
		c := d[i]
		switch {
		case isSpace(c):
			i++
		case c == '"' || c == '\'':
			k := strings.IndexByte(d[i+1:], c)
			if k < 0 {
				return nil, fmt.Errorf("unterminated literal")
			}
			toks = append(toks, d[i:i+k+2])
			i += k + 2
		case c == '(':
			k := strings.IndexByte(d[i:], ')')
			if k < 0 {
				return nil, fmt.Errorf("unterminated enumeration")
			}
			toks = append(toks, d[i:i+k+1])
			i += k + 1
		default:
			j := i
			for j < len(d) && !isSpace(d[j]) && d[j] != '"' && d[j] != '\'' && d[j] != '(' {
				j++
			}
			toks = append(toks, d[i:j])
			i = j
		}
	}
	return toks, nil
}

func isLiteral(t string) bool { return len(t) >= 2 && (t[0] == '"' || t[0] == '\'') }

func (sub *internalSubset) declare(d string, params map[string]string) error {
	toks, err := dtdTokens(d)
	if err != nil {
		return err
	}
	if len(toks) == 0 {
		return fmt.Errorf("empty declaration")
	}
	switch toks[0] {
	case "ELEMENT", "NOTATION":
		return nil // content models are not validated by XSD processors
	case "ENTITY":
		if len(toks) >= 3 && toks[1] == "%" {
			if len(toks) != 4 || !isLiteral(toks[3]) {
				return fmt.Errorf("external parameter entity %q is never read", toks[2])
			}
			if _, dup := params[toks[2]]; !dup {
				params[toks[2]] = toks[3][1 : len(toks[3])-1]
			}
			return nil
		}
		if len(toks) != 3 || !isLiteral(toks[2]) {
			return fmt.Errorf("external entity %q is never resolved", toks[1])
		}
		v := toks[2][1 : len(toks[2])-1]
		if strings.ContainsAny(v, "<&%") {
			return fmt.Errorf("entity %q: replacement text with markup or references is not supported", toks[1])
		}
		if _, dup := sub.entities[toks[1]]; !dup { // the first declaration binds
			sub.entities[toks[1]] = v
		}
		return nil
	case "ATTLIST":
		if len(toks) < 2 {
			return fmt.Errorf("ATTLIST without element name")
		}
		elem := toks[1]
		rest := toks[2:]
		for len(rest) > 0 {
			if len(rest) < 3 {
				return fmt.Errorf("ATTLIST %s: incomplete attribute definition", elem)
			}
			name, def := rest[0], rest[2]
			rest = rest[3:]
			switch {
			case def == "#REQUIRED" || def == "#IMPLIED":
				continue
			case def == "#FIXED":
				if len(rest) == 0 || !isLiteral(rest[0]) {
					return fmt.Errorf("ATTLIST %s %s: #FIXED without value", elem, name)
				}
				def = rest[0]
				rest = rest[1:]
			case !isLiteral(def):
				return fmt.Errorf("ATTLIST %s %s: unexpected default %q", elem, name, def)
			}
			v := def[1 : len(def)-1]
			if strings.ContainsAny(v, "<&") {
				return fmt.Errorf("ATTLIST %s %s: default value with references is not supported", elem, name)
			}
			sub.attrs[elem] = append(sub.attrs[elem], attrDefault{name: name, value: v})
		}
		return nil
	}
	return fmt.Errorf("unsupported declaration <!%s", toks[0])
}

// rewriteBody copies data[from:] expanding declared entities in character
// data and attribute values and adding defaulted attributes to start tags.
func rewriteBody(file string, data []byte, from int, sub *internalSubset) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(data) - from + 128)
	i := from
	errAt := func(off int, format string, args ...any) error {
		return &DoctypeError{File: file, Line: xmlscan.LineAt(data, off), Msg: fmt.Sprintf(format, args...)}
	}
	for i < len(data) {
		c := data[i]
		switch {
		case bytes.HasPrefix(data[i:], []byte("<!--")):
			k := bytes.Index(data[i+4:], []byte("-->"))
			if k < 0 {
				return nil, errAt(i, "unterminated comment")
			}
			out.Write(data[i : i+4+k+3])
			i += 4 + k + 3
		case bytes.HasPrefix(data[i:], []byte("<![CDATA[")):
			k := bytes.Index(data[i:], []byte("]]>"))
			if k < 0 {
				return nil, errAt(i, "unterminated CDATA section")
			}
			out.Write(data[i : i+k+3])
			i += k + 3
		case bytes.HasPrefix(data[i:], []byte("<?")):
			k := bytes.Index(data[i:], []byte("?>"))
			if k < 0 {
				return nil, errAt(i, "unterminated processing instruction")
			}
			out.Write(data[i : i+k+2])
			i += k + 2
		case bytes.HasPrefix(data[i:], []byte("<!")):
			return nil, errAt(i, "a second DOCTYPE or markup declaration outside the prolog")
		case c == '<' && i+1 < len(data) && data[i+1] == '/':
			k := bytes.IndexByte(data[i:], '>')
			if k < 0 {
				return nil, errAt(i, "unterminated end tag")
			}
			out.Write(data[i : i+k+1])
			i += k + 1
		case c == '<':
			end, err := xmlscan.TagEnd(data, i)
			if err != nil {
				return nil, errAt(i, "%v", err)
			}
			tag := data[i:end]
			if err := writeStartTag(&out, tag, sub); err != nil {
				return nil, errAt(i, "%v", err)
			}
			i = end
		case c == '&':
			k := bytes.IndexByte(data[i:], ';')
			if k < 0 {
				return nil, errAt(i, "malformed reference")
			}
			if err := writeRef(&out, string(data[i+1:i+k]), sub); err != nil {
				return nil, errAt(i, "%v", err)
			}
			i += k + 1
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.Bytes(), nil
}

func writeRef(out *bytes.Buffer, name string, sub *internalSubset) error {
	if strings.HasPrefix(name, "#") || predefinedEntities.Get()[name] {
		out.WriteString("&" + name + ";")
		return nil
	}
	v, ok := sub.entities[name]
	if !ok {
		return fmt.Errorf("reference to undeclared entity &%s;", name)
	}
	out.WriteString(escapeText(v))
	return nil
}

func escapeText(s string) string {
	return strings.NewReplacer("<", "&lt;", "&", "&amp;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// writeStartTag copies a start tag, expanding entity references inside
// attribute values and appending defaulted attributes the tag lacks.
func writeStartTag(out *bytes.Buffer, tag []byte, sub *internalSubset) error {
	nameEnd := 1
	for nameEnd < len(tag) && !isSpace(tag[nameEnd]) && tag[nameEnd] != '>' && tag[nameEnd] != '/' {
		nameEnd++
	}
	name := string(tag[1:nameEnd])
	body := tag
	var present map[string]bool
	if defs := sub.attrs[name]; len(defs) > 0 {
		present = map[string]bool{}
	}
	// Copy with references expanded inside quoted values.
	var b bytes.Buffer
	var quote byte
	attrStart := -1
	for j := 0; j < len(body); j++ {
		c := body[j]
		switch {
		case quote != 0 && c == quote:
			quote = 0
			b.WriteByte(c)
		case quote != 0 && c == '&':
			k := bytes.IndexByte(body[j:], ';')
			if k < 0 {
				return fmt.Errorf("malformed reference in attribute value")
			}
			if err := writeRef(&b, string(body[j+1:j+k]), sub); err != nil {
				return err
			}
			j += k
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
			b.WriteByte(c)
		default:
			if quote == 0 && present != nil && j >= nameEnd {
				if isNameByte(c) && attrStart < 0 {
					attrStart = j
				} else if !isNameByte(c) && attrStart >= 0 {
					present[string(body[attrStart:j])] = true
					attrStart = -1
				}
			}
			b.WriteByte(c)
		}
	}
	tagBytes := b.Bytes()
	var extra bytes.Buffer
	for _, d := range sub.attrs[name] {
		if !present[d.name] {
			fmt.Fprintf(&extra, " %s=\"%s\"", d.name, escapeText(d.value))
		}
	}
	if extra.Len() == 0 {
		out.Write(tagBytes)
		return nil
	}
	cut := len(tagBytes) - 1
	if cut > 0 && tagBytes[cut-1] == '/' {
		cut--
	}
	out.Write(tagBytes[:cut])
	out.Write(extra.Bytes())
	out.Write(tagBytes[cut:])
	return nil
}

func isNameByte(c byte) bool {
	return c == ':' || c == '_' || c == '-' || c == '.' || c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}
