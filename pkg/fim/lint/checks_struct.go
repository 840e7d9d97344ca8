package lint

import (
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// Checks on the structure: places, cardinalities, groups, schema and
// Dokumentsteckbrief.

func c1021(p *pass) {
	for _, pl := range p.places {
		if blank(pl.ref.Anzahl.Raw) {
			p.atPlace(pl)
		}
	}
}

func c1046(p *pass) {
	for _, pl := range p.places {
		raw := strings.TrimSpace(pl.ref.Anzahl.Raw)
		if raw == "" {
			continue
		}
		if _, ok := fim.ParseCardinality(raw); !ok {
			p.atPlace(pl, raw)
		}
	}
}

func c1047(p *pass) {
	for _, pl := range p.places {
		raw := strings.TrimSpace(pl.ref.Anzahl.Raw)
		if c, ok := fim.ParseCardinality(raw); ok && c.Max != fim.Unbounded && c.Max < c.Min {
			p.atPlace(pl, raw)
		}
	}
}

func c1139(p *pass) {
	for _, pl := range p.places {
		if f := pl.ref.Field; f != nil && f.Datentyp == fim.DatentypFile && pl.ref.Anzahl.Max != fim.Unbounded {
			p.atPlace(pl, pl.ref.Anzahl.String())
		}
	}
}

func c1026(p *pass) {
	for _, pl := range p.places {
		if pl.cycle {
			p.atPlace(pl)
		}
	}
}

// uniqueContainers returns the containers once per schema or group.
func (r *run) uniqueContainers() []*container {
	seen := map[*fim.Common]bool{}
	var out []*container
	for _, c := range r.conts {
		if !seen[c.common] {
			seen[c.common] = true
			out = append(out, c)
		}
	}
	return out
}

// duplicateChildren reports the second and later places of an element
// (same id and version) among a container's children.
func duplicateChildren(p *pass, c *container) {
	seen := map[fim.Identifier]bool{}
	for _, pl := range c.children {
		id := pl.ref.Identifier()
		if seen[id] {
			p.atPlace(pl)
		}
		seen[id] = true
	}
}

func c1004(p *pass) {
	for _, c := range p.uniqueContainers() {
		if c.kind == fim.KindDatenfeldgruppe {
			duplicateChildren(p, c)
		}
	}
}

func c1025(p *pass) {
	if p.root != nil && p.root.kind == fim.KindDatenschema {
		duplicateChildren(p, p.root)
	}
}

func c1003(p *pass) {
	versions := map[string][]string{}
	first := map[string]*place{}
	var order []string
	for _, pl := range p.places {
		id := pl.ref.Identifier()
		if id.ID == "" {
			continue
		}
		if _, ok := first[id.ID]; !ok {
			first[id.ID] = pl
			order = append(order, id.ID)
		}
		if !slices.Contains(versions[id.ID], id.Version) {
			versions[id.ID] = append(versions[id.ID], id.Version)
		}
	}
	for _, id := range order {
		if vs := versions[id]; len(vs) > 1 {
			slices.Sort(vs)
			for i, v := range vs {
				if v == "" {
					vs[i] = "-"
				}
			}
			p.atPlace(first[id], strings.Join(vs, ", "))
		}
	}
}

// c1013 reports every use of an abstract group or field in a schema or
// group (the catalogue says "Elemente").
func c1013(p *pass) {
	for _, pl := range p.places {
		c := pl.ref.Common()
		if c.Schemaelementart == "ABS" && !(pl.parent.isRoot && pl.parent.kind == fim.KindDatenfeldgruppe && pl.parent.common == c) {
			p.atPlace(pl)
		}
	}
}

// c1022: an abstract or harmonised element used in an RNG group, or
// directly in a Datenschema (which always has its legal basis, so FIM-XSLT
// treats it as legally bound too), needs a bezug on that use. The root
// group of a group message (.0103) is a group like any other: only RNG
// makes it legally bound.
func c1022(p *pass) {
	for _, pl := range p.places {
		key := ""
		switch par := pl.parent; {
		case par.kind == fim.KindDatenschema:
			key = "schema"
		case par.kind == fim.KindDatenfeldgruppe && par.common.Schemaelementart == "RNG":
		default:
			continue
		}
		art := pl.ref.Common().Schemaelementart
		if (art == "ABS" || art == "HAR") && !hasBezug(pl.ref.Bezug) {
			p.atPlaceCase(key, pl)
		}
	}
}

func c1023(p *pass) {
	for _, g := range p.groups() {
		if len(g.Children) == 0 {
			p.at(&g.Common)
		}
	}
}

func c1106(p *pass) {
	for _, g := range p.groups() {
		if len(g.Children) == 1 {
			p.at(&g.Common)
		}
	}
}

func c1078(p *pass) {
	if s := p.doc.Schema; s != nil && len(s.Children) == 0 {
		p.at(&s.Common)
	}
}

func c1042(p *pass) {
	for _, g := range p.groups() {
		if a := strings.TrimSpace(g.Art); a != "" && a != "X" {
			p.at(&g.Common, a)
		}
	}
}

func c1043(p *pass) {
	for _, g := range p.groups() {
		if strings.TrimSpace(g.Art) == "X" && len(g.Children) < 2 {
			p.at(&g.Common)
		}
	}
}

func c1118(p *pass) {
	for _, c := range p.uniqueContainers() {
		if strings.TrimSpace(c.art) != "X" {
			continue
		}
		for _, pl := range c.children {
			if a := pl.ref.Anzahl; a.Min != 0 || a.Max != 1 {
				p.atPlace(pl, a.String())
			}
		}
	}
}

const defaultField = "F60000000001"

func c1094(p *pass) {
	for _, c := range p.uniqueContainers() {
		if len(c.children) < 2 {
			continue
		}
		for _, pl := range c.children {
			if pl.ref.Identifier().ID == defaultField {
				p.atPlace(pl)
			}
		}
	}
}

func c1095(p *pass) {
	for _, pl := range p.places {
		if pl.ref.Identifier().ID == defaultField {
			p.atPlace(pl)
		}
	}
}

func c1007(p *pass) {
	if s := p.doc.Schema; s != nil && (s.Dokumentsteckbrief == nil || blank(s.Dokumentsteckbrief.ID)) {
		p.at(&s.Common)
	}
}

const defaultSteckbrief = "D99000000001"

func c1096(p *pass) {
	if s := p.doc.Schema; s != nil && s.Dokumentsteckbrief != nil && s.Dokumentsteckbrief.ID == defaultSteckbrief {
		p.at(&s.Common)
	}
}

func c1097(p *pass) {
	if s := p.doc.Schema; s != nil && s.Dokumentsteckbrief != nil && s.Dokumentsteckbrief.ID == defaultSteckbrief {
		if n := statusCode(s.Freigabestatus); n >= 4 && n <= 6 {
			p.at(&s.Common)
		}
	}
}

func c1033(p *pass) {
	if s := p.doc.Schema; s != nil {
		switch strings.TrimSpace(s.AbleitungsmodifikationenStruktur) {
		case "0", "1", "2", "3":
		default:
			p.at(&s.Common, s.AbleitungsmodifikationenStruktur)
		}
	}
}

func c1034(p *pass) {
	if s := p.doc.Schema; s != nil {
		switch strings.TrimSpace(s.AbleitungsmodifikationenRepraesentation) {
		case "0", "1":
		default:
			p.at(&s.Common, s.AbleitungsmodifikationenRepraesentation)
		}
	}
}

func c1051(p *pass) {
	if s := p.doc.Schema; s != nil && !hasBezug(s.Bezug) {
		p.at(&s.Common)
	}
}

func c1050(p *pass) {
	if s := p.doc.Schema; s != nil && blank(s.Bezeichnung) {
		p.at(&s.Common)
	}
	if s := p.doc.Steckbrief; s != nil && blank(s.Bezeichnung) {
		p.at(&s.Common)
	}
}

func c1008(p *pass) {
	if s := p.doc.Steckbrief; s != nil && !hasBezug(s.Bezug) {
		p.at(&s.Common)
	}
}

func c1049(p *pass) {
	if s := p.doc.Steckbrief; s != nil && blank(s.Definition) {
		p.at(&s.Common)
	}
}

func c1052(p *pass) {
	if s := p.doc.Steckbrief; s != nil && s.IstAbstrakt != nil && !*s.IstAbstrakt && !hasBezug(s.Bezug) {
		p.at(&s.Common)
	}
}

func c1055(p *pass) {
	s := p.doc.Steckbrief
	if s == nil {
		return
	}
	d := strings.TrimSpace(s.Dokumentart)
	ok := d == "999"
	if len(d) == 3 && d >= "001" && d <= "014" && d[0] == '0' {
		ok = true
	}
	if !ok {
		p.at(&s.Common, s.Dokumentart)
	}
}

func c1092(p *pass) {
	if s := p.doc.Steckbrief; s != nil && s.IstAbstrakt == nil {
		p.at(&s.Common)
	}
}

func c1107(p *pass) {
	if s := p.doc.Steckbrief; s != nil && blank(s.Hilfetext) && blank(s.HilfetextEingabe) {
		p.at(&s.Common)
	}
}

// Relations.

func c1029(p *pass) {
	for _, e := range p.elements() {
		for _, rel := range e.c.Relations {
			switch rel.Praedikat {
			case fim.PraedikatABL, fim.PraedikatERS, fim.PraedikatEQU, fim.PraedikatVKN:
			default:
				p.report(e.c, rel.Pos, "", string(rel.Praedikat))
			}
		}
	}
}

func c1091(p *pass) {
	for _, e := range p.elements() {
		for _, rel := range e.c.Relations {
			if blank(rel.Objekt.ID) {
				p.report(e.c, rel.Pos, "")
			}
		}
	}
}

func c1087(p *pass) {
	n := idDigits(p.doc.SourceVersion)
	for _, e := range p.elements() {
		l := kindLetter.Get()[e.kind]
		for _, rel := range e.c.Relations {
			id := strings.TrimSpace(rel.Objekt.ID)
			if id == "" {
				continue
			}
			if !validID(id, l, n) {
				p.report(e.c, rel.Pos, "", e.c.Identifier.ID, string(rel.Praedikat), id)
			}
		}
	}
}

// Publication and versioning of the tree below the root.

// below returns the groups and fields of the document other than the root.
func (r *run) below() []*fim.Common {
	root := r.doc.Root()
	var out []*fim.Common
	for _, g := range r.groups() {
		if &g.Common != root {
			out = append(out, &g.Common)
		}
	}
	for _, f := range r.fields() {
		if &f.Common != root {
			out = append(out, &f.Common)
		}
	}
	return out
}

func published(p *pass, kind fim.Kind) bool {
	return p.root != nil && p.root.kind == kind && !p.root.common.Veroeffentlichungsdatum.IsZero()
}

// 1127–1130 look below a published schema or group.
var (
	c1127 = inPublished(fim.KindDatenschema, unpublished)
	c1128 = inPublished(fim.KindDatenfeldgruppe, unpublished)
	c1129 = inPublished(fim.KindDatenschema, belowEntwurf)
	c1130 = inPublished(fim.KindDatenfeldgruppe, belowEntwurf)
)

// inPublished returns the check that runs check when the root is of kind
// and has a publication date.
func inPublished(kind fim.Kind, check func(p *pass)) func(p *pass) {
	return func(p *pass) {
		if published(p, kind) {
			check(p)
		}
	}
}

func unpublished(p *pass) {
	for _, c := range p.below() {
		if c.Veroeffentlichungsdatum.IsZero() {
			p.at(c)
		}
	}
}

func belowEntwurf(p *pass) {
	for _, c := range p.below() {
		if n := statusCode(c.Freigabestatus); n == 1 || n == 2 {
			p.at(c, c.Freigabestatus)
		}
	}
}

func c1134(p *pass) {
	if p.root == nil || p.root.common.Identifier.Version != "" {
		return
	}
	nk := nummernkreis(p.root.common.Identifier.ID)
	for _, c := range p.below() {
		if c.Schemaelementart == "RNG" && c.Identifier.Version != "" && nummernkreis(c.Identifier.ID) == nk {
			p.at(c)
		}
	}
}

func c1135(p *pass) {
	seen := map[[2]*fim.Common]bool{}
	for _, c := range p.uniqueContainers() {
		if c.common.Identifier.Version == "" {
			continue
		}
		for _, pl := range c.children {
			cc := pl.ref.Common()
			if cc.Identifier.Version == "" && !seen[[2]*fim.Common{c.common, cc}] {
				seen[[2]*fim.Common{c.common, cc}] = true
				p.atPlace(pl)
			}
		}
	}
}
