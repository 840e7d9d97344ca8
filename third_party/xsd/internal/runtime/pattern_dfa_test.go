package runtime

// ozgctl patch: tests of the pattern DFA against Go's regexp (PATCHES.md).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// checkPatternDFA compares the DFA with regexp on input, as a string and as
// bytes. It reports whether the DFA answered (false: it fell back).
func checkPatternDFA(t testing.TB, re *regexp.Regexp, d *patternDFA, input string) bool {
	t.Helper()
	want := re.MatchString(input)
	got, ok := d.matchString(input)
	if ok && got != want {
		t.Fatalf("pattern %q, input %q (% x): DFA %v, regexp %v", re.String(), input, input, got, want)
	}
	gotBytes, okBytes := d.matchBytes([]byte(input))
	if okBytes && gotBytes != want {
		t.Fatalf("pattern %q, input %q (% x) as bytes: DFA %v, regexp %v", re.String(), input, input, gotBytes, want)
	}
	return ok && okBytes
}

// dfaTestPrograms are Go regexps with the shapes that trip a DFA: alternatives
// that escape the anchors, empty alternatives, assertions in odd places,
// U+FFFD in classes, case folding, classes above U+0800.
var dfaTestPrograms = []string{
	`^(?:a|b)$`,
	`^(?:)$`,
	`^(?:)|()$`,
	`^(?:a)|(b)$`,
	`^(?:a|)|(b)$`,
	`a`,
	`a|^b|c$`,
	`^$`,
	`$^`,
	`^^a$$`,
	`\Aa\z|b`,
	`(?:^|a)b(?:$|c)`,
	`^(?:a*)$`,
	`^(?:(a|ab)(c|bcd)(d*))$`,
	`^(?:[\x{FFFD}]+)$`,
	`^(?:[^a]+)$`,
	`^(?:.*)$`,
	`^(?:(?s).*)$`,
	`^(?:.)$`,
	`^(?:[\x{800}-\x{FFFF}]x|[\x{7FF}-\x{801}]y)$`,
	`^(?:[\x{10000}-\x{10FFFF}]+)$`,
	`^(?:\p{L}+\p{Nd}*)$`,
	`^(?:\p{Greek}|\p{Han}|[^\p{L}])*$`,
	`^(?i:straße|ǅ|k)$`,
	`^(?:(?i)[a-z]+)$`,
	`^(?:M\x{302}|N\x{302}|[A-Z])+$`,
	`^(?:a{2,5}b{0,3})$`,
	`^(?:(ab|a)*b)$`,
	`(a|b)*abb`,
	`^(?:x*)`,
	`(?:y*)$`,
	`^(?:[a-c]|\x{FFFD}|\x{10FFFF})*$`,
}

var dfaTestAlphabet = []string{
	"", "a", "b", "c", "d", "x", "y", "K", "\u212a", "ß", "ǅ", "ǆ",
	"\n", "0", "M", "\u0302", "\u07ff", "\u0800", "\U00010000",
	"\U0010ffff", "\ufffd", "\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	"α", "漢",
}

func TestPatternDFAMatchesRegexpOnSmallInputs(t *testing.T) {
	t.Parallel()
	for _, source := range dfaTestPrograms {
		re := regexp.MustCompile(source)
		d := newPatternDFA(re)
		if !d.usable() {
			t.Fatalf("pattern %q: DFA not usable", source)
		}
		// Every string of up to three alphabet entries.
		for _, a := range dfaTestAlphabet {
			for _, b := range dfaTestAlphabet {
				for _, c := range dfaTestAlphabet {
					if !checkPatternDFA(t, re, d, a+b+c) {
						t.Fatalf("pattern %q: DFA fell back", source)
					}
				}
			}
		}
		for _, input := range []string{
			strings.Repeat("ab", 100) + "b", strings.Repeat("a", 1000), strings.Repeat("\xff", 50),
			"straße", "STRASSE", "Straße",
		} {
			checkPatternDFA(t, re, d, input)
		}
	}
}

func TestPatternDFALeavesUnsupportedAssertionsToRegexp(t *testing.T) {
	t.Parallel()
	for _, source := range []string{`\bword\b`, `^(?:a\B)$`, `(?m)^a$`, `^(?:a)$(?m:^b)`} {
		re := regexp.MustCompile(source)
		d := newPatternDFA(re)
		if d.usable() {
			t.Fatalf("pattern %q: DFA claims to support it", source)
		}
		if _, ok := d.matchString("word"); ok {
			t.Fatalf("pattern %q: DFA answered", source)
		}
		read := stringPatternRead{re: re, dfa: d}
		for _, input := range []string{"word", "a word", "a", "a\nb", ""} {
			if got, want := read.matchString(input), re.MatchString(input); got != want {
				t.Fatalf("pattern %q, input %q: %v, want %v", source, input, got, want)
			}
		}
	}
}

func TestPatternDFAFallsBackPastItsBudget(t *testing.T) {
	t.Parallel()
	// (a|b)*a(a|b){12} needs 2^13 states.
	re := regexp.MustCompile(`^(?:(a|b)*a(a|b){12})$`)
	d := newPatternDFA(re)
	d.maxStates = 64
	read := stringPatternRead{re: re, dfa: d}
	input := "abbabababbbabababbbbaaabababbbabbababaaabbbbabab"
	for i := range len(input) {
		if got, want := read.matchString(input[i:]), re.MatchString(input[i:]); got != want {
			t.Fatalf("input %q: %v, want %v", input[i:], got, want)
		}
	}
	if d.usable() {
		t.Fatal("DFA still usable past its state budget")
	}
	if len(d.states) > 64 {
		t.Fatalf("DFA built %d states, budget 64", len(d.states))
	}

	d = newPatternDFA(re)
	d.maxMemory = 4096
	for i := range len(input) {
		checkPatternDFA(t, re, d, input[i:])
	}
	if d.usable() || d.memory > 4096 {
		t.Fatalf("DFA usable %v with %d bytes, budget 4096", d.usable(), d.memory)
	}
}

