package migrate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// DefaultNummernkreis is the sub-Nummernkreis inserted into ids on upcast
// and expected on downcast, as the FIM portal's migration does.
const DefaultNummernkreis = "000"

// Options tune [Migrate].
type Options struct {
	// To is the target version, [fim.XDF2] or [fim.XDF3].
	To fim.SourceVersion
	// Nummernkreis is the three-digit sub-Nummernkreis (default
	// [DefaultNummernkreis]).
	Nummernkreis string
	// InlineCodelists turns the code list of a select field into inline
	// werte on upcast when the list has at most this many codes (0: never).
	// The lists come from Codelists.
	InlineCodelists int
	// Codelists resolves code lists for InlineCodelists.
	Codelists codelist.Resolver
	// Dokumentsteckbrief is the steckbrief an upcast schema refers to; nil
	// derives it from the schema id (S…→D…, same version).
	Dokumentsteckbrief *fim.Identifier
}

// ErrUnsupported is returned for a document that cannot be migrated at all.
var ErrUnsupported = errors.New("cannot migrate")

// Note is one line of a migration report: an assumption the migration made
// or something the target version cannot hold. Element and Path name the
// element as it was in the source; What is the model's (JSON) name of the
// property concerned.
type Note struct {
	Severity finding.Severity `json:"severity"`
	Key      string           `json:"key"`
	Element  fim.Identifier   `json:"element"`
	Path     string           `json:"path"`
	What     string           `json:"what,omitempty"`
	Old      string           `json:"old,omitempty"`
	New      string           `json:"new,omitempty"`
}

// Result is a migrated document with its report.
type Result struct {
	Doc   *fim.Document
	From  fim.SourceVersion
	To    fim.SourceVersion
	Notes []Note
}

// max returns the highest severity of the notes, or 0 when there are none.
func (r *Result) max() finding.Severity {
	var m finding.Severity
	for _, n := range r.Notes {
		m = max(m, n.Severity)
	}
	return m
}

// Migrate converts doc to opts.To in place and returns it with the notes
// of every assumption and loss, in document order. The result conforms to
// the target version as far as the model can tell; write it with
// [fim.Write]. A document already in the target version is returned as it
// is, with one note.
func Migrate(ctx context.Context, doc *fim.Document, opts Options) (*Result, error) {
	if opts.To != fim.XDF2 && opts.To != fim.XDF3 {
		return nil, fmt.Errorf("%w: unknown target version %q", ErrUnsupported, opts.To)
	}
	nk := opts.Nummernkreis
	if nk == "" {
		nk = DefaultNummernkreis
	}
	if !threeDigits(nk) {
		return nil, fmt.Errorf("%w: Nummernkreis %q: want three digits", ErrUnsupported, nk)
	}
	m := &migration{doc: doc, opts: opts, nk: nk, ctx: ctx, seen: map[any]bool{}, srcID: map[any]fim.Identifier{}}
	res := &Result{Doc: doc, From: doc.SourceVersion, To: opts.To}
	root := doc.Root()
	if doc.SourceVersion == opts.To {
		var id fim.Identifier
		if root != nil {
			id = root.Identifier
		}
		res.Notes = []Note{{Severity: finding.Info, Key: keySameVersion, Element: id, Path: id.ID, Old: string(doc.SourceVersion)}}
		return res, nil
	}
	if doc.Kind == fim.KindCodeliste && opts.To == fim.XDF3 {
		return nil, fmt.Errorf("%w: XDatenfelder 3.0.0 has no code list message (0105); use the genericode file of the list", ErrUnsupported)
	}
	m.up = opts.To == fim.XDF3
	switch {
	case doc.Schema != nil:
		m.schema(doc.Schema)
	case doc.Group != nil:
		m.group(doc.Group)
	case doc.Field != nil:
		m.field(doc.Field)
	case doc.Steckbrief != nil:
		m.steckbrief(doc.Steckbrief)
	}
	for _, u := range doc.Extra {
		m.note(finding.Warning, keyDroppedUnmapped, fim.Identifier{}, "", u.Name, u.Text, "")
	}
	doc.Extra = nil
	if m.err != nil {
		return nil, m.err
	}
	doc.SourceVersion = opts.To
	doc.Namespace = fim.NamespaceXDF2
	if m.up {
		doc.Namespace = fim.NamespaceXDF3
	}
	reindex(doc)
	res.Notes = m.notes
	return res, nil
}

