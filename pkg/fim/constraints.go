package fim

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// readConstraintAttrs takes the XDatenfelder 3.0.0 attribute form of
// praezisierung.
func (r *reader) readConstraintAttrs(el *element, f *Datenfeld) {
	for _, a := range el.attrs {
		if a.prefix != "" {
			continue
		}
		r.setConstraint(&f.Praezisierung, a.local, strings.TrimSpace(a.value), el, f, false)
	}
}

// setConstraint sets one constraint; it reports false for an unknown key.
func (r *reader) setConstraint(c *Constraints, key, v string, el *element, f *Datenfeld, fromJSON bool) bool {
	switch key {
	case "minLength", "maxLength":
		if v == "" {
			return true
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			r.addFinding(ruleInvalidValue, finding.Warning, el.off, &f.Common, "",
				msgReadPraezisierungIsNotA.With(key, v))
			return true
		}
		if key == "minLength" {
			c.MinLength = &n
		} else {
			c.MaxLength = &n
		}
	case "minValue", "maxValue":
		if v == "" {
			return true
		}
		if !isDecimal(v) {
			r.addFinding(ruleInvalidValue, finding.Warning, el.off, &f.Common, "",
				msgReadPraezisierungIsNotA2.With(key, v))
		}
		if key == "minValue" {
			c.MinValue = &v
		} else {
			c.MaxValue = &v
		}
	case "pattern":
		if fromJSON {
			if fixed, ok := undoubleEscape(v); ok {
				r.addFinding(rulePatternEscaping, finding.Warning, el.off, &f.Common, "",
					msgReadPatternIsEscapedTwice.With(v, fixed))
				v = fixed
			}
		}
		c.Pattern = v
	default:
		return false
	}
	return true
}

// isDecimal reports whether s is an xs:decimal literal.
func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// undoubleEscape turns a pattern whose backslashes all come in pairs before
// an escape character ("\\\\d") into the once-escaped form ("\\d").
func undoubleEscape(p string) (string, bool) {
	if !strings.Contains(p, `\\`) {
		return p, false
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '\\' {
			b.WriteByte(p[i])
			continue
		}
		if i+2 >= len(p) || p[i+1] != '\\' || p[i+2] == '\\' {
			return p, false
		}
		if !strings.ContainsRune(`.dDwWsSpPnrtiIcC{}[]()+*?^$|/-`, rune(p[i+2])) {
			return p, false
		}
		b.WriteByte('\\')
		i++
	}
	return b.String(), true
}

// parsePraezisierung reads the XDatenfelder 2.0 text form: a JSON object,
// in practice with string values.
func (r *reader) parsePraezisierung(text string, el *element, f *Datenfeld) {
	raw := strings.TrimSpace(text)
	if raw == "" {
		return
	}
	f.Praezisierung.Raw = raw
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil || m == nil {
		r.addFinding(rulePraezisierungJSON, finding.Warning, el.off, &f.Common, "",
			msgReadPraezisierungIsNotA3.With(short(raw)))
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var v string
		switch x := m[k].(type) {
		case string:
			v = strings.TrimSpace(x)
		case float64:
			v = strconv.FormatFloat(x, 'f', -1, 64)
		case nil:
			continue
		default:
			r.addFinding(rulePraezisierungJSON, finding.Warning, el.off, &f.Common, "",
				msgReadPraezisierungTheValueOf.With(k))
			continue
		}
		if !r.setConstraint(&f.Praezisierung, k, v, el, f, true) {
			r.addFinding(rulePraezisierungJSON, finding.Warning, el.off, &f.Common, "",
				msgReadPraezisierungUnknownKeyKnown.With(k))
		}
	}
}

func short(s string) string {
	if len(s) <= 60 {
		return s
	}
	return s[:57] + "…"
}

// parseDateText parses xs:date, or xs:dateTime when withTime (a plain date is
// accepted there too). Time zones are optional.
func parseDateText(s string, withTime bool) (time.Time, bool) {
	if withTime || strings.IndexByte(s, 'T') >= 0 {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z07:00"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
		if !withTime {
			return time.Time{}, false
		}
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
