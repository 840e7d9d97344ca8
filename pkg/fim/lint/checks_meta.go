package lint

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

// Checks on the metadata every element carries: names, labels, ids,
// status, legal bases, creators, lengths and character repertoire.

func c1002(p *pass) {
	for _, e := range p.elements() {
		if blank(e.c.Name) {
			p.at(e.c)
		}
	}
}

func c1038(p *pass) {
	for _, e := range p.elements() {
		if blank(e.c.Identifier.ID) {
			p.at(e.c)
		}
	}
	if cl := p.doc.Codeliste; cl != nil && blank(cl.Ref.ID) && p.doc.SourceVersion == fim.XDF2 {
		p.report(nil, cl.Pos, "codeliste")
	}
}

var kindLetter = lazy.Value[map[fim.Kind]byte]{F: func() map[fim.Kind]byte {
	return map[fim.Kind]byte{
		fim.KindDatenschema: 'S', fim.KindDatenfeldgruppe: 'G', fim.KindDatenfeld: 'F',
		fim.KindRegel: 'R', fim.KindDokumentsteckbrief: 'D', fim.KindCodeliste: 'C',
	}
}}

// idDigits is the number of digits after the kind letter.
func idDigits(v fim.SourceVersion) int {
	if v == fim.XDF3 {
		return 11
	}
	return 8
}