func threeDigits(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// reindex rebuilds the lookup maps and the root identifier after ids
// changed.
func reindex(doc *fim.Document) {
	doc.GroupByID = make(map[fim.Identifier]*fim.Datenfeldgruppe, len(doc.Groups))
	for _, g := range doc.Groups {
		doc.GroupByID[g.Identifier] = g
	}
	doc.FieldByID = make(map[fim.Identifier]*fim.Datenfeld, len(doc.Fields))
	for _, f := range doc.Fields {
		doc.FieldByID[f.Identifier] = f
	}
	doc.RuleByID = make(map[fim.Identifier]*fim.Regel, len(doc.Rules))
	for _, r := range doc.Rules {
		doc.RuleByID[r.Identifier] = r
	}
	if c := doc.Root(); c != nil {
		doc.RootIdent = c.Identifier
	} else if doc.Codeliste != nil {
		doc.RootIdent = fim.Identifier{ID: doc.Codeliste.Ref.ID, Version: doc.Codeliste.Ref.Version}
	}
}

// migration is the state of one Migrate.
type migration struct {
	ctx  context.Context
	doc  *fim.Document
	opts Options
	nk   string
	up   bool
	seen map[any]bool
	// srcID holds the source identifier of every element migrated.
	srcID map[any]fim.Identifier
	path  []string
	notes []Note
	err   error
	// cur is the source identifier of the element being migrated.
	cur fim.Identifier
	// element is set while a group or field (not a schema, steckbrief or
	// rule) is migrated: only they have an output label in 3.0.0.
	element bool
}

func (m *migration) note(sev finding.Severity, key string, el fim.Identifier, path, what, old, new string) {
	m.notes = append(m.notes, Note{Severity: sev, Key: key, Element: el, Path: path, What: what, Old: old, New: new})
}

// at notes something about the element being migrated.
func (m *migration) at(sev finding.Severity, key, what, old, new string) {
	m.note(sev, key, m.cur, strings.Join(m.path, "/"), what, old, new)
}

// enter marks an element as being migrated; it reports false when the
// element (a group or field used at several places) was done already.
func (m *migration) enter(obj any, c *fim.Common) (bool, func()) {
	if m.seen[obj] {
		return false, nil
	}
	m.seen[obj] = true
	m.srcID[obj] = c.Identifier
	prevCur, n := m.cur, len(m.path)
	m.cur = c.Identifier
	m.path = append(m.path, c.Identifier.ID)
	return true, func() { m.cur = prevCur; m.path = m.path[:n] }
}

// The id shapes of the two versions: a kind letter, the two-digit
// Nummernkreis, (in 3.0.0) the three-digit sub-Nummernkreis, and a
// six-digit running number.
var (
	id2 = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z])([0-9]{2})([0-9]{6})$`) }}
	id3 = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z])([0-9]{2})([0-9]{3})([0-9]{6})$`) }}
)

// mapID returns the id in the target version and whether it could be
// mapped.
func (m *migration) mapID(id string) (string, bool) {
	if m.up {
		p := id2.Get().FindStringSubmatch(id)
		if p == nil {
			return id, false
		}
		return p[1] + p[2] + m.nk + p[3], true
	}
	p := id3.Get().FindStringSubmatch(id)
	if p == nil || p[3] != m.nk {
		return id, false
	}
	return p[1] + p[2] + p[4], true
}

// mapVersion returns the version in the target's form.
func (m *migration) mapVersion(v string) (string, bool) {
	parts := strings.Split(v, ".")
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil || p == "" {
			return v, false
		}
	}
	if m.up {
		switch len(parts) {
		case 1:
			return v + ".0.0", true
		case 2:
			return v + ".0", true
		case 3:
			return v, true
		}
		return v, false
	}
	switch {
	case len(parts) == 3 && parts[2] == "0":
		return parts[0] + "." + parts[1], true
	case len(parts) <= 2:
		return v, true
	}
	return v, false
}

// ident maps an identifier that names another element (a relation's
// objekt, the schema's steckbrief); the element's own id is noted by
// identity.
func (m *migration) ident(id fim.Identifier) fim.Identifier {
	if n, ok := m.mapID(id.ID); ok {
		id.ID = n
	}
	if v, ok := m.mapVersion(id.Version); ok && id.Version != "" {
		id.Version = v
	}
	return id
}

// identity maps the element's own identifier and notes the change.
func (m *migration) identity(c *fim.Common) {
	id := c.Identifier
	if n, ok := m.mapID(id.ID); ok {
		if n != id.ID {
			key := keyIDNarrowed
			if m.up {
				key = keyIDWidened
			}
			m.at(finding.Info, key, m.nk, id.ID, n)
		}
		c.Identifier.ID = n
	} else if m.up {
		m.at(finding.Warning, keyIDNotWidened, "", id.ID, "")
	} else {
		m.at(finding.Error, keyIDNotNarrowed, m.nk, id.ID, "")
	}
	switch {
	case id.Version == "" && m.up:
		c.Identifier.Version = "1.0.0"
		m.at(finding.Warning, keyVersionAssumed, "version", "", "1.0.0")
	case id.Version == "":
	default:
		if v, ok := m.mapVersion(id.Version); ok {
			if v != id.Version {
				m.at(finding.Info, keyVersionMapped, "version", id.Version, v)
			}
			c.Identifier.Version = v
		} else {
			m.at(finding.Warning, keyVersionKept, "version", id.Version, "")
		}
	}
}

// The status mapping. Upcast: inVorbereitung → 3 (Entwurf), aktiv → 6
// (fachlich freigegeben, gold), inaktiv → 7 (inaktiv). Downcast: 1–3 →
// inVorbereitung, 4–6 → aktiv, 7–8 → inaktiv; the codes the upcast
// produces come back unchanged, the others lose their level.
// statusUp returns the Freigabestatus of an XDatenfelder 2.0 status, ""
// for an unknown one.
func statusUp(status string) string {
	switch status {
	case "inVorbereitung":
		return "3"
	case "aktiv":
		return "6"
	case "inaktiv":
		return "7"
	}
	return ""
}

// statusDown returns the XDatenfelder 2.0 status of a Freigabestatus, ""
// for an unknown one.
func statusDown(freigabestatus string) string {
	switch freigabestatus {
	case "1", "2", "3":
		return "inVorbereitung"
	case "4", "5", "6":
		return "aktiv"
	case "7", "8":
		return "inaktiv"
	}
	return ""
}

// common migrates the metadata every element has. rule selects the
// rule's element, which in 3.0.0 has fewer of them.
func (m *migration) common(c *fim.Common, rule bool) {
	m.identity(c)
	if m.up {
		m.commonUp(c, rule)
	} else {
		m.commonDown(c, rule)
	}
	for _, u := range c.Extra {
		m.at(finding.Warning, keyDroppedUnmapped, u.Name, u.Text, "")
	}
	c.Extra = nil
	for i := range c.Relations {
		c.Relations[i].Objekt = m.ident(c.Relations[i].Objekt)
	}
}

