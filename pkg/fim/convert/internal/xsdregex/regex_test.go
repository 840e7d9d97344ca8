package xsdregex

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name, in, ecma, xsd string
		match, nomatch      []string
	}{
		{name: "plz", in: "([0]{1}[1-9]{1}|[1-9]{1}[0-9]{1})[0-9]{3}", ecma: "^(?:(?:[0][1-9]|[1-9][0-9])[0-9]{3})$",
			match: []string{"01234", "99999"}, nomatch: []string{"00123", "1234", "123456"}},
		{name: "letters", in: `[\p{L}0-9. ]*`, ecma: `^(?:[\p{L}0-9. ]*)$`, match: []string{"", "Ab 1.", "Ä"}, nomatch: []string{"a-b"}},
		{name: "email with anchor", in: `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{1,63}$`,
			ecma: `^(?:[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{1,63})$`, xsd: `[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{1,63}`,
			match: []string{"a@b.de"}, nomatch: []string{"a@b.de$", "ab.de"}},
		{name: "implicit anchoring", in: "test", ecma: "^(?:test)$", match: []string{"test"}, nomatch: []string{"xtest", "tests"}},
		{name: "digits", in: `\d{2}`, ecma: `^(?:\p{Nd}{2})$`, match: []string{"12", "٣٤"}, nomatch: []string{"1a"}},
		{name: "dot", in: `a.c`, ecma: `^(?:a[^\n\r]c)$`, match: []string{"abc"}, nomatch: []string{"a\nc"}},
		{name: "subtraction", in: `[a-z-[aeiou]]+`, ecma: `^(?:(?:(?![aeiou])[a-z])+)$`, match: []string{"bcd"}, nomatch: []string{"bad"}},
		{name: "name chars", in: `\i\c*`, match: []string{"abc", "_x-1"}, nomatch: []string{"1abc", "-a"}},
		{name: "negated S", in: `[^\S]`, match: []string{" "}, nomatch: []string{"a"}},
		{name: "block", in: `\p{IsBasicLatin}+`, ecma: `^(?:[\u0000-\u007F]+)$`, xsd: `[` + "\x00" + `-` + "\x7f" + `]+`, match: []string{"abc"}, nomatch: []string{"ä"}},
		{name: "escaped dash outside class", in: `a\-b`, ecma: `^(?:a-b)$`, xsd: `a-b`, match: []string{"a-b"}},
		{name: "dollar literal middle", in: `a$b`, ecma: `^(?:a\$b)$`, match: []string{"a$b"}},
		{name: "caret anchor", in: `^ab`, ecma: `^(?:ab)$`, xsd: "ab", match: []string{"ab"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			re, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if tc.ecma != "" && re.ECMA() != tc.ecma {
				t.Errorf("ECMA = %q, want %q", re.ECMA(), tc.ecma)
			}
			if tc.xsd != "" && re.XSD() != tc.xsd {
				t.Errorf("XSD = %q, want %q", re.XSD(), tc.xsd)
			}
			// The XSD form must parse again to the same ECMA form.
			re2, err := Parse(re.XSD())
			if err != nil {
				t.Fatalf("reparse %q: %v", re.XSD(), err)
			}
			if re2.ECMA() != re.ECMA() {
				t.Errorf("reparse ECMA = %q, want %q", re2.ECMA(), re.ECMA())
			}
			var goRE *regexp.Regexp
			if !re.needsLookahead() {
				g := strings.ReplaceAll(re.ECMA(), `\u{`, `\x{`)
				g = regexp.MustCompile(`\\u([0-9A-F]{4})`).ReplaceAllString(g, `\x{$1}`)
				goRE = regexp.MustCompile(g)
			}
			for _, s := range tc.match {
				if !re.MatchString(s) {
					t.Errorf("%q should match", s)
				}
				if goRE != nil && !goRE.MatchString(s) {
					t.Errorf("ECMA form (as RE2) should match %q", s)
				}
			}
			for _, s := range tc.nomatch {
				if re.MatchString(s) {
					t.Errorf("%q should not match", s)
				}
				if goRE != nil && goRE.MatchString(s) {
					t.Errorf("ECMA form (as RE2) should not match %q", s)
				}
			}
			if s, ok := re.Generate(0, -1); !ok || !re.MatchString(s) {
				t.Errorf("Generate = %q, %v", s, ok)
			}
		})
	}
}

func TestGenerateLengths(t *testing.T) {
	tests := []struct {
		in     string
		lo, hi int
		ok     bool
	}{
		{`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{1,63}$`, 6, 254, true},
		{`([0]{1}[1-9]{1}|[1-9]{1}[0-9]{1})[0-9]{3}`, 5, 5, true},
		{`[\p{L}0-9. ]*`, 1, 2, true},
		{`test`, 0, 1, false},
		{`(ab){2,3}`, 5, 6, true},
	}
	for _, tc := range tests {
		re, err := Parse(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		s, ok := re.Generate(tc.lo, tc.hi)
		n := len([]rune(s))
		if ok != tc.ok || ok && (n < tc.lo || n > tc.hi || !re.MatchString(s)) {
			t.Errorf("Generate(%q, %d, %d) = %q, %v", tc.in, tc.lo, tc.hi, s, ok)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, in := range []string{"(a", "a)", "[a", "a{2,1}", "(?:a)", `\q`, `\p{IsNoSuchBlock}`, "a**", "[z-a]"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) succeeded", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a", `[\p{L}0-9. ]*`, `[a-z-[aeiou]]`, `(a|b){1,3}`, `\i\c*`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		re, err := Parse(s)
		if err != nil {
			return
		}
		_ = re.ECMA()
		if g, ok := re.Generate(0, 20); ok && !re.MatchString(g) {
			t.Fatalf("generated %q does not match %q", g, s)
		}
	})
}

// needsLookahead reports whether the ECMA form uses lookahead (character
// class subtraction or a negated set that ECMA cannot put in a class);
// RE2-based validators such as Go's regexp reject those.
func (re *Regexp) needsLookahead() bool {
	return strings.Contains(re.ECMA(), "(?!")
}

// TestNameChar: nameChar is nameStart and then what NameChar adds.
func TestNameChar(t *testing.T) {
	if len(nameChar) <= len(nameStart) || !slices.Equal(nameChar[:len(nameStart)], nameStart) {
		t.Errorf("nameChar does not start with nameStart")
	}
}
