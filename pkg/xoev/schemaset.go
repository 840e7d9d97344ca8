package xoev

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/xmlscan"
	"html"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jacoelho/xsd"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// xsdNS is the XML Schema namespace.
const xsdNS = "http://www.w3.org/2001/XMLSchema"

// Engine names recorded in [finding.FileResult.Engines].
const (
	EngineJacoelho = "xsd:jacoelho"
	EngineHelium   = "xsd:helium"
)

// LoadOptions configure [LoadSchemaSet].
type LoadOptions struct {
	// Catalogs are OASIS XML catalog files that map absolute schema
	// locations to local files.
	Catalogs []string
	// Roots are further directories the loader may read schema documents
	// from. By default it reads only below the main schema's distribution
	// directory (see [LoadSchemaSet]), the catalogs' directories and the
	// directories of files that a catalog entry names.
	Roots []string
	// AllowNetwork permits schema locations that would need the network.
	// This build has no network code: such locations are refused with an
	// error that says so, rather than silently skipped.
	AllowNetwork bool
	// Engine forces a validation engine ("jacoelho" or "helium"); empty
	// means jacoelho, falling back to helium for schema sets jacoelho
	// cannot compile.
	Engine string
	// Limits bound the text nodes and nesting of the messages validated
	// with the set (zero: the defaults).
	Limits Limits
	// Cache keeps compiled schema sets on disk; nil: compile every time.
	Cache *SchemaCache
}

// SchemaDoc is one schema document of a set.
type SchemaDoc struct {
	// Path is the absolute path of the document.
	Path string
	// TargetNamespace is the document's targetNamespace ("" for none or a
	// chameleon include).
	TargetNamespace string
	// Doctype is true when the document had a DOCTYPE whose internal subset
	// was applied.
	Doctype bool

	data []byte
	refs []schemaRef
	// elements are the global element declarations (local names).
	elements []string
	// stamp is what stat said about the file before it was read (stamped:
	// the system told); lazy documents came from the stat index and read
	// data on first use (once).
	stamp   fileStamp
	stamped bool
	lazy    bool
	once    sync.Once
}

type schemaRef struct {
	kind      string // include, import, redefine, override
	namespace string
	location  string
	line      int
	col       int
	resolved  string // absolute path, "" when not resolved
}

// SchemaSet is a compiled schema with its include/import closure. It is
// read-only once loaded and safe for concurrent use.
type SchemaSet struct {
	// Path is the main schema as given.
	Path string
	// Docs lists the documents of the closure, the main schema first.
	Docs []*SchemaDoc
	// Engine names the engine that validates with this set.
	Engine string
	// CompileTime is how long compilation took.
	CompileTime time.Duration
	// FallbackReason says why jacoelho was not used, when it was not.
	FallbackReason string
	// Cached is true when the compiled schema came from the
	// [LoadOptions.Cache] rather than a compile.
	Cached bool
	// CacheNote says why the cache was not used or not written, when
	// that was not merely a first compile ("" otherwise).
	CacheNote string

	targetNamespace string
	limits          Limits
	cache           *SchemaCache
	cacheKey        string // the entry found or written, "" for none
	jac             *xsd.Engine
	sessions        sync.Pool
	hel             *heliumSchema
	codeNamesOnce   sync.Once
	codeNamesIx     *codeIndex
	codeMu          sync.Mutex
	codeTypes       *codeIndex
	codeNote        string
	declOnce        sync.Once
	decls           *Decls
}

// LoadError is a problem found while loading a schema set: an unreadable
// or unresolvable document, a refused location, a broken DOCTYPE, or a
// construct the validator cannot compile.
type LoadError struct {
	// File is the schema document (as given or absolute), Line and Column
	// the place of the offending reference or construct when known.
	File   string
	Line   int
	Column int
	// Location is the schemaLocation or URL concerned, if any.
	Location string
	// Construct names an unsupported schema construct, if that is the problem.
	Construct string
	Err       error
	// Hint says what to do.
	Hint string
}