func validID(id string, letter byte, digits int) bool {
	if len(id) != digits+1 || id[0] != letter {
		return false
	}
	for i := 1; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

func c1039(p *pass) {
	n := idDigits(p.doc.SourceVersion)
	want := func(l byte) string { return fmt.Sprintf("%c\\d{%d}", l, n) }
	for _, e := range p.elements() {
		id := strings.TrimSpace(e.c.Identifier.ID)
		l := kindLetter.Get()[e.kind]
		if id == "" || validID(id, l, n) {
			continue
		}
		p.at(e.c, id, want(l))
	}
	if cl := p.doc.Codeliste; cl != nil && cl.Ref.ID != "" && !validID(cl.Ref.ID, 'C', n) {
		p.report(nil, cl.Pos, cl.Ref.ID, cl.Ref.ID, want('C'))
	}
	// The ids of references: a field's code list (2.0: C and 8 digits;
	// 3.0.0 references have no id) and the schema's Dokumentsteckbrief
	// (3.0.0).
	for _, cr := range p.codeRefs() {
		if id := strings.TrimSpace(cr.ref.ID); cr.c != nil && id != "" && !validID(id, 'C', n) {
			p.atRef(cr, id, want('C'))
		}
	}
	if s := p.doc.Schema; s != nil && s.Dokumentsteckbrief != nil {
		if id := strings.TrimSpace(s.Dokumentsteckbrief.ID); id != "" && !validID(id, 'D', n) {
			p.report(&s.Common, s.DokumentsteckbriefPos, p.pathOf(&s.Common)+"/dokumentsteckbrief", id, want('D'))
		}
	}
}

func c1006(p *pass) { artWithoutBezug(p, "RNG") }
func c1101(p *pass) { artWithoutBezug(p, "HAR") }

func artWithoutBezug(p *pass, art string) {
	for _, e := range p.elements() {
		if (e.kind == fim.KindDatenfeldgruppe || e.kind == fim.KindDatenfeld) && e.c.Schemaelementart == art && !hasBezug(e.c.Bezug) {
			p.at(e.c)
		}
	}
}

func hasBezug(bs []fim.Bezug) bool {
	for _, b := range bs {
		if !blank(b.Text) {
			return true
		}
	}
	return false
}

func c1009(p *pass) {
	for _, e := range p.elements() {
		switch e.kind {
		case fim.KindDatenfeldgruppe, fim.KindDatenfeld:
		case fim.KindDatenschema:
			if p.doc.SourceVersion != fim.XDF2 {
				continue
			}
		default:
			continue
		}
		if blank(e.c.BezeichnungEingabe) {
			p.at(e.c)
		}
	}
}

func c1010(p *pass) {
	for _, e := range p.elements() {
		if (e.kind == fim.KindDatenfeldgruppe || e.kind == fim.KindDatenfeld) && blank(e.c.BezeichnungAusgabe) {
			p.at(e.c)
		}
	}
}

func c1031(p *pass) {
	for _, e := range p.elements() {
		if e.kind != fim.KindDatenfeldgruppe && e.kind != fim.KindDatenfeld {
			continue
		}
		switch e.c.Schemaelementart {
		case "ABS", "HAR", "RNG":
		default:
			p.at(e.c, e.c.Schemaelementart)
		}
	}
}

func c1032(p *pass) {
	for _, e := range p.elements() {
		if e.kind == fim.KindRegel {
			continue
		}
		if p.doc.SourceVersion == fim.XDF2 {
			switch e.c.Status {
			case "inVorbereitung", "aktiv", "inaktiv":
			default:
				p.at(e.c, e.c.Status)
			}
			continue
		}
		if statusCode(e.c.Freigabestatus) == 0 {
			p.at(e.c, e.c.Freigabestatus)
		}
	}
}

// statusCode returns the freigabestatus 1–8, or 0 when missing or unknown.
func statusCode(s string) int {
	s = strings.TrimSpace(s)
	if len(s) == 1 && s[0] >= '1' && s[0] <= '8' {
		return int(s[0] - '0')
	}
	return 0
}

func c1116(p *pass) {
	for _, e := range p.elements() {
		if e.c == p.doc.Root() || e.kind == fim.KindRegel {
			continue
		}
		if e.c.Status == "inaktiv" || statusCode(e.c.Freigabestatus) == 7 {
			p.at(e.c)
		}
	}
}

// ersteller is the fachlicher Ersteller; XDatenfelder 3.0.0 has
// statusGesetztDurch in its place for schemas, groups and fields.
func ersteller(c *fim.Common) string {
	if !blank(c.FachlicherErsteller) {
		return strings.TrimSpace(c.FachlicherErsteller)
	}
	return strings.TrimSpace(c.StatusGesetztDurch)
}

// c1117 reports every element without its fachlicher Ersteller, rules
// included (as in FIM-XSLT).
func c1117(p *pass) {
	for _, e := range p.elements() {
		if ersteller(e.c) == "" {
			p.at(e.c)
		}
	}
}

func isBausteinDatenfelder(s string) bool {
	return s == "FIM-Baustein Datenfelder" || s == "FIM Baustein Datenfelder"
}

// nummernkreis returns the two digits after the kind letter.
func nummernkreis(id string) string {
	if len(id) < 3 {
		return ""
	}
	return id[1:3]
}

func c1140(p *pass) {
	for _, e := range p.elements() {
		if e.kind == fim.KindDatenschema || e.kind == fim.KindDokumentsteckbrief {
			continue
		}
		if s := ersteller(e.c); isBausteinDatenfelder(s) && nummernkreis(e.c.Identifier.ID) != "60" {
			p.at(e.c, s)
		}
	}
}

func c1141(p *pass) {
	if s := p.doc.Schema; s != nil {
		if e := ersteller(&s.Common); isBausteinDatenfelder(e) && nummernkreis(s.Identifier.ID) != "60" {
			p.at(&s.Common, e)
		}
	}
}

// statusDated: from Entwurf (3) to inaktiv (7) statusGesetztAm is required.
func statusDated(p *pass, c *fim.Common) {
	if n := statusCode(c.Freigabestatus); n >= 3 && n <= 7 && c.StatusGesetztAm.IsZero() {
		p.at(c, c.Freigabestatus)
	}
}

func c1142(p *pass) {
	for _, e := range p.elements() {
		if e.kind == fim.KindDatenfeldgruppe || e.kind == fim.KindDatenfeld {
			statusDated(p, e.c)
		}
	}
}

func c1143(p *pass) {
	if s := p.doc.Schema; s != nil {
		statusDated(p, &s.Common)
	}
}

func c1144(p *pass) {
	if s := p.doc.Steckbrief; s != nil {
		statusDated(p, &s.Common)
	}
}

func c1098(p *pass) {
	sameTexts(p, func(c *fim.Common) [2]textPair {
		return [2]textPair{
			{"bezeichnungEingabe = hilfetextEingabe", c.BezeichnungEingabe, c.HilfetextEingabe},
			{"bezeichnungAusgabe = hilfetextAusgabe", c.BezeichnungAusgabe, c.HilfetextAusgabe},
		}
	}, func(d documentText) textPair { return textPair{"bezeichnung = hilfetext", d.bezeichnung, d.hilfetext} })
}

func c1099(p *pass) {
	sameTexts(p, func(c *fim.Common) [2]textPair {
		return [2]textPair{
			{"name = hilfetextEingabe", c.Name, c.HilfetextEingabe},
			{"name = hilfetextAusgabe", c.Name, c.HilfetextAusgabe},
		}
	}, func(d documentText) textPair { return textPair{"name = hilfetext", d.c.Name, d.hilfetext} })
}

// textPair is two texts of an element that should differ, and the detail
// that names them.
type textPair struct{ detail, a, b string }

// sameTexts reports the pairs of every element's texts that are the same,
// then those of the schema and the Dokumentsteckbrief.
func sameTexts(p *pass, pairs func(c *fim.Common) [2]textPair, docPair func(d documentText) textPair) {
	report := func(c *fim.Common, t textPair) {
		if sameText(t.a, t.b) {
			p.at(c, t.detail)
		}
	}
	for _, e := range p.elements() {
		for _, t := range pairs(e.c) {
			report(e.c, t)
		}
	}
	for _, d := range p.documentTexts() {
		report(d.c, docPair(d))
	}
}

func sameText(a, b string) bool {
	return !blank(a) && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// documentText is the Bezeichnung and Hilfetext of a schema or a
// Dokumentsteckbrief, which carry them outside Common.
type documentText struct {
	c                      *fim.Common
	bezeichnung, hilfetext string
}

// documentTexts returns the texts of the input's schema and Dokumentsteckbrief.
func (p *pass) documentTexts() []documentText {
	var out []documentText
	if s := p.doc.Schema; s != nil {
		out = append(out, documentText{&s.Common, s.Bezeichnung, s.Hilfetext})
	}
	if s := p.doc.Steckbrief; s != nil {
		out = append(out, documentText{&s.Common, s.Bezeichnung, s.Hilfetext})
	}
	return out
}

// c1132: a bezug holds several legal bases when they are separated by
// semicolons or when it has two or more section signs (FIM-XSLT's test;
// "§§ 4 und 5" counts as two).
func c1132(p *pass) {
	for _, e := range p.elements() {
		for _, b := range e.c.Bezug {
			if strings.Contains(b.Text, ";") || strings.Count(b.Text, "§") >= 2 {
				p.at(e.c, shorten(b.Text, 60))
			}
		}
	}
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func validURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(strings.TrimSpace(s), " \t\n")
}

func c1133(p *pass) {
	for _, e := range p.elements() {
		for _, b := range e.c.Bezug {
			if !blank(b.Link) && !validURL(b.Link) {
				p.at(e.c, b.Link)
			}
		}
	}
}

const recommendedURILength = 255

func c1137(p *pass) {
	for _, e := range p.elements() {
		for _, s := range e.c.Stichwort {
			if n := utf8.RuneCountInString(s.URI); n > recommendedURILength {
				p.at(e.c, n, recommendedURILength)
			}
		}
	}
}

func c1138(p *pass) {
	for _, e := range p.elements() {
		for _, b := range e.c.Bezug {
			if n := utf8.RuneCountInString(b.Link); n > recommendedURILength {
				p.at(e.c, n, recommendedURILength)
			}
		}
	}
}

// recommended maximum lengths of texts (characters), after the FIM
// quality tooling.
var maxLen = []struct {
	name string
	n    int
	get  func(c *fim.Common) []string
}{
	{"name", 255, func(c *fim.Common) []string { return []string{c.Name} }},
	{"bezeichnungEingabe", 255, func(c *fim.Common) []string { return []string{c.BezeichnungEingabe} }},
	{"bezeichnungAusgabe", 255, func(c *fim.Common) []string { return []string{c.BezeichnungAusgabe} }},
	{"beschreibung", 5000, func(c *fim.Common) []string { return []string{c.Beschreibung} }},
	{"definition", 5000, func(c *fim.Common) []string { return []string{c.Definition} }},
	{"hilfetextEingabe", 500, func(c *fim.Common) []string { return []string{c.HilfetextEingabe} }},
	{"hilfetextAusgabe", 500, func(c *fim.Common) []string { return []string{c.HilfetextAusgabe} }},
	{"versionshinweis", 255, func(c *fim.Common) []string { return []string{c.Versionshinweis} }},
	{"statusGesetztDurch", 255, func(c *fim.Common) []string { return []string{c.StatusGesetztDurch} }},
	{"fachlicherErsteller", 255, func(c *fim.Common) []string { return []string{c.FachlicherErsteller} }},
	{"bezug", 255, func(c *fim.Common) []string {
		out := make([]string, len(c.Bezug))
		for i, b := range c.Bezug {
			out[i] = b.Text
		}
		return out
	}},
	{"stichwort", 500, func(c *fim.Common) []string {
		out := make([]string, len(c.Stichwort))
		for i, s := range c.Stichwort {
			out[i] = s.Text
		}
		return out
	}},
}

func c1136(p *pass) {
	check := func(c *fim.Common, name string, limit int, s string) {
		if len(s) <= limit {
			return // a string has at least as many bytes as characters
		}
		if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > limit {
			p.at(c, name, n, limit)
		}
	}
	for _, e := range p.elements() {
		for _, m := range maxLen {
			for _, s := range m.get(e.c) {
				check(e.c, m.name, m.n, s)
			}
		}
	}
	if s := p.doc.Schema; s != nil {
		check(&s.Common, "bezeichnung", 255, s.Bezeichnung)
		check(&s.Common, "hilfetext", 500, s.Hilfetext)
	}
	if s := p.doc.Steckbrief; s != nil {
		check(&s.Common, "bezeichnung", 255, s.Bezeichnung)
		check(&s.Common, "hilfetext", 500, s.Hilfetext)
	}
	for _, f := range p.fields() {
		check(&f.Common, "inhalt", 5000, f.Inhalt)
		check(&f.Common, "pattern", 500, f.Praezisierung.Pattern)
		for _, w := range f.Werte {
			check(&f.Common, "code", 20, w.Code)
			check(&f.Common, "hilfe", 500, w.Hilfe)
		}
	}
}

// latinOK reports whether r is in the character repertoire accepted as
// String.Latin+ (an approximation of DIN SPEC 91379: Latin letters with
// their diacritics, combining marks, and the usual typographic
// punctuation).
func latinOK(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0x24F: // Latin-1 Supplement, Latin Extended-A and -B
		return true
	case r >= 0x2B9 && r <= 0x2CC: // modifier letters used in names
		return true
	case r >= 0x300 && r <= 0x36F: // combining diacritics
		return true
	case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional
		return true
	}
	switch r {
	case '‘', '’', '‚', '“', '”', '„', '–', '—', '…', '€':
		return true
	}
	return false
}

func firstNonLatin(s string) (rune, bool) {
	for _, r := range s {
		if !latinOK(r) {
			return r, true
		}
	}
	return 0, false
}

func c1131(p *pass) {
	check := func(c *fim.Common, name, s string) {
		if r, bad := firstNonLatin(s); bad {
			p.at(c, name, quoteRune(r))
		}
	}
	for _, e := range p.elements() {
		c := e.c
		for _, kv := range [][2]string{{"name", c.Name}, {"bezeichnungEingabe", c.BezeichnungEingabe}, {"bezeichnungAusgabe", c.BezeichnungAusgabe},
			{"beschreibung", c.Beschreibung}, {"definition", c.Definition}, {"hilfetextEingabe", c.HilfetextEingabe},
			{"hilfetextAusgabe", c.HilfetextAusgabe}, {"versionshinweis", c.Versionshinweis}} {
			check(c, kv[0], kv[1])
		}
		for _, b := range c.Bezug {
			check(c, "bezug", b.Text)
		}
	}
	if s := p.doc.Schema; s != nil {
		check(&s.Common, "bezeichnung", s.Bezeichnung)
		check(&s.Common, "hilfetext", s.Hilfetext)
	}
	for _, f := range p.fields() {
		check(&f.Common, "inhalt", f.Inhalt)
		for _, w := range f.Werte {
			check(&f.Common, "werte/name", w.Name)
		}
	}
}

func quoteRune(r rune) string { return fmt.Sprintf("%q U+%04X", r, r) }

// Dates.

var dateRE = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`) }}

func isDate(s string) bool {
	if !dateRE.Get().MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
