package xsdregex

import (
	"fmt"
	"strings"
)

// ECMA returns the expression in ECMA-262 syntax for the "u" flag,
// anchored with ^(?:…)$ so that it means what the XSD pattern means (JSON
// Schema and JavaScript patterns match anywhere). \d becomes \p{Nd}, \w and
// \W their Unicode category sets, \s the four XML space characters, "." a
// class without CR and LF, \i and \c explicit ranges, blocks their ranges,
// and character class subtraction a negative lookahead.
func (re *Regexp) ECMA() string {
	var b strings.Builder
	b.WriteString("^(?:")
	writeAlt(&b, re.root, ecma)
	b.WriteString(")$")
	return b.String()
}

// A dialect is what the ECMA and XSD writers differ in: how a literal
// outside a class, a class and the start of a group are written.
type dialect struct {
	lit   func(b *strings.Builder, r rune, inClass bool)
	class func(b *strings.Builder, c *class)
	group string
}

var (
	ecma = &dialect{lit: writeLitECMA, class: writeClassECMA, group: "(?:"}
	xsd  = &dialect{lit: writeLitXSD, class: func(b *strings.Builder, c *class) { writeClassXSD(b, c, true) }, group: "("}
)

func writeAlt(b *strings.Builder, a *alt, d *dialect) {
	for i, s := range a.branches {
		if i > 0 {
			b.WriteByte('|')
		}
		for _, p := range s.pieces {
			switch {
			case p.isLit:
				d.lit(b, p.lit, false)
			case p.cls != nil:
				d.class(b, p.cls)
			default:
				b.WriteString(d.group)
				writeAlt(b, p.grp, d)
				b.WriteByte(')')
			}
			writeQuant(b, p)
		}
	}
}

func writeQuant(b *strings.Builder, p *piece) {
	switch {
	case p.min == 1 && p.max == 1:
	case p.min == 0 && p.max == 1:
		b.WriteByte('?')
	case p.min == 0 && p.max == -1:
		b.WriteByte('*')
	case p.min == 1 && p.max == -1:
		b.WriteByte('+')
	case p.max == -1:
		fmt.Fprintf(b, "{%d,}", p.min)
	case p.min == p.max:
		fmt.Fprintf(b, "{%d}", p.min)
	default:
		fmt.Fprintf(b, "{%d,%d}", p.min, p.max)
	}
}

// writeEscaped writes a line feed, carriage return or tab as an escape and
// a rune of special behind a backslash; it reports false, having written
// nothing, for any other rune.
func writeEscaped(b *strings.Builder, r rune, special string) bool {
	switch {
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\t':
		b.WriteString(`\t`)
	case strings.ContainsRune(special, r):
		b.WriteByte('\\')
		b.WriteRune(r)
	default:
		return false
	}
	return true
}

func writeLitECMA(b *strings.Builder, r rune, inClass bool) {
	special := `^$\.*+?()[]{}|/`
	if inClass {
		special = `\]^[-`
	}
	if writeEscaped(b, r, special) {
		return
	}
	switch {
	case r < 0x20 || r == 0x7F || (r >= 0xD800 && r <= 0xDFFF):
		fmt.Fprintf(b, `\u%04X`, r)
	case r > 0xFFFF:
		fmt.Fprintf(b, `\u{%X}`, r)
	default:
		b.WriteRune(r)
	}
}

