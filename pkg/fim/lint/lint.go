package lint

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// source is the Source of every finding of a lint rule.
const source = "fim-lint"

// codeList is a resolved genericode code list as the checks see it: the
// column ids, the key column and the values by row.
type codeList struct {
	// Name says where the list came from (a file path), for messages.
	Name string
	// Columns are the column ids of the list, in order.
	Columns []string
	// Key is the id of the key column.
	Key  string
	rows [][]string
}

func newCodeList(gc *codelist.CodeList) *codeList {
	cl := &codeList{Name: gc.File, Key: gc.KeyColumn}
	for _, c := range gc.Columns {
		cl.Columns = append(cl.Columns, c.ID)
	}
	for _, r := range gc.Rows {
		cl.rows = append(cl.rows, r.Values)
	}
	return cl
}

// values returns the values of column col in row order ("" where missing).
func (c *codeList) values(col string) []string {
	idx := slices.Index(c.Columns, col)
	out := make([]string, len(c.rows))
	for i, r := range c.rows {
		if idx >= 0 && idx < len(r) {
			out[i] = strings.TrimSpace(r[idx])
		}
	}
	return out
}

// hasColumn reports whether the list has a column with the id.
func (c *codeList) hasColumn(id string) bool { return slices.Contains(c.Columns, id) }

// Options tune [Lint].
type Options struct {
	// Codelists resolves code list references (e.g. a
	// [codelist.DirResolver] over the --codelists directories); nil
	// means no code lists are available and the checks that need them are
	// skipped.
	Codelists codelist.Resolver
	// Rules restricts the run to these codes; empty means all.
	Rules []string
}

// Lint runs every applicable rule of the registry on doc and returns the
// findings, sorted. Deactivated and unimplemented rules are not run; rules
// are skipped for source versions they do not apply to.
func Lint(ctx context.Context, doc *fim.Document, opts Options) []finding.Finding {
	if doc == nil {
		return nil
	}
	r := newRun(doc, opts)
	r.ctx = ctx
	only := map[string]bool{}
	for _, c := range opts.Rules {
		only[c] = true
	}
	for i := range registry {
		rule := &registry[i]
		if rule.check == nil || rule.Class == Deaktiviert || !rule.Versions.has(doc.SourceVersion) {
			continue
		}
		if len(only) > 0 && !only[rule.Code] {
			continue
		}
		rule.check(&pass{run: r, rule: rule})
	}
	return finding.Normalize(r.findings)
}

// place is one use of a group or field in the structure.
type place struct {
	ref    *fim.ElementRef
	path   string
	parent *container // the schema or group that holds this place
	depth  int        // 1 for the top level
	// cycle is set when the element is a group already on the path above.
	cycle bool
	// rootVisible: published/versioned state of the root, for 1127–1130.
}

// container is a schema or group that holds places.
type container struct {
	common   *fim.Common
	kind     fim.Kind
	art      string
	path     string
	children []*place
	isRoot   bool
}

// run is the state shared by the passes of one Lint call.
type run struct {
	ctx      context.Context
	doc      *fim.Document
	opts     Options
	places   []*place
	conts    []*container
	root     *container
	firstAt  map[*fim.Common]string // first path of every element
	expanded map[*fim.Datenfeldgruppe]bool
	findings []finding.Finding
	lists    map[*fim.CodelisteRef]*codeList

	// computed once, used by many rules
	elems     []elem
	allGroups []*fim.Datenfeldgruppe
	allFields []*fim.Datenfeld
	refs      map[*fim.Regel][]idRef
}

func newRun(doc *fim.Document, opts Options) *run {
	r := &run{doc: doc, opts: opts, firstAt: map[*fim.Common]string{}, lists: map[*fim.CodelisteRef]*codeList{},
		expanded: map[*fim.Datenfeldgruppe]bool{}}
	r.buildPlaces()
	return r
}

func idOrKind(c *fim.Common, k fim.Kind) string {
	if c.Identifier.ID != "" {
		return c.Identifier.ID
	}
	return string(k)
}

