package xoev

import (
	"html"
	"maps"
	"math/rand/v2"
	"regexp"
	"testing"
)

// tagAttrRegexp is the definition parseTag's scanner implements.
var tagAttrRegexp = regexp.MustCompile(`([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

func parseTagRegexp(tag []byte) map[string]string {
	n := 0
	for n < len(tag) && !isSpace(tag[n]) && tag[n] != '/' {
		n++
	}
	attrs := map[string]string{}
	for _, m := range tagAttrRegexp.FindAllSubmatch(tag[n:], -1) {
		v := m[2]
		if v == nil {
			v = m[3]
		}
		attrs[string(m[1])] = html.UnescapeString(string(v))
	}
	return attrs
}

// TestParseTagRegexp holds the attribute scanner to the regular
// expression on real tags and on random strings over the characters that
// matter to it.
func TestParseTagRegexp(t *testing.T) {
	tags := []string{
		`xs:element name="a" type="b"`,
		`xs:import namespace='urn:x' schemaLocation = "x.xsd"/`,
		`xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a&amp;b"`,
		"xs:element\n\tname\r\n=\f\"multi\nline\"",
		`a b="unterminated`,
		`a b=c d="e"`,
		`a ="x" b= 'y' =`,
		`a b="1" b="2"`,
		`a x/="1" y<="2" z>="3"`,
		"a \xff=\"\xfe\" ü='ö'",
		`a`, ``, `/`,
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab= \t\n\f\v\"'/<>&;#x\xc3\xbc")
	for range 20000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		tags = append(tags, string(b))
	}
	for _, tag := range tags {
		_, got := parseTag([]byte(tag))
		if want := parseTagRegexp([]byte(tag)); !maps.Equal(got, want) {
			t.Fatalf("parseTag(%q) = %q, the regexp finds %q", tag, got, want)
		}
	}
}

func FuzzParseTag(f *testing.F) {
	f.Add([]byte(`xs:element name="a" type='b'`))
	f.Fuzz(func(t *testing.T, tag []byte) {
		_, got := parseTag(tag)
		if want := parseTagRegexp(tag); !maps.Equal(got, want) {
			t.Fatalf("parseTag(%q) = %q, the regexp finds %q", tag, got, want)
		}
	})
}