func (m *migration) commonUp(c *fim.Common, rule bool) {
	if c.Status != "" {
		switch {
		case rule:
			m.at(finding.Info, keyDropped, "status", c.Status, "")
		case c.Freigabestatus != "":
			m.at(finding.Info, keyDropped, "status", c.Status, "")
		default:
			if v := statusUp(c.Status); v != "" {
				c.Freigabestatus = v
				m.at(finding.Info, keyStatusMapped, "status", c.Status, "freigabestatus "+v)
			} else {
				m.at(finding.Warning, keyStatusUnknown, "status", c.Status, "")
			}
		}
		c.Status = ""
	}
	if rule {
		m.drop(finding.Info, "bezeichnungEingabe", &c.BezeichnungEingabe)
		m.drop(finding.Info, "bezeichnungAusgabe", &c.BezeichnungAusgabe)
		m.dropDate(finding.Info, "freigabedatum", &c.Freigabedatum)
		m.dropDate(finding.Info, "veroeffentlichungsdatum", &c.Veroeffentlichungsdatum)
		return
	}
	if !c.Freigabedatum.IsZero() {
		if c.StatusGesetztAm.IsZero() {
			c.StatusGesetztAm = c.Freigabedatum
			m.at(finding.Info, keyMoved, "freigabedatum", c.Freigabedatum.Raw, "statusGesetztAm")
		} else {
			m.at(finding.Info, keyDropped, "freigabedatum", c.Freigabedatum.Raw, "")
		}
		c.Freigabedatum = fim.Date{}
	}
	if c.Freigabestatus != "" && c.StatusGesetztAm.IsZero() {
		// 3.0.0 wants the date of the status; 2.0 may have none.
		d := c.Veroeffentlichungsdatum
		what := "veroeffentlichungsdatum"
		if d.IsZero() && m.doc.Header.Erstellungszeitpunkt.Valid() {
			t := m.doc.Header.Erstellungszeitpunkt.Time
			d = fim.Date{Raw: t.Format("2006-01-02"), Time: t}
			what = "erstellungszeitpunkt"
		}
		if !d.IsZero() {
			c.StatusGesetztAm = d
			m.at(finding.Warning, keyStatusDateAssumed, "statusGesetztAm", d.Raw+" ("+what+")", d.Raw)
		}
	}
	c.Bezug = m.bezugUp(c.Bezug)
	if c.BezeichnungAusgabe == "" && m.element {
		if c.BezeichnungEingabe != "" {
			c.BezeichnungAusgabe = c.BezeichnungEingabe
			m.at(finding.Warning, keyAusgabeAssumed, "bezeichnungAusgabe", "", c.BezeichnungEingabe)
		} else {
			m.at(finding.Warning, keyAusgabeMissing, "bezeichnungAusgabe", "", "")
		}
	}
	if c.FachlicherErsteller != "" {
		if c.StatusGesetztDurch == "" {
			c.StatusGesetztDurch = c.FachlicherErsteller
			m.at(finding.Info, keyMoved, "fachlicherErsteller", c.FachlicherErsteller, "statusGesetztDurch")
		} else {
			m.at(finding.Info, keyDropped, "fachlicherErsteller", c.FachlicherErsteller, "")
		}
		c.FachlicherErsteller = ""
	}
}