// Error implements error.
func (e *LoadError) Error() string {
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line, Column: e.Column}, "", e.Err)
}

// Unwrap returns the underlying error.
func (e *LoadError) Unwrap() error { return e.Err }

// ErrNoCatalogEntry is wrapped by a [LoadError] for an absolute URL that no
// catalog maps to a local file.
var ErrNoCatalogEntry = errors.New("has no catalog entry")

// ErrOutsideRoots is wrapped by a [LoadError] for a location outside the
// allowed directory trees.
var ErrOutsideRoots = errors.New("lies outside the allowed directory trees")

// ErrNetwork is wrapped by a [LoadError] when --allow-network is given but a
// location still needs the network, which this build never accesses.
var ErrNetwork = errors.New("network access is not supported by this build")

type loader struct {
	opts     LoadOptions
	catalogs []*Catalog
	roots    []string
	docs     map[string]*SchemaDoc
	order    []*SchemaDoc
}

// LoadSchemaSet reads the schema at path with its include/import closure
// and compiles it once. Every document of the closure is read up front:
// relative locations against the referencing document, absolute URLs
// through the catalogs (never the network), each import and include on its
// own (several documents per namespace are all loaded, unlike xmllint,
// which keeps the first import of a namespace). An unresolvable location is
// an error here, not at validation time.
//
// Reads are confined to the main schema's distribution directory (the
// parent of the directory holding it, which covers layouts such as UBL's
// xsd/maindoc + xsd/common), the directories of the catalogs, the
// directories of files a catalog entry names and [LoadOptions.Roots].
func LoadSchemaSet(ctx context.Context, path string, opts LoadOptions) (*SchemaSet, error) {
	if u, err := url.Parse(path); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return nil, &LoadError{File: path, Err: fmt.Errorf("the main schema must be a local file: %w", ErrNetwork),
			Hint: "download the schema set and give the local file; map its absolute imports with --catalog FILE"}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &LoadError{File: path, Err: err}
	}
	var start time.Time // before anything is read: see the stat index
	if opts.Cache != nil {
		start = opts.Cache.now()
	}
	if opts.Cache != nil && opts.Engine != "helium" {
		if set := opts.Cache.loadIndexed(ctx, path, abs, opts); set != nil {
			return set, nil
		}
	}
	l := &loader{opts: opts, docs: map[string]*SchemaDoc{}}
	l.addRoot(filepath.Dir(filepath.Dir(abs)))
	for _, r := range opts.Roots {
		if ra, err := filepath.Abs(r); err == nil {
			l.addRoot(ra)
		}
	}
	for _, cp := range opts.Catalogs {
		c, err := LoadCatalog(cp)
		if err != nil {
			return nil, err
		}
		l.catalogs = append(l.catalogs, c)
		if ca, err := filepath.Abs(cp); err == nil {
			l.addRoot(filepath.Dir(ca))
		}
	}
	if err := l.walk(ctx, abs, path); err != nil {
		return nil, err
	}
	set := &SchemaSet{Path: path, Docs: l.order, targetNamespace: l.order[0].TargetNamespace, limits: opts.Limits.Effective(), cache: opts.Cache}
	if err := set.compile(ctx, opts.Engine); err != nil {
		return nil, err
	}
	if set.cacheKey != "" {
		opts.Cache.storeIndex(abs, opts, set.cacheKey, l.order, l.catalogFiles(), start)
	}
	return set, nil
}

// catalogFiles returns the catalog files the load read (chained ones
// included) with their stamps; nil when one has no stamp.
func (l *loader) catalogFiles() []stampedFile {
	var out []stampedFile
	seen := map[*Catalog]bool{}
	for _, top := range l.catalogs {
		for abs, c := range top.loaded {
			if seen[c] {
				continue
			}
			seen[c] = true
			if !c.stamped {
				return nil
			}
			out = append(out, stampedFile{abs, c.stamp})
		}
	}
	slices.SortFunc(out, func(a, b stampedFile) int { return strings.Compare(a.path, b.path) })
	return out
}

