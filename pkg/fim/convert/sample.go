package convert

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

// SampleMode chooses how much a sample contains.
type SampleMode string

// The sample modes.
const (
	// SampleMinimal holds only what is required, arrays at their minimum.
	SampleMinimal SampleMode = "minimal"
	// SampleDefault holds the required parts plus the optional fields of
	// every group it contains (optional groups are left out), arrays with
	// at least one item.
	SampleDefault SampleMode = "default"
	// SampleFull holds every group and field, arrays with two items where
	// allowed.
	SampleFull SampleMode = "full"
)

// SampleError is a required field for which no value satisfies the
// field's own constraints (e.g. minLength above maxLength).
type SampleError struct {
	Element string
	Reason  string
}

// Error names the field and why no value fits.
func (e *SampleError) Error() string {
	return fmt.Sprintf("field %s: no value satisfies its constraints (%s); fix the praezisierung", e.Element, e.Reason)
}

// snode is one object of a sample instance.
type snode struct {
	props []sprop
}

type sprop struct {
	p    *prop
	vals []any // *snode, sfile or a scalar string
}

type sfile struct{ name, mediaType, content string }

// Sample returns an instance in the given format ("json" or "xml") that is
// valid against the generated JSON Schema or XSD.
func (c *Converter) Sample(format string, mode SampleMode) ([]byte, error) {
	if mode == "" {
		mode = SampleDefault
	}
	m := c.m
	root, err := m.sampleObject(m.Root, mode, 0)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch format {
	case "json":
		writeJSON(&b, sampleJSON(root), 0)
		b.WriteByte('\n')
	case "xml":
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString("<" + m.RootName + ` xmlns="` + xmlEscape(m.Namespace) + `"`)
		if len(root.props) == 0 {
			b.WriteString("/>\n")
			break
		}
		b.WriteString(">\n")
		writeXMLSample(&b, root, 1)
		b.WriteString("</" + m.RootName + ">\n")
	default:
		return nil, fmt.Errorf("unknown sample format %q (valid: json, xml)", format)
	}
	return b.Bytes(), nil
}

func (m *model) sampleObject(props []*prop, mode SampleMode, depth int) (*snode, error) {
	n := &snode{}
	// A realistic group is not empty: when the default sample would leave
	// nothing in it, its first optional part is filled in (e.g. one of
	// "street address" or "post box").
	fillFirst := -1
	if mode == SampleDefault && depth > 0 {
		fillFirst = len(props)
		for i, p := range props {
			if p.required() || p.Def.Field != nil {
				fillFirst = -1
				break
			}
			if fillFirst == len(props) {
				fillFirst = i
			}
		}
	}
	for i, p := range props {
		include := p.required() || mode == SampleFull || mode == SampleDefault && p.Def.Field != nil || i == fillFirst
		if !include {
			continue
		}
		count := p.Min
		switch {
		case mode == SampleFull && p.array():
			count = max(count, 2)
		case mode != SampleMinimal:
			count = max(count, 1)
		}
		if p.Max != fim.Unbounded && count > p.Max {
			count = p.Max
		}
		sp := sprop{p: p}
		for i := 0; i < count; i++ {
			var v any
			var err error
			if p.Def.Group != nil {
				v, err = m.sampleObject(p.Def.Props, mode, depth+1)
			} else {
				v, err = m.sampleValue(p.Def)
			}
			if err != nil {
				var se *SampleError
				if !p.required() && errors.As(err, &se) {
					m.warn(p.Def.Common.Identifier.ID, "left out of the sample: %s", se.Reason)
					sp.vals = nil
					break
				}
				return nil, err
			}
			sp.vals = append(sp.vals, v)
		}
		if len(sp.vals) > 0 || p.required() && p.array() {
			n.props = append(n.props, sp)
		}
	}
	return n, nil
}

