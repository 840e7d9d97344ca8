package xoev

import (
	"bufio"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/conformance/finding"
)

// maxQuotedValues bounds how many findings QuoteValues looks up.
const maxQuotedValues = 200

// QuoteValues adds the offending value to jacoelho's simple-content
// findings ("invalid simple content: pattern facet failed" becomes
// `invalid simple content "1234X": pattern facet failed`), which the
// validator reports without the value. jacoelho places such a finding at
// the end tag that closes the value, so the value is the text between the
// preceding '>' and that position on the same line; values spanning lines
// or containing markup are left out. r is the message again, read once,
// only up to the last line needed.
func QuoteValues(r io.Reader, fs []finding.Finding) {
	var idx []int
	for i, f := range fs {
		if strings.HasPrefix(f.Message, "invalid simple content: ") && f.Line > 0 && f.Column > 1 && len(idx) < maxQuotedValues {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	slices.SortFunc(idx, func(a, b int) int { return fs[a].Line - fs[b].Line })
	src, _ := utf8Reader(r)
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	line, k := 0, 0
	for k < len(idx) && sc.Scan() {
		line++
		for k < len(idx) && fs[idx[k]].Line == line {
			f := &fs[idx[k]]
			if v, ok := valueBefore(sc.Text(), f.Column); ok {
				f.Message = "invalid simple content " + quote(v) + ": " + strings.TrimPrefix(f.Message, "invalid simple content: ")
			}
			k++
		}
		for k < len(idx) && fs[idx[k]].Line < line {
			k++
		}
	}
}

// valueBefore returns the text between the last '>' before column col
// (1-based, in bytes, as jacoelho counts) and col, when col points at a '<'.
func valueBefore(text string, col int) (string, bool) {
	off := col - 1
	if off >= len(text) || text[off] != '<' || !utf8.ValidString(text[:off]) {
		return "", false
	}
	start := strings.LastIndexByte(text[:off], '>')
	if start < 0 {
		return "", false
	}
	v := text[start+1 : off]
	if strings.ContainsAny(v, "<&") || len(v) > 200 {
		return "", false
	}
	return v, true
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