func (m *migration) commonDown(c *fim.Common, rule bool) {
	if c.Freigabestatus != "" {
		v := statusDown(c.Freigabestatus)
		switch {
		case v == "":
			m.at(finding.Warning, keyStatusUnknown, "freigabestatus", c.Freigabestatus, "")
		case rule:
			m.at(finding.Info, keyDropped, "freigabestatus", c.Freigabestatus, "")
		case statusUp(v) == c.Freigabestatus:
			c.Status = v
			m.at(finding.Info, keyStatusMapped, "freigabestatus", c.Freigabestatus, "status "+v)
		default:
			c.Status = v
			m.at(finding.Warning, keyStatusCoarsened, "freigabestatus", c.Freigabestatus, "status "+v)
		}
		c.Freigabestatus = ""
	}
	if !c.StatusGesetztAm.IsZero() {
		if c.Freigabedatum.IsZero() && !rule {
			c.Freigabedatum = c.StatusGesetztAm
			m.at(finding.Info, keyMoved, "statusGesetztAm", c.StatusGesetztAm.Raw, "freigabedatum")
		} else {
			m.at(finding.Info, keyDropped, "statusGesetztAm", c.StatusGesetztAm.Raw, "")
		}
		c.StatusGesetztAm = fim.Date{}
	}
	if c.StatusGesetztDurch != "" {
		if c.FachlicherErsteller == "" && !rule {
			c.FachlicherErsteller = c.StatusGesetztDurch
			m.at(finding.Info, keyMoved, "statusGesetztDurch", c.StatusGesetztDurch, "fachlicherErsteller")
		} else {
			m.at(finding.Info, keyDropped, "statusGesetztDurch", c.StatusGesetztDurch, "")
		}
		c.StatusGesetztDurch = ""
	}
	m.dropDate(finding.Info, "letzteAenderung", &c.LetzteAenderung)
	for _, s := range c.Stichwort {
		m.at(finding.Warning, keyDropped, "stichwort", s.Text, "")
	}
	c.Stichwort = nil
	for _, r := range c.Relations {
		m.at(finding.Warning, keyDropped, "relation", string(r.Praedikat)+" "+r.Objekt.String(), "")
	}
	c.Relations = nil
	c.Bezug = m.bezugDown(c.Bezug)
}

// bezugUp splits a 2.0 bezug that names several legal bases, separated by
// semicolons, into one bezug each (3.0.0 has several).
func (m *migration) bezugUp(bs []fim.Bezug) []fim.Bezug {
	if len(bs) != 1 || !strings.Contains(bs[0].Text, ";") {
		return bs
	}
	var out []fim.Bezug
	for _, p := range strings.Split(bs[0].Text, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, fim.Bezug{Text: p, Link: bs[0].Link})
		}
	}
	if len(out) < 2 {
		return bs
	}
	m.at(finding.Info, keyBezugSplit, "bezug", bs[0].Text, strconv.Itoa(len(out)))
	return out
}

// bezugDown joins several bezug into one and drops links.
func (m *migration) bezugDown(bs []fim.Bezug) []fim.Bezug {
	for _, b := range bs {
		if b.Link != "" {
			m.at(finding.Warning, keyDropped, "bezug.link", b.Link, "")
		}
	}
	if len(bs) > 1 {
		texts := make([]string, 0, len(bs))
		for _, b := range bs {
			if b.Text != "" {
				texts = append(texts, b.Text)
			}
		}
		m.at(finding.Info, keyBezugJoined, "bezug", strconv.Itoa(len(bs)), "")
		return []fim.Bezug{{Text: strings.Join(texts, "; ")}}
	}
	if len(bs) == 1 {
		return []fim.Bezug{{Text: bs[0].Text}}
	}
	return bs
}

func (m *migration) drop(sev finding.Severity, what string, v *string) {
	if *v != "" {
		m.at(sev, keyDropped, what, *v, "")
		*v = ""
	}
}

func (m *migration) dropDate(sev finding.Severity, what string, d *fim.Date) {
	if !d.IsZero() {
		m.at(sev, keyDropped, what, d.Raw, "")
		*d = fim.Date{}
	}
}

