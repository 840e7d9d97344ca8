package diff

import (
	"cmp"
	"context"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

// Class says what a change means for those who build against a schema.
type Class string

// The change classes, from the most to the least severe.
const (
	Breaking   Class = "breaking"
	Compatible Class = "compatible"
	Editorial  Class = "editorial"
)

// rank orders the classes: breaking is highest.
func (c Class) rank() int {
	switch c {
	case Breaking:
		return 3
	case Compatible:
		return 2
	case Editorial:
		return 1
	}
	return 0
}

// AtLeast reports whether c is as severe as min or more.
func (c Class) AtLeast(min Class) bool { return c.rank() >= min.rank() && min.rank() > 0 }

// ParseClass parses breaking, compatible or editorial.
func ParseClass(s string) (Class, bool) {
	c := Class(s)
	return c, c.rank() > 0
}

// Kind says what happened to an element.
type Kind string

// The change kinds.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Moved   Kind = "moved"
	Renamed Kind = "renamed"
	Changed Kind = "changed"
)

// Change is one difference between the old and the new document. Path
// names the element by ids from the root (in the new document, in the old
// one for removed elements); What names the property (datentyp, anzahl,
// praezisierung.maxLength, …); Old and New are its values.
type Change struct {
	Class   Class          `json:"class"`
	Kind    Kind           `json:"kind"`
	Path    string         `json:"path"`
	Element fim.Identifier `json:"element"`
	What    string         `json:"what,omitempty"`
	Old     any            `json:"old,omitempty"`
	New     any            `json:"new,omitempty"`
}

// Identity names a compared document.
type Identity struct {
	File                 string            `json:"file"`
	ID                   string            `json:"id"`
	Version              string            `json:"version,omitempty"`
	Kind                 fim.Kind          `json:"kind"`
	XDatenfelder         fim.SourceVersion `json:"xdatenfelder"`
	NachrichtID          string            `json:"nachrichtID,omitempty"`
	Erstellungszeitpunkt string            `json:"erstellungszeitpunkt,omitempty"`
}

// Summary counts the changes by class.
type Summary struct {
	Breaking   int `json:"breaking"`
	Compatible int `json:"compatible"`
	Editorial  int `json:"editorial"`
}

// Result is the comparison of two documents.
type Result struct {
	Old Identity `json:"old"`
	New Identity `json:"new"`
	// SameIdentity is set when both documents have the same root id and
	// version; with changes, that is content changed without a new
	// version.
	SameIdentity bool     `json:"sameIdentity"`
	Changes      []Change `json:"changes"`
	Summary      Summary  `json:"summary"`
}

// Max returns the most severe class of the changes ("" without changes).
func (r *Result) Max() Class {
	var m Class
	for _, c := range r.Changes {
		if c.Class.rank() > m.rank() {
			m = c.Class
		}
	}
	return m
}

// Options tune [Compare].
type Options struct {
	// Codelists, when set, lets a changed code list reference be classified
	// by its codes: removed codes are breaking, only added ones compatible.
	// Without it any change of list or version is breaking.
	Codelists codelist.Resolver
}

// Compare compares two XDatenfelder documents of any version mix. Elements
// are matched by id (a 2.0 id matches the 3.0.0 id it widens to with
// sub-Nummernkreis 000), then unmatched ones by kind and name. Changes come
// in the order of the new document, removed elements after it.
func Compare(ctx context.Context, old, new *fim.Document, opts Options) *Result {
	r := &Result{Old: identity(old), New: identity(new), Changes: []Change{}}
	r.SameIdentity = old.RootIdent.ID != "" && normID(old.RootIdent.ID) == normID(new.RootIdent.ID) &&
		normVersion(old.RootIdent.Version) == normVersion(new.RootIdent.Version)
	c := &comparer{ctx: ctx, opts: opts, res: r}
	c.old, c.new = index(old), index(new)
	c.match()
	c.compareAll()
	for _, ch := range r.Changes {
		switch ch.Class {
		case Breaking:
			r.Summary.Breaking++
		case Compatible:
			r.Summary.Compatible++
		case Editorial:
			r.Summary.Editorial++
		}
	}
	return r
}

