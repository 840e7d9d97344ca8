package kosit

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// ReadProperties reads a Java properties file (key=value, key: value,
// # and ! comments, backslash continuations) as Ant uses it to fill a
// source configuration. A value may refer to another property as
// ${key}; references are expanded after the whole file is read.
func ReadProperties(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read properties: %w", err)
	}
	props := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var cont strings.Builder
	line, start := 0, 0
	for sc.Scan() {
		line++
		l := strings.TrimLeft(sc.Text(), " \t\f")
		if cont.Len() == 0 {
			if l == "" || l[0] == '#' || l[0] == '!' {
				continue
			}
			start = line
		}
		if n := len(l) - len(strings.TrimRight(l, `\`)); n%2 == 1 {
			cont.WriteString(l[:len(l)-1])
			continue
		}
		cont.WriteString(l)
		entry := cont.String()
		cont.Reset()
		i := strings.IndexAny(entry, "=: \t")
		if i <= 0 {
			return nil, fmt.Errorf("%s:%d: want key=value, got %q", path, start, entry)
		}
		key := entry[:i]
		val := strings.TrimLeft(entry[i:], " \t")
		if val != "" && (val[0] == '=' || val[0] == ':') {
			val = strings.TrimLeft(val[1:], " \t")
		}
		props[key] = unescapeProperty(val)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read properties %s: %w", path, err)
	}
	return expandProperties(props)
}

var propRef = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\$\{([^}]+)\}`) }}

// expandProperties replaces ${key} in the values of props by the value of
// key, as Ant does; a reference to an unknown key stays as written, a
// cycle is an error.
func expandProperties(props map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(props))
	var expand func(key string, seen map[string]bool) (string, error)
	expand = func(key string, seen map[string]bool) (string, error) {
		if v, ok := out[key]; ok {
			return v, nil
		}
		if seen[key] {
			return "", fmt.Errorf("property %s refers to itself", key)
		}
		seen[key] = true
		var err error
		v := propRef.Get().ReplaceAllStringFunc(props[key], func(ref string) string {
			name := ref[2 : len(ref)-1]
			if _, ok := props[name]; !ok {
				return ref
			}
			s, e := expand(name, seen)
			if e != nil && err == nil {
				err = e
			}
			return s
		})
		if err != nil {
			return "", err
		}
		out[key] = v
		return v, nil
	}
	for k := range props {
		if _, err := expand(k, map[string]bool{}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func unescapeProperty(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'u':
			var r rune
			if i+4 < len(s) {
				if _, err := fmt.Sscanf(s[i+1:i+5], "%04x", &r); err == nil {
					b.WriteRune(r)
					i += 4
					continue
				}
			}
			b.WriteByte('u')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// placeholder is an Ant filter token such as @xrechnung.version@.
var placeholder = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`@([A-Za-z][A-Za-z0-9._-]*)@`) }}

// substitute replaces the placeholders of props in the configuration's
// text; values are escaped for XML character data.
func substitute(data []byte, props map[string]string) []byte {
	if len(props) == 0 {
		return data
	}
	return placeholder.Get().ReplaceAllFunc(data, func(tok []byte) []byte {
		v, ok := props[string(tok[1:len(tok)-1])]
		if !ok {
			return tok
		}
		var b bytes.Buffer
		_ = xmlEscape(&b, v)
		return b.Bytes()
	})
}