func (m *migration) schema(s *fim.Datenschema) {
	_, leave := m.enter(s, &s.Common)
	defer leave()
	m.common(&s.Common, false)
	if m.up {
		m.labelUp(&s.Bezeichnung, &s.Common)
		sev := finding.Info
		if s.BezeichnungAusgabe != s.Bezeichnung {
			sev = finding.Warning
		}
		m.drop(sev, "bezeichnungAusgabe", &s.BezeichnungAusgabe)
		m.drop(finding.Warning, "bezeichnungEingabe", &s.BezeichnungEingabe)
		if s.Dokumentsteckbrief == nil {
			var id fim.Identifier
			if m.opts.Dokumentsteckbrief != nil {
				id = *m.opts.Dokumentsteckbrief
			} else {
				id = fim.Identifier{ID: "D" + strings.TrimPrefix(s.Identifier.ID, "S"), Version: s.Identifier.Version}
				m.at(finding.Warning, keySteckbriefAssumed, "dokumentsteckbrief", "", id.String())
			}
			s.Dokumentsteckbrief = &id
		} else {
			id := m.ident(*s.Dokumentsteckbrief)
			s.Dokumentsteckbrief = &id
		}
	} else {
		m.labelDown(&s.Bezeichnung, &s.Common)
		if s.Dokumentsteckbrief != nil {
			m.at(finding.Info, keyDropped, "dokumentsteckbrief", s.Dokumentsteckbrief.String(), "")
			s.Dokumentsteckbrief = nil
		}
	}
	m.rules(s.Regeln)
	m.children(s.Children)
}

func (m *migration) steckbrief(s *fim.Dokumentsteckbrief) {
	_, leave := m.enter(s, &s.Common)
	defer leave()
	m.common(&s.Common, false)
	if m.up {
		m.labelUp(&s.Bezeichnung, &s.Common)
		m.drop(finding.Info, "bezeichnungEingabe", &s.BezeichnungEingabe)
		m.drop(finding.Info, "bezeichnungAusgabe", &s.BezeichnungAusgabe)
	} else {
		m.labelDown(&s.Bezeichnung, &s.Common)
	}
}

// labelUp gives an element of 3.0.0 its bezeichnung from the
// bezeichnungEingabe of 2.0 when it has none.
func (m *migration) labelUp(bez *string, c *fim.Common) {
	if *bez == "" && c.BezeichnungEingabe != "" {
		*bez = c.BezeichnungEingabe
		m.at(finding.Info, keyMoved, "bezeichnungEingabe", c.BezeichnungEingabe, "bezeichnung")
		c.BezeichnungEingabe = ""
	}
}

// labelDown moves the bezeichnung of 3.0.0, which 2.0 does not have, to
// bezeichnungEingabe, or drops it when that is taken.
func (m *migration) labelDown(bez *string, c *fim.Common) {
	if *bez == "" {
		return
	}
	if c.BezeichnungEingabe == "" {
		c.BezeichnungEingabe = *bez
		m.at(finding.Info, keyMoved, "bezeichnung", *bez, "bezeichnungEingabe")
	} else {
		m.at(finding.Info, keyDropped, "bezeichnung", *bez, "")
	}
	*bez = ""
}

func (m *migration) children(refs []fim.ElementRef) {
	for i := range refs {
		ref := &refs[i]
		if !m.up && len(ref.Bezug) > 0 {
			// The bezug of a place is noted at the element placed there.
			var obj any = ref.Field
			if ref.Group != nil {
				obj = ref.Group
			}
			id, ok := m.srcID[obj]
			if !ok {
				id = ref.Identifier()
			}
			prev, n := m.cur, len(m.path)
			m.cur = id
			m.path = append(m.path, id.ID)
			ref.Bezug = m.bezugDown(ref.Bezug)
			m.cur, m.path = prev, m.path[:n]
		}
		switch {
		case ref.Group != nil:
			m.group(ref.Group)
		case ref.Field != nil:
			m.field(ref.Field)
		}
	}
}

func (m *migration) group(g *fim.Datenfeldgruppe) {
	ok, leave := m.enter(g, &g.Common)
	if !ok {
		return
	}
	defer leave()
	m.element = true
	m.common(&g.Common, false)
	m.element = false
	if !m.up {
		m.drop(finding.Warning, "art", &g.Art)
	}
	m.rules(g.Regeln)
	m.children(g.Children)
}

func (m *migration) rules(rs fim.Rules) {
	for _, r := range rs {
		m.rule(r.Regel)
	}
}

