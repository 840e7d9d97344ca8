package xoev

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// catalogNS is the OASIS XML Catalogs namespace.
const catalogNS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"

// CatalogError says why a catalog file could not be read.
type CatalogError struct {
	File string
	Line int
	Err  error
}

// Error implements error.
func (e *CatalogError) Error() string {
	return "catalog " + finding.ErrorText(finding.Position{File: e.File, Line: e.Line}, "", e.Err)
}

// Unwrap returns the underlying error.
func (e *CatalogError) Unwrap() error { return e.Err }

type catalogEntry struct {
	kind   string // uri, system, rewriteURI, rewriteSystem, delegateURI, delegateSystem, nextCatalog
	match  string // name, systemId or start string
	target string // absolute path or URI of the replacement, or a catalog path
}

// Catalog is a loaded OASIS XML Catalog 1.1 with its chained catalogs. It
// answers uri, system, rewriteURI, rewriteSystem, delegateURI,
// delegateSystem and nextCatalog entries; group elements and xml:base are
// honoured. Catalogs never cause network access: entries that map to
// non-file URLs are returned as they are and refused by the loader.
type Catalog struct {
	// File is the catalog's path as given.
	File    string
	entries []catalogEntry
	loaded  map[string]*Catalog // chained catalogs, by absolute path
	// stamp is what stat said about the file before it was read (stamped:
	// the system told), for the stat index of the schema cache.
	stamp   fileStamp
	stamped bool
}

// LoadCatalog reads a catalog file. Chained catalogs (nextCatalog,
// delegate*) are read lazily, the first time a lookup reaches them.
func LoadCatalog(path string) (*Catalog, error) {
	return loadCatalog(path, map[string]*Catalog{})
}

func loadCatalog(path string, loaded map[string]*Catalog) (*Catalog, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &CatalogError{File: path, Err: err}
	}
	if c, ok := loaded[abs]; ok {
		return c, nil
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, &CatalogError{File: path, Err: err}
	}
	defer f.Close()
	c := &Catalog{File: path, loaded: loaded}
	c.stamp, c.stamped = stampOf(f) // before the bytes are read: see the stat index
	loaded[abs] = c
	if err := c.parse(f, abs); err != nil {
		delete(loaded, abs)
		return nil, err
	}
	return c, nil
}

func (c *Catalog) parse(r io.Reader, abs string) error {
	dec := xml.NewDecoder(r)
	bases := []string{fileURI(abs)}
	sawRoot := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return &CatalogError{File: c.File, Line: line, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := dec.InputPos()
			base := bases[len(bases)-1]
			if b := attr(t, xml.Name{Space: "http://www.w3.org/XML/1998/namespace", Local: "base"}); b != "" {
				base = resolveRef(base, b)
			}
			bases = append(bases, base)
			if !sawRoot {
				sawRoot = true
				if t.Name.Space != catalogNS || t.Name.Local != "catalog" {
					return &CatalogError{File: c.File, Line: line, Err: fmt.Errorf("root element {%s}%s is not an OASIS catalog", t.Name.Space, t.Name.Local)}
				}
				continue
			}
			if t.Name.Space != catalogNS {
				continue // extension elements are ignored, as the standard says
			}
			get := func(n string) string { return attr(t, xml.Name{Local: n}) }
			var e catalogEntry
			switch t.Name.Local {
			case "uri":
				e = catalogEntry{kind: "uri", match: get("name"), target: resolveRef(base, get("uri"))}
			case "system":
				e = catalogEntry{kind: "system", match: get("systemId"), target: resolveRef(base, get("uri"))}
			case "rewriteURI":
				e = catalogEntry{kind: "rewriteURI", match: get("uriStartString"), target: resolveRef(base, get("rewritePrefix"))}
			case "rewriteSystem":
				e = catalogEntry{kind: "rewriteSystem", match: get("systemIdStartString"), target: resolveRef(base, get("rewritePrefix"))}
			case "delegateURI":
				e = catalogEntry{kind: "delegateURI", match: get("uriStartString"), target: resolveRef(base, get("catalog"))}
			case "delegateSystem":
				e = catalogEntry{kind: "delegateSystem", match: get("systemIdStartString"), target: resolveRef(base, get("catalog"))}
			case "nextCatalog":
				e = catalogEntry{kind: "nextCatalog", target: resolveRef(base, get("catalog"))}
			case "group":
				continue
			default:
				continue // public, uriSuffix, … are not used for schema locations
			}
			if e.target == "" || (e.kind != "nextCatalog" && e.match == "") {
				return &CatalogError{File: c.File, Line: line, Err: fmt.Errorf("<%s> lacks a required attribute", t.Name.Local)}
			}
			c.entries = append(c.entries, e)
		case xml.EndElement:
			bases = bases[:len(bases)-1]
		}
	}
	if !sawRoot {
		return &CatalogError{File: c.File, Err: errors.New("empty document")}
	}
	return nil
}

