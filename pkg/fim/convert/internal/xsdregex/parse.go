// Package xsdregex parses the regular expressions of XML Schema (the
// dialect FIM praezisierung patterns are written in) and writes them out as
// ECMA-262 (for JSON Schema and the HTML form) and as normalised XSD. It
// also matches strings against a parsed expression and generates strings
// that match, so that the sample generator never depends on a regexp
// engine with different semantics.
//
// XSD expressions are implicitly anchored and have no anchors of their own:
// "^" and "$" are ordinary characters. Real FIM exports nevertheless write a
// leading "^" or a trailing "$" meaning an anchor; Parse treats exactly
// those two positions as anchors and drops them (reported in
// [Regexp.StrippedAnchors]), because a literal "$" at the end of an e-mail
// pattern is never what the author meant.
package xsdregex

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// Regexp is a parsed XSD regular expression.
type Regexp struct {
	Source string
	// StrippedAnchors is true when a leading "^" or trailing "$" was read
	// as an anchor and dropped.
	StrippedAnchors bool
	root            *alt
}

// SyntaxError describes where and why an expression does not parse.
type SyntaxError struct {
	Pattern string
	Offset  int
	Msg     string
}

// Error gives the pattern, the offset and what is wrong there.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("pattern %q at offset %d: %s", e.Pattern, e.Offset, e.Msg)
}

type alt struct{ branches []*seq }

type seq struct{ pieces []*piece }

type piece struct {
	lit   rune   // when cls == nil && grp == nil
	cls   *class // a character class (also "." and escapes)
	grp   *alt
	min   int
	max   int // -1 unbounded
	isLit bool
}

// class is a set of characters: the union of items (negated when neg),
// minus sub.
type class struct {
	neg   bool
	items []item
	sub   *class
}

// item is a range lo..hi, or a named set (esc is "d", "D", "w", "W", "s",
// "S", "i", "I", "c", "C", "dot", "p{Lu}", "P{Lu}", "p{IsBasicLatin}" …).
type item struct {
	lo, hi rune
	esc    string
}

type parser struct {
	src string
	pos int
}

// Parse parses an XSD regular expression.
func Parse(src string) (*Regexp, error) {
	re := &Regexp{Source: src}
	s := src
	if strings.HasPrefix(s, "^") {
		s = s[1:]
		re.StrippedAnchors = true
	}
	if strings.HasSuffix(s, "$") && !strings.HasSuffix(s, `\$`) {
		s = s[:len(s)-1]
		re.StrippedAnchors = true
	}
	p := &parser{src: s}
	a, err := p.parseAlt()
	if err != nil {
		err.(*SyntaxError).Pattern = src
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, &SyntaxError{Pattern: src, Offset: p.pos, Msg: "unexpected " + strconv.Quote(p.src[p.pos:p.pos+1])}
	}
	re.root = a
	return re, nil
}