// idRef2 and idRef3 find ids of the 2.0 and 3.0.0 form in rule prose
// ("F00000463", "F00000000463").
var (
	idRef2 = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\b[SGFRDC][0-9]{8}\b`) }}
	idRef3 = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\b[SGFRDC][0-9]{11}\b`) }}
)

func (m *migration) rule(r *fim.Regel) {
	ok, leave := m.enter(r, &r.Common)
	if !ok {
		return
	}
	defer leave()
	m.common(&r.Common, true)
	if m.up {
		if r.Typ == "" {
			m.at(finding.Warning, keyRuleTypMissing, "typ", "", "")
		}
	} else {
		m.drop(finding.Warning, "typ", &r.Typ)
	}
	m.ruleRefs(r)
}

// ruleRefs rewrites the ids that a rule's text names into the target form.
func (m *migration) ruleRefs(r *fim.Regel) {
	re := &idRef2
	if !m.up {
		re = &idRef3
	}
	var olds, news []string
	text := re.Get().ReplaceAllStringFunc(r.Definition, func(id string) string {
		n, ok := m.mapID(id)
		if ok && !slices.Contains(olds, id) {
			olds = append(olds, id)
			news = append(news, n)
		}
		return n
	})
	if len(olds) > 0 {
		r.Definition = text
		m.at(finding.Info, keyRuleRefs, "definition", strings.Join(olds, ", "), strings.Join(news, ", "))
	}
}

func (m *migration) field(f *fim.Datenfeld) {
	ok, leave := m.enter(f, &f.Common)
	if !ok {
		return
	}
	defer leave()
	m.element = true
	m.common(&f.Common, false)
	m.element = false
	if m.up {
		m.fieldUp(f)
	} else {
		m.fieldDown(f)
	}
	m.rules(f.Regeln)
}

// knownConstraint are the praezisierung keys of XDatenfelder.
var knownConstraint = []string{"minLength", "maxLength", "minValue", "maxValue", "pattern"}

func (m *migration) fieldUp(f *fim.Datenfeld) {
	if f.Vorbefuellung == "" {
		// 2.0 has no prefilling: "keine" says exactly that.
		f.Vorbefuellung = "keine"
		m.at(finding.Info, keyVorbefuellung, "vorbefuellung", "", "keine")
	}
	p := &f.Praezisierung
	if p.Raw != "" {
		keys, ok := jsonKeys(p.Raw)
		switch {
		case !ok:
			m.at(finding.Error, keyPraezisierungText, "praezisierung", p.Raw, "")
		default:
			for _, k := range keys {
				if !slices.Contains(knownConstraint, k.name) {
					m.at(finding.Warning, keyPraezisierungKey, k.name, k.value, "")
				}
			}
		}
		p.Raw = ""
	}
	if f.Codeliste != nil {
		ref := f.Codeliste
		if ref.ID != "" {
			m.at(finding.Info, keyCodelisteID, "codeliste.id", ref.ID, ref.String())
			ref.ID = ""
		}
		if m.opts.InlineCodelists > 0 {
			m.inline(f)
		}
	}
}

