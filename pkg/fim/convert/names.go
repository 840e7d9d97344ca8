package convert

import (
	"strings"
	"time"
	"unicode"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

var transliteration = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
	return strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss", "é", "e", "è", "e", "á", "a", "à", "a")
}}

// words splits a FIM name into ASCII words: umlauts transliterated,
// everything but letters and digits a separator.
func words(s string) []string {
	s = transliteration.Get().Replace(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
}

// technicalName is lowerCamelCase of the words ("Persönliche Angaben" →
// "persoenlicheAngaben"); "" when nothing usable is left.
func technicalName(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return ""
	}
	var b strings.Builder
	for i, w := range ws {
		if i == 0 {
			b.WriteString(strings.ToLower(w[:1]) + w[1:])
		} else {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	out := b.String()
	if out[0] >= '0' && out[0] <= '9' {
		out = "n" + out
	}
	return out
}

// typeName is UpperCamelCase of the words, at most a few words long so
// that generated identifiers stay readable; "" when nothing is left.
func typeName(s string, maxWords int) string {
	ws := words(s)
	if len(ws) > maxWords {
		ws = ws[:maxWords]
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	out := b.String()
	if out != "" && out[0] >= '0' && out[0] <= '9' {
		out = "N" + out
	}
	return out
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func isTime(s string) bool {
	for _, l := range []string{"15:04:05Z07:00", "15:04:05.999999999Z07:00"} {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}

func isDateTime(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

var newlines = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n")
}}

// txt normalises a text of the source for output: CR LF and CR become LF,
// surrounding space is trimmed.
func txt(s string) string { return strings.TrimSpace(newlines.Get().Replace(s)) }

func (d *def) title() string { return txt(d.Common.Label()) }
func (d *def) help() string  { return txt(d.Common.HilfetextEingabe) }
