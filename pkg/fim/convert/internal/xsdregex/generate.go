package xsdregex

// candidates are the characters tried, in order, as the representative of
// a character class: plain letters and digits first, so that generated
// samples stay readable.
const candidates = "abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "0123456789" +
	" .-_@/,:;+*#'()&äöüßÄÖÜéè"

func (c *class) representative() (rune, bool) {
	for _, r := range candidates {
		if c.contains(r) {
			return r, true
		}
	}
	for r := rune(0x20); r < 0x3000; r++ {
		if c.contains(r) {
			return r, true
		}
	}
	return 0, false
}

const inf = -1

// genLimit bounds the work of one Generate call: nested quantifiers make
// the search exponential, and a sample that cannot be found quickly is
// reported as not found.
const genLimit = 100000

func addLen(a, b int) int {
	if a == inf || b == inf {
		return inf
	}
	return a + b
}

func mulLen(a, n int) int {
	if a == inf || n == inf {
		if a == 0 {
			return 0
		}
		return inf
	}
	return a * n
}

func (a *alt) bounds() (lo, hi int) {
	lo, hi = -2, 0
	for _, s := range a.branches {
		l, h := s.bounds()
		if lo == -2 || l < lo {
			lo = l
		}
		if hi != inf && (h == inf || h > hi) {
			hi = h
		}
	}
	if lo == -2 {
		lo = 0
	}
	return lo, hi
}

func (s *seq) bounds() (lo, hi int) {
	for _, p := range s.pieces {
		l, h := p.bounds()
		lo += l
		hi = addLen(hi, h)
	}
	return lo, hi
}

func (p *piece) atomBounds() (lo, hi int) {
	if p.grp != nil {
		return p.grp.bounds()
	}
	return 1, 1
}

func (p *piece) bounds() (lo, hi int) {
	l, h := p.atomBounds()
	return l * p.min, mulLen(h, p.max)
}

// Generate returns a string that matches the expression and whose length
// in characters lies in [minLen, maxLen] (maxLen < 0: no upper bound). It
// reports false when it finds none.
func (re *Regexp) Generate(minLen, maxLen int) (string, bool) {
	lo, hi := re.root.bounds()
	start := max(lo, minLen)
	end := start + 64
	if hi != inf && hi < end {
		end = hi
	}
	if maxLen >= 0 && maxLen < end {
		end = maxLen
	}
	steps := 0
	for t := start; t <= end && steps <= genLimit; t++ {
		var out []rune
		if genAlt(re.root, t, &out, &steps) {
			s := string(out)
			if re.MatchString(s) {
				return s, true
			}
		}
	}
	return "", false
}

func within(t, lo, hi int) bool { return t >= lo && (hi == inf || t <= hi) }

func genAlt(a *alt, t int, out *[]rune, steps *int) bool {
	if *steps++; *steps > genLimit {
		return false
	}
	for _, s := range a.branches {
		if lo, hi := s.bounds(); within(t, lo, hi) {
			mark := len(*out)
			if genSeq(s.pieces, t, out, steps) {
				return true
			}
			*out = (*out)[:mark]
		}
	}
	return false
}

func genSeq(ps []*piece, t int, out *[]rune, steps *int) bool {
	if *steps++; *steps > genLimit {
		return false
	}
	if len(ps) == 0 {
		return t == 0
	}
	restLo, restHi := (&seq{pieces: ps[1:]}).bounds()
	lo, hi := ps[0].bounds()
	from := lo
	if restHi != inf && t-restHi > from {
		from = t - restHi
	}
	to := t - restLo
	if hi != inf && hi < to {
		to = hi
	}
	for l := from; l <= to; l++ {
		mark := len(*out)
		if genPiece(ps[0], l, out, steps) && genSeq(ps[1:], t-l, out, steps) {
			return true
		}
		*out = (*out)[:mark]
	}
	return false
}

func genPiece(p *piece, l int, out *[]rune, steps *int) bool {
	alo, ahi := p.atomBounds()
	if l == 0 {
		return p.min == 0 || alo == 0 && genAtom(p, 0, out, steps)
	}
	// fewest repetitions that can reach l
	for n := max(p.min, 1); p.max == inf || n <= p.max; n++ {
		if ahi != inf && n*ahi < l {
			continue
		}
		if n*alo > l {
			return false
		}
		mark := len(*out)
		ok := true
		rem := l
		for i := 0; i < n; i++ {
			// give this repetition as much as the rest cannot take
			restMin := (n - i - 1) * alo
			share := rem - restMin
			if ahi != inf && share > ahi {
				share = ahi
			}
			if i == n-1 {
				share = rem
			}
			if !genAtom(p, share, out, steps) {
				ok = false
				break
			}
			rem -= share
		}
		if ok && rem == 0 {
			return true
		}
		*out = (*out)[:mark]
	}
	return false
}

func genAtom(p *piece, l int, out *[]rune, steps *int) bool {
	switch {
	case p.isLit:
		if l != 1 {
			return false
		}
		*out = append(*out, p.lit)
		return true
	case p.cls != nil:
		if l != 1 {
			return false
		}
		r, ok := p.cls.representative()
		if ok {
			*out = append(*out, r)
		}
		return ok
	default:
		return genAlt(p.grp, l, out, steps)
	}
}