// inline turns the field's code list into werte when it is small enough.
func (m *migration) inline(f *fim.Datenfeld) {
	ref := f.Codeliste
	if m.opts.Codelists == nil {
		m.at(finding.Warning, keyNotInlined, "", ref.String(), "no code list directory given")
		return
	}
	uri := ref.CanonicalURI
	if uri == "" {
		uri = ref.CanonicalVersionURI
	}
	cl, err := m.opts.Codelists.Resolve(m.ctx, uri, ref.Version)
	if err != nil {
		if m.ctx.Err() != nil {
			m.err = m.ctx.Err()
			return
		}
		m.at(finding.Warning, keyNotInlined, "", ref.String(), err.Error())
		return
	}
	if len(cl.Rows) > m.opts.InlineCodelists {
		m.at(finding.Info, keyNotInlined, "", ref.String(), fmt.Sprintf("%d codes > %d", len(cl.Rows), m.opts.InlineCodelists))
		return
	}
	nameCol := f.NameKey
	if nameCol == "" {
		for _, c := range cl.Columns {
			if c.ID != cl.KeyColumn {
				nameCol = c.ID
				break
			}
		}
	}
	codeCol := f.CodeKey
	if codeCol == "" {
		codeCol = cl.KeyColumn
	}
	werte := make([]fim.Wert, 0, len(cl.Rows))
	for i := range cl.Rows {
		row := &cl.Rows[i]
		w := fim.Wert{Code: strings.TrimSpace(cl.Value(row, codeCol)), Name: strings.TrimSpace(cl.Value(row, nameCol))}
		if f.HelpKey != "" {
			w.Hilfe = strings.TrimSpace(cl.Value(row, f.HelpKey))
		}
		werte = append(werte, w)
	}
	m.at(finding.Info, keyInlined, strconv.Itoa(len(werte)), ref.String(), "")
	f.Werte = werte
	f.Codeliste = nil
	f.CodeKey, f.NameKey, f.HelpKey = "", "", ""
}

func (m *migration) fieldDown(f *fim.Datenfeld) {
	switch f.Feldart {
	case fim.FeldartHidden, fim.FeldartLocked:
		m.at(finding.Warning, keyFeldartMapped, "feldart", string(f.Feldart), string(fim.FeldartInput))
		f.Feldart = fim.FeldartInput
	}
	switch f.Datentyp {
	case fim.DatentypTextLatin, fim.DatentypTime, fim.DatentypDatetime:
		m.at(finding.Error, keyDatentypMapped, "datentyp", string(f.Datentyp), string(fim.DatentypText))
		f.Datentyp = fim.DatentypText
	}
	if !f.Praezisierung.IsZero() {
		f.Praezisierung.Raw = fim.PraezisierungJSON(f.Praezisierung)
	}
	if f.Vorbefuellung != "" {
		sev := finding.Warning
		if f.Vorbefuellung == "keine" {
			sev = finding.Info
		}
		m.at(sev, keyDropped, "vorbefuellung", string(f.Vorbefuellung), "")
		f.Vorbefuellung = ""
	}
	if len(f.Werte) > 0 {
		codes := make([]string, len(f.Werte))
		for i, w := range f.Werte {
			codes[i] = w.Code
		}
		m.at(finding.Error, keyDroppedContract, "werte", strings.Join(codes, ", "), "")
		f.Werte = nil
	}
	if f.Codeliste != nil && f.Codeliste.ID == "" {
		m.at(finding.Warning, keyCodelisteNoID, "codeliste", "", f.Codeliste.String())
	}
	m.drop(finding.Warning, "codeKey", &f.CodeKey)
	m.drop(finding.Warning, "nameKey", &f.NameKey)
	m.drop(finding.Warning, "helpKey", &f.HelpKey)
	if f.MaxSize != nil {
		m.at(finding.Error, keyDroppedContract, "maxSize", strconv.FormatInt(*f.MaxSize, 10), "")
		f.MaxSize = nil
	}
	if len(f.MediaTypes) > 0 {
		m.at(finding.Error, keyDroppedContract, "mediaType", strings.Join(f.MediaTypes, ", "), "")
		f.MediaTypes = nil
	}
}

type jsonKey struct{ name, value string }

// jsonKeys returns the keys of a JSON object with their values as text, in
// key order, or false when s is not a JSON object.
func jsonKeys(s string) ([]jsonKey, bool) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(s), &obj); err != nil || obj == nil {
		return nil, false
	}
	out := make([]jsonKey, 0, len(obj))
	for k, v := range obj {
		out = append(out, jsonKey{k, fmt.Sprint(v)})
	}
	slices.SortFunc(out, func(a, b jsonKey) int { return strings.Compare(a.name, b.name) })
	return out, true
}
