package convert

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// jobj is a JSON object that keeps its key order, so that every output is
// byte-identical from run to run and reads in document order.
type jobj []jkv

type jkv struct {
	k string
	v any
}

func (o *jobj) set(k string, v any) { *o = append(*o, jkv{k, v}) }

// jnum is a JSON number written as is.
type jnum string

// writeJSON writes v indented by two spaces. Supported values: jobj, []any,
// []string, string, jnum, int, int64, bool and nil.
func writeJSON(b *bytes.Buffer, v any, depth int) {
	switch x := v.(type) {
	case jobj:
		writeItems(b, depth, len(x), '{', '}', func(i int) {
			writeString(b, x[i].k)
			b.WriteString(": ")
			writeJSON(b, x[i].v, depth+1)
		})
	case []any:
		writeItems(b, depth, len(x), '[', ']', func(i int) { writeJSON(b, x[i], depth+1) })
	case []string:
		a := make([]any, len(x))
		for i, s := range x {
			a[i] = s
		}
		writeJSON(b, a, depth)
	case string:
		writeString(b, x)
	case jnum:
		b.WriteString(string(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case nil:
		b.WriteString("null")
	default:
		panic("writeJSON: unsupported type")
	}
}

// writeItems writes the n members of an object or the n elements of an
// array between open and close, one a line, each written by item after the
// indentation of depth+1; an empty one stays on one line.
func writeItems(b *bytes.Buffer, depth, n int, open, close byte, item func(i int)) {
	b.WriteByte(open)
	if n == 0 {
		b.WriteByte(close)
		return
	}
	b.WriteByte('\n')
	for i := 0; i < n; i++ {
		indent(b, depth+1)
		item(i)
		if i < n-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	indent(b, depth)
	b.WriteByte(close)
}

func indent(b *bytes.Buffer, depth int) {
	for i := 0; i < depth; i++ {
		b.WriteString("  ")
	}
}

const hexDigits = "0123456789abcdef"

// writeString writes a JSON string without HTML escaping; U+2028 and
// U+2029 are escaped so the text is also a valid JavaScript literal.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xF])
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\ufffd`)
		case r == 0x2028 || r == 0x2029:
			b.WriteString(`\u202`)
			b.WriteByte(hexDigits[r&0xF])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
}