// sampleValue returns a value for a field: its default, the first code,
// a realistic value for well-known fields, or one generated from the
// constraints.
func (m *model) sampleValue(d *def) (any, error) {
	id := d.Common.Identifier.ID
	if d.Kind == kFile {
		f := sfile{name: "nachweis.pdf", mediaType: "application/pdf", content: "SGFsbG8gV2VsdA=="}
		if mts := d.Field.MediaTypes; len(mts) > 0 {
			f.mediaType = mts[0]
			if i := strings.LastIndexByte(mts[0], '/'); i >= 0 {
				f.name = "nachweis." + mts[0][i+1:]
			}
		}
		return f, nil
	}
	var cands []string
	if d.Default != "" {
		cands = append(cands, d.Default)
	}
	if len(d.Codes) > 0 {
		cands = append(cands, d.Codes[0].Code)
	}
	switch d.Kind {
	case kBoolean:
		cands = append(cands, "true")
	case kInteger, kNumber:
		cands = append(cands, numberCandidates(d)...)
	case kString:
		switch d.Format {
		case "date":
			cands = append(cands, "2024-05-17")
		case "time":
			cands = append(cands, "09:30:00Z")
		case "date-time":
			cands = append(cands, "2024-05-17T09:30:00Z")
		default:
			cands = append(cands, textCandidates(d)...)
		}
	}
	for _, c := range cands {
		if ok, _ := m.valueOK(d, c); ok {
			return c, nil
		}
	}
	if d.Kind == kString && d.Format == "" && len(d.Codes) == 0 {
		lo, hi := 0, -1
		if d.MinLength != nil {
			lo = *d.MinLength
		}
		if d.MaxLength != nil {
			hi = *d.MaxLength
		}
		if d.Pattern != nil {
			if s, ok := d.Pattern.Generate(lo, hi); ok {
				return s, nil
			}
		}
	}
	_, why := m.valueOK(d, firstOr(cands))
	return nil, &SampleError{Element: id, Reason: constraintSummary(d, why)}
}

