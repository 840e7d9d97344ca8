package xsdregex

import "testing"

// TestGenerateBounded: nested quantifiers must not make Generate or
// MatchString run away (both have a step budget; a run-away would hit the
// test timeout).
func TestGenerateBounded(t *testing.T) {
	for _, p := range []string{`((a*)*)*b`, `(a|aa|aaa){1,50}c`, `((ab)*(ba)*)*x{3}`, `(((a?){20}){20}){20}z`} {
		re, err := Parse(p)
		if err != nil {
			t.Fatal(err)
		}
		re.Generate(0, 300)
		re.MatchString("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	}
}
