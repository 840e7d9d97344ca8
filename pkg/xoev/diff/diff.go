package diff

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// Set is a loaded version of an XÖV schema set: its message types, each
// flattened into items by stable path.
type Set struct {
	// Source is the directory or entry schema as given.
	Source string
	// Namespaces are the target namespaces of the message types.
	Namespaces []string
	Messages   map[string][]Item
	// Files are the schema documents read.
	Files []string
}

// LoadOptions tune [Load].
type LoadOptions struct {
	// Catalogs are XML catalogs for an entry schema's imports; none uses
	// a catalog.xml next to it, if there is one.
	Catalogs []string
}

// Load reads one version of a schema set: a directory (every *.xsd below
// it; message types are the global elements named like area.message.NNNN)
// or an entry XSD (its include/import closure, loaded by
// [xoev.LoadSchemaSet] with the catalog).
func Load(ctx context.Context, path string, opts LoadOptions) (*Set, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load schema set: %w", err)
	}
	var files []string
	if st.IsDir() {
		err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xsd") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("load schema set %s: %w", path, err)
		}
	} else {
		lo := xoev.LoadOptions{Catalogs: opts.Catalogs}
		if len(lo.Catalogs) == 0 {
			if c := filepath.Join(filepath.Dir(path), "catalog.xml"); fileExists(c) {
				lo.Catalogs = []string{c}
			}
		}
		set, err := xoev.LoadSchemaSet(ctx, path, lo)
		if err != nil {
			return nil, fmt.Errorf("load schema set %s: %w", path, err)
		}
		for _, d := range set.Docs {
			files = append(files, d.Path)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("load schema set %s: no *.xsd files", path)
	}
	var docs []*node
	for _, f := range files {
		d, err := parseDoc(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	c := index(docs)
	s := &Set{Source: path, Messages: map[string][]Item{}, Files: files}
	for _, m := range c.messages {
		s.Messages[m.Local] = c.flatten(m)
		if !slices.Contains(s.Namespaces, m.NS) {
			s.Namespaces = append(s.Namespaces, m.NS)
		}
	}
	if len(s.Messages) == 0 {
		return nil, fmt.Errorf("load schema set %s: no message elements (global elements named like area.message.NNNN)", path)
	}
	return s, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// Effect says whether a change breaks one side of an exchange.
type Effect string

// The effects of a change on senders and receivers.
const (
	compatible Effect = "compatible"
	breaks     Effect = "breaking"
)

// Change is one difference between the versions. Senders: messages that
// were valid under the old schema are no longer valid under the new one
// (existing senders must change). Receivers: messages valid under the new
// schema are not valid under the old one (existing receivers must change).
type Change struct {
	Message   string `json:"message"`
	Kind      string `json:"kind"`
	Path      string `json:"path"`
	What      string `json:"what,omitempty"`
	Old       any    `json:"old,omitempty"`
	New       any    `json:"new,omitempty"`
	Senders   Effect `json:"senders"`
	Receivers Effect `json:"receivers"`
}

// class is breaking when the change breaks either side.
func (c Change) class() string {
	if c.Senders == breaks || c.Receivers == breaks {
		return "breaking"
	}
	return "compatible"
}

// Summary counts the changes.
type Summary struct {
	MessagesAdded   int `json:"messagesAdded"`
	MessagesRemoved int `json:"messagesRemoved"`
	MessagesChanged int `json:"messagesChanged"`
	Breaking        int `json:"breaking"`
	Compatible      int `json:"compatible"`
	// BreakingSenders and BreakingReceivers count the changes that break
	// each side.
	BreakingSenders   int `json:"breakingSenders"`
	BreakingReceivers int `json:"breakingReceivers"`
}

// SetIdentity names a compared schema set version.
type SetIdentity struct {
	Source     string   `json:"source"`
	Namespaces []string `json:"namespaces"`
	Messages   int      `json:"messages"`
	Files      int      `json:"files"`
}

// Result is the comparison of two schema set versions.
type Result struct {
	Old     SetIdentity `json:"old"`
	New     SetIdentity `json:"new"`
	Changes []Change    `json:"changes"`
	Summary Summary     `json:"summary"`
}

func ident(s *Set) SetIdentity {
	return SetIdentity{Source: s.Source, Namespaces: s.Namespaces, Messages: len(s.Messages), Files: len(s.Files)}
}

// Compare compares two versions message type by message type, and within
// a message type item by stable path (local names: the namespace of a new
// version does not make every path new).
func Compare(old, new *Set) *Result {
	r := &Result{Old: ident(old), New: ident(new), Changes: []Change{}}
	names := map[string]bool{}
	for m := range old.Messages {
		names[m] = true
	}
	for m := range new.Messages {
		names[m] = true
	}
	sorted := make([]string, 0, len(names))
	for m := range names {
		sorted = append(sorted, m)
	}
	sort.Strings(sorted)
	for _, m := range sorted {
		o, ok1 := old.Messages[m]
		n, ok2 := new.Messages[m]
		switch {
		case !ok1:
			r.add(Change{Message: m, Kind: "added", Path: "/" + m, What: "message", Senders: compatible, Receivers: breaks})
			r.Summary.MessagesAdded++
		case !ok2:
			r.add(Change{Message: m, Kind: "removed", Path: "/" + m, What: "message", Senders: breaks, Receivers: compatible})
			r.Summary.MessagesRemoved++
		default:
			before := len(r.Changes)
			r.compareItems(m, o, n)
			if len(r.Changes) > before {
				r.Summary.MessagesChanged++
			}
		}
	}
	for _, c := range r.Changes {
		if c.class() == "breaking" {
			r.Summary.Breaking++
		} else {
			r.Summary.Compatible++
		}
		if c.Senders == breaks {
			r.Summary.BreakingSenders++
		}
		if c.Receivers == breaks {
			r.Summary.BreakingReceivers++
		}
	}
	return r
}

func (r *Result) add(c Change) { r.Changes = append(r.Changes, c) }

func byPath(items []Item) (map[string]Item, []string) {
	m := map[string]Item{}
	var order []string
	for _, it := range items {
		if _, ok := m[it.Path]; !ok {
			order = append(order, it.Path)
		}
		m[it.Path] = it // a restriction's attribute overrides the base's
	}
	return m, order
}

func card(min, max int) string {
	if max == -1 {
		return strconv.Itoa(min) + "..*"
	}
	return strconv.Itoa(min) + ".." + strconv.Itoa(max)
}

// under reports whether p lies below one of the paths in set.
func under(p string, set map[string]bool) bool {
	for i := len(p) - 1; i > 0; i-- {
		if p[i] == '/' && set[p[:i]] {
			return true
		}
	}
	return false
}

func (r *Result) compareItems(msg string, o, n []Item) {
	om, oorder := byPath(o)
	nm, norder := byPath(n)
	added, removed := map[string]bool{}, map[string]bool{}
	for _, p := range norder {
		ni := nm[p]
		oi, ok := om[p]
		if !ok {
			if under(p, added) {
				added[p] = true
				continue
			}
			added[p] = true
			c := Change{Message: msg, Kind: "added", Path: p, New: card(ni.Min, ni.Max), Senders: compatible, Receivers: breaks}
			if ni.Min > 0 {
				c.Senders = breaks
			}
			r.add(c)
			continue
		}
		r.compareItem(msg, oi, ni)
	}
	for _, p := range oorder {
		if _, ok := nm[p]; ok {
			continue
		}
		if under(p, removed) {
			removed[p] = true
			continue
		}
		removed[p] = true
		oi := om[p]
		c := Change{Message: msg, Kind: "removed", Path: p, Old: card(oi.Min, oi.Max), Senders: breaks, Receivers: compatible}
		if oi.Max == 0 {
			c.Senders = compatible
		}
		r.add(c)
	}
}

func (r *Result) compareItem(msg string, o, n Item) {
	ch := func(what string, ov, nv any, senders, receivers Effect) {
		r.add(Change{Message: msg, Kind: "changed", Path: n.Path, What: what, Old: ov, New: nv, Senders: senders, Receivers: receivers})
	}
	if o.Min != n.Min || o.Max != n.Max {
		s, rc := compatible, compatible
		if n.Min > o.Min || (n.Max != -1 && (o.Max == -1 || n.Max < o.Max)) {
			s = breaks // old messages may violate the new bounds
		}
		if n.Min < o.Min || (o.Max != -1 && (n.Max == -1 || n.Max > o.Max)) {
			rc = breaks // new messages may violate the old bounds
		}
		ch("cardinality", card(o.Min, o.Max), card(n.Min, n.Max), s, rc)
	}
	if o.Type != n.Type && !(o.Type == "" && n.Type == "") {
		// A type's name alone is no contract: what it allows (base,
		// facets, values, children, attributes) is compared on its own.
		ch("type", o.Type, n.Type, compatible, compatible)
	}
	if o.Base != n.Base {
		ch("base", o.Base, n.Base, breaks, breaks)
	}
	if o.Fixed != n.Fixed {
		what := "fixed"
		if strings.HasSuffix(n.Path, "/@listURI") || strings.HasSuffix(n.Path, "/@listVersionID") {
			what = "codelist"
		}
		ch(what, o.Fixed, n.Fixed, breaks, breaks)
	}
	keys := map[string]bool{}
	for k := range o.Facets {
		keys[k] = true
	}
	for k := range n.Facets {
		keys[k] = true
	}
	fk := make([]string, 0, len(keys))
	for k := range keys {
		fk = append(fk, k)
	}
	sort.Strings(fk)
	for _, k := range fk {
		ov, nv := o.Facets[k], n.Facets[k]
		if ov == nv {
			continue
		}
		s, rc := facetEffect(k, ov, nv)
		ch("facet."+k, emptyNil(ov), emptyNil(nv), s, rc)
	}
	for _, v := range o.Enum {
		if !slices.Contains(n.Enum, v) {
			ch("enumeration", v, nil, breaks, compatible)
		}
	}
	for _, v := range n.Enum {
		if !slices.Contains(o.Enum, v) {
			ch("enumeration", nil, v, compatible, breaks)
		}
	}
}

func emptyNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// facetEffect classifies a facet change: a tighter facet breaks senders,
// a looser one receivers; a changed pattern breaks both.
func facetEffect(k, ov, nv string) (Effect, Effect) {
	if ov == "" {
		return breaks, compatible // a new restriction
	}
	if nv == "" {
		return compatible, breaks // a restriction removed
	}
	a, err1 := strconv.ParseFloat(ov, 64)
	b, err2 := strconv.ParseFloat(nv, 64)
	if err1 != nil || err2 != nil {
		return breaks, breaks
	}
	tighter := false
	switch k {
	case "maxLength", "maxInclusive", "maxExclusive", "totalDigits", "fractionDigits":
		tighter = b < a
	case "minLength", "minInclusive", "minExclusive":
		tighter = b > a
	case "length":
		return breaks, breaks
	default:
		return breaks, breaks
	}
	if tighter {
		return breaks, compatible
	}
	return compatible, breaks
}
