package lint

import (
	"regexp"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
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
var urnRE = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
	return regexp.MustCompile(`^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#~&]+$`)
}}

func c1048(p *pass) {
	for _, cr := range p.codeRefs() {
		u := strings.TrimSpace(cr.ref.CanonicalURI)
		if strings.HasPrefix(strings.ToLower(u), "urn:") && !urnRE.Get().MatchString(u) {
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
	c        *fim.Common
	rules    fim.Rules
	children []fim.ElementRef
	// scope holds the ids (long and short forms) the rules may address;
	// built on first use.
	scope map[string]bool
}

// inScope reports whether the owner's rules may address id.
func (o *ruleOwner) inScope(id string) bool {
	if o.scope == nil {
		o.scope = map[string]bool{}
		o.addScope(o.c.Identifier.ID)
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
		walk(o.children)
	}
	return o.scope[id]
}

func (r *run) ruleOwners() []ruleOwner {
	var out []ruleOwner
	add := func(c *fim.Common, rules fim.Rules, children []fim.ElementRef) {
		if len(rules) == 0 {
			return
		}
		o := ruleOwner{c: c, rules: rules, children: children}
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

// idRef is a reference to an element in a rule text: an id such as
// F60000000243 or G00000283, with a version written right after it
// ("F60000000243 V1.1.0", "G00000283v1.0") if any.
type idRef struct {
	id      string
	version string // the version text as written, "" if none
}

// ruleRefs returns the references in a rule's prose and script, once per
// rule and run.
func (r *run) ruleRefs(rg *fim.Regel) []idRef {
	if r.refs == nil {
		r.refs = map[*fim.Regel][]idRef{}
	}
	if refs, ok := r.refs[rg]; ok {
		return refs
	}
	refs := scanRefs(rg.Definition, nil)
	refs = scanRefs(rg.Skript, refs)
	r.refs[rg] = refs
	return refs
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isWordByte(b byte) bool {
	return isDigit(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// scanRefs finds element ids (a letter of S, G, F, D, R followed by 8 or
// 11 digits, not inside a longer word) and appends them to out.
func scanRefs(s string, out []idRef) []idRef {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'S', 'G', 'F', 'D', 'R':
		default:
			continue
		}
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		n := j - i - 1
		if n != 8 && n != 11 || j < len(s) && isWordByte(s[j]) && s[j] != 'V' && s[j] != 'v' {
			continue
		}
		ref := idRef{id: s[i:j]}
		// a version: optional space, V or v or "Version ", digits and dots
		k := j
		if k < len(s) && s[k] == ' ' {
			k++
		}
		switch {
		case strings.HasPrefix(s[k:], "Version "):
			k += len("Version ")
		case k < len(s) && (s[k] == 'V' || s[k] == 'v'):
			k++
		default:
			k = -1
		}
		if k > 0 {
			m := k
			dots := 0
			for m < len(s) && (isDigit(s[m]) || s[m] == '.' && m+1 < len(s) && isDigit(s[m+1])) {
				if s[m] == '.' {
					dots++
				}
				m++
			}
			if m > k && dots > 0 {
				ref.version = s[j:m]
				j = m
			}
		}
		out = append(out, ref)
		i = j - 1
	}
	return out
}

// c1001 reports a rule that names groups or fields outside the element it
// is attached to. A rule written under several elements is checked under
// each, and reported at that occurrence of the rule.
func c1001(p *pass) {
	for _, o := range p.ruleOwners() {
		for _, rr := range o.rules {
			rg := rr.Regel
			var bad []string
			for _, ref := range p.ruleRefs(rg) {
				if k := ref.id[0]; (k == 'F' || k == 'G') && !slices.Contains(bad, ref.id) && !o.inScope(ref.id) {
					bad = append(bad, ref.id)
				}
			}
			if len(bad) > 0 {
				path := p.pathOf(o.c) + "/" + idOrKind(&rg.Common, fim.KindRegel)
				p.report(&rg.Common, rr.Pos, path, rg.Identifier.ID, strings.Join(bad, ", "))
			}
		}
	}
}

func c1019(p *pass) {
	for _, rg := range p.doc.Rules {
		var ms []string
		for _, ref := range p.ruleRefs(rg) {
			if ref.version != "" && ref.id[0] != 'R' && ref.id[0] != 'D' {
				ms = append(ms, ref.id+ref.version)
			}
		}
		if len(ms) > 0 {
			p.at(&rg.Common, strings.Join(dedupe(ms), ", "))
		}
	}
}

func c1041(p *pass) {
	for _, rg := range p.doc.Rules {
		var ms []string
		for _, ref := range p.ruleRefs(rg) {
			if len(ref.id) == 9 {
				ms = append(ms, ref.id)
			}
		}
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