func (l *loader) addRoot(dir string) {
	dir = filepath.Clean(dir)
	if !slices.Contains(l.roots, dir) {
		l.roots = append(l.roots, dir)
	}
}

func (l *loader) allowed(p string) bool {
	for _, r := range l.roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) || r == string(filepath.Separator) {
			return true
		}
	}
	return false
}

// walk loads the closure breadth-first from the main schema.
func (l *loader) walk(ctx context.Context, abs, given string) error {
	queue := []string{abs}
	names := map[string]string{abs: given}
	for len(queue) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := queue[0]
		queue = queue[1:]
		if _, done := l.docs[p]; done {
			continue
		}
		name := names[p]
		if name == "" {
			name = p
		}
		doc, err := l.readDoc(p, name)
		if err != nil {
			return err
		}
		l.docs[p] = doc
		l.order = append(l.order, doc)
		for i := range doc.refs {
			ref := &doc.refs[i]
			if ref.location == "" {
				continue // a namespace-only import: its components come from elsewhere in the set
			}
			target, err := l.resolve(doc.Path, ref)
			if err != nil {
				return err
			}
			ref.resolved = target
			if _, done := l.docs[target]; !done {
				queue = append(queue, target)
			}
		}
	}
	// A namespace-only import needs that namespace somewhere in the set.
	have := map[string]bool{}
	for _, d := range l.order {
		have[d.TargetNamespace] = true
	}
	// The XML namespace (xml:lang, xml:space) is built into the validators.
	have["http://www.w3.org/XML/1998/namespace"] = true
	for _, d := range l.order {
		for _, r := range d.refs {
			if r.kind == "import" && r.location == "" && !have[r.namespace] && r.namespace != xsdNS {
				return &LoadError{File: d.Path, Line: r.line, Column: r.col, Location: r.namespace,
					Err:  fmt.Errorf("import of namespace %q has no schemaLocation and no document of the set declares it", r.namespace),
					Hint: "add a schemaLocation to the import, or load a schema that includes that namespace"}
			}
		}
	}
	return nil
}

// resolve maps a reference to an absolute local path and checks the trees.
func (l *loader) resolve(base string, ref *schemaRef) (string, error) {
	loc := strings.TrimSpace(ref.location)
	le := func(err error, hint string) error {
		return &LoadError{File: base, Line: ref.line, Column: ref.col, Location: loc, Err: err, Hint: hint}
	}
	var target string
	u, perr := url.Parse(loc)
	isAbsURL := perr == nil && u.Scheme != "" && len(u.Scheme) > 1 // "C:" is a drive, not a scheme
	if mapped, ok, err := l.catalogLookup(loc); err != nil {
		return "", le(err, "")
	} else if ok {
		p, isFile := fileURIPath(mapped)
		if !isFile {
			return "", le(fmt.Errorf("%s %q: catalog maps it to %q, which is not a local file", ref.kind, loc, mapped), "map it to a local file in the catalog")
		}
		target = filepath.Clean(p)
		l.addRoot(filepath.Dir(target)) // an explicit catalog mapping grants its directory
	} else if isAbsURL && u.Scheme == "file" {
		p, _ := fileURIPath(loc)
		target = filepath.Clean(p)
	} else if isAbsURL {
		if l.opts.AllowNetwork {
			return "", le(fmt.Errorf("%s of %q: %w", ref.kind, loc, ErrNetwork), "download the schema and map its URL with --catalog FILE")
		}
		return "", le(fmt.Errorf("%s of %q %w", ref.kind, loc, ErrNoCatalogEntry), "pass --catalog FILE with an entry for this URL; this build never fetches schemas, not even with --allow-network")
	} else {
		rel := loc
		if perr == nil {
			rel = u.Path // percent-decoded
		}
		if filepath.IsAbs(rel) {
			target = filepath.Clean(rel)
		} else {
			target = filepath.Join(filepath.Dir(base), filepath.FromSlash(rel))
		}
	}
	if !l.allowed(target) {
		return "", le(fmt.Errorf("%s of %q: %s %w", ref.kind, loc, target, ErrOutsideRoots), "pass --schema-root DIR to allow that directory, or map the location with --catalog FILE")
	}
	return target, nil
}

