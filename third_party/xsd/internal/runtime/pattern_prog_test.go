package runtime

// ozgctl patch: tests of the encoded pattern program (PATCHES.md).

import (
	"reflect"
	"regexp"
	"testing"
)

func TestPatternProgRoundTrip(t *testing.T) {
	t.Parallel()
	for _, source := range dfaTestPrograms {
		prog := compilePatternProg(source)
		if prog == nil {
			t.Fatalf("pattern %q: no program", source)
		}
		got := decodePatternProg(string(appendPatternProg(nil, prog)))
		if !reflect.DeepEqual(got, prog) {
			t.Fatalf("pattern %q: decoded\n%v\nwant\n%v", source, got, prog)
		}
	}
	if compilePatternProg(`a(`) != nil {
		t.Fatal("a( compiled")
	}
}

func TestPatternProgRefusesDamage(t *testing.T) {
	t.Parallel()
	enc := appendPatternProg(nil, compilePatternProg(`^(?:(?i)[a-z]+|\p{Greek}x*)$`))
	for n := range len(enc) {
		if decodePatternProg(string(enc[:n])) != nil {
			t.Fatalf("a prefix of %d of %d bytes decoded", n, len(enc))
		}
	}
	// Any single changed byte gives nil or a program whose jumps stay
	// inside it and whose rune instructions have their runes.
	for i := range enc {
		for _, v := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			b := []byte(string(enc))
			b[i] = v
			prog := decodePatternProg(string(b))
			if prog == nil {
				continue
			}
			d := &patternDFA{source: "", progData: string(b), maxMemory: patternDFAMemoryBudget, maxStates: patternDFAMaxStates}
			for _, input := range []string{"", "a", "αx", "ZZZ"} {
				d.matchString(input) // must not panic
			}
		}
	}
}

func TestPatternDFAFromStoredProgram(t *testing.T) {
	t.Parallel()
	for _, source := range dfaTestPrograms {
		re := regexp.MustCompile(source)
		d := &patternDFA{source: source, progData: string(appendPatternProg(nil, compilePatternProg(source))),
			maxMemory: patternDFAMemoryBudget, maxStates: patternDFAMaxStates}
		for _, a := range dfaTestAlphabet {
			for _, b := range dfaTestAlphabet {
				if !checkPatternDFA(t, re, d, a+b) {
					t.Fatalf("pattern %q: DFA fell back", source)
				}
			}
		}
		// A damaged program is compiled again from the source.
		d = &patternDFA{source: source, progData: "\xff", maxMemory: patternDFAMemoryBudget, maxStates: patternDFAMaxStates}
		if !checkPatternDFA(t, re, d, "ab") {
			t.Fatalf("pattern %q: DFA of a damaged program fell back", source)
		}
	}
}
