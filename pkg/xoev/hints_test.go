package xoev

import (
	"bufio"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regular expressions the hand-written scanners of hints.go replace:
// the reference the tests compare them with.
var (
	refXmlnsAttr     = regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)["']`)
	refSchemaLocAttr = regexp.MustCompile(`(?:^|\s)(([A-Za-z_][\w.-]*):schemaLocation\s*=\s*(["'])([^"']*)["'])`)
)

// schemaLocationsByScan lists what nextSchemaLocation finds in tag, as
// offsets in the form of the reference's groups 1, 2 and 4.
func schemaLocationsByScan(tag []byte) [][6]int {
	var out [][6]int
	for from := 0; ; {
		m, ok := nextSchemaLocation(tag, from)
		if !ok {
			return out
		}
		out = append(out, [6]int{m.start, m.end, m.prefixStart, m.prefixEnd, m.valueStart, m.valueEnd})
		from = m.end
	}
}

func schemaLocationsByRegexp(tag []byte) [][6]int {
	var out [][6]int
	for _, m := range refSchemaLocAttr.FindAllSubmatchIndex(tag, -1) {
		out = append(out, [6]int{m[2], m[3], m[4], m[5], m[8], m[9]})
	}
	return out
}

func xsiPrefixesByRegexp(tag []byte) map[string]bool {
	out := map[string]bool{}
	for _, m := range refXmlnsAttr.FindAllSubmatch(tag, -1) {
		if string(m[3]) == xsiNS {
			out[string(m[1])] = true
		}
	}
	return out
}

// checkHintScanners compares the scanners with the regular expressions
// they replace on tag.
func checkHintScanners(t *testing.T, tag []byte) {
	t.Helper()
	if got, want := schemaLocationsByScan(tag), schemaLocationsByRegexp(tag); !slices.Equal(got, want) {
		t.Errorf("%q: schemaLocation matches %v, the regexp finds %v", tag, got, want)
	}
	want := xsiPrefixesByRegexp(tag)
	candidates := []string{"xsi", "x", "nope", ""}
	for _, m := range refXmlnsAttr.FindAllSubmatch(tag, -1) {
		candidates = append(candidates, string(m[1]))
	}
	for _, p := range candidates {
		if got := bindsXSI(tag, []byte(p)); got != want[p] {
			t.Errorf("%q: bindsXSI(%q) = %v, the regexp finds the xsi prefixes %v", tag, p, got, want)
		}
	}
	if got, want := countFields(tag), len(strings.Fields(string(tag))); got != want {
		t.Errorf("%q: %d fields, strings.Fields finds %d", tag, got, want)
	}
}

var hintScannerCases = []string{
	`<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:a a.xsd">`,
	"<a xsi:schemaLocation = \n 'urn:a a.xsd urn:b b.xsd'>",
	`<a xsi:schemaLocation="a.xsd">`,
	`<a xsi:schemaLocation="">`,
	`<a xsi:noNamespaceSchemaLocation="a.xsd">`,
	`<a xsi:schemaLocation=a.xsd>`,
	`<a p:schemaLocation="a b x:schemaLocation=" c d">`,
	`<a xsi:schemaLocation="urn:a a.xsd" q:schemaLocation="x">`,
	// at the very start: ^ instead of white space
	`xsi:schemaLocation="a"`,
	` xsi:schemaLocation="a"`,
	`:schemaLocation="a"`,
	// the prefix must follow white space and start with [A-Za-z_]
	`<a x.y-z_1:schemaLocation="a" _p:schemaLocation="b">`,
	`<a 1x:schemaLocation="a">`,
	`<a -x:schemaLocation="a">`,
	`<a"x:schemaLocation="a">`,
	`<a	x:schemaLocation="a"` + "\fy:schemaLocation='b'>",
	`<a a:b:schemaLocation="a">`,
	// the value ends at the first quote of either kind
	`<a x:schemaLocation="it's a b">`,
	`<a x:schemaLocation='a b"c'>`,
	// matches next to each other: the second needs its own white space
	`<a x:schemaLocation="a"y:schemaLocation="b" z:schemaLocation="c">`,
	`<a x:schemaLocation="a" y:schemaLocation="b">`,
	// broken ones before a good one
	`<a x:schemaLocation y:schemaLocation="b">`,
	`<a x:schemaLocation= y:schemaLocation="b">`,
	`<a x:schemaLocation="unclosed y:schemaLocation="b">`,
	`<a x:schemaLocation:schemaLocation="b">`,
	`<a x:schemaLocationx:schemaLocation="b">`,
	// the namespace declarations, loosely read too
	`<a xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:i = "http://www.w3.org/2001/XMLSchema-instance">`,
	`<a fooxmlns:p="http://www.w3.org/2001/XMLSchema-instance" xmlns:q="x">`,
	`<a xmlns:1p="http://www.w3.org/2001/XMLSchema-instance" xmlns:xmlns:r="http://www.w3.org/2001/XMLSchema-instance">`,
	`<a xmlns:p="xmlns:q='http://www.w3.org/2001/XMLSchema-instance'">`,
	`<a xmlns:p="http://www.w3.org/2001/XMLSchema-instance`,
	`<a xmlns:p.q-r="http://www.w3.org/2001/XMLSchema-instance" xmlns:="x" xmlns:s`,
	// entries split by other white space
	"<a x:schemaLocation=\"a\u00a0b\u2003c\v d\">",
	"<a x:schemaLocation=\"\xff \xc2\">",
}

// FuzzHintScanners: the scanners find what the regular expressions did; go test runs it on
// the cases of hintScannerCases.
func FuzzHintScanners(f *testing.F) {
	for _, tc := range hintScannerCases {
		f.Add([]byte(tc))
	}
	f.Fuzz(func(t *testing.T, tag []byte) {
		checkHintScanners(t, tag)
	})
}

// TestBlankOddSchemaLocation: the odd value is blanked out, byte for byte
// (line breaks kept), the rest of the message is read through unchanged.
func TestBlankOddSchemaLocation(t *testing.T) {
	for _, tc := range []struct {
		doc, blanked string // blanked: the attribute that goes
		line         int    // of the warning; 0: none
	}{
		{`<?xml version="1.0"?>` + "\n" + `<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:a` + "\r\n" + `a.xsd b"><b/></a>`,
			`xsi:schemaLocation="urn:a` + "\r\n" + `a.xsd b"`, 2},
		{`<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:a a.xsd"><b/></a>`, "", 0},
		// an odd value under a prefix that is not XSI's stays
		{`<a xmlns:p="urn:p" p:schemaLocation="x"><b/></a>`, "", 0},
		// the first odd XSI one goes
		{`<a xmlns:i="http://www.w3.org/2001/XMLSchema-instance" p:schemaLocation="x" i:schemaLocation="y" i:schemaLocation="z"/>`,
			`i:schemaLocation="y"`, 1},
	} {
		want := tc.doc
		if tc.blanked != "" {
			spaces := strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' {
					return r
				}
				return ' '
			}, tc.blanked)
			want = strings.Replace(want, tc.blanked, spaces, 1)
		}
		// A small buffer: the message goes on past what is peeked.
		doc := tc.doc + strings.Repeat("<!-- tail -->", 100)
		r := bufio.NewReaderSize(strings.NewReader(doc), 512)
		f, ok := blankOddSchemaLocation(r)
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want+strings.Repeat("<!-- tail -->", 100) {
			t.Errorf("%s: read\n%s\nwant\n%s", tc.doc, got, want)
		}
		switch {
		case tc.line == 0 && ok:
			t.Errorf("%s: warning %+v, want none", tc.doc, f)
		case tc.line != 0 && (!ok || f.Line != tc.line):
			t.Errorf("%s: warning %+v, want one at line %d", tc.doc, f, tc.line)
		}
	}
}