func (l *loader) catalogLookup(loc string) (string, bool, error) {
	for _, c := range l.catalogs {
		v, ok, err := c.resolve(loc)
		if err != nil || ok {
			return v, ok, err
		}
	}
	return "", false, nil
}

// readDoc reads one schema document, applies its DOCTYPE and scans its
// references and global elements.
func (l *loader) readDoc(p, name string) (*SchemaDoc, error) {
	data, stamp, stamped, err := readStamped(p)
	if err != nil {
		return nil, &LoadError{File: name, Err: fmt.Errorf("read schema: %w", err)}
	}
	if data, _, err = xmlcharset.Decode(data); err != nil {
		return nil, &LoadError{File: name, Err: err}
	}
	data, hadDoctype, err := applyDoctype(name, data)
	if err != nil {
		return nil, &LoadError{File: name, Err: err}
	}
	doc := &SchemaDoc{Path: p, Doctype: hadDoctype, data: data, stamp: stamp, stamped: stamped}
	if err := scanSchema(doc, name); err != nil {
		return nil, err
	}
	return doc, nil
}

// scanSchema reads the top of a schema document: the root (which must be
// xs:schema), its targetNamespace, and its direct children include,
// import, redefine, override and element. It looks at tags only, without
// building names for the whole document as encoding/xml would; the
// validator parses the document fully when it compiles the set.
func scanSchema(doc *SchemaDoc, name string) error {
	data := doc.data
	depth, i := 0, 0
	line, lineOff := 1, 0 // line number at offset lineOff
	posAt := func(off int) (int, int) {
		line += bytes.Count(data[lineOff:off], []byte("\n"))
		lineOff = off
		col := off - bytes.LastIndexByte(data[:off], '\n')
		return line, col
	}
	fail := func(off int, msg string) error {
		l, c := posAt(off)
		return &LoadError{File: name, Line: l, Column: c, Err: fmt.Errorf("schema is not well-formed: %s", msg)}
	}
	var rootNS map[string]string
	sawRoot := false
	for {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return fail(i, "unterminated comment")
			}
			i += 4 + k + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			k := bytes.Index(rest, []byte("]]>"))
			if k < 0 {
				return fail(i, "unterminated CDATA section")
			}
			i += k + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			k := bytes.Index(rest, []byte("?>"))
			if k < 0 {
				return fail(i, "unterminated processing instruction")
			}
			i += k + 2
		case bytes.HasPrefix(rest, []byte("<!")):
			k, err := xmlscan.DoctypeEnd(data, i)
			if err != nil {
				return fail(i, err.Error())
			}
			i = k
		case bytes.HasPrefix(rest, []byte("</")):
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				return fail(i, "unterminated end tag")
			}
			depth--
			i += k + 1
		default:
			end, err := xmlscan.TagEnd(data, i)
			if err != nil {
				return fail(i, err.Error())
			}
			tag := data[i+1 : end-1]
			selfClosing := len(tag) > 0 && tag[len(tag)-1] == '/'
			depth++
			if depth <= 2 {
				qn, attrs := parseTag(tag)
				if depth == 1 {
					if sawRoot {
						return fail(i, "more than one root element")
					}
					sawRoot = true
					rootNS = map[string]string{}
					for k, v := range attrs {
						if k == "xmlns" {
							rootNS[""] = v
						} else if p, ok := strings.CutPrefix(k, "xmlns:"); ok {
							rootNS[p] = v
						}
					}
					ns, local := resolveTagName(qn, rootNS, attrs)
					if ns != xsdNS || local != "schema" {
						l, _ := posAt(i)
						return &LoadError{File: name, Line: l, Err: fmt.Errorf("root element %s in namespace %s is not xs:schema: not an XML Schema document", quoteShort(local), quoteShort(ns))}
					}
					doc.TargetNamespace = attrs["targetNamespace"]
				} else if ns, local := resolveTagName(qn, rootNS, attrs); ns == xsdNS {
					switch local {
					case "include", "import", "redefine", "override":
						l, c := posAt(i)
						doc.refs = append(doc.refs, schemaRef{kind: local, namespace: attrs["namespace"],
							location: attrs["schemaLocation"], line: l, col: c})
					case "element":
						doc.elements = append(doc.elements, attrs["name"])
					}
				}
			}
			if selfClosing {
				depth--
			}
			i = end
		}
	}
	if !sawRoot {
		return &LoadError{File: name, Err: errors.New("schema is not well-formed: no root element")}
	}
	return nil
}

