package runtime_test

// ozgctl patch: differential test of the pattern DFA against Go's regexp on
// the pattern facets of real schemas (PATCHES.md). The patterns of the shared
// corpus are copied to testdata/pattern_dfa; when the corpus itself is found
// ($OZGCTL_CORPUS or a shared/corpus directory above the working directory)
// every pattern facet of its schemas and every value of its XÖV messages are
// used as well.

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jacoelho/xsd/internal/compile"
	"github.com/jacoelho/xsd/internal/runtime"
)

type dfaCorpusPattern struct {
	Schema  string `json:"schema"`
	Type    string `json:"type"`
	Pattern string `json:"pattern"`
}

func TestPatternDFAMatchesRegexpOnCorpusPatterns(t *testing.T) {
	t.Parallel()
	patterns := readDFATestPatterns(t)
	values := readDFATestValues(t)
	if corpus := dfaCorpusDir(); corpus != "" {
		patterns = append(patterns, scanCorpusPatterns(t, corpus)...)
		values = append(values, scanCorpusValues(t, filepath.Join(corpus, "xoev"))...)
	} else {
		t.Log("shared/corpus not found (set OZGCTL_CORPUS): testdata patterns and values only")
	}
	seen := make(map[string]bool)
	values = slices.DeleteFunc(values, func(v string) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		return false
	})

	seenPattern := make(map[string]bool)
	var mu sync.Mutex
	var checked, regexpPath, inputs int
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, p := range patterns {
		if seenPattern[p.Pattern] {
			continue
		}
		seenPattern[p.Pattern] = true
		sp, err := compile.CompilePatternFacet(p.Pattern, compile.RegexCategoryCache{})
		if err != nil {
			continue // not a pattern this library compiles
		}
		re := sp.RegexpForTest()
		onRegexpPath := re != nil
		if re == nil {
			// The fast matcher takes it; the DFA must still agree with regexp.
			re = regexp.MustCompile("^(?:" + compile.TranslateXSDRegexToGo(p.Pattern) + ")$")
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			n := diffPatternDFA(t, p, re, values)
			mu.Lock()
			defer mu.Unlock()
			checked++
			inputs += n
			if onRegexpPath {
				regexpPath++
			}
		})
	}
	wg.Wait()
	t.Logf("%d patterns (%d on the regexp path), %d inputs compared", checked, regexpPath, inputs)
	if regexpPath == 0 {
		t.Fatal("no pattern took the regexp path")
	}
}

// diffPatternDFA compares the DFA with regexp on the real values, on values
// generated from the pattern and on mutations of both. It returns the number
// of inputs compared.
func diffPatternDFA(t *testing.T, p dfaCorpusPattern, re *regexp.Regexp, real []string) int {
	t.Helper()
	d := runtime.NewPatternDFAForTest(re)
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		t.Errorf("%s %s: %v", p.Schema, p.Type, err)
		return 0
	}
	rng := rand.New(rand.NewPCG(91379, uint64(len(p.Pattern))))
	interesting := interestingRunes(parsed)
	count := 0
	check := func(input string) bool {
		count++
		want := re.MatchString(input)
		got, ok := d.MatchString(input)
		if !ok {
			t.Errorf("%s %s: the DFA fell back on %q", p.Schema, p.Type, input)
			return false
		}
		if got != want {
			t.Errorf("%s %s (%q): input %q (% x): DFA %v, regexp %v", p.Schema, p.Type, p.Pattern, input, input, got, want)
			return false
		}
		if gotBytes, _ := d.Match([]byte(input)); gotBytes != want {
			t.Errorf("%s %s: input %q as bytes: DFA %v, regexp %v", p.Schema, p.Type, input, gotBytes, want)
			return false
		}
		return true
	}
	for _, v := range real {
		if !check(v) {
			return count
		}
	}
	for i, v := range real {
		if i%8 == 0 && !check(mutate(rng, v, interesting)) {
			return count
		}
	}
	matchedGenerated := 0
	for i := range 400 {
		var b strings.Builder
		generate(rng, parsed, &b, 1+i%40)
		v := b.String()
		if re.MatchString(v) {
			matchedGenerated++
		}
		if !check(v) {
			return count
		}
		for range 3 {
			if !check(mutate(rng, v, interesting)) {
				return count
			}
		}
	}
	if matchedGenerated == 0 {
		t.Errorf("%s %s: no generated value matches", p.Schema, p.Type)
	}
	// Long values: a few kilobytes built from generated pieces, as in the
	// GeoJSON text an XÖV String.Latin element carries.
	for range 4 {
		var b strings.Builder
		for b.Len() < 5000 {
			generate(rng, parsed, &b, 200)
		}
		v := b.String()
		if !check(v) || !check(mutate(rng, v, interesting)) {
			return count
		}
	}
	return count
}

