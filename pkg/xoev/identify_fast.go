package xoev

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// identifyBytes is identify on a message held in memory, without
// encoding/xml (which costs as much as a tenth of a small message's
// validation). It reads the same tokens in the same order, but takes only
// the plain form nearly every message has: UTF-8 without a byte order
// mark, a prolog of blanks, the XML declaration, comments and processing
// instructions, and up to where Identify stops, nothing but ASCII names,
// namespace-bound prefixes, quoted attribute values, comments and text
// without references, CDATA, control characters (but tab, line feed
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
	// Everything below refers into data and lives on the stack for
	// ordinary messages: a string is made only for what goes into id.
	var stackArr [32]open
	stack := stackArr[:0]
	type binding struct{ prefix, uri []byte }
	var nsArr [16]binding
	ns := nsArr[:0]
	lookup := func(prefix []byte) ([]byte, bool) {
		for k := len(ns) - 1; k >= 0; k-- {
			if bytes.Equal(ns[k].prefix, prefix) {
				return ns[k].uri, true
			}
		}
		return nil, len(prefix) == 0
	}
	depth, elements, children := 0, 0, 0
	headerDepth := 0
	var field headerField
	fieldDepth := 0
	var textArr [256]byte
	text := textArr[:0] // of the header field being read
	var header pendingHeader
	var attrArr [16]rawAttr
	attrs := attrArr[:0]
	var lowerArr [64]byte
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
			if field != hdrNone {
				if s := bytes.TrimSpace(crlf(t)); len(s) > 0 {
					if len(text) > 0 {
						text = append(text, ' ')
					}
					text = append(text, s...)
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
			if !identifyEnd(&field, fieldDepth, depth, text, &header, &headerDepth) {
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
		if bytes.HasPrefix(data[i:], []byte("<!--")) {
			// A comment (a commented-out element of an invoice), as
			// plainProlog takes it; it splits the text around it as
			// encoding/xml's tokens do.
			if i, ok = plainComment(data, i); !ok {
				return nil, false
			}
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
			case string(a.name) == "xmlns":
				ns = append(ns, binding{nil, a.value})
			case bytes.HasPrefix(a.name, []byte("xmlns:")):
				ns = append(ns, binding{a.name[6:], a.value})
			}
		}
		prefix, local := splitNameBytes(name)
		if string(prefix) == "xmlns" || string(prefix) == "xml" {
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
			identifyRootBytes(id, space, local)
			for _, a := range attrs {
				_, alocal := splitNameBytes(a.name)
				identifyRootAttrBytes(id, alocal, a.value)
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
					if string(a.name) == "xjustizVersion" {
						if len(a.value) > 0 {
							id.Version = string(a.value)
						}
						break
					}
				}
				lname := asciiLower(lowerArr[:0], local)
				switch {
				case headerDepth == 0 && (bytes.HasPrefix(lname, []byte("nachrichtenkopf")) || (string(lname) == "kopf" && depth == 2)):
					headerDepth = depth
				case headerDepth > 0 && field == hdrNone:
					if k := headerKeys.Get()[string(lname)]; k != hdrNone {
						field, fieldDepth = k, depth
						text = text[:0]
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
			if !identifyEnd(&field, fieldDepth, depth, text, &header, &headerDepth) {
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
	header.fill(&id.Header)
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
func identifyEnd(field *headerField, fieldDepth, depth int, text []byte, header *pendingHeader, headerDepth *int) bool {
	if *field != hdrNone && depth == fieldDepth {
		v := text[:min(len(text), 200)]
		if *field == hdrNachrichtentyp {
			v, _, _ = bytes.Cut(v, []byte(" "))
		}
		header.add(*field, v)
		*field = hdrNone
	}
	if *headerDepth > 0 && depth == *headerDepth {
		*headerDepth = -1
	}
	return *headerDepth >= 0
}

// pendingHeader collects the header values identifyBytes finds, the
// first non-empty one of each field (at most 200 bytes), in one buffer on
// the stack: they become one string, not one each.
type pendingHeader struct {
	n      int
	fields [headerFields]headerField
	ends   [headerFields]int
	values [headerFields * 200]byte
}

// add keeps v (at most 200 bytes) for field k unless it is empty or k
// has a value.
func (h *pendingHeader) add(k headerField, v []byte) {
	if len(v) == 0 || slices.Contains(h.fields[:h.n], k) {
		return
	}
	start := 0
	if h.n > 0 {
		start = h.ends[h.n-1]
	}
	h.fields[h.n], h.ends[h.n] = k, start+copy(h.values[start:], v)
	h.n++
}

// fill sets the fields of dst that h holds values of.
func (h *pendingHeader) fill(dst *finding.Header) {
	if h.n == 0 {
		return
	}
	all, start := string(h.values[:h.ends[h.n-1]]), 0
	for i, k := range h.fields[:h.n] {
		*k.of(dst) = all[start:h.ends[i]]
		start = h.ends[i]
	}
}

// rawAttr is an attribute of a start tag as written, both parts
// referring into the message.
type rawAttr struct{ name, value []byte }

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
		decl := data[5:j]
		if enc, found := declAttr(decl, "encoding"); found && !bytes.EqualFold(enc, []byte("utf-8")) {
			return 0, false
		}
		if v, found := declAttr(decl, "version"); !found || string(v) != "1.0" {
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
			var ok bool
			if i, ok = plainComment(data, i); !ok {
				return 0, false
			}
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

// plainComment returns where the comment at data[i] ("<!--") ends, if it
// is plain text without "--" and closed.
func plainComment(data []byte, i int) (int, bool) {
	j := bytes.Index(data[i+4:], []byte("--"))
	if j < 0 || i+4+j+2 >= len(data) || data[i+4+j+2] != '>' || !plainText(data[i+4:i+4+j]) {
		return 0, false
	}
	return i + 4 + j + 3, true
}

// declAttr returns a pseudo-attribute of an XML declaration; found is
// also true when it is there but not plainly quoted (then v is "?").
func declAttr(decl []byte, name string) (v []byte, found bool) {
	k := bytes.Index(decl, []byte(name))
	if k < 0 {
		return nil, false
	}
	rest := bytes.TrimLeft(decl[k+len(name):], " \t\n")
	if !bytes.HasPrefix(rest, []byte("=")) {
		return []byte("?"), true
	}
	rest = bytes.TrimLeft(rest[1:], " \t\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return []byte("?"), true
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return []byte("?"), true
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
			if bytes.Equal(a.name, name) {
				return nil, 0, false
			}
		}
		attrs = append(attrs, rawAttr{name: name, value: v})
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

// splitNameBytes splits a name as written into prefix and local name.
func splitNameBytes(n []byte) (prefix, local []byte) {
	if p, l, ok := bytes.Cut(n, []byte{':'}); ok {
		return p, l
	}
	return nil, n
}

// asciiLower appends b in lower case to dst (names on the plain path are
// ASCII, where this is strings.ToLower).
func asciiLower(dst, b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// identifyRootAttrBytes is [identifyRootAttr] on an ASCII local name and
// a value as written, making a string only of a value it takes.
func identifyRootAttrBytes(id *finding.Identity, local, value []byte) {
	switch {
	case bytes.EqualFold(local, []byte("xjustizversion")):
		id.Version = string(value)
	case bytes.EqualFold(local, []byte("standard")):
		if id.Standard == "" {
			id.Standard = string(value)
		}
	case bytes.EqualFold(local, []byte("version")):
		if id.Version == "" {
			id.Version = string(value)
		}
	}
}

// identifyRootBytes is [identifyRoot] on a namespace and local name as
// written. A run checks many messages of few kinds: the strings and what
// [standardOf] derives are made once per namespace and name, not per
// message.
func identifyRootBytes(id *finding.Identity, space, local []byte) {
	ns := internGet(&rootNamespaces, space, func(s string) rootNamespace {
		std, ver := standardOf(s)
		return rootNamespace{ns: s, standard: std, version: ver}
	})
	name := internGet(&rootNames, local, func(s string) string { return s })
	id.Root, id.Namespace = name, ns.ns
	id.Message = name
	id.Standard, id.Version = ns.standard, ns.version
}

type rootNamespace struct{ ns, standard, version string }

var (
	rootNamespaces internTable[rootNamespace]
	rootNames      internTable[string]
)

// internTable maps strings to values made once each (see [internGet]).
type internTable[V any] struct {
	mu sync.Mutex
	m  atomic.Pointer[map[string]V]
}

const internLimit = 256

// internGet returns the value for key in t, made by build on a miss:
// reads take no lock and make no string; a miss copies the map (they are
// few, and the table stops growing at internLimit entries, computing past
// it).
func internGet[K string | []byte, V any](t *internTable[V], key K, build func(string) V) V {
	if m := t.m.Load(); m != nil {
		if v, ok := (*m)[string(key)]; ok {
			return v
		}
	}
	k := string(key)
	v := build(k)
	t.mu.Lock()
	defer t.mu.Unlock()
	old := t.m.Load()
	if old != nil && len(*old) >= internLimit {
		return v
	}
	m := map[string]V{}
	if old != nil {
		m = maps.Clone(*old)
	}
	m[k] = v
	t.m.Store(&m)
	return v
}
