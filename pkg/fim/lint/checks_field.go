package lint

import (
	"encoding/json"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

// Checks on fields: feldart and datentyp, praezisierung, inhalt, values.

func feldartsOf(v fim.SourceVersion) []fim.Feldart {
	if v == fim.XDF3 {
		return []fim.Feldart{fim.FeldartInput, fim.FeldartSelect, fim.FeldartLabel, fim.FeldartHidden, fim.FeldartLocked}
	}
	return []fim.Feldart{fim.FeldartInput, fim.FeldartSelect, fim.FeldartLabel}
}

func datentypenOf(v fim.SourceVersion) []fim.Datentyp {
	out := []fim.Datentyp{fim.DatentypText, fim.DatentypDate, fim.DatentypBool, fim.DatentypNum, fim.DatentypNumInt,
		fim.DatentypNumCurrency, fim.DatentypFile, fim.DatentypObj}
	if v == fim.XDF3 {
		out = append(out, fim.DatentypTextLatin, fim.DatentypTime, fim.DatentypDatetime)
	}
	return out
}

func c1027(p *pass) {
	allowed := feldartsOf(p.doc.SourceVersion)
	for _, f := range p.fields() {
		if !contains(allowed, f.Feldart) {
			p.at(&f.Common, string(f.Feldart))
		}
	}
}

func c1028(p *pass) {
	allowed := datentypenOf(p.doc.SourceVersion)
	for _, f := range p.fields() {
		if !contains(allowed, f.Datentyp) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func c1030(p *pass) {
	for _, f := range p.fields() {
		switch f.Vorbefuellung {
		case "keine", "optional", "verpflichtend":
		default:
			p.at(&f.Common, string(f.Vorbefuellung))
		}
	}
}

func isText(d fim.Datentyp) bool { return d == fim.DatentypText || d == fim.DatentypTextLatin }

func c1011(p *pass) {
	for _, f := range p.fields() {
		if f.Feldart == fim.FeldartSelect && f.Datentyp != "" && !isText(f.Datentyp) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func hasLength(f *fim.Datenfeld) bool {
	return f.Praezisierung.MinLength != nil || f.Praezisierung.MaxLength != nil
}

func hasRange(f *fim.Datenfeld) bool {
	return f.Praezisierung.MinValue != nil || f.Praezisierung.MaxValue != nil
}

func c1012(p *pass) {
	for _, f := range p.fields() {
		if (f.Feldart == fim.FeldartSelect || f.Feldart == fim.FeldartLabel) && hasLength(f) {
			p.at(&f.Common)
		}
	}
}

func c1014(p *pass) {
	for _, f := range p.fields() {
		if f.Schemaelementart == "ABS" {
			p.at(&f.Common)
		}
	}
}

func c1015(p *pass) {
	for _, f := range p.fields() {
		if hasLength(f) && f.Datentyp != "" && !isText(f.Datentyp) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func rangeType(d fim.Datentyp) bool {
	switch d {
	case fim.DatentypNum, fim.DatentypNumInt, fim.DatentypNumCurrency, fim.DatentypDate, fim.DatentypTime, fim.DatentypDatetime:
		return true
	}
	return false
}

func c1016(p *pass) {
	for _, f := range p.fields() {
		if hasRange(f) && f.Datentyp != "" && !rangeType(f.Datentyp) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func c1017(p *pass) {
	for _, f := range p.fields() {
		if (f.Codeliste != nil || len(f.Werte) > 0) && f.Feldart != "" && f.Feldart != fim.FeldartSelect {
			p.at(&f.Common, string(f.Feldart))
		}
	}
}

func c1018(p *pass) {
	for _, f := range p.fields() {
		if f.Feldart == fim.FeldartSelect && f.Codeliste == nil && len(f.Werte) == 0 {
			p.at(&f.Common)
		}
	}
}

func c1090(p *pass) {
	for _, f := range p.fields() {
		if f.Feldart == fim.FeldartLabel && f.Datentyp != "" && f.Datentyp != fim.DatentypObj && !isText(f.Datentyp) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func fileOrObj(d fim.Datentyp) bool { return d == fim.DatentypFile || d == fim.DatentypObj }

func c1100(p *pass) {
	for _, f := range p.fields() {
		if fileOrObj(f.Datentyp) && !blank(f.Inhalt) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func c1120(p *pass) {
	for _, f := range p.fields() {
		if fileOrObj(f.Datentyp) && f.Praezisierung.Pattern != "" {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func c1056(p *pass) {
	for _, f := range p.fields() {
		if f.MaxSize != nil && f.Datentyp != fim.DatentypFile {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func c1057(p *pass) {
	for _, f := range p.fields() {
		if len(f.MediaTypes) > 0 && f.Datentyp != fim.DatentypFile {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func c1058(p *pass) {
	for _, f := range p.fields() {
		if f.Codeliste != nil {
			continue
		}
		var keys []string
		for _, kv := range [][2]string{{"codeKey", f.CodeKey}, {"nameKey", f.NameKey}, {"helpKey", f.HelpKey}} {
			if !blank(kv[1]) {
				keys = append(keys, kv[0])
			}
		}
		if len(keys) > 0 {
			p.at(&f.Common, strings.Join(keys, ", "))
		}
	}
}

func c1102(p *pass) {
	for _, f := range p.fields() {
		if f.Feldart == fim.FeldartInput && isText(f.Datentyp) && (f.Praezisierung.MinLength == nil || f.Praezisierung.MaxLength == nil) {
			p.at(&f.Common)
		}
	}
}

func c1103(p *pass) {
	for _, f := range p.fields() {
		switch f.Datentyp {
		case fim.DatentypNum, fim.DatentypNumInt, fim.DatentypNumCurrency, fim.DatentypDate:
		default:
			continue
		}
		if f.Feldart != fim.FeldartSelect && f.Feldart != fim.FeldartLabel && !hasRange(f) {
			p.at(&f.Common, string(f.Datentyp))
		}
	}
}

func c1109(p *pass) {
	for _, f := range p.fields() {
		if f.Feldart == fim.FeldartLabel && blank(f.Inhalt) {
			p.at(&f.Common)
		}
	}
}

// Lengths (praezisierung minLength/maxLength).

// rawLength returns the minLength or maxLength as written in an
// XDatenfelder 2.0 JSON praezisierung, if present.
func rawLength(f *fim.Datenfeld, key string) (string, bool) {
	raw := strings.TrimSpace(f.Praezisierung.Raw)
	if raw == "" || raw[0] != '{' {
		return "", false
	}
	var m map[string]any
	if json.Unmarshal([]byte(raw), &m) != nil {
		return "", false
	}
	v, ok := m[key]
	if !ok || v == nil {
		return "", false
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	b, _ := json.Marshal(v)
	return string(b), true
}

func lengthCheck(p *pass, key string, min int) {
	for _, f := range p.fields() {
		var v *int
		if key == "minLength" {
			v = f.Praezisierung.MinLength
		} else {
			v = f.Praezisierung.MaxLength
		}
		if v != nil {
			if *v < min {
				p.at(&f.Common, strconv.Itoa(*v))
			}
			continue
		}
		if s, ok := rawLength(f, key); ok && s != "" {
			if n, err := strconv.Atoi(s); err != nil || n < min {
				p.at(&f.Common, s)
			}
		}
	}
}

func c1059(p *pass) { lengthCheck(p, "minLength", 0) }
func c1060(p *pass) { lengthCheck(p, "maxLength", 1) }

func c1061(p *pass) {
	for _, f := range p.fields() {
		c := f.Praezisierung
		if c.MinLength != nil && c.MaxLength != nil && *c.MinLength > *c.MaxLength {
			p.at(&f.Common, *c.MinLength, *c.MaxLength)
		}
	}
}

// Values by data type.

var (
	intRE     = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^[+-]?\d+$`) }}
	decimalRE = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`) }}
	timeRE    = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$`) }}
)

// kindOfValue is how values of a data type are written and compared.
type valueKind int

const (
	vkNone valueKind = iota
	vkDecimal
	vkInt
	vkDate
	vkTime
	vkDatetime
	vkBool
)

func valueKindOf(d fim.Datentyp) valueKind {
	switch d {
	case fim.DatentypNum, fim.DatentypNumCurrency:
		return vkDecimal
	case fim.DatentypNumInt:
		return vkInt
	case fim.DatentypDate:
		return vkDate
	case fim.DatentypTime:
		return vkTime
	case fim.DatentypDatetime:
		return vkDatetime
	case fim.DatentypBool:
		return vkBool
	}
	return vkNone
}

func parseTime(s string) (time.Time, bool) {
	if !timeRE.Get().MatchString(s) {
		return time.Time{}, false
	}
	for _, layout := range []string{"15:04:05.999999999Z07:00", "15:04:05.999999999", "15:04Z07:00", "15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func parseDatetime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseValue parses s as a value of kind k; ok is false when it is not one.
// The result orders values of the same kind.
func parseValue(k valueKind, s string) (v *big.Rat, t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	switch k {
	case vkDecimal:
		if !decimalRE.Get().MatchString(s) {
			return nil, t, false
		}
		r, good := new(big.Rat).SetString(s)
		return r, t, good
	case vkInt:
		if !intRE.Get().MatchString(s) {
			return nil, t, false
		}
		r, good := new(big.Rat).SetString(s)
		return r, t, good
	case vkDate:
		tt, err := time.Parse("2006-01-02", s)
		return nil, tt, err == nil && dateRE.Get().MatchString(s)
	case vkTime:
		tt, good := parseTime(s)
		return nil, tt, good
	case vkDatetime:
		tt, good := parseDatetime(s)
		return nil, tt, good
	case vkBool:
		return nil, t, s == "true" || s == "false"
	}
	return nil, t, true
}

// compareValues compares a and b of kind k (both valid).
func compareValues(k valueKind, a, b string) int {
	ra, ta, _ := parseValue(k, a)
	rb, tb, _ := parseValue(k, b)
	if ra != nil && rb != nil {
		return ra.Cmp(rb)
	}
	return ta.Compare(tb)
}

// boundCheck reports minValue (min=true) or maxValue that is not of kind k.
func boundCheck(p *pass, k valueKind, min bool) {
	for _, f := range p.fields() {
		if valueKindOf(f.Datentyp) != k {
			continue
		}
		b := f.Praezisierung.MaxValue
		if min {
			b = f.Praezisierung.MinValue
		}
		if b == nil {
			continue
		}
		if _, _, ok := parseValue(k, *b); !ok {
			p.at(&f.Common, *b)
		}
	}
}

func c1062(p *pass) { boundCheck(p, vkDecimal, true) }
func c1063(p *pass) { boundCheck(p, vkDecimal, false) }
func c1065(p *pass) { boundCheck(p, vkInt, true) }
func c1066(p *pass) { boundCheck(p, vkInt, false) }
func c1067(p *pass) { boundCheck(p, vkDate, true) }
func c1068(p *pass) { boundCheck(p, vkDate, false) }
func c1079(p *pass) { boundCheck(p, vkDatetime, true) }
func c1080(p *pass) { boundCheck(p, vkDatetime, false) }
func c1081(p *pass) { boundCheck(p, vkTime, true) }
func c1082(p *pass) { boundCheck(p, vkTime, false) }

func validBound(k valueKind, b *string) bool {
	if b == nil {
		return false
	}
	_, _, ok := parseValue(k, *b)
	return ok
}

func c1064(p *pass) {
	for _, f := range p.fields() {
		k := valueKindOf(f.Datentyp)
		c := f.Praezisierung
		if k == vkNone || k == vkBool || !validBound(k, c.MinValue) || !validBound(k, c.MaxValue) {
			continue
		}
		if compareValues(k, *c.MinValue, *c.MaxValue) > 0 {
			p.at(&f.Common, *c.MinValue, *c.MaxValue)
		}
	}
}

// inhaltChecked reports whether a field's inhalt is a typed value (not a
// code of a selection and not empty).
func inhaltChecked(f *fim.Datenfeld) bool {
	return !blank(f.Inhalt) && f.Feldart != fim.FeldartSelect && f.Codeliste == nil && len(f.Werte) == 0
}

func inhaltKind(p *pass, kinds ...valueKind) {
	for _, f := range p.fields() {
		k := valueKindOf(f.Datentyp)
		if !inhaltChecked(f) || !contains(kinds, k) {
			continue
		}
		if _, _, ok := parseValue(k, f.Inhalt); !ok {
			p.at(&f.Common, strings.TrimSpace(f.Inhalt))
		}
	}
}

func c1069(p *pass) { inhaltKind(p, vkDecimal) }
func c1070(p *pass) { inhaltKind(p, vkInt) }
func c1071(p *pass) { inhaltKind(p, vkDate) }
func c1077(p *pass) { inhaltKind(p, vkBool) }
func c1083(p *pass) { inhaltKind(p, vkDatetime) }
func c1084(p *pass) { inhaltKind(p, vkTime) }

func inhaltBound(p *pass, min bool) {
	for _, f := range p.fields() {
		k := valueKindOf(f.Datentyp)
		if !inhaltChecked(f) || k == vkNone || k == vkBool {
			continue
		}
		if _, _, ok := parseValue(k, f.Inhalt); !ok {
			continue
		}
		v := strings.TrimSpace(f.Inhalt)
		if min && validBound(k, f.Praezisierung.MinValue) && compareValues(k, v, *f.Praezisierung.MinValue) < 0 {
			p.at(&f.Common, v, *f.Praezisierung.MinValue)
		}
		if !min && validBound(k, f.Praezisierung.MaxValue) && compareValues(k, v, *f.Praezisierung.MaxValue) > 0 {
			p.at(&f.Common, v, *f.Praezisierung.MaxValue)
		}
	}
}

func c1072(p *pass) { inhaltBound(p, true) }
func c1073(p *pass) { inhaltBound(p, false) }

func c1074(p *pass) {
	for _, f := range p.fields() {
		if inhaltChecked(f) && isText(f.Datentyp) && f.Praezisierung.MinLength != nil {
			if n := utf8.RuneCountInString(f.Inhalt); n < *f.Praezisierung.MinLength {
				p.at(&f.Common, n, *f.Praezisierung.MinLength)
			}
		}
	}
}

func c1075(p *pass) {
	for _, f := range p.fields() {
		if inhaltChecked(f) && isText(f.Datentyp) && f.Praezisierung.MaxLength != nil {
			if n := utf8.RuneCountInString(f.Inhalt); n > *f.Praezisierung.MaxLength {
				p.at(&f.Common, n, *f.Praezisierung.MaxLength)
			}
		}
	}
}

// Inline value lists (werte) and resolved code lists.

func c1085(p *pass) {
	for _, f := range p.fields() {
		if len(f.Werte) == 0 || blank(f.Inhalt) {
			continue
		}
		v := strings.TrimSpace(f.Inhalt)
		found := false
		for _, w := range f.Werte {
			if strings.TrimSpace(w.Code) == v {
				found = true
			}
		}
		if !found {
			p.at(&f.Common, v)
		}
	}
}

// listEntries returns the codes and names of a field's value list or
// resolved code list, and where they come from.
func (r *run) listEntries(f *fim.Datenfeld) (codes, names []string, ok bool) {
	if len(f.Werte) > 0 {
		for _, w := range f.Werte {
			codes = append(codes, strings.TrimSpace(w.Code))
			names = append(names, strings.TrimSpace(w.Name))
		}
		return codes, names, true
	}
	cl := r.codeList(f.Codeliste)
	if cl == nil {
		return nil, nil, false
	}
	key := cl.Key
	if !blank(f.CodeKey) && cl.hasColumn(f.CodeKey) {
		key = f.CodeKey
	}
	name := ""
	if !blank(f.NameKey) && cl.hasColumn(f.NameKey) {
		name = f.NameKey
	} else {
		for _, c := range cl.Columns {
			if c != key {
				name = c
				break
			}
		}
	}
	codes = cl.values(key)
	if name != "" {
		names = cl.values(name)
	}
	return codes, names, true
}

func c1044(p *pass) {
	for _, f := range p.fields() {
		if codes, _, ok := p.listEntries(f); ok && len(codes) < 2 {
			p.at(&f.Common, len(codes))
		}
	}
}

func duplicates(vals []string) []string {
	seen := map[string]int{}
	var out []string
	for _, v := range vals {
		if v == "" {
			continue
		}
		seen[v]++
		if seen[v] == 2 {
			out = append(out, v)
		}
	}
	return out
}

func c1045(p *pass) {
	for _, f := range p.fields() {
		if codes, _, ok := p.listEntries(f); ok {
			for _, d := range duplicates(codes) {
				p.at(&f.Common, d)
			}
		}
	}
}

func c1093(p *pass) {
	for _, f := range p.fields() {
		if _, names, ok := p.listEntries(f); ok {
			for _, d := range duplicates(names) {
				p.at(&f.Common, d)
			}
		}
	}
}

func c1076(p *pass) {
	for _, f := range p.fields() {
		if f.Codeliste == nil || len(f.Werte) > 0 || blank(f.Inhalt) {
			continue
		}
		codes, _, ok := p.listEntries(f)
		if !ok {
			continue
		}
		v := strings.TrimSpace(f.Inhalt)
		if !contains(codes, v) {
			p.at(&f.Common, v, f.Codeliste.String())
		}
	}
}

func c1115(p *pass) {
	if p.opts.Codelists == nil {
		return
	}
	for _, f := range p.fields() {
		if f.Codeliste != nil && !blank(f.Codeliste.CanonicalURI) && p.codeList(f.Codeliste) == nil {
			p.report(&f.Common, f.Codeliste.Pos, "", f.Codeliste.String())
		}
	}
}

func c1122(p *pass) {
	for _, f := range p.fields() {
		cl := p.codeList(f.Codeliste)
		if cl == nil {
			continue
		}
		for _, kv := range [][2]string{{"codeKey", f.CodeKey}, {"nameKey", f.NameKey}, {"helpKey", f.HelpKey}} {
			if k := strings.TrimSpace(kv[1]); k != "" && !cl.hasColumn(k) {
				p.at(&f.Common, kv[0], k, strings.Join(cl.Columns, ", "))
			}
		}
	}
}