func attr(t xml.StartElement, n xml.Name) string {
	for _, a := range t.Attr {
		if a.Name == n {
			return a.Value
		}
	}
	return ""
}

// resolveRef resolves ref against base (both URIs); it returns ref as is
// when either does not parse.
func resolveRef(base, ref string) string {
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// resolve maps a URI or system identifier to its replacement, first by uri
// and rewriteURI entries, then by system and rewriteSystem entries (schema
// locations are both), following delegates and nextCatalog. The result is a
// URI, usually file:///…; ok is false when no entry matches.
func (c *Catalog) resolve(id string) (string, bool, error) {
	seen := map[*Catalog]bool{}
	if v, ok, err := c.lookup(id, "uri", seen); ok || err != nil {
		return v, ok, err
	}
	clear(seen)
	return c.lookup(id, "system", seen)
}

// lookup implements the OASIS resolution order for one entry family: exact
// match, then the longest rewrite prefix, then delegates, then nextCatalog.
func (c *Catalog) lookup(id, family string, seen map[*Catalog]bool) (string, bool, error) {
	if seen[c] {
		return "", false, nil
	}
	seen[c] = true
	exact, rewrite, delegate := family, "rewriteURI", "delegateURI"
	if family == "system" {
		rewrite, delegate = "rewriteSystem", "delegateSystem"
	}
	for _, e := range c.entries {
		if e.kind == exact && e.match == id {
			return e.target, true, nil
		}
	}
	best := -1
	for i, e := range c.entries {
		if e.kind == rewrite && strings.HasPrefix(id, e.match) && (best < 0 || len(e.match) > len(c.entries[best].match)) {
			best = i
		}
	}
	if best >= 0 {
		e := c.entries[best]
		return e.target + id[len(e.match):], true, nil
	}
	var delegates []string
	for _, e := range c.entries {
		if e.kind == delegate && strings.HasPrefix(id, e.match) {
			delegates = append(delegates, e.target)
		}
	}
	if len(delegates) > 0 {
		for _, d := range delegates {
			sub, err := c.chained(d)
			if err != nil {
				return "", false, err
			}
			if v, ok, err := sub.lookup(id, family, seen); ok || err != nil {
				return v, ok, err
			}
		}
		return "", false, nil // delegation ends the search (OASIS 7.2.2 step 6)
	}
	for _, e := range c.entries {
		if e.kind != "nextCatalog" {
			continue
		}
		sub, err := c.chained(e.target)
		if err != nil {
			return "", false, err
		}
		if v, ok, err := sub.lookup(id, family, seen); ok || err != nil {
			return v, ok, err
		}
	}
	return "", false, nil
}

func (c *Catalog) chained(uri string) (*Catalog, error) {
	p, ok := fileURIPath(uri)
	if !ok {
		return nil, &CatalogError{File: c.File, Err: fmt.Errorf("chained catalog %q is not a local file", uri)}
	}
	sub, err := loadCatalog(p, c.loaded)
	if err != nil {
		return nil, fmt.Errorf("catalog %s: chained catalog: %w", c.File, err)
	}
	return sub, nil
}

// Dir returns the directories of this catalog and every chained catalog
// loaded so far; they belong to the trees the loader may read.
func (c *Catalog) dirs() []string {
	var out []string
	for abs := range c.loaded {
		out = append(out, filepath.Dir(abs))
	}
	return out
}

// fileURIPath returns the local path of a file: URI.
func fileURIPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || (u.Host != "" && u.Host != "localhost") {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}

// fileURI returns the file: URI of an absolute path.
func fileURI(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}
