package fim

import (
	"bytes"
	"errors"
	"slices"
	"unicode/utf8"
)

// lineCol is a place to fill: an offset and where its line and column go.
type lineCol struct {
	off       int64
	line, col *int
}

// resolvePositions turns every offset in the document, the findings and the
// error into line and column numbers in one pass over the input.
func (r *reader) resolvePositions(doc *Document, err error) {
	var ps []lineCol
	add := func(p *Pos) { ps = append(ps, lineCol{p.Offset, &p.Line, &p.Column}) }
	addExtra := func(us []Unmapped) {
		for i := range us {
			add(&us[i].Pos)
		}
	}
	addCommon := func(c *Common) {
		add(&c.Pos)
		for i := range c.Relations {
			add(&c.Relations[i].Pos)
		}
		addExtra(c.Extra)
	}
	// Every occurrence of a rule has its own position, also where the
	// rule was written before.
	addRules := func(rs Rules) {
		for i := range rs {
			add(&rs[i].Pos)
		}
	}
	if doc != nil {
		addExtra(doc.Header.Extra)
		addExtra(doc.Extra)
		seen := map[*Datenfeldgruppe]bool{}
		var refs func([]ElementRef)
		refs = func(rs []ElementRef) {
			for i := range rs {
				add(&rs[i].Pos)
				if g := rs[i].Group; g != nil && !seen[g] && doc.GroupByID[g.Identifier] != g {
					// A copy outside the index (a cycle): fill it too.
					seen[g] = true
					addCommon(&g.Common)
					addRules(g.Regeln)
					refs(g.Children)
				}
			}
		}
		if s := doc.Schema; s != nil {
			addCommon(&s.Common)
			if s.Dokumentsteckbrief != nil {
				add(&s.DokumentsteckbriefPos)
			}
			addRules(s.Regeln)
			refs(s.Children)
		}
		if s := doc.Steckbrief; s != nil {
			addCommon(&s.Common)
		}
		if c := doc.Codeliste; c != nil {
			add(&c.Pos)
			add(&c.Ref.Pos)
			addExtra(c.Extra)
		}
		for _, g := range doc.Groups {
			addCommon(&g.Common)
			addRules(g.Regeln)
			refs(g.Children)
		}
		for _, f := range doc.Fields {
			addCommon(&f.Common)
			addRules(f.Regeln)
			if f.Codeliste != nil {
				add(&f.Codeliste.Pos)
			}
			for i := range f.Werte {
				add(&f.Werte[i].Pos)
			}
		}
		for _, rg := range doc.Rules {
			addCommon(&rg.Common)
		}
	}
	for i := range r.findings {
		ps = append(ps, lineCol{r.fOff[i], &r.findings[i].Line, &r.findings[i].Column})
	}
	var re *ReadError
	if err != nil && errors.As(err, &re) && re == r.readErr && r.errOff >= 0 && re.Line == 0 {
		ps = append(ps, lineCol{r.errOff, &re.Line, &re.Column})
	}
	slices.SortFunc(ps, func(a, b lineCol) int {
		switch {
		case a.off < b.off:
			return -1
		case a.off > b.off:
			return 1
		}
		return 0
	})
	data := r.data
	line := 1
	cur, col := int64(0), 1 // col is the column of offset cur
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		cur = 3 // a byte order mark is not a column
	}
	for _, p := range ps {
		if p.off < 0 {
			continue
		}
		off := min(p.off, int64(len(data)))
		if off < cur {
			off = cur
		}
		// Advance over whole lines first.
		for {
			i := bytes.IndexByte(data[cur:off], '\n')
			if i < 0 {
				break
			}
			line++
			cur += int64(i) + 1
			col = 1
		}
		col += utf8.RuneCount(data[cur:off])
		cur = off
		*p.line, *p.col = line, col
	}
}