// inClassECMA returns the text of an item that can stand inside […] in
// ECMA u-mode, or ok=false when it needs an expression of its own.
func inClassECMA(it item) (string, bool) {
	var b strings.Builder
	switch it.esc {
	case "":
		writeLitECMA(&b, it.lo, true)
		if it.hi != it.lo {
			b.WriteByte('-')
			writeLitECMA(&b, it.hi, true)
		}
		return b.String(), true
	case "d":
		return `\p{Nd}`, true
	case "D":
		return `\P{Nd}`, true
	case "w":
		return `\p{L}\p{M}\p{N}\p{S}`, true
	case "W":
		return `\p{P}\p{Z}\p{C}`, true
	case "s":
		return `\t\n\r `, true
	case "i":
		return rangesECMA(nameStart), true
	case "c":
		return rangesECMA(nameChar), true
	case "S", "I", "C", "dot":
		return "", false
	}
	if strings.HasPrefix(it.esc[1:], "{Is") {
		rg := blocks.Get()[it.esc[4:len(it.esc)-1]]
		s := rangesECMA([]item{{lo: rg[0], hi: rg[1]}})
		if it.esc[0] == 'P' {
			return "", false
		}
		return s, true
	}
	return `\` + it.esc, true // \p{Lu}, \P{Lu}
}

func rangesECMA(items []item) string {
	var b strings.Builder
	for _, it := range items {
		s, _ := inClassECMA(it)
		b.WriteString(s)
	}
	return b.String()
}

// negatedECMA is the expression for an item that cannot stand in a class.
func negatedECMA(it item) string {
	switch it.esc {
	case "S":
		return `[^\t\n\r ]`
	case "I":
		return "[^" + rangesECMA(nameStart) + "]"
	case "C":
		return "[^" + rangesECMA(nameChar) + "]"
	case "dot":
		return `[^\n\r]`
	}
	rg := blocks.Get()[it.esc[4:len(it.esc)-1]] // \P{IsX}
	return "[^" + rangesECMA([]item{{lo: rg[0], hi: rg[1]}}) + "]"
}

func writeClassECMA(b *strings.Builder, c *class) {
	if c.sub != nil {
		b.WriteString("(?:(?!")
		writeClassECMA(b, c.sub)
		b.WriteByte(')')
		writeClassECMA(b, &class{neg: c.neg, items: c.items})
		b.WriteByte(')')
		return
	}
	var direct strings.Builder
	var extra []string
	for _, it := range c.items {
		if s, ok := inClassECMA(it); ok {
			direct.WriteString(s)
		} else {
			extra = append(extra, negatedECMA(it))
		}
	}
	if d := direct.String(); len(extra) == 0 && !c.neg && len(c.items) == 1 && isSingleProperty(d) {
		b.WriteString(d) // \p{Nd} needs no brackets
		return
	}
	if len(extra) == 0 {
		b.WriteByte('[')
		if c.neg {
			b.WriteByte('^')
		}
		b.WriteString(direct.String())
		b.WriteByte(']')
		return
	}
	if len(extra) == 1 && direct.Len() == 0 && !c.neg {
		b.WriteString(extra[0])
		return
	}
	var pos strings.Builder
	pos.WriteString("(?:")
	parts := extra
	if direct.Len() > 0 {
		parts = append([]string{"[" + direct.String() + "]"}, extra...)
	}
	pos.WriteString(strings.Join(parts, "|"))
	pos.WriteByte(')')
	if c.neg {
		b.WriteString("(?:(?!" + pos.String() + `)[\s\S])`)
		return
	}
	b.WriteString(pos.String())
}

// XSD returns the expression in normalised XSD syntax (anchors that
// Parse dropped stay dropped). \i, \c and the block escapes are written as
// explicit ranges, since some XSD processors refuse them.
func (re *Regexp) XSD() string {
	var b strings.Builder
	writeAlt(&b, re.root, xsd)
	return b.String()
}

func writeLitXSD(b *strings.Builder, r rune, inClass bool) {
	special := `\.?*+{}()[]|^`
	if inClass {
		special = `\[]^-`
	}
	if !writeEscaped(b, r, special) {
		b.WriteRune(r)
	}
}

func writeItemXSD(b *strings.Builder, it item) {
	switch it.esc {
	case "":
		writeLitXSD(b, it.lo, true)
		if it.hi != it.lo {
			b.WriteByte('-')
			writeLitXSD(b, it.hi, true)
		}
	case "i":
		for _, x := range nameStart {
			writeItemXSD(b, x)
		}
	case "c":
		for _, x := range nameChar {
			writeItemXSD(b, x)
		}
	case "dot":
		b.WriteString(`\n\r`) // only used negated, see writeClassXSD
	default:
		if strings.HasPrefix(it.esc, "p{Is") {
			rg := blocks.Get()[it.esc[4:len(it.esc)-1]]
			writeItemXSD(b, item{lo: rg[0], hi: rg[1]})
			return
		}
		b.WriteByte('\\')
		b.WriteString(it.esc)
	}
}

func writeClassXSD(b *strings.Builder, c *class, top bool) {
	if top && c.sub == nil && !c.neg && len(c.items) == 1 {
		switch it := c.items[0]; {
		case it.esc == "dot":
			b.WriteByte('.')
			return
		case it.esc != "" && it.esc != "i" && it.esc != "c" && !strings.Contains(it.esc, "{Is"):
			b.WriteByte('\\')
			b.WriteString(it.esc)
			return
		}
	}
	b.WriteByte('[')
	if c.neg {
		b.WriteByte('^')
	}
	for _, it := range c.items {
		if it.esc == "dot" {
			// "." cannot appear in a class; [^\n\r] is the same set.
			b.WriteString(`\S\s`)
			continue
		}
		writeItemXSD(b, it)
	}
	if c.sub != nil {
		b.WriteByte('-')
		writeClassXSD(b, c.sub, false)
	}
	b.WriteByte(']')
}

func isSingleProperty(s string) bool {
	return (strings.HasPrefix(s, `\p{`) || strings.HasPrefix(s, `\P{`)) && strings.Count(s, `\`) == 1
}
