package xoev

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

var identifyBufs = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 16<<10) }}

// identifyElementLimit bounds how far Identify reads when a message has no
// header: identification must stay cheap next to validation.
const identifyElementLimit = 400

// identify reads the start of a message and tells what it is: the root
// element and its namespace, the standard and version (from the namespace,
// or from attributes such as XJustiz's xjustizVersion) and the XÖV message
// header (Nachrichtenkopf: nachrichtenUUID, nachrichtentyp,
// erstellungszeitpunkt, autor, leser; xdomea's Kopf likewise). It reads
// only as far as the header and never expands entities. A message that is
// not well-formed before the root element gives an error.
func identify(r io.Reader) (*finding.Identity, error) {
	br := identifyBufs.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() { br.Reset(nil); identifyBufs.Put(br) }()
	src, _ := utf8Reader(br)
	// encoding/xml holds a whole text node; an attachment of many MB
	// before or without a header must not cost its size here.
	dec := xml.NewDecoder(&runCapReader{r: src})
	dec.Strict = true
	dec.Entity = map[string]string{} // no entity is ever expanded
	id := &finding.Identity{}
	depth, elements, children := 0, 0, 0
	headerDepth := 0 // depth of the header element, 0 outside
	var field headerField
	fieldDepth := 0
	var text strings.Builder
	var header finding.Header
	for elements < identifyElementLimit {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if id.Root == "" {
				line, col := dec.InputPos()
				return nil, fmt.Errorf("%d:%d: %w", line, col, err)
			}
			break // validation reports the details
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			elements++
			if depth == 1 {
				identifyRoot(id, t.Name.Space, t.Name.Local)
				for _, a := range t.Attr {
					identifyRootAttr(id, a.Name.Local, a.Value)
				}
				continue
			}
			if depth == 2 {
				children++
			}
			if headerDepth == 0 && children > 2 {
				headerDepth = -1 // the header is among the first children; there is none
				break
			}
			if v := attr(t, xml.Name{Local: "xjustizVersion"}); v != "" {
				id.Version = v
			}
			lname := strings.ToLower(t.Name.Local)
			if headerDepth == 0 && (strings.HasPrefix(lname, "nachrichtenkopf") || (lname == "kopf" && depth == 2)) {
				headerDepth = depth
				continue
			}
			if headerDepth > 0 {
				if field == hdrNone {
					if k := headerKey(lname); k != hdrNone {
						field, fieldDepth = k, depth
						text.Reset()
					}
				}
			}
		case xml.CharData:
			if field != hdrNone {
				if s := strings.TrimSpace(string(t)); s != "" {
					if text.Len() > 0 {
						text.WriteByte(' ')
					}
					text.WriteString(s)
				}
			}
		case xml.EndElement:
			if field != hdrNone && depth == fieldDepth {
				v := text.String()
				if len(v) > 200 {
					v = v[:200]
				}
				if field == hdrNachrichtentyp {
					v, _, _ = strings.Cut(v, " ") // the code, not its name
				}
				if p := field.of(&header); *p == "" {
					*p = v
				}
				field = hdrNone
			}
			if headerDepth > 0 && depth == headerDepth {
				headerDepth = -1 // done: stop reading
			}
			depth--
		}
		if headerDepth < 0 {
			break
		}
	}
	if id.Root == "" {
		return nil, errors.New("no root element")
	}
	id.Header = header
	return id, nil
}

// identifyRoot sets what the root element itself says: its name and
// namespace, and the standard and version its namespace names. Both
// identification paths (encoding/xml and the plain-document scanner) call it.
func identifyRoot(id *finding.Identity, space, local string) {
	id.Root, id.Namespace = local, space
	id.Message = local
	id.Standard, id.Version = standardOf(space)
}

// identifyRootAttr takes an attribute of the root element (by local name):
// xjustizVersion sets the version; standard and version fill what the
// namespace did not say.
func identifyRootAttr(id *finding.Identity, local, value string) {
	switch strings.ToLower(local) {
	case "xjustizversion":
		id.Version = value
	case "standard":
		if id.Standard == "" {
			id.Standard = value
		}
	case "version":
		if id.Version == "" {
			id.Version = value
		}
	}
}

// headerField names a field of [finding.Header].
type headerField uint8

const (
	hdrNone headerField = iota
	hdrAutor
	hdrErstellungszeitpunkt
	hdrLeser
	hdrNachrichtenUUID
	hdrNachrichtentyp
)

// headerFields is the number of fields of [finding.Header].
const headerFields = int(hdrNachrichtentyp)

// of returns the field k of h (k is not hdrNone).
func (k headerField) of(h *finding.Header) *string {
	switch k {
	case hdrAutor:
		return &h.Autor
	case hdrErstellungszeitpunkt:
		return &h.Erstellungszeitpunkt
	case hdrLeser:
		return &h.Leser
	case hdrNachrichtenUUID:
		return &h.NachrichtenUUID
	default:
		return &h.Nachrichtentyp
	}
}

func headerKey(lname string) headerField { return headerKeys.Get()[lname] }

// headerKeys maps the lower-case local names of header elements to the
// fields of [finding.Header] they fill.
var headerKeys = lazy.Value[map[string]headerField]{F: func() map[string]headerField {
	return map[string]headerField{
		"nachrichtenuuid": hdrNachrichtenUUID, "prozessid": hdrNachrichtenUUID,
		"nachrichtentyp":       hdrNachrichtentyp,
		"erstellungszeitpunkt": hdrErstellungszeitpunkt,
		"autor":                hdrAutor, "absender": hdrAutor,
		"leser": hdrLeser, "empfaenger": hdrLeser,
	}
}}

// isVersionSeg reports whether s is a version segment, v?\d+([._]\d+)*
// (ASCII digits): "1", "v2", "1.2", "3_0_1". By hand rather than by a
// regexp, whose compile was a fixed cost of every check run.
func isVersionSeg(s string) bool {
	s = strings.TrimPrefix(s, "v")
	digits := false // the last byte was a digit
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case (c == '.' || c == '_') && digits:
			digits = false
		default:
			return false
		}
	}
	return digits
}

// standardOf derives standard and version from a namespace URI such as
// http://www.xleitstelle.de/xbau/2/6, urn:xoev-de:xdomea:schema:3.0.0 or
// http://xhochschule.de/def/xhochschule/1.1/xsd.
func standardOf(ns string) (standard, version string) {
	if ns == "" {
		return "", ""
	}
	var segs []string
	hostLabel := ""
	if strings.HasPrefix(ns, "urn:") {
		segs = strings.Split(ns, ":")[1:]
	} else {
		rest := ns
		if i := strings.Index(rest, "://"); i >= 0 {
			rest = rest[i+3:]
		}
		segs = strings.Split(rest, "/")
		if len(segs) > 0 {
			host := strings.Split(strings.TrimPrefix(segs[0], "www."), ".")
			segs = segs[1:]
			hostLabel = host[0] // http://www.xjustiz.de → xjustiz
		}
	}
	// OASIS UBL: urn:oasis:names:specification:ubl:schema:xsd:Invoice-2.
	if slices.Contains(segs, "ubl") && len(segs) > 0 {
		last := segs[len(segs)-1]
		if i := strings.LastIndexByte(last, '-'); i > 0 && isVersionSeg(last[i+1:]) {
			return "ubl", last[i+1:]
		}
		return "ubl", ""
	}
	// Trailing version segments, skipping filler words.
	end := len(segs)
	for end > 0 && isFiller(segs[end-1]) {
		end--
	}
	var ver []string
	for end > 0 && isVersionSeg(segs[end-1]) {
		ver = append([]string{strings.TrimPrefix(segs[end-1], "v")}, ver...)
		end--
	}
	for end > 0 && isFiller(segs[end-1]) {
		end--
	}
	if end > 0 {
		standard = strings.ToLower(segs[end-1])
	} else {
		standard = strings.ToLower(hostLabel)
	}
	if i := strings.LastIndex(standard, "_"); i > 0 && isVersionSeg(standard[i+1:]) && len(ver) == 0 {
		ver = []string{standard[i+1:]} // xdatenfelder_2
		standard = standard[:i]
	}
	version = strings.ReplaceAll(strings.Join(ver, "."), "_", ".")
	if len(ver) == 1 && len(ver[0]) == 2 && !strings.ContainsAny(ver[0], "._") {
		version = ver[0][:1] + "." + ver[0][1:] // xbeteiligung/12 → 1.2
	}
	return standard, version
}

func isFiller(s string) bool {
	switch strings.ToLower(s) {
	case "", "xsd", "schema", "def", "spezifikation", "de", "ns", "standard", "nachrichten":
		return true
	}
	return false
}

// maxPlainRun is how much of a run of plain bytes [runCapReader] passes on.
const maxPlainRun = 4 << 10

// runCapReader passes r on but shortens every run of plain bytes (ASCII
// letters, digits, "+/=" and blanks: base64 text, long words) to
// maxPlainRun bytes, keeping its line breaks. No markup character, entity
// reference or multi-byte character is ever dropped, so the markup reads
// the same; only long texts (and absurdly long names, both halves of a tag
// pair alike) come out shorter. Identify reads only names, attributes and
// short header values.
type runCapReader struct {
	r   io.Reader
	run int // plain bytes passed on in the current run
}

func (c *runCapReader) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		w := 0
		for _, b := range p[:n] {
			if !plainByte(b) {
				c.run = 0
				p[w] = b
				w++
				continue
			}
			if c.run < maxPlainRun || b == '\n' {
				p[w] = b
				w++
			}
			c.run++
		}
		if w > 0 || err != nil || n == 0 {
			return w, err
		}
		// Everything read was dropped: read on rather than return 0, nil.
	}
}

func plainByte(b byte) bool {
	return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' ||
		b == '+' || b == '/' || b == '=' || b == ' ' || b == '\t' || b == '\n' || b == '\r'
}
