package xoev

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// identifyBytes is identify on a message held in memory, without
// encoding/xml (which costs as much as a tenth of a small message's
// validation). It reads the same tokens in the same order, but takes only
// the plain form nearly every message has: UTF-8 without a byte order
// mark, a prolog of blanks, the XML declaration, comments and processing
// instructions, and up to where Identify stops, nothing but ASCII names,
// namespace-bound prefixes, quoted attribute values and text without
// references, CDATA, comments, control characters (but tab, line feed
// and carriage return) or runs of plain bytes as long as maxPlainRun. On anything else, including
// every error encoding/xml would report, ok is false and the caller runs
// Identify, so the answer is always Identify's.
func identifyBytes(data []byte) (id *finding.Identity, ok bool) {
	i, ok := plainProlog(data)
	if !ok {
		return nil, false
	}
	id = &finding.Identity{}
	type open struct {
		name    []byte // as written, prefix included
		nsDepth int    // len(ns) before its declarations
	}
	var stack []open
	type binding struct{ prefix, uri string }
	ns := make([]binding, 0, 8)
	lookup := func(prefix string) (string, bool) {
		for k := len(ns) - 1; k >= 0; k-- {
			if ns[k].prefix == prefix {
				return ns[k].uri, true
			}
		}
		return "", prefix == ""
	}
	depth, elements, children := 0, 0, 0
	headerDepth := 0
	var field string
	fieldDepth := 0
	var text strings.Builder
	header := map[string]string{}
	var attrs []rawAttr
	for elements < identifyElementLimit {
		if i >= len(data) {
			break // EOF after the root was opened: encoding/xml says so
		}
		if depth == 0 && elements > 0 {
			// After the root element: blanks to the end of the input.
			if len(bytes.TrimLeft(data[i:], " \t\r\n")) > 0 {
				return nil, false
			}
			i = len(data)
			break
		}
		if data[i] != '<' {
			// Character data up to the next tag.
			j := bytes.IndexByte(data[i:], '<')
			if j < 0 {
				return nil, false // text to the end: not well-formed
			}
			t := data[i : i+j]
			if !plainText(t) {
				return nil, false
			}
			i += j
			if field != "" {
				if s := strings.TrimSpace(string(crlf(t))); s != "" {
					if text.Len() > 0 {
						text.WriteByte(' ')
					}
					text.WriteString(s)
				}
			}
			continue
		}
		if i+1 < len(data) && data[i+1] == '/' {
			// End tag.
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 || depth == 0 {
				return nil, false
			}
			name := bytes.TrimRight(data[i+2:i+j], " \t\r\n")
			top := stack[len(stack)-1]
			if !bytes.Equal(name, top.name) {
				return nil, false
			}
			i += j + 1
			if !identifyEnd(&field, fieldDepth, depth, &text, header, &headerDepth) {
				depth--
				stack = stack[:len(stack)-1]
				ns = ns[:top.nsDepth]
				break
			}
			depth--
			stack = stack[:len(stack)-1]
			ns = ns[:top.nsDepth]
			continue
		}
		// Start tag (anything else, "<!" or "<?", is not plain).
		name, rest, ok := plainName(data[i+1:])
		if !ok {
			return nil, false
		}
		k := len(data) - len(rest)
		attrs, k, ok = plainAttrs(data, k, attrs[:0])
		if !ok {
			return nil, false
		}
		empty := data[k] == '/'
		if empty {
			k++
		}
		i = k + 1 // after '>'
		nsDepth := len(ns)
		for _, a := range attrs {
			switch {
			case a.name == "xmlns":
				ns = append(ns, binding{"", a.value})
			case strings.HasPrefix(a.name, "xmlns:"):
				ns = append(ns, binding{a.name[6:], a.value})
			}
		}
		prefix, local := splitName(string(name))
		if prefix == "xmlns" || prefix == "xml" {
			return nil, false
		}
		space, bound := lookup(prefix)
		if !bound {
			return nil, false
		}
		stack = append(stack, open{name: name, nsDepth: nsDepth})
		depth++
		elements++
		stop := false
		if depth == 1 {
			identifyRoot(id, space, local)
			for _, a := range attrs {
				_, alocal := splitName(a.name)
				identifyRootAttr(id, alocal, a.value)
			}
		} else {
			if depth == 2 {
				children++
			}
			if headerDepth == 0 && children > 2 {
				headerDepth = -1
				stop = true
			}
			if !stop {
				for _, a := range attrs {
					if a.name == "xjustizVersion" {
						if a.value != "" {
							id.Version = a.value
						}
						break
					}
				}
				lname := strings.ToLower(local)
				switch {
				case headerDepth == 0 && (strings.HasPrefix(lname, "nachrichtenkopf") || (lname == "kopf" && depth == 2)):
					headerDepth = depth
				case headerDepth > 0 && field == "":
					if k := headerKey(lname); k != "" {
						field, fieldDepth = k, depth
						text.Reset()
					}
				}
			}
			if headerDepth < 0 {
				break
			}
		}
		if empty {
			// encoding/xml reports <a/> as a start and an end element.
			if elements >= identifyElementLimit {
				break
			}
			if !identifyEnd(&field, fieldDepth, depth, &text, header, &headerDepth) {
				break
			}
			top := stack[len(stack)-1]
			depth--
			stack = stack[:len(stack)-1]
			ns = ns[:top.nsDepth]
		}
	}
	if i >= maxPlainRun && longestPlainRun(data[:i]) >= maxPlainRun {
		return nil, false // Identify reads such a run shortened
	}
	if len(header) > 0 {
		id.Header = header
	}
	return id, true
}

