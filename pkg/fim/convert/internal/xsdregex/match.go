package xsdregex

import (
	"strings"
	"unicode"
)

func (it item) contains(r rune) bool {
	switch it.esc {
	case "":
		return it.lo <= r && r <= it.hi
	case "d":
		return unicode.Is(unicode.Nd, r)
	case "D":
		return !unicode.Is(unicode.Nd, r)
	case "w":
		return !(unicode.IsPunct(r) || unicode.Is(unicode.Z, r) || unicode.Is(unicode.C, r))
	case "W":
		return unicode.IsPunct(r) || unicode.Is(unicode.Z, r) || unicode.Is(unicode.C, r)
	case "s":
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	case "S":
		return !(r == ' ' || r == '\t' || r == '\n' || r == '\r')
	case "i":
		return inItems(nameStart, r)
	case "I":
		return !inItems(nameStart, r)
	case "c":
		return inItems(nameChar, r)
	case "C":
		return !inItems(nameChar, r)
	case "dot":
		return r != '\n' && r != '\r'
	}
	neg := it.esc[0] == 'P'
	name := it.esc[2 : len(it.esc)-1]
	var in bool
	if strings.HasPrefix(name, "Is") {
		rg := blocks.Get()[name[2:]]
		in = rg[0] <= r && r <= rg[1]
	} else {
		in = unicode.Is(categories[name], r)
	}
	return in != neg
}

func inItems(items []item, r rune) bool {
	for _, it := range items {
		if it.contains(r) {
			return true
		}
	}
	return false
}

func (c *class) contains(r rune) bool {
	in := inItems(c.items, r) != c.neg
	if in && c.sub != nil && c.sub.contains(r) {
		return false
	}
	return in
}

// MatchString reports whether the whole of s matches (XSD semantics).
func (re *Regexp) MatchString(s string) bool {
	rs := []rune(s)
	steps := 0
	return matchAlt(re.root, rs, 0, &steps, func(i int) bool { return i == len(rs) })
}

const stepLimit = 1 << 20

func matchAlt(a *alt, rs []rune, i int, steps *int, k func(int) bool) bool {
	for _, s := range a.branches {
		if matchSeq(s.pieces, rs, i, steps, k) {
			return true
		}
	}
	return false
}

func matchSeq(ps []*piece, rs []rune, i int, steps *int, k func(int) bool) bool {
	if len(ps) == 0 {
		return k(i)
	}
	return matchPiece(ps[0], 0, rs, i, steps, func(j int) bool { return matchSeq(ps[1:], rs, j, steps, k) })
}

// matchPiece matches piece p having already matched n repetitions.
func matchPiece(p *piece, n int, rs []rune, i int, steps *int, k func(int) bool) bool {
	*steps++
	if *steps > stepLimit {
		return false
	}
	// Greedy: try one more repetition first.
	if p.max == -1 || n < p.max {
		more := matchAtom(p, rs, i, steps, func(j int) bool {
			if j == i && n >= p.min {
				return false // empty repetition, no progress
			}
			return matchPiece(p, n+1, rs, j, steps, k)
		})
		if more {
			return true
		}
	}
	return n >= p.min && k(i)
}

func matchAtom(p *piece, rs []rune, i int, steps *int, k func(int) bool) bool {
	switch {
	case p.isLit:
		return i < len(rs) && rs[i] == p.lit && k(i+1)
	case p.cls != nil:
		return i < len(rs) && p.cls.contains(rs[i]) && k(i+1)
	default:
		return matchAlt(p.grp, rs, i, steps, k)
	}
}