// generate appends a value that mostly matches re; star is the upper bound
// of unbounded repetitions.
func generate(rng *rand.Rand, re *syntax.Regexp, b *strings.Builder, star int) {
	repeat := func(lo, hi int) {
		if hi < 0 {
			hi = lo + star
		}
		n := lo + rng.IntN(hi-lo+1)
		for range n {
			generate(rng, re.Sub[0], b, star)
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && rng.IntN(2) == 0 {
				r = unicode.SimpleFold(r)
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return
		}
		k := rng.IntN(len(re.Rune)/2) * 2
		lo, hi := re.Rune[k], re.Rune[k+1]
		switch rng.IntN(3) {
		case 0:
			b.WriteRune(lo)
		case 1:
			b.WriteRune(hi)
		default:
			b.WriteRune(lo + rng.Int32N(hi-lo+1))
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteRune(rune(' ' + rng.IntN(0x2000)))
	case syntax.OpCapture:
		generate(rng, re.Sub[0], b, star)
	case syntax.OpStar:
		repeat(0, -1)
	case syntax.OpPlus:
		repeat(1, -1)
	case syntax.OpQuest:
		repeat(0, 1)
	case syntax.OpRepeat:
		repeat(re.Min, re.Max)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			generate(rng, sub, b, star)
		}
	case syntax.OpAlternate:
		generate(rng, re.Sub[rng.IntN(len(re.Sub))], b, star)
	}
}

// interestingRunes are the class bounds of re and their neighbours, U+FFFD,
// and runes that sit on the DFA's dense-table and UTF-8 length boundaries.
func interestingRunes(re *syntax.Regexp) []rune {
	out := []rune{0, '\t', '\n', '\r', ' ', 0x7f, 0x80, 0x7ff, 0x800, 0xfffd, 0xffff, 0x10000, unicode.MaxRune, 0x302, 0x301}
	var walk func(*syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		for _, r := range re.Rune {
			out = append(out, r-1, r, r+1)
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(re)
	return slices.DeleteFunc(out, func(r rune) bool { return r < 0 || r > unicode.MaxRune })
}

var invalidUTF8 = []string{"\xff", "\x80", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xef\xbf\xbd"}

// mutate changes v in one to three places: a rune inserted, replaced or
// deleted, an invalid UTF-8 sequence inserted, a piece duplicated, or the
// value cut inside a rune.
func mutate(rng *rand.Rand, v string, interesting []rune) string {
	for range 1 + rng.IntN(3) {
		at := 0
		if len(v) > 0 {
			at = rng.IntN(len(v) + 1)
		}
		// Mostly on a rune boundary; sometimes inside a rune on purpose.
		for rng.IntN(4) != 0 && at < len(v) && !utf8.RuneStart(v[at]) {
			at++
		}
		r := string(interesting[rng.IntN(len(interesting))])
		switch rng.IntN(6) {
		case 0:
			v = v[:at] + r + v[at:]
		case 1:
			_, size := utf8.DecodeRuneInString(v[at:])
			v = v[:at] + r + v[at+size:]
		case 2:
			_, size := utf8.DecodeRuneInString(v[at:])
			v = v[:at] + v[at+size:]
		case 3:
			v = v[:at] + invalidUTF8[rng.IntN(len(invalidUTF8))] + v[at:]
		case 4:
			end := at + rng.IntN(len(v)-at+1)
			v = v[:end] + v[at:]
		default:
			v = v[:at]
		}
	}
	return v
}

func readDFATestPatterns(t testing.TB) []dfaCorpusPattern {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pattern_dfa", "patterns.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []dfaCorpusPattern
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func readDFATestValues(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pattern_dfa", "values.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// dfaCorpusDir finds the shared corpus the way ozgctl's tests do.
func dfaCorpusDir() string {
	if d := os.Getenv("OZGCTL_CORPUS"); d != "" {
		return d
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if st, err := os.Stat(filepath.Join(c, "xoev")); err == nil && st.IsDir() {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

const xsdNamespace = "http://www.w3.org/2001/XMLSchema"

// scanCorpusPatterns returns every xs:pattern facet of the corpus schemas.
func scanCorpusPatterns(t *testing.T, corpus string) []dfaCorpusPattern {
	t.Helper()
	var out []dfaCorpusPattern
	walkXML(t, corpus, ".xsd", func(path string, dec *xml.Decoder) error {
		for {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Space == xsdNamespace && se.Name.Local == "pattern" {
				for _, a := range se.Attr {
					if a.Name.Local == "value" && a.Name.Space == "" {
						out = append(out, dfaCorpusPattern{Schema: path, Pattern: a.Value})
					}
				}
			}
		}
	})
	return out
}

// scanCorpusValues returns the text and attribute values of the XML messages
// under dir, trimmed.
func scanCorpusValues(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	walkXML(t, dir, ".xml", func(_ string, dec *xml.Decoder) error {
		for {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				for _, a := range tok.Attr {
					out = append(out, a.Value)
				}
			case xml.CharData:
				if v := strings.TrimSpace(string(tok)); v != "" {
					out = append(out, v)
				}
			}
		}
	})
	return out
}

func walkXML(t *testing.T, root, ext string, scan func(string, *xml.Decoder) error) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ext) {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		dec := xml.NewDecoder(f)
		dec.Strict = false
		dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
		rel, _ := filepath.Rel(root, path)
		if err := scan(rel, dec); err != nil && !errors.Is(err, io.EOF) {
			t.Logf("%s: %v (skipped from here)", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkPatternDFAMatch matches the values of the corpus (names,
// addresses, codes; ASCII and Latin text with umlauts and other marks)
// against XÖV's DIN SPEC 91379 patterns, the DFA's main work, with the
// states already built.
func BenchmarkPatternDFAMatch(b *testing.B) {
	var dfas []runtime.PatternDFAForTest
	for _, p := range readDFATestPatterns(b) {
		if strings.HasPrefix(p.Type, "datatype") {
			dfas = append(dfas, runtime.NewPatternDFAForTest(regexp.MustCompile(`^(?:`+p.Pattern+`)$`)))
		}
	}
	values := readDFATestValues(b)
	if len(dfas) == 0 || len(values) == 0 {
		b.Fatal("no datatype patterns or values in testdata")
	}
	size := 0
	for _, v := range values {
		size += len(v)
	}
	for _, d := range dfas {
		for _, v := range values {
			d.MatchString(v)
		}
	}
	b.SetBytes(int64(size * len(dfas)))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range dfas {
			for _, v := range values {
				if _, ok := d.MatchString(v); !ok {
					b.Fatal("the DFA fell back to regexp")
				}
			}
		}
	}
}