func identity(d *fim.Document) Identity {
	return Identity{File: d.File, ID: d.RootIdent.ID, Version: d.RootIdent.Version, Kind: d.Kind, XDatenfelder: d.SourceVersion,
		NachrichtID: d.Header.NachrichtID, Erstellungszeitpunkt: d.Header.Erstellungszeitpunkt.Raw}
}

var id2 = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z])([0-9]{2})([0-9]{6})$`) }}

// normID gives 2.0 ids their 3.0.0 form, so that both versions compare.
func normID(id string) string {
	if p := id2.Get().FindStringSubmatch(id); p != nil {
		return p[1] + p[2] + "000" + p[3]
	}
	return id
}

// normVersion gives 2.0 versions their 3.0.0 form (1.0 → 1.0.0).
func normVersion(v string) string {
	if n := strings.Count(v, "."); n < 2 && v != "" {
		return v + strings.Repeat(".0", 2-n)
	}
	return v
}

// elem is one element of a document with every place it is used at.
type elem struct {
	key    string // kind + normalised id
	kind   fim.Kind
	c      *fim.Common
	schema *fim.Datenschema
	group  *fim.Datenfeldgruppe
	field  *fim.Datenfeld
	rule   *fim.Regel
	steck  *fim.Dokumentsteckbrief
	path   string
	places []place
	// under is the key of the element this one was first found under.
	under string
	order int
	match *elem
}

// place is one use of an element: its parent, position and cardinality.
type place struct {
	parent string
	index  int
	anzahl fim.Cardinality
	bezug  []fim.Bezug
}

type docIndex struct {
	all   []*elem
	byKey map[string]*elem
	// children holds, per parent key, the child keys in order.
	children map[string][]string
}

func keyOf(kind fim.Kind, id string) string { return string(kind) + ":" + normID(id) }

func index(d *fim.Document) *docIndex {
	ix := &docIndex{byKey: map[string]*elem{}, children: map[string][]string{}}
	add := func(e *elem) *elem {
		if old, ok := ix.byKey[e.key]; ok {
			return old
		}
		e.order = len(ix.all)
		ix.all = append(ix.all, e)
		ix.byKey[e.key] = e
		return e
	}
	var rules func(parent *elem, rs fim.Rules)
	rules = func(parent *elem, rs fim.Rules) {
		for i, rr := range rs {
			rg := rr.Regel
			e := add(&elem{key: keyOf(fim.KindRegel, rg.Identifier.ID), kind: fim.KindRegel, c: &rg.Common, rule: rg,
				path: parent.path + "/" + rg.Identifier.ID, under: parent.key})
			e.places = append(e.places, place{parent: parent.key, index: i})
		}
	}
	var walk func(parent *elem, refs []fim.ElementRef)
	walk = func(parent *elem, refs []fim.ElementRef) {
		for i := range refs {
			ref := &refs[i]
			c := ref.Common()
			e := &elem{key: keyOf(ref.Kind(), c.Identifier.ID), kind: ref.Kind(), c: c, group: ref.Group, field: ref.Field,
				path: parent.path + "/" + c.Identifier.ID, under: parent.key}
			seen := ix.byKey[e.key] != nil
			e = add(e)
			e.places = append(e.places, place{parent: parent.key, index: i, anzahl: ref.Anzahl, bezug: ref.Bezug})
			ix.children[parent.key] = append(ix.children[parent.key], e.key)
			if seen {
				continue
			}
			if ref.Group != nil {
				rules(e, ref.Group.Regeln)
				walk(e, ref.Group.Children)
			} else if ref.Field != nil {
				rules(e, ref.Field.Regeln)
			}
		}
	}
	switch {
	case d.Schema != nil:
		root := add(&elem{key: keyOf(fim.KindDatenschema, d.Schema.Identifier.ID), kind: fim.KindDatenschema, c: &d.Schema.Common,
			schema: d.Schema, path: d.Schema.Identifier.ID})
		rules(root, d.Schema.Regeln)
		walk(root, d.Schema.Children)
	case d.Group != nil:
		root := add(&elem{key: keyOf(fim.KindDatenfeldgruppe, d.Group.Identifier.ID), kind: fim.KindDatenfeldgruppe, c: &d.Group.Common,
			group: d.Group, path: d.Group.Identifier.ID})
		rules(root, d.Group.Regeln)
		walk(root, d.Group.Children)
	case d.Field != nil:
		root := add(&elem{key: keyOf(fim.KindDatenfeld, d.Field.Identifier.ID), kind: fim.KindDatenfeld, c: &d.Field.Common,
			field: d.Field, path: d.Field.Identifier.ID})
		rules(root, d.Field.Regeln)
	case d.Steckbrief != nil:
		add(&elem{key: keyOf(fim.KindDokumentsteckbrief, d.Steckbrief.Identifier.ID), kind: fim.KindDokumentsteckbrief,
			c: &d.Steckbrief.Common, steck: d.Steckbrief, path: d.Steckbrief.Identifier.ID})
	}
	return ix
}

type comparer struct {
	ctx      context.Context
	opts     Options
	res      *Result
	old, new *docIndex
}

func (c *comparer) add(class Class, kind Kind, e *elem, what string, old, new any) {
	c.res.Changes = append(c.res.Changes, Change{Class: class, Kind: kind, Path: e.path, Element: e.c.Identifier, What: what, Old: old, New: new})
}

// match pairs the elements of both documents: by key, then the rest by
// kind and name when the name is unique on both sides.
func (c *comparer) match() {
	for _, n := range c.new.all {
		if o, ok := c.old.byKey[n.key]; ok {
			n.match, o.match = o, n
		}
	}
	// The roots always correspond, whatever their ids.
	if len(c.old.all) > 0 && len(c.new.all) > 0 && c.old.all[0].match == nil && c.new.all[0].match == nil &&
		c.old.all[0].kind == c.new.all[0].kind {
		c.old.all[0].match, c.new.all[0].match = c.new.all[0], c.old.all[0]
	}
	byName := func(ix *docIndex) map[string][]*elem {
		m := map[string][]*elem{}
		for _, e := range ix.all {
			if e.match == nil && e.c.Name != "" {
				k := string(e.kind) + "\x00" + e.c.Name
				m[k] = append(m[k], e)
			}
		}
		return m
	}
	on, nn := byName(c.old), byName(c.new)
	for _, n := range c.new.all {
		if n.match != nil {
			continue
		}
		k := string(n.kind) + "\x00" + n.c.Name
		if len(on[k]) == 1 && len(nn[k]) == 1 {
			o := on[k][0]
			n.match, o.match = o, n
		}
	}
}

// matchedKey returns the key of the counterpart of the old element with
// key k in the new document ("" when it has none).
func (c *comparer) newKeyOf(oldKey string) string {
	if o := c.old.byKey[oldKey]; o != nil && o.match != nil {
		return o.match.key
	}
	return ""
}

func (c *comparer) compareAll() {
	for _, n := range c.new.all {
		if n.match == nil {
			if n.under != "" && c.new.byKey[n.under].match == nil {
				continue // inside an added group: the group is reported
			}
			c.added(n)
			continue
		}
		c.compare(n.match, n)
	}
	for _, o := range c.old.all {
		if o.match == nil {
			if o.under != "" && c.old.byKey[o.under].match == nil {
				continue
			}
			class := Breaking
			if o.kind == fim.KindRegel {
				class = Compatible // one constraint less
			}
			c.add(class, Removed, o, string(o.kind), o.c.Identifier.String(), nil)
		}
	}
}

// added classifies a new element: required at one of its places (or a
// rule) is breaking, optional compatible.
func (c *comparer) added(n *elem) {
	class := Compatible
	if n.kind == fim.KindRegel {
		class = Breaking
	}
	for _, p := range n.places {
		if p.anzahl.Required() {
			class = Breaking
		}
	}
	var card any
	if len(n.places) > 0 && n.kind != fim.KindRegel {
		card = n.places[0].anzahl.String()
	}
	c.add(class, Added, n, string(n.kind), nil, orNil(n.c.Identifier.String()+cardSuffix(card)))
}

func cardSuffix(card any) string {
	if s, ok := card.(string); ok {
		return " " + s
	}
	return ""
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// compare reports the differences of one matched element.
func (c *comparer) compare(o, n *elem) {
	if normID(o.c.Identifier.ID) != normID(n.c.Identifier.ID) {
		c.add(Breaking, Changed, n, "id", o.c.Identifier.ID, n.c.Identifier.ID)
	}
	if normVersion(o.c.Identifier.Version) != normVersion(n.c.Identifier.Version) {
		c.add(Compatible, Changed, n, "version", o.c.Identifier.Version, n.c.Identifier.Version)
	}
	if o.c.Name != n.c.Name {
		c.add(Editorial, Renamed, n, "name", o.c.Name, n.c.Name)
	}
	c.texts(o, n)
	c.status(o, n)
	c.places(o, n)
	switch {
	case n.field != nil && o.field != nil:
		c.fieldProps(o, n)
	case n.rule != nil && o.rule != nil:
		c.ruleProps(o, n)
	}
}

// texts compares the descriptive texts: editorial changes.
func (c *comparer) texts(o, n *elem) {
	pairs := []struct {
		what     string
		old, new string
	}{
		{"bezeichnungEingabe", o.c.BezeichnungEingabe, n.c.BezeichnungEingabe},
		{"bezeichnungAusgabe", o.c.BezeichnungAusgabe, n.c.BezeichnungAusgabe},
		{"beschreibung", o.c.Beschreibung, n.c.Beschreibung},
		{"hilfetextEingabe", o.c.HilfetextEingabe, n.c.HilfetextEingabe},
		{"hilfetextAusgabe", o.c.HilfetextAusgabe, n.c.HilfetextAusgabe},
		{"bezug", bezugText(o.c.Bezug), bezugText(n.c.Bezug)},
	}
	if o.rule == nil {
		pairs = append(pairs, struct{ what, old, new string }{"definition", o.c.Definition, n.c.Definition})
	}
	if o.schema != nil && n.schema != nil {
		pairs = append(pairs, struct{ what, old, new string }{"bezeichnung", o.schema.Bezeichnung, n.schema.Bezeichnung},
			struct{ what, old, new string }{"hilfetext", o.schema.Hilfetext, n.schema.Hilfetext})
	}
	for _, p := range pairs {
		if norm(p.old) != norm(p.new) {
			c.add(Editorial, Changed, n, p.what, orNil(p.old), orNil(p.new))
		}
	}
}

// norm collapses white space, so that re-wrapped text is not a change.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func bezugText(bs []fim.Bezug) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, b.Text)
	}
	return strings.Join(parts, "; ")
}

// status compares the release status; a status in 2.0 and a freigabestatus
// in 3.0.0 are compared as they are.
func (c *comparer) status(o, n *elem) {
	os, ns := o.c.Status+o.c.Freigabestatus, n.c.Status+n.c.Freigabestatus
	if o.c.Status != "" && n.c.Freigabestatus != "" || o.c.Freigabestatus != "" && n.c.Status != "" {
		return // different code lists: not comparable
	}
	if os != ns {
		c.add(Compatible, Changed, n, "status", orNil(os), orNil(ns))
	}
}

// places compares where an element is used: parents (moved), order among
// the siblings (moved) and cardinality.
func (c *comparer) places(o, n *elem) {
	if n.kind == fim.KindRegel || len(n.places) == 0 || len(o.places) == 0 {
		return
	}
	oldParents := map[string]place{}
	for _, p := range o.places {
		if k := c.newKeyOf(p.parent); k != "" {
			oldParents[k] = p
		} else {
			oldParents["old:"+p.parent] = p
		}
	}
	moved := false
	for _, p := range n.places {
		op, ok := oldParents[p.parent]
		if !ok {
			moved = true
			continue
		}
		c.cardinality(n, op.anzahl, p.anzahl)
		if bezugText(op.bezug) != bezugText(p.bezug) {
			c.add(Editorial, Changed, n, "struktur.bezug", orNil(bezugText(op.bezug)), orNil(bezugText(p.bezug)))
		}
		if c.reordered(p.parent, n.key) {
			c.add(Breaking, Moved, n, "position", op.index+1, p.index+1)
		}
	}
	if moved || len(o.places) != len(n.places) {
		c.add(Breaking, Moved, n, "parent", parentPaths(c.old, o), parentPaths(c.new, n))
	}
}

func parentPaths(ix *docIndex, e *elem) string {
	var ps []string
	for _, p := range e.places {
		if pe := ix.byKey[p.parent]; pe != nil {
			ps = append(ps, pe.path)
		}
	}
	return strings.Join(ps, ", ")
}

// reordered reports whether the child with key k left the longest common
// order of the children both versions of the parent share.
func (c *comparer) reordered(newParent, k string) bool {
	np := c.new.byKey[newParent]
	if np == nil || np.match == nil {
		return false
	}
	var oldSeq, newSeq []string
	for _, ok := range c.old.children[np.match.key] {
		if nk := c.newKeyOf(ok); nk != "" && slices.Contains(c.new.children[newParent], nk) {
			oldSeq = append(oldSeq, nk)
		}
	}
	for _, nk := range c.new.children[newParent] {
		if ne := c.new.byKey[nk]; ne.match != nil && slices.Contains(c.old.children[np.match.key], ne.match.key) {
			newSeq = append(newSeq, nk)
		}
	}
	return !slices.Contains(lcs(oldSeq, newSeq), k) && slices.Contains(newSeq, k)
}

// lcs returns a longest common subsequence of a and b.
func lcs(a, b []string) []string {
	n, m := len(a), len(b)
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var out []string
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// cardinality classifies an anzahl change: a higher minimum or a lower
// maximum is breaking, the opposite compatible.
func (c *comparer) cardinality(n *elem, o, w fim.Cardinality) {
	if o.String() == w.String() {
		return
	}
	class := Compatible
	if w.Min > o.Min || (w.Max != fim.Unbounded && (o.Max == fim.Unbounded || w.Max < o.Max)) {
		class = Breaking
	}
	c.add(class, Changed, n, "anzahl", o.String(), w.String())
}

// wider lists data type changes that accept every value the old type did.
var wider = lazy.Value[map[[2]fim.Datentyp]bool]{F: func() map[[2]fim.Datentyp]bool {
	return map[[2]fim.Datentyp]bool{
		{fim.DatentypTextLatin, fim.DatentypText}:  true,
		{fim.DatentypNumInt, fim.DatentypNum}:      true,
		{fim.DatentypNumCurrency, fim.DatentypNum}: true,
		{fim.DatentypDate, fim.DatentypText}:       true,
		{fim.DatentypNumInt, fim.DatentypText}:     true,
		{fim.DatentypNum, fim.DatentypText}:        true,
	}
}}

func (c *comparer) fieldProps(o, n *elem) {
	of, nf := o.field, n.field
	if of.Datentyp != nf.Datentyp {
		class := Breaking
		if wider.Get()[[2]fim.Datentyp{of.Datentyp, nf.Datentyp}] {
			class = Compatible
		}
		c.add(class, Changed, n, "datentyp", string(of.Datentyp), string(nf.Datentyp))
	}
	if of.Feldart != nf.Feldart {
		c.add(Breaking, Changed, n, "feldart", string(of.Feldart), string(nf.Feldart))
	}
	if norm(of.Inhalt) != norm(nf.Inhalt) {
		class := Compatible
		if nf.Feldart == fim.FeldartLabel {
			class = Editorial
		}
		c.add(class, Changed, n, "inhalt", orNil(of.Inhalt), orNil(nf.Inhalt))
	}
	c.constraints(n, of.Praezisierung, nf.Praezisierung)
	c.codeliste(n, of, nf)
	c.werte(n, of.Werte, nf.Werte)
	if of.Vorbefuellung != nf.Vorbefuellung && !(of.Vorbefuellung == "" && nf.Vorbefuellung == "keine") && !(nf.Vorbefuellung == "" && of.Vorbefuellung == "keine") {
		c.add(Compatible, Changed, n, "vorbefuellung", orNil(string(of.Vorbefuellung)), orNil(string(nf.Vorbefuellung)))
	}
	switch {
	case of.MaxSize == nil && nf.MaxSize == nil:
	case of.MaxSize == nil:
		c.add(Breaking, Changed, n, "maxSize", nil, *nf.MaxSize)
	case nf.MaxSize == nil:
		c.add(Compatible, Changed, n, "maxSize", *of.MaxSize, nil)
	case *nf.MaxSize < *of.MaxSize:
		c.add(Breaking, Changed, n, "maxSize", *of.MaxSize, *nf.MaxSize)
	case *nf.MaxSize > *of.MaxSize:
		c.add(Compatible, Changed, n, "maxSize", *of.MaxSize, *nf.MaxSize)
	}
	for _, mt := range of.MediaTypes {
		if !slices.Contains(nf.MediaTypes, mt) && len(nf.MediaTypes) > 0 {
			c.add(Breaking, Changed, n, "mediaType", mt, nil)
		}
	}
	for _, mt := range nf.MediaTypes {
		if !slices.Contains(of.MediaTypes, mt) {
			class := Compatible
			if len(of.MediaTypes) == 0 {
				class = Breaking // any type was allowed, now only the listed ones
			}
			c.add(class, Changed, n, "mediaType", nil, mt)
		}
	}
}

// constraints classifies praezisierung changes: narrower is breaking,
// wider compatible; a changed pattern is breaking (it cannot be told
// whether it accepts more or less).
func (c *comparer) constraints(n *elem, o, w fim.Constraints) {
	bound(c, n, "praezisierung.minLength", o.MinLength, w.MinLength, false, orderInts)
	bound(c, n, "praezisierung.maxLength", o.MaxLength, w.MaxLength, true, orderInts)
	bound(c, n, "praezisierung.minValue", o.MinValue, w.MinValue, false, orderDecimals)
	bound(c, n, "praezisierung.maxValue", o.MaxValue, w.MaxValue, true, orderDecimals)
	if o.Pattern != w.Pattern {
		class := Breaking
		if w.Pattern == "" {
			class = Compatible
		}
		c.add(class, Changed, n, "praezisierung.pattern", orNil(o.Pattern), orNil(w.Pattern))
	}
}

// bound classifies the change of a bound from ov to nv: one added is
// breaking, one dropped compatible, and a changed one breaking when it
// narrows what is allowed (lowerIsNarrower for an upper bound). order
// compares the new value with the old one; where it cannot (ok false),
// any change is breaking.
func bound[T comparable](c *comparer, n *elem, what string, ov, nv *T, lowerIsNarrower bool, order func(o, n T) (d int, ok bool)) {
	switch {
	case ov == nil && nv == nil:
	case ov == nil:
		c.add(Breaking, Changed, n, what, nil, *nv)
	case nv == nil:
		c.add(Compatible, Changed, n, what, *ov, nil)
	default:
		d, ok := order(*ov, *nv)
		if !ok {
			if *ov != *nv {
				c.add(Breaking, Changed, n, what, *ov, *nv)
			}
			return
		}
		if d != 0 {
			narrower := d > 0
			if lowerIsNarrower {
				narrower = d < 0
			}
			c.add(classOf(narrower), Changed, n, what, *ov, *nv)
		}
	}
}

func orderInts(o, n int) (int, bool) { return cmp.Compare(n, o), true }

// orderDecimals compares two decimal texts by value.
func orderDecimals(o, n string) (int, bool) {
	a, aok := new(big.Rat).SetString(o)
	b, bok := new(big.Rat).SetString(n)
	if !aok || !bok {
		return 0, false
	}
	return b.Cmp(a), true
}

func classOf(narrower bool) Class {
	if narrower {
		return Breaking
	}
	return Compatible
}

// codeliste compares code list references by URI and version; with a
// resolver, a version change is classified by the codes.
func (c *comparer) codeliste(n *elem, of, nf *fim.Datenfeld) {
	o, w := of.Codeliste, nf.Codeliste
	switch {
	case o == nil && w == nil:
		return
	case o == nil:
		c.add(Breaking, Changed, n, "codeliste", nil, w.String())
		return
	case w == nil:
		class := Compatible
		if len(nf.Werte) > 0 {
			class = Breaking // the values now come from werte; checked there
			if c.sameCodes(o, nf.Werte) {
				class = Compatible
			}
		}
		c.add(class, Changed, n, "codeliste", o.String(), nil)
		return
	}
	if o.CanonicalURI != w.CanonicalURI {
		c.add(Breaking, Changed, n, "codeliste", o.String(), w.String())
		return
	}
	if o.Version != w.Version {
		c.add(c.codesClass(o, w), Changed, n, "codeliste.version", orNil(o.Version), orNil(w.Version))
	}
}

func (c *comparer) resolve(r *fim.CodelisteRef) []string {
	if c.opts.Codelists == nil {
		return nil
	}
	uri := r.CanonicalURI
	if uri == "" {
		uri = r.CanonicalVersionURI
	}
	cl, err := c.opts.Codelists.Resolve(c.ctx, uri, r.Version)
	if err != nil {
		return nil
	}
	return cl.Codes()
}

// codesClass is compatible when the new list keeps every old code, breaking
// otherwise or when a list cannot be resolved.
func (c *comparer) codesClass(o, w *fim.CodelisteRef) Class {
	oc, wc := c.resolve(o), c.resolve(w)
	if oc == nil || wc == nil {
		return Breaking
	}
	for _, code := range oc {
		if !slices.Contains(wc, code) {
			return Breaking
		}
	}
	return Compatible
}

func (c *comparer) sameCodes(o *fim.CodelisteRef, werte []fim.Wert) bool {
	oc := c.resolve(o)
	if oc == nil {
		return false
	}
	for _, code := range oc {
		if !slices.ContainsFunc(werte, func(w fim.Wert) bool { return w.Code == code }) {
			return false
		}
	}
	return true
}

// werte compares inline values: a removed code is breaking, an added one
// compatible, a renamed one editorial.
func (c *comparer) werte(n *elem, o, w []fim.Wert) {
	find := func(ws []fim.Wert, code string) *fim.Wert {
		for i := range ws {
			if ws[i].Code == code {
				return &ws[i]
			}
		}
		return nil
	}
	for _, ov := range o {
		nv := find(w, ov.Code)
		switch {
		case nv == nil:
			c.add(Breaking, Changed, n, "werte", ov.Code, nil)
		case norm(nv.Name) != norm(ov.Name) || norm(nv.Hilfe) != norm(ov.Hilfe):
			c.add(Editorial, Changed, n, "werte."+ov.Code, ov.Name, nv.Name)
		}
	}
	for _, nv := range w {
		if find(o, nv.Code) == nil {
			c.add(Compatible, Changed, n, "werte", nil, nv.Code)
		}
	}
}

// idInText finds 2.0 ids in rule prose.
var idInText = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\b[SGFRDC][0-9]{8}\b`) }}

// ruleText normalises a rule text for comparison: white space collapsed,
// ids in their 3.0.0 form (a migration rewrites them).
func ruleText(s string) string { return idInText.Get().ReplaceAllStringFunc(norm(s), normID) }

// ruleProps compares rules: a changed rule text, script or type may
// change what is accepted, so it is breaking.
func (c *comparer) ruleProps(o, n *elem) {
	or, nr := o.rule, n.rule
	if ruleText(or.Definition) != ruleText(nr.Definition) {
		c.add(Breaking, Changed, n, "regel.definition", orNil(or.Definition), orNil(nr.Definition))
	}
	if norm(or.Skript) != norm(nr.Skript) {
		c.add(Breaking, Changed, n, "regel.skript", orNil(or.Skript), orNil(nr.Skript))
	}
	if or.Typ != nr.Typ && or.Typ != "" {
		c.add(Breaking, Changed, n, "regel.typ", orNil(or.Typ), orNil(nr.Typ))
	}
}

// String returns "class kind path what: old → new" (for debugging).
func (ch Change) String() string {
	return fmt.Sprintf("%s %s %s %s: %v → %v", ch.Class, ch.Kind, ch.Path, ch.What, ch.Old, ch.New)
}