// crlf is t with line ends normalised as encoding/xml does.
func crlf(t []byte) []byte {
	if bytes.IndexByte(t, '\r') < 0 {
		return t
	}
	t = bytes.ReplaceAll(t, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(t, []byte("\r"), []byte("\n"))
}

// longestPlainRun is the longest run of bytes [runCapReader] counts as
// plain in b.
func longestPlainRun(b []byte) int {
	best, run := 0, 0
	for _, c := range b {
		if plainByte(c) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// identifyEnd is Identify's handling of an end element at depth; false
// means Identify stops reading.
func identifyEnd(field *string, fieldDepth, depth int, text *strings.Builder, header map[string]string, headerDepth *int) bool {
	if *field != "" && depth == fieldDepth {
		v := text.String()
		if len(v) > 200 {
			v = v[:200]
		}
		if *field == "nachrichtentyp" {
			v, _, _ = strings.Cut(v, " ")
		}
		if _, dup := header[*field]; !dup && v != "" {
			header[*field] = v
		}
		*field = ""
	}
	if *headerDepth > 0 && depth == *headerDepth {
		*headerDepth = -1
	}
	return *headerDepth >= 0
}

// rawAttr is an attribute of a start tag as written.
type rawAttr struct{ name, value string }

// plainProlog returns where the root element starts, if everything before
// it is blanks, an XML declaration naming UTF-8 or no encoding, comments
// and processing instructions.
func plainProlog(data []byte) (int, bool) {
	i := 0
	if bytes.HasPrefix(data, []byte("<?xml")) && len(data) > 5 && isBlank(data[5]) {
		j := bytes.Index(data, []byte("?>"))
		if j < 0 {
			return 0, false
		}
		decl := string(data[5:j])
		if enc, found := declAttr(decl, "encoding"); found && !strings.EqualFold(enc, "utf-8") {
			return 0, false
		}
		if v, found := declAttr(decl, "version"); !found || v != "1.0" {
			return 0, false
		}
		if !plainText(data[:j]) {
			return 0, false
		}
		i = j + 2
	}
	for i < len(data) {
		switch {
		case isBlank(data[i]):
			i++
		case bytes.HasPrefix(data[i:], []byte("<!--")):
			j := bytes.Index(data[i+4:], []byte("--"))
			if j < 0 || i+4+j+2 >= len(data) || data[i+4+j+2] != '>' || !plainText(data[i+4:i+4+j]) {
				return 0, false
			}
			i += 4 + j + 3
		case bytes.HasPrefix(data[i:], []byte("<?")):
			j := bytes.Index(data[i+2:], []byte("?>"))
			if j < 0 {
				return 0, false
			}
			j += 2
			target, _, _ := bytes.Cut(data[i+2:i+j], []byte(" "))
			if len(target) == 0 || strings.EqualFold(string(target), "xml") || !plainText(data[i:i+j]) {
				return 0, false
			}
			if _, rest, ok := plainName(target); !ok || len(rest) > 0 {
				return 0, false
			}
			i += j + 2
		case data[i] == '<' && i+1 < len(data) && isNameStart(data[i+1]):
			return i, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// declAttr returns a pseudo-attribute of an XML declaration; found is
// also true when it is there but not plainly quoted (then v is "?").
func declAttr(decl, name string) (v string, found bool) {
	k := strings.Index(decl, name)
	if k < 0 {
		return "", false
	}
	rest := strings.TrimLeft(decl[k+len(name):], " \t\n")
	if !strings.HasPrefix(rest, "=") {
		return "?", true
	}
	rest = strings.TrimLeft(rest[1:], " \t\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return "?", true
	}
	end := strings.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return "?", true
	}
	return rest[1 : 1+end], true
}

// plainName reads an ASCII name with at most one colon, not at either end.
func plainName(b []byte) (name, rest []byte, ok bool) {
	if len(b) == 0 || !isNameStart(b[0]) {
		return nil, nil, false
	}
	j, colons := 1, 0
	for j < len(b) && (isNameChar(b[j]) || b[j] == ':') {
		if b[j] == ':' {
			colons++
			if j+1 >= len(b) || !isNameStart(b[j+1]) {
				return nil, nil, false
			}
		}
		j++
	}
	if colons > 1 {
		return nil, nil, false
	}
	return b[:j], b[j:], true
}

// plainAttrs reads the attributes of a start tag from data[k] on, up to
// its '>' or "/>"; k is then at the '>' or the '/'.
func plainAttrs(data []byte, k int, attrs []rawAttr) ([]rawAttr, int, bool) {
	for {
		sp := k
		for k < len(data) && isBlank(data[k]) {
			k++
		}
		if k >= len(data) {
			return nil, 0, false
		}
		switch data[k] {
		case '>':
			return attrs, k, true
		case '/':
			if k+1 < len(data) && data[k+1] == '>' {
				return attrs, k, true
			}
			return nil, 0, false
		}
		if sp == k {
			return nil, 0, false // no blank before an attribute
		}
		name, rest, ok := plainName(data[k:])
		if !ok {
			return nil, 0, false
		}
		k = len(data) - len(rest)
		if k >= len(data) || data[k] != '=' || k+1 >= len(data) {
			return nil, 0, false
		}
		q := data[k+1]
		if q != '"' && q != '\'' {
			return nil, 0, false
		}
		end := bytes.IndexByte(data[k+2:], q)
		if end < 0 {
			return nil, 0, false
		}
		v := data[k+2 : k+2+end]
		if bytes.ContainsAny(v, "<\t\r\n") || !plainText(v) {
			return nil, 0, false
		}
		for _, a := range attrs {
			if a.name == string(name) {
				return nil, 0, false
			}
		}
		attrs = append(attrs, rawAttr{name: string(name), value: string(v)})
		k += 2 + end + 1
	}
}

// plainText reports whether b reads the same as raw bytes (up to line
// ends, see crlf) and as encoding/xml's character data: valid UTF-8 of
// XML characters without '&', "]]>" or other control characters than
// tab, line feed and carriage return.
func plainText(b []byte) bool {
	for k := 0; k < len(b); {
		c := b[k]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '&' {
				return false
			}
			k++
			continue
		}
		r, n := utf8.DecodeRune(b[k:])
		if r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		k += n
	}
	return !bytes.Contains(b, []byte("]]>"))
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNameStart(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

func isNameChar(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '-' || c == '.'
}

// splitName splits a name as written into prefix and local name.
func splitName(n string) (prefix, local string) {
	if p, l, ok := strings.Cut(n, ":"); ok {
		return p, l
	}
	return "", n
}
