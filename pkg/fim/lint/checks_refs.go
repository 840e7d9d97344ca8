package lint

import (
	"regexp"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// Checks on code list references and on rules (regel).

// codeRef is a code list reference with the element that holds it.
type codeRef struct {
	ref *fim.CodelisteRef
	c   *fim.Common
}

func (r *run) codeRefs() []codeRef {
	var out []codeRef
	for _, f := range r.fields() {
		if f.Codeliste != nil {
			out = append(out, codeRef{f.Codeliste, &f.Common})
		}
	}
	if cl := r.doc.Codeliste; cl != nil {
		out = append(out, codeRef{&cl.Ref, nil})
	}
	return out
}

func (p *pass) atRef(cr codeRef, args ...any) {
	path := ""
	if cr.c == nil {
		path = "codeliste"
	}
	p.report(cr.c, cr.ref.Pos, path, args...)
}

func c1040(p *pass) {
	for _, cr := range p.codeRefs() {
		if blank(cr.ref.CanonicalURI) {
			p.atRef(cr)
		}
	}
}

func c1005(p *pass) {
	for _, cr := range p.codeRefs() {
		u := strings.TrimSpace(cr.ref.CanonicalURI)
		if u != "" && !strings.HasPrefix(strings.ToLower(u), "urn:") {
			p.atRef(cr, u)
		}
	}
}

// urnRE is the URN syntax of RFC 8141 restricted to what XÖV uses: ASCII
// only, no spaces.
var urnRE = regexp.MustCompile(`^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#~&]+$`)

func c1048(p *pass) {
	for _, cr := range p.codeRefs() {
		u := strings.TrimSpace(cr.ref.CanonicalURI)
		if strings.HasPrefix(strings.ToLower(u), "urn:") && !urnRE.MatchString(u) {
			p.atRef(cr, u)
		}
	}
}

func c1105(p *pass) {
	for _, cr := range p.codeRefs() {
		v := strings.TrimSpace(cr.ref.Version)
		if v != "" && !isDate(v) {
			p.atRef(cr, v)
		}
	}
}

func c1036(p *pass) {
	refs := p.codeRefs()
	byPair := map[[2]string][]string{}
	byVersionURI := map[string][][2]string{}
	reported := map[*fim.CodelisteRef]bool{}
	for _, cr := range refs {
		pair := [2]string{strings.TrimSpace(cr.ref.CanonicalURI), strings.TrimSpace(cr.ref.Version)}
		vu := strings.TrimSpace(cr.ref.CanonicalVersionURI)
		if pair[0] == "" || vu == "" {
			continue
		}
		if !slices.Contains(byPair[pair], vu) {
			byPair[pair] = append(byPair[pair], vu)
		}
		if !slices.Contains(byVersionURI[vu], pair) {
			byVersionURI[vu] = append(byVersionURI[vu], pair)
		}
	}
	for _, cr := range refs {
		pair := [2]string{strings.TrimSpace(cr.ref.CanonicalURI), strings.TrimSpace(cr.ref.Version)}
		vu := strings.TrimSpace(cr.ref.CanonicalVersionURI)
		if reported[cr.ref] || pair[0] == "" || vu == "" {
			continue
		}
		if len(byPair[pair]) > 1 || len(byVersionURI[vu]) > 1 {
			reported[cr.ref] = true
			p.atRef(cr, pair[0]+" "+pair[1]+" → "+vu)
		}
	}
}

func c1037(p *pass) {
	versions := map[string][]string{}
	first := map[string]codeRef{}
	var order []string
	for _, cr := range p.codeRefs() {
		u := strings.TrimSpace(cr.ref.CanonicalURI)
		v := strings.TrimSpace(cr.ref.Version)
		if u == "" || v == "" {
			continue
		}
		if _, ok := first[u]; !ok {
			first[u] = cr
			order = append(order, u)
		}
		if !slices.Contains(versions[u], v) {
			versions[u] = append(versions[u], v)
		}
	}
	for _, u := range order {
		if vs := versions[u]; len(vs) > 1 {
			slices.Sort(vs)
			p.atRef(first[u], u, strings.Join(vs, ", "))
		}
	}
}

// Rules.

// ruleOwner is an element that carries rules, with its subtree.
type ruleOwner struct {
	c     *fim.Common
	rules fim.Rules
	// scope holds the ids (long and short forms) the rules may address.
	scope map[string]bool
}

func (r *run) ruleOwners() []ruleOwner {
	var out []ruleOwner
	add := func(c *fim.Common, rules fim.Rules, children []fim.ElementRef) {
		if len(rules) == 0 {
			return
		}
		o := ruleOwner{c: c, rules: rules, scope: map[string]bool{}}
		o.addScope(c.Identifier.ID)
		seen := map[*fim.Common]bool{}
		var walk func(refs []fim.ElementRef)
		walk = func(refs []fim.ElementRef) {
			for i := range refs {
				cc := refs[i].Common()
				if seen[cc] {
					continue
				}
				seen[cc] = true
				o.addScope(cc.Identifier.ID)
				if g := refs[i].Group; g != nil {
					walk(g.Children)
				}
			}
		}
		walk(children)
		out = append(out, o)
	}
	d := r.doc
	if d.Schema != nil {
		add(&d.Schema.Common, d.Schema.Regeln, d.Schema.Children)
	}
	for _, g := range r.groups() {
		add(&g.Common, g.Regeln, g.Children)
	}
	for _, f := range r.fields() {
		add(&f.Common, f.Regeln, nil)
	}
	return out
}

func (o *ruleOwner) addScope(id string) {
	if id == "" {
		return
	}
	o.scope[id] = true
	if s := shortID(id); s != "" {
		o.scope[s] = true
	}
}

// shortID turns a 12-character XDatenfelder 3.0.0 id whose sub-number is
// 000 into its 9-character 2.0 form (G60000000086 → G60000086).
func shortID(id string) string {
	if len(id) == 12 && id[3:6] == "000" {
		return id[:3] + id[6:]
	}
	return ""
}

// refRE finds references to groups and fields in rule texts.
var (
	refRE        = regexp.MustCompile(`\b[FG](\d{11}|\d{8})\b`)
	versionRefRE = regexp.MustCompile(`\b[FGS](\d{11}|\d{8})\s?(V|v|Version\s?)\d+(\.\d+)+`)
	shortRefRE   = regexp.MustCompile(`\b[FGSDR]\d{8}\b`)
)

func ruleText(rg *fim.Regel) string { return rg.Definition + "\n" + rg.Skript }

func c1001(p *pass) {
	for _, o := range p.ruleOwners() {
		for _, rg := range o.rules {
			var bad []string
			for _, m := range refRE.FindAllString(ruleText(rg), -1) {
				if !o.scope[m] && !slices.Contains(bad, m) {
					bad = append(bad, m)
				}
			}
			if len(bad) > 0 {
				p.at(&rg.Common, rg.Identifier.ID, strings.Join(bad, ", "))
			}
		}
	}
}

func c1019(p *pass) {
	for _, rg := range p.doc.Rules {
		ms := versionRefRE.FindAllString(ruleText(rg), -1)
		if len(ms) > 0 {
			p.at(&rg.Common, strings.Join(dedupe(ms), ", "))
		}
	}
}

func c1041(p *pass) {
	for _, rg := range p.doc.Rules {
		ms := shortRefRE.FindAllString(ruleText(rg), -1)
		if len(ms) > 0 {
			p.at(&rg.Common, strings.Join(dedupe(ms), ", "))
		}
	}
}

func dedupe(s []string) []string {
	var out []string
	for _, v := range s {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func c1024(p *pass) {
	for _, rg := range p.doc.Rules {
		if blank(rg.Definition) {
			p.at(&rg.Common)
		}
	}
}