// parseTag splits a start tag's content into its name and attributes,
// with entity and character references in values resolved. An attribute
// is what the regular expression
//
//	([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')
//
// finds, scanning from left to right (TestParseTagRegexp holds it to
// that); a hand-written scanner, since this runs on every top-level
// declaration of every schema document, before the compile or a cache hit.
func parseTag(tag []byte) (string, map[string]string) {
	n := 0
	for n < len(tag) && !isSpace(tag[n]) && tag[n] != '/' {
		n++
	}
	attrs := map[string]string{}
	for p := n; p < len(tag); {
		name, val, end, ok := matchAttr(tag, p)
		if !ok {
			p++
			continue
		}
		if bytes.IndexByte(val, '&') >= 0 {
			attrs[string(name)] = html.UnescapeString(string(val))
		} else {
			attrs[string(name)] = string(val)
		}
		p = end
	}
	return string(tag[:n]), attrs
}

// isAttrSpace is the \s of Go's regexp: tab, newline, form feed, carriage
// return and space.
func isAttrSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// matchAttr matches one attribute at tag[p:]: name = "value" or 'value'.
func matchAttr(tag []byte, p int) (name, val []byte, end int, ok bool) {
	i := p
	for i < len(tag) {
		c := tag[i]
		if isAttrSpace(c) || c == '=' || c == '/' || c == '<' || c == '>' {
			break
		}
		i++
	}
	if i == p {
		return nil, nil, 0, false
	}
	name = tag[p:i]
	for i < len(tag) && isAttrSpace(tag[i]) {
		i++
	}
	if i == len(tag) || tag[i] != '=' {
		return nil, nil, 0, false
	}
	i++
	for i < len(tag) && isAttrSpace(tag[i]) {
		i++
	}
	if i == len(tag) || (tag[i] != '"' && tag[i] != '\'') {
		return nil, nil, 0, false
	}
	q := tag[i]
	k := bytes.IndexByte(tag[i+1:], q)
	if k < 0 {
		return nil, nil, 0, false
	}
	return name, tag[i+1 : i+1+k], i + 1 + k + 1, true
}

// resolveTagName resolves a tag's prefix with its own and the root's
// namespace declarations.
func resolveTagName(qn string, rootNS, attrs map[string]string) (string, string) {
	prefix, local, ok := strings.Cut(qn, ":")
	if !ok {
		prefix, local = "", qn
	}
	key := "xmlns"
	if prefix != "" {
		key = "xmlns:" + prefix
	}
	if v, ok := attrs[key]; ok {
		return v, local
	}
	return rootNS[prefix], local
}

// Roots returns the qualified names ("{ns}local") of the global elements
// of the main schema's target namespace: the messages this set validates.
func (s *SchemaSet) Roots() []string {
	var out []string
	for _, d := range s.Docs {
		if d.TargetNamespace != s.targetNamespace {
			continue
		}
		for _, e := range d.elements {
			out = append(out, "{"+d.TargetNamespace+"}"+e)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TargetNamespace returns the main schema's target namespace.
func (s *SchemaSet) TargetNamespace() string { return s.targetNamespace }

// quoteShort quotes s for a message, cut to 60 bytes, so that binary
// garbage read as a tag name cannot flood the terminal.
func quoteShort(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return strconv.Quote(s)
}