func TestPatternDFAConcurrentUse(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^(?:(([\t-\n\r -~¡-¬®-ž])|(M\x{302}|N\x{302}|m\x{302}|n\x{302}|D\x{302}|d\x{302}))*)$`)
	d := newPatternDFA(re)
	inputs := []string{
		"Müller-Lüdenscheidt", "M\u0302arie", "x\u0302", "\xff", "", "Ørsted", "漢字",
		strings.Repeat("Straße 1, 12345 Berlin; ", 40), strings.Repeat("n\u0302", 30) + "\u0302",
	}
	want := make([]bool, len(inputs))
	for i, input := range inputs {
		want[i] = re.MatchString(input)
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for round := range 200 {
				i := (w + round) % len(inputs)
				got, ok := d.matchString(inputs[i])
				if ok && got != want[i] {
					t.Errorf("input %q: %v, want %v", inputs[i], got, want[i])
					return
				}
				gotBytes, ok := d.matchBytes([]byte(inputs[i]))
				if ok && gotBytes != want[i] {
					t.Errorf("input %q as bytes: %v, want %v", inputs[i], gotBytes, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	if !d.usable() {
		t.Fatal("DFA fell back")
	}
}

// FuzzPatternDFA compares the DFA with regexp on any Go regexp the fuzzer
// finds, wrapped as the compiler wraps pattern facets and also unwrapped.
func FuzzPatternDFA(f *testing.F) {
	for _, source := range dfaTestPrograms {
		f.Add(source, "ab")
	}
	f.Add(`(\p{Lu}|[\x{300}-\x{36F}])+`, "A\u0301b")
	f.Add(`[^\x00-\x{7F}]{2,}`, "\xff\xfe")
	f.Add(`(?i)k+`, "k\u212aK")
	f.Fuzz(func(t *testing.T, source, input string) {
		if len(source) > 200 || len(input) > 400 {
			return
		}
		for _, wrapped := range []string{source, "^(?:" + source + ")$"} {
			re, err := regexp.Compile(wrapped)
			if err != nil {
				return
			}
			d := newPatternDFA(re)
			d.maxStates = 2_000
			checkPatternDFA(t, re, d, input)
			if utf8.ValidString(input) {
				for i := range input {
					if utf8.RuneStart(input[i]) {
						checkPatternDFA(t, re, d, input[i:])
					}
				}
			}
		}
	})
}

// TestPatternDFAClassesAreCoarsest checks buildClasses against the
// definition of its partition: two runes are in one class exactly when
// every instruction consumes both or neither, and the classes are numbered
// in the order of their first rune. Runes are sampled at every class bound
// of the program and next to it.
func TestPatternDFAClassesAreCoarsest(t *testing.T) {
	t.Parallel()
	sources := append([]string{}, dfaTestPrograms...)
	for _, p := range readDFAInternalTestPatterns(t) {
		sources = append(sources, `^(?:`+p+`)$`)
	}
	for _, source := range sources {
		d := newPatternDFA(regexp.MustCompile(source))
		if !d.usable() {
			continue
		}
		var runes []rune
		var buf [8]rune
		for i := range d.prog.Inst {
			r, ok := instRanges(&d.prog.Inst[i], &buf)
			if !ok {
				continue
			}
			for _, b := range r {
				for _, x := range []rune{b - 1, b, b + 1} {
					if x >= 0 && x <= utf8.MaxRune {
						runes = append(runes, x)
					}
				}
			}
		}
		runes = append(runes, 0, utf8.MaxRune)
		slices.Sort(runes)
		runes = slices.Compact(runes)
		ids := map[string]int{}
		for _, r := range runes {
			var sig strings.Builder
			for i := range d.prog.Inst {
				inst := &d.prog.Inst[i]
				if _, ok := instRanges(inst, &buf); ok && instConsumes(inst, r) {
					sig.WriteByte('1')
				} else {
					sig.WriteByte('0')
				}
			}
			want, seen := ids[sig.String()]
			if !seen {
				want = len(ids)
				ids[sig.String()] = want
			}
			if got := d.classOf(r); got != want {
				t.Fatalf("pattern %q, rune %U: class %d, want %d", source, r, got, want)
			}
		}
		if d.numClasses != len(ids) {
			t.Fatalf("pattern %q: %d classes, want %d", source, d.numClasses, len(ids))
		}
	}
}

// readDFAInternalTestPatterns returns the pattern facets of
// testdata/pattern_dfa/patterns.json.
func readDFAInternalTestPatterns(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pattern_dfa", "patterns.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []struct{ Pattern string }
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(list))
	for _, p := range list {
		out = append(out, p.Pattern)
	}
	return out
}

// BenchmarkPatternDFABuild builds the DFA of each pattern facet of
// testdata/pattern_dfa/patterns.json and its start state from the stored
// program, as after loading a schema from its binary form: the cost the
// first message that meets the patterns pays.
func BenchmarkPatternDFABuild(b *testing.B) {
	var sources, progs []string
	for _, p := range readDFAInternalTestPatterns(b) {
		source := `^(?:` + p + `)$`
		sources = append(sources, source)
		progs = append(progs, string(appendPatternProg(nil, compilePatternProg(source))))
	}
	for b.Loop() {
		for i, source := range sources {
			d := &patternDFA{source: source, progData: progs[i], maxMemory: patternDFAMemoryBudget, maxStates: patternDFAMaxStates}
			if !d.usable() {
				b.Fatalf("pattern %q: no DFA", source)
			}
		}
	}
}
