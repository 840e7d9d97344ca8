package xoev

import (
	"strings"
	"testing"
)

// oddByRegexp reports whether schemaLocAttr finds a value with an odd
// number of entries in tag, whatever its prefix: what
// blankOddSchemaLocation looks at after evenSchemaLocations.
func oddByRegexp(tag []byte) bool {
	for _, m := range schemaLocAttr().FindAllSubmatchIndex(tag, -1) {
		if len(strings.Fields(string(tag[m[8]:m[9]])))%2 != 0 {
			return true
		}
	}
	return false
}

// TestEvenSchemaLocations: the shortcut says "even" only where the
// regexps find no odd value, and says it for the usual root tags.
func TestEvenSchemaLocations(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		even bool
	}{
		{`<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:a a.xsd">`, true},
		{"<a xsi:schemaLocation = \n 'urn:a a.xsd urn:b b.xsd'>", true},
		{`<a xsi:schemaLocation="a.xsd">`, false},
		{`<a xsi:schemaLocation="">`, true},
		{`<a xsi:noNamespaceSchemaLocation="a.xsd">`, true},
		{`<a xsi:schemaLocation=a.xsd>`, false},
		{`<a p:schemaLocation="a b x:schemaLocation=" c d">`, false},
		{`<a xsi:schemaLocation="urn:a a.xsd" q:schemaLocation="x">`, false},
	} {
		got := evenSchemaLocations([]byte(tc.tag))
		if got != tc.even {
			t.Errorf("%s: even = %v, want %v", tc.tag, got, tc.even)
		}
		if got && oddByRegexp([]byte(tc.tag)) {
			t.Errorf("%s: said even where the regexps find an odd value", tc.tag)
		}
	}
}

// FuzzEvenSchemaLocations: never "even" where the regexps find an odd value.
func FuzzEvenSchemaLocations(f *testing.F) {
	f.Add([]byte(`<a xsi:schemaLocation="urn:a a.xsd">`))
	f.Add([]byte(`<a p:schemaLocation="a b x:schemaLocation=" c">`))
	f.Fuzz(func(t *testing.T, tag []byte) {
		if evenSchemaLocations(tag) && oddByRegexp(tag) {
			t.Fatalf("said even where the regexps find an odd value: %q", tag)
		}
	})
}