// buildPlaces walks the structure once, guarding against cycles, and
// records every place with its path. Paths are element ids joined by "/";
// a sibling id that occurs more than once gets a 1-based "[n]".
func (r *run) buildPlaces() {
	doc := r.doc
	switch {
	case doc.Schema != nil:
		c := &container{common: &doc.Schema.Common, kind: fim.KindDatenschema, isRoot: true}
		c.path = idOrKind(c.common, c.kind)
		r.root = c
		r.firstAt[c.common] = c.path
		r.conts = append(r.conts, c)
		r.walk(c, doc.Schema.Children, nil, 1)
	case doc.Group != nil:
		c := &container{common: &doc.Group.Common, kind: fim.KindDatenfeldgruppe, art: doc.Group.Art, isRoot: true}
		c.path = idOrKind(c.common, c.kind)
		r.root = c
		r.firstAt[c.common] = c.path
		r.conts = append(r.conts, c)
		r.walk(c, doc.Group.Children, []fim.Identifier{doc.Group.Identifier}, 1)
	case doc.Field != nil:
		r.firstAt[&doc.Field.Common] = idOrKind(&doc.Field.Common, fim.KindDatenfeld)
	case doc.Steckbrief != nil:
		r.firstAt[&doc.Steckbrief.Common] = idOrKind(&doc.Steckbrief.Common, fim.KindDokumentsteckbrief)
	}
	// Rules get the path of their owner plus their id.
	own := func(c *fim.Common, rules fim.Rules) {
		base, ok := r.firstAt[c]
		if !ok {
			base = c.Identifier.ID
		}
		for _, rr := range rules {
			if c := &rr.Regel.Common; r.firstAt[c] == "" {
				r.firstAt[c] = base + "/" + idOrKind(c, fim.KindRegel)
			}
		}
	}
	if doc.Schema != nil {
		own(&doc.Schema.Common, doc.Schema.Regeln)
	}
	for _, g := range doc.Groups {
		own(&g.Common, g.Regeln)
	}
	if doc.Group != nil {
		own(&doc.Group.Common, doc.Group.Regeln)
	}
	for _, f := range doc.Fields {
		own(&f.Common, f.Regeln)
	}
	if doc.Field != nil {
		own(&doc.Field.Common, doc.Field.Regeln)
	}
}

func (r *run) walk(parent *container, refs []fim.ElementRef, stack []fim.Identifier, depth int) {
	count := map[string]int{}
	for i := range refs {
		count[refs[i].Identifier().ID]++
	}
	seen := map[string]int{}
	for i := range refs {
		ref := &refs[i]
		c := ref.Common()
		seg := idOrKind(c, ref.Kind())
		if count[c.Identifier.ID] > 1 {
			seen[c.Identifier.ID]++
			seg += "[" + strconv.Itoa(seen[c.Identifier.ID]) + "]"
		}
		p := &place{ref: ref, path: parent.path + "/" + seg, parent: parent, depth: depth}
		if _, ok := r.firstAt[c]; !ok {
			r.firstAt[c] = p.path
		}
		r.places = append(r.places, p)
		parent.children = append(parent.children, p)
		if ref.Group == nil {
			continue
		}
		for _, id := range stack {
			if id == c.Identifier {
				p.cycle = true
			}
		}
		// A group used at several places is one object: its children are
		// visited once, under its first path, so that the walk stays
		// linear in the size of the input however often groups are reused.
		if p.cycle || r.expanded[ref.Group] {
			continue
		}
		r.expanded[ref.Group] = true
		g := &container{common: c, kind: fim.KindDatenfeldgruppe, art: ref.Group.Art, path: p.path}
		r.conts = append(r.conts, g)
		r.walk(g, ref.Group.Children, append(stack, c.Identifier), depth+1)
	}
}

// pass is one rule running on one document.
type pass struct {
	*run
	rule *Rule
}

// pathOf returns the first path at which the element occurs.
func (p *pass) pathOf(c *fim.Common) string {
	if s, ok := p.firstAt[c]; ok {
		return s
	}
	return c.Identifier.ID
}

// report adds a finding about element c at pos (c.Pos when pos is zero)
// and path (the element's first path when empty).
func (p *pass) report(c *fim.Common, pos fim.Pos, path string, args ...any) {
	p.reportCase("", c, pos, path, args...)
}