func firstOr(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

func constraintSummary(d *def, why string) string {
	var parts []string
	if d.MinLength != nil {
		parts = append(parts, fmt.Sprintf("minLength %d", *d.MinLength))
	}
	if d.MaxLength != nil {
		parts = append(parts, fmt.Sprintf("maxLength %d", *d.MaxLength))
	}
	if d.Pattern != nil {
		parts = append(parts, fmt.Sprintf("pattern %q", d.Pattern.Source))
	}
	if d.Minimum != "" {
		parts = append(parts, "minValue "+d.Minimum)
	}
	if d.Maximum != "" {
		parts = append(parts, "maxValue "+d.Maximum)
	}
	if len(parts) == 0 {
		return why
	}
	return strings.Join(parts, ", ")
}

func numberCandidates(d *def) []string {
	var out []string
	// the label decides before the technical name ("Tag" in a group
	// named "Geburtsjahr teilweise")
	for _, text := range []string{d.Common.Label(), d.Common.Name} {
		for _, w := range words(text) {
			switch v := strings.ToLower(w); {
			case v == "tag" || strings.HasSuffix(v, "tag"):
				out = append(out, "17")
			case strings.Contains(v, "monat"):
				out = append(out, "5")
			case strings.Contains(v, "jahr"):
				out = append(out, "2024")
			case strings.Contains(v, "anzahl"):
				out = append(out, "2")
			}
		}
	}
	if d.Currency {
		out = append(out, "100.5")
	}
	out = append(out, "1")
	// the middle of the range, then its ends
	lo, okLo := new(big.Rat).SetString(d.Minimum)
	hi, okHi := new(big.Rat).SetString(d.Maximum)
	if d.Minimum != "" && d.Maximum != "" && okLo && okHi {
		mid := new(big.Rat).Add(lo, hi)
		mid.Quo(mid, big.NewRat(2, 1))
		if d.Kind == kInteger {
			q := new(big.Int).Quo(mid.Num(), mid.Denom())
			mid.SetInt(q)
		}
		out = append(out, canonDecimal(mid))
	}
	if d.Minimum != "" && okLo {
		if d.Kind == kInteger && !lo.IsInt() {
			c := new(big.Int).Quo(lo.Num(), lo.Denom())
			c.Add(c, big.NewInt(1))
			out = append(out, c.String())
		}
		out = append(out, d.Minimum)
	}
	if d.Maximum != "" && okHi {
		if d.Kind == kInteger && !hi.IsInt() {
			c := new(big.Int).Quo(hi.Num(), hi.Denom())
			out = append(out, c.String())
		}
		out = append(out, d.Maximum)
	}
	return out
}

// knownValues are realistic values for common FIM fields, chosen by words
// of the field's name or label.
var knownValues = []struct {
	words []string
	value string
}{
	{[]string{"email", "mail", "emailadresse"}, "max.mustermann@example.org"},
	{[]string{"postleitzahl", "plz"}, "10115"},
	{[]string{"vorname", "vornamen", "rufname"}, "Max"},
	{[]string{"familienname", "nachname", "geburtsname", "name", "zuname"}, "Mustermann"},
	{[]string{"strasse", "straße"}, "Musterstraße"},
	{[]string{"hausnummer"}, "12"},
	{[]string{"ort", "wohnort", "stadt", "gemeinde", "geburtsort"}, "Berlin"},
	{[]string{"telefon", "telefonnummer", "mobilnummer", "fax", "telefaxnummer"}, "+49 30 1234567"},
	{[]string{"iban"}, "DE02120300000000202051"},
	{[]string{"bic"}, "BYLADEM1001"},
	{[]string{"staat", "land", "staatsangehoerigkeit"}, "Deutschland"},
	{[]string{"titel", "doktorgrad"}, "Dr."},
	{[]string{"firma", "unternehmen", "betrieb", "firmenname", "arbeitgeber"}, "Muster GmbH"},
	{[]string{"aktenzeichen", "geschaeftszeichen"}, "AZ-2024-0017"},
	{[]string{"anrede"}, "Frau"},
	{[]string{"beruf", "taetigkeit"}, "Ingenieurin"},
	{[]string{"internetadresse", "webseite", "url"}, "https://example.org"},
}

func textCandidates(d *def) []string {
	ws := append(words(d.Common.Name), words(d.Common.Label())...)
	for i := range ws {
		ws[i] = strings.ToLower(ws[i])
	}
	var out []string
	for _, kv := range knownValues {
		for _, w := range kv.words {
			if slices.Contains(ws, transliteration.Get().Replace(w)) {
				out = append(out, kv.value)
				break
			}
		}
	}
	// the label as text, fitted to the length limits
	label := []rune(strings.TrimSpace(d.Common.Label()))
	if len(label) == 0 {
		label = []rune("Beispiel")
	}
	if d.MaxLength != nil && len(label) > *d.MaxLength {
		label = label[:*d.MaxLength]
	}
	for d.MinLength != nil && len(label) < *d.MinLength {
		label = append(label, 'x')
	}
	out = append(out, strings.TrimSpace(string(label)), string(label))
	return out
}

func sampleJSON(n *snode) jobj {
	var o jobj
	for _, sp := range n.props {
		var vs []any
		for _, v := range sp.vals {
			vs = append(vs, jsonValue(sp.p.Def, v))
		}
		if sp.p.array() {
			if vs == nil {
				vs = []any{}
			}
			o.set(sp.p.Key, vs)
		} else {
			o.set(sp.p.Key, vs[0])
		}
	}
	return o
}

func jsonValue(d *def, v any) any {
	switch x := v.(type) {
	case *snode:
		return sampleJSON(x)
	case sfile:
		return jobj{{"filename", x.name}, {"mediaType", x.mediaType}, {"content", x.content}}
	case string:
		switch d.Kind {
		case kInteger, kNumber:
			return jnum(x)
		case kBoolean:
			return x == "true"
		}
		return x
	}
	return nil
}

func writeXMLSample(b *bytes.Buffer, n *snode, depth int) {
	for _, sp := range n.props {
		for _, v := range sp.vals {
			xmlIndent(b, depth)
			b.WriteString("<" + sp.p.Key + ">")
			switch x := v.(type) {
			case *snode:
				if len(x.props) == 0 {
					break
				}
				b.WriteByte('\n')
				writeXMLSample(b, x, depth+1)
				xmlIndent(b, depth)
			case sfile:
				b.WriteByte('\n')
				for _, kv := range [][2]string{{"filename", x.name}, {"mediaType", x.mediaType}, {"content", x.content}} {
					xmlIndent(b, depth+1)
					b.WriteString("<" + kv[0] + ">" + xmlEscape(kv[1]) + "</" + kv[0] + ">\n")
				}
				xmlIndent(b, depth)
			case string:
				b.WriteString(xmlEscape(x))
			}
			b.WriteString("</" + sp.p.Key + ">\n")
		}
	}
}

func xmlIndent(b *bytes.Buffer, depth int) {
	for i := 0; i < depth; i++ {
		b.WriteString("  ")
	}
}

var xmlEscaper = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#13;", "\t", "&#9;", "\n", "&#10;")
}}

func xmlEscape(s string) string { return xmlEscaper.Get().Replace(s) }