func (p *parser) errf(format string, args ...any) error {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() (rune, int) {
	if p.pos >= len(p.src) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(p.src[p.pos:])
}

func (p *parser) parseAlt() (*alt, error) {
	a := &alt{}
	for {
		s, err := p.parseSeq()
		if err != nil {
			return nil, err
		}
		a.branches = append(a.branches, s)
		r, _ := p.peek()
		if r != '|' {
			return a, nil
		}
		p.pos++
	}
}

func (p *parser) parseSeq() (*seq, error) {
	s := &seq{}
	for {
		r, n := p.peek()
		if r == -1 || r == '|' || r == ')' {
			return s, nil
		}
		pc := &piece{min: 1, max: 1}
		switch r {
		case '(':
			p.pos++
			if strings.HasPrefix(p.src[p.pos:], "?") {
				return nil, p.errf("\"(?\" is not XSD syntax")
			}
			a, err := p.parseAlt()
			if err != nil {
				return nil, err
			}
			if r2, _ := p.peek(); r2 != ')' {
				return nil, p.errf("missing \")\"")
			}
			p.pos++
			pc.grp = a
		case '[':
			c, err := p.parseClassExpr()
			if err != nil {
				return nil, err
			}
			pc.cls = c
		case '.':
			p.pos++
			pc.cls = &class{items: []item{{esc: "dot"}}}
		case '\\':
			it, lit, isLit, err := p.parseEscape(false)
			if err != nil {
				return nil, err
			}
			if isLit {
				pc.lit, pc.isLit = lit, true
			} else {
				pc.cls = &class{items: []item{it}}
			}
		case '?', '*', '+', '{', '}', ']':
			return nil, p.errf("unexpected %q", r)
		default:
			p.pos += n
			pc.lit, pc.isLit = r, true
		}
		if err := p.parseQuantifier(pc); err != nil {
			return nil, err
		}
		s.pieces = append(s.pieces, pc)
	}
}

func (p *parser) parseQuantifier(pc *piece) error {
	r, _ := p.peek()
	switch r {
	case '?':
		pc.min, pc.max = 0, 1
	case '*':
		pc.min, pc.max = 0, -1
	case '+':
		pc.min, pc.max = 1, -1
	case '{':
		end := strings.IndexByte(p.src[p.pos:], '}')
		if end < 0 {
			return p.errf("missing \"}\"")
		}
		body := p.src[p.pos+1 : p.pos+end]
		lo, hi, comma := strings.Cut(body, ",")
		mn, err := strconv.Atoi(lo)
		if err != nil || mn < 0 {
			return p.errf("bad quantifier {%s}", body)
		}
		mx := mn
		if comma {
			if hi == "" {
				mx = -1
			} else if mx, err = strconv.Atoi(hi); err != nil || mx < mn {
				return p.errf("bad quantifier {%s}", body)
			}
		}
		pc.min, pc.max = mn, mx
		p.pos += end
	default:
		return nil
	}
	p.pos++
	if r2, _ := p.peek(); r2 == '?' || r2 == '*' || r2 == '+' || r2 == '{' {
		return p.errf("quantifier after quantifier (lazy or possessive quantifiers are not XSD)")
	}
	return nil
}

// parseEscape reads an escape starting at '\'. It returns either a literal
// rune (single-character escapes) or a class item.
func (p *parser) parseEscape(inClass bool) (it item, lit rune, isLit bool, err error) {
	p.pos++ // '\'
	r, n := p.peek()
	if r == -1 {
		return it, 0, false, p.errf("trailing backslash")
	}
	p.pos += n
	switch r {
	case 'n':
		return it, '\n', true, nil
	case 'r':
		return it, '\r', true, nil
	case 't':
		return it, '\t', true, nil
	case '\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '-', '[', ']', '^':
		return it, r, true, nil
	case '$', '/':
		// Not XSD, but unambiguous and common in exports written for
		// JavaScript; taken as the literal character.
		return it, r, true, nil
	case 's', 'S', 'i', 'I', 'c', 'C', 'd', 'D', 'w', 'W':
		return item{esc: string(r)}, 0, false, nil
	case 'p', 'P':
		if r2, _ := p.peek(); r2 != '{' {
			return it, 0, false, p.errf("\\%c needs {…}", r)
		}
		end := strings.IndexByte(p.src[p.pos:], '}')
		if end < 0 {
			return it, 0, false, p.errf("missing \"}\"")
		}
		name := p.src[p.pos+1 : p.pos+end]
		p.pos += end + 1
		if strings.HasPrefix(name, "Is") {
			if _, ok := blocks.Get()[name[2:]]; !ok {
				return it, 0, false, p.errf("unknown block \\%c{%s}", r, name)
			}
		} else if _, ok := categories[name]; !ok {
			return it, 0, false, p.errf("unknown category \\%c{%s}", r, name)
		}
		return item{esc: string(r) + "{" + name + "}"}, 0, false, nil
	}
	return it, 0, false, p.errf("unknown escape \\%c", r)
}

func (p *parser) parseClassExpr() (*class, error) {
	p.pos++ // '['
	c := &class{}
	if r, _ := p.peek(); r == '^' {
		c.neg = true
		p.pos++
	}
	first := true
	for {
		r, _ := p.peek()
		switch {
		case r == -1:
			return nil, p.errf("missing \"]\"")
		case r == ']' && !first:
			p.pos++
			return c, nil
		case r == '-' && strings.HasPrefix(p.src[p.pos:], "-["):
			if first {
				return nil, p.errf("empty class before subtraction")
			}
			p.pos++
			sub, err := p.parseClassExpr()
			if err != nil {
				return nil, err
			}
			c.sub = sub
			if r2, _ := p.peek(); r2 != ']' {
				return nil, p.errf("subtraction must end the class")
			}
			p.pos++
			return c, nil
		}
		first = false
		if r == '[' {
			return nil, p.errf("unescaped \"[\" in class")
		}
		it, lo, isLit, err := p.classChar()
		if err != nil {
			return nil, err
		}
		if !isLit {
			c.items = append(c.items, it)
			continue
		}
		// range?
		if r2, _ := p.peek(); r2 == '-' && !strings.HasPrefix(p.src[p.pos:], "-[") && !strings.HasPrefix(p.src[p.pos:], "-]") {
			p.pos++
			_, hi, isLit, err := p.classChar()
			if err != nil {
				return nil, err
			}
			if !isLit {
				return nil, p.errf("range ends in a multi-character escape")
			}
			if hi < lo {
				return nil, p.errf("range %q-%q out of order", lo, hi)
			}
			c.items = append(c.items, item{lo: lo, hi: hi})
			continue
		}
		c.items = append(c.items, item{lo: lo, hi: lo})
	}
}

// classChar reads one character of a class, escaped or not: a literal
// (isLit) or the item of a multi-character escape.
func (p *parser) classChar() (it item, lit rune, isLit bool, err error) {
	r, n := p.peek()
	if r == '\\' {
		return p.parseEscape(true)
	}
	p.pos += n
	return item{}, r, true, nil
}

// categories are the Unicode general categories (\p{L}, \p{Nd} …), read
// only.
var categories = unicode.Categories

// blocks are the Unicode blocks FIM and XÖV patterns use, with their
// ranges (the XSD \p{IsX} escapes), made on first use. Others are refused
// at parse time.
var blocks = lazy.Value[map[string][2]rune]{F: func() map[string][2]rune {
	return map[string][2]rune{
		"BasicLatin":                        {0x0000, 0x007F},
		"Latin-1Supplement":                 {0x0080, 0x00FF},
		"LatinExtended-A":                   {0x0100, 0x017F},
		"LatinExtended-B":                   {0x0180, 0x024F},
		"IPAExtensions":                     {0x0250, 0x02AF},
		"SpacingModifierLetters":            {0x02B0, 0x02FF},
		"CombiningDiacriticalMarks":         {0x0300, 0x036F},
		"Greek":                             {0x0370, 0x03FF},
		"Cyrillic":                          {0x0400, 0x04FF},
		"LatinExtendedAdditional":           {0x1E00, 0x1EFF},
		"GeneralPunctuation":                {0x2000, 0x206F},
		"CurrencySymbols":                   {0x20A0, 0x20CF},
		"LetterlikeSymbols":                 {0x2100, 0x214F},
		"NumberForms":                       {0x2150, 0x218F},
		"Arrows":                            {0x2190, 0x21FF},
		"MathematicalOperators":             {0x2200, 0x22FF},
		"CombiningHalfMarks":                {0xFE20, 0xFE2F},
		"AlphabeticPresentationForms":       {0xFB00, 0xFB4F},
		"HalfwidthandFullwidthForms":        {0xFF00, 0xFFEF},
		"CombiningMarksforSymbols":          {0x20D0, 0x20FF},
		"GreekExtended":                     {0x1F00, 0x1FFF},
		"EnclosedAlphanumerics":             {0x2460, 0x24FF},
		"BoxDrawing":                        {0x2500, 0x257F},
		"GeometricShapes":                   {0x25A0, 0x25FF},
		"MiscellaneousSymbols":              {0x2600, 0x26FF},
		"Dingbats":                          {0x2700, 0x27BF},
		"SuperscriptsandSubscripts":         {0x2070, 0x209F},
		"MiscellaneousTechnical":            {0x2300, 0x23FF},
		"ControlPictures":                   {0x2400, 0x243F},
		"Specials":                          {0xFFF0, 0xFFFF},
		"PrivateUse":                        {0xE000, 0xF8FF},
		"CJKUnifiedIdeographs":              {0x4E00, 0x9FFF},
		"Hebrew":                            {0x0590, 0x05FF},
		"Arabic":                            {0x0600, 0x06FF},
		"Armenian":                          {0x0530, 0x058F},
		"Georgian":                          {0x10A0, 0x10FF},
		"CyrillicSupplement":                {0x0500, 0x052F},
		"PhoneticExtensions":                {0x1D00, 0x1D7F},
		"LatinExtended-C":                   {0x2C60, 0x2C7F},
		"LatinExtended-D":                   {0xA720, 0xA7FF},
		"SmallFormVariants":                 {0xFE50, 0xFE6F},
		"OpticalCharacterRecognition":       {0x2440, 0x245F},
		"SupplementalArrows-A":              {0x27F0, 0x27FF},
		"SupplementalArrows-B":              {0x2900, 0x297F},
		"SupplementalMathematicalOperators": {0x2A00, 0x2AFF},
	}
}}

// nameStart and nameChar approximate XML 1.0 (fifth edition) NameStartChar
// and NameChar, the sets behind \i and \c.
var nameStart = []item{
	{lo: ':', hi: ':'}, {lo: 'A', hi: 'Z'}, {lo: '_', hi: '_'}, {lo: 'a', hi: 'z'},
	{lo: 0xC0, hi: 0xD6}, {lo: 0xD8, hi: 0xF6}, {lo: 0xF8, hi: 0x2FF}, {lo: 0x370, hi: 0x37D},
	{lo: 0x37F, hi: 0x1FFF}, {lo: 0x200C, hi: 0x200D}, {lo: 0x2070, hi: 0x218F}, {lo: 0x2C00, hi: 0x2FEF},
	{lo: 0x3001, hi: 0xD7FF}, {lo: 0xF900, hi: 0xFDCF}, {lo: 0xFDF0, hi: 0xFFFD}, {lo: 0x10000, hi: 0xEFFFF},
}

// nameChar is nameStart followed by the characters only NameChar adds.
var nameChar = []item{
	{lo: ':', hi: ':'}, {lo: 'A', hi: 'Z'}, {lo: '_', hi: '_'}, {lo: 'a', hi: 'z'},
	{lo: 0xC0, hi: 0xD6}, {lo: 0xD8, hi: 0xF6}, {lo: 0xF8, hi: 0x2FF}, {lo: 0x370, hi: 0x37D},
	{lo: 0x37F, hi: 0x1FFF}, {lo: 0x200C, hi: 0x200D}, {lo: 0x2070, hi: 0x218F}, {lo: 0x2C00, hi: 0x2FEF},
	{lo: 0x3001, hi: 0xD7FF}, {lo: 0xF900, hi: 0xFDCF}, {lo: 0xFDF0, hi: 0xFFFD}, {lo: 0x10000, hi: 0xEFFFF},
	{lo: '-', hi: '.'}, {lo: '0', hi: '9'}, {lo: 0xB7, hi: 0xB7},
	{lo: 0x300, hi: 0x36F}, {lo: 0x203F, hi: 0x2040},
}