// reportCase is report for a case of the rule with its own title (see
// Rule.Cases); key "" is the rule's title.
func (p *pass) reportCase(key string, c *fim.Common, pos fim.Pos, path string, args ...any) {
	if pos.Line == 0 && c != nil {
		pos = c.Pos
	}
	if path == "" && c != nil {
		path = p.pathOf(c)
	}
	f := finding.Finding{
		Rule:     p.rule.Code,
		Severity: p.rule.Severity(),
		Msg:      p.rule.caseMsg(key, args...),
		Line:     pos.Line,
		Column:   pos.Column,
		Path:     path,
		Class:    string(p.rule.Class),
		Source:   source,
	}
	if c != nil {
		f.ElementID = c.Identifier.ID
		f.ElementVersion = c.Identifier.Version
	}
	p.findings = append(p.findings, f)
}

// at reports about an element at its own position and first path.
func (p *pass) at(c *fim.Common, args ...any) { p.report(c, fim.Pos{}, "", args...) }

// atPlace reports about a place (a use of an element in a structure).
func (p *pass) atPlace(pl *place, args ...any) { p.atPlaceCase("", pl, args...) }

// atPlaceCase is atPlace for a case of the rule with its own title.
func (p *pass) atPlaceCase(key string, pl *place, args ...any) {
	pos := pl.ref.Pos
	if pos.Line == 0 {
		pos = pl.ref.Common().Pos
	}
	p.reportCase(key, pl.ref.Common(), pos, pl.path, args...)
}

// elem is a FIM element of the document with its kind.
type elem struct {
	c    *fim.Common
	kind fim.Kind
}

// elements lists every element of the document once: the root item, the
// groups, the fields and the rules.
func (r *run) elements() []elem {
	if r.elems == nil {
		r.elems = r.listElements()
	}
	return r.elems
}

func (r *run) listElements() []elem {
	var out []elem
	d := r.doc
	if d.Schema != nil {
		out = append(out, elem{&d.Schema.Common, fim.KindDatenschema})
	}
	if d.Steckbrief != nil {
		out = append(out, elem{&d.Steckbrief.Common, fim.KindDokumentsteckbrief})
	}
	seen := map[*fim.Common]bool{}
	add := func(c *fim.Common, k fim.Kind) {
		if !seen[c] {
			seen[c] = true
			out = append(out, elem{c, k})
		}
	}
	if d.Group != nil {
		add(&d.Group.Common, fim.KindDatenfeldgruppe)
	}
	for _, g := range d.Groups {
		add(&g.Common, fim.KindDatenfeldgruppe)
	}
	if d.Field != nil {
		add(&d.Field.Common, fim.KindDatenfeld)
	}
	for _, f := range d.Fields {
		add(&f.Common, fim.KindDatenfeld)
	}
	for _, rg := range d.Rules {
		add(&rg.Common, fim.KindRegel)
	}
	return out
}

// groups lists every group of the document once (the root group too).
func (r *run) groups() []*fim.Datenfeldgruppe {
	if r.allGroups == nil {
		r.allGroups = r.listGroups()
	}
	return r.allGroups
}

func (r *run) listGroups() []*fim.Datenfeldgruppe { return withRoot(r.doc.Group, r.doc.Groups) }

// fields lists every field of the document once (a root field too).
func (r *run) fields() []*fim.Datenfeld {
	if r.allFields == nil {
		r.allFields = r.listFields()
	}
	return r.allFields
}

func (r *run) listFields() []*fim.Datenfeld { return withRoot(r.doc.Field, r.doc.Fields) }

// withRoot lists all, with root (a document's root group or field) in
// front unless it is nil or among them already; the slice is new.
func withRoot[T comparable](root T, all []T) []T {
	var zero T
	if root == zero || slices.Contains(all, root) {
		return slices.Clone(all)
	}
	return slices.Concat([]T{root}, all)
}

// codeList resolves a field's code list through the options' resolver,
// once per reference.
func (r *run) codeList(ref *fim.CodelisteRef) *codeList {
	if ref == nil || r.opts.Codelists == nil {
		return nil
	}
	if cl, ok := r.lists[ref]; ok {
		return cl
	}
	uri, version := strings.TrimSpace(ref.CanonicalURI), strings.TrimSpace(ref.Version)
	if uri == "" {
		uri, version = strings.TrimSpace(ref.CanonicalVersionURI), ""
	}
	var cl *codeList
	if uri != "" {
		if gc, err := r.opts.Codelists.Resolve(r.ctx, uri, version); err == nil && gc != nil {
			cl = newCodeList(gc)
		}
	}
	r.lists[ref] = cl
	return cl
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }
