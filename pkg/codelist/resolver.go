package codelist

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Resolver finds a code list by canonical URI and version. version may be
// empty: then the resolver picks the only or the latest version it knows.
// canonicalURI may also be a canonical version URI (with or without the
// XRepository suffix ":technischerBestandteilGenericode").
type Resolver interface {
	Resolve(ctx context.Context, canonicalURI, version string) (*CodeList, error)
}

// ErrNotFound: no code list matches; wrapped by [NotFoundError].
var ErrNotFound = errors.New("code list not found")

// NotFoundError says which code list was not found and where it was looked for.
type NotFoundError struct {
	URI, Version string
	// Searched lists the directories that were searched.
	Searched []string
	// Versions lists the versions that are available for URI, if any.
	Versions []string
}

// Error implements error.
func (e *NotFoundError) Error() string {
	s := fmt.Sprintf("code list %q", e.URI)
	if e.Version != "" {
		s += fmt.Sprintf(" version %q", e.Version)
	}
	s += " not found"
	if len(e.Versions) > 0 {
		s += " (available versions: " + strings.Join(e.Versions, ", ") + ")"
	}
	if len(e.Searched) > 0 {
		s += " in " + strings.Join(e.Searched, ", ")
	} else {
		s += ": no code list directories given"
	}
	return s
}

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// XRepositorySuffix is appended to a canonical version URI by XRepository to
// name the genericode file of a version.
const XRepositorySuffix = ":technischerBestandteilGenericode"

// DirResolver finds code lists in local directories (searched recursively
// for *.xml files that are genericode code lists). It indexes the
// directories on first use and is safe for concurrent use after that.
type DirResolver struct {
	dirs []string

	once     sync.Once
	byURI    map[string][]*CodeList // canonical URI → versions
	byVerURI map[string]*CodeList   // canonical version URI → list
	problems []error
}

// NewDirResolver returns a resolver over the given directories.
func NewDirResolver(dirs ...string) *DirResolver {
	return &DirResolver{dirs: slices.Clone(dirs)}
}

// Problems returns the errors met while indexing: files that look like
// genericode but could not be read. Unreadable directories are included.
func (r *DirResolver) Problems() []error {
	r.once.Do(r.index)
	return r.problems
}

// All returns every code list found, sorted by canonical version URI.
func (r *DirResolver) All() []*CodeList {
	r.once.Do(r.index)
	var out []*CodeList
	for _, ls := range r.byURI {
		out = append(out, ls...)
	}
	slices.SortFunc(out, func(a, b *CodeList) int {
		return strings.Compare(a.Identification.CanonicalVersionURI+"\x00"+a.File, b.Identification.CanonicalVersionURI+"\x00"+b.File)
	})
	return out
}

func (r *DirResolver) index() {
	r.byURI = map[string][]*CodeList{}
	r.byVerURI = map[string]*CodeList{}
	for _, dir := range r.dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				r.problems = append(r.problems, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".xml") {
				return nil
			}
			if !looksLikeGenericode(path) {
				return nil
			}
			cl, err := ReadFile(path)
			if err != nil {
				r.problems = append(r.problems, err)
				return nil
			}
			cl.Prepare()
			r.add(cl)
			return nil
		})
		if err != nil {
			r.problems = append(r.problems, err)
		}
	}
	for _, ls := range r.byURI {
		slices.SortStableFunc(ls, func(a, b *CodeList) int { return compareVersions(a.Identification.Version, b.Identification.Version) })
	}
}

func (r *DirResolver) add(cl *CodeList) {
	id := cl.Identification
	for _, ex := range r.byURI[id.CanonicalURI] {
		if ex.Identification.Version == id.Version {
			return // the first file found wins
		}
	}
	r.byURI[id.CanonicalURI] = append(r.byURI[id.CanonicalURI], cl)
	if id.CanonicalVersionURI != "" {
		if _, ok := r.byVerURI[id.CanonicalVersionURI]; !ok {
			r.byVerURI[id.CanonicalVersionURI] = cl
		}
	}
	// Also index the conventional form URI_version.
	if id.Version != "" {
		k := id.CanonicalURI + "_" + id.Version
		if _, ok := r.byVerURI[k]; !ok {
			r.byVerURI[k] = cl
		}
	}
}

// looksLikeGenericode checks the start of a file for the genericode
// namespace, so that other XML files are not parsed.
func looksLikeGenericode(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // let ReadFile report it
	}
	defer f.Close()
	return Sniff(f)
}

// Resolve implements [Resolver].
func (r *DirResolver) Resolve(ctx context.Context, canonicalURI, version string) (*CodeList, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.once.Do(r.index)
	uri := strings.TrimSuffix(strings.TrimSpace(canonicalURI), XRepositorySuffix)
	version = strings.TrimSpace(version)
	ls := r.byURI[uri]
	if version != "" {
		for _, cl := range ls {
			if cl.Identification.Version == version {
				return cl, nil
			}
		}
	} else if len(ls) > 0 {
		return ls[len(ls)-1], nil
	}
	if cl, ok := r.byVerURI[uri]; ok && (version == "" || version == cl.Identification.Version) {
		return cl, nil
	}
	if version != "" {
		if cl, ok := r.byVerURI[uri+"_"+version]; ok {
			return cl, nil
		}
	}
	nf := &NotFoundError{URI: uri, Version: version, Searched: slices.Clone(r.dirs)}
	for _, cl := range ls {
		nf.Versions = append(nf.Versions, cl.Identification.Version)
	}
	return nil, nf
}

// compareVersions orders versions: numerically by dot- or dash-separated
// parts where both are numbers, else as text.
func compareVersions(a, b string) int {
	as := strings.FieldsFunc(a, func(r rune) bool { return r == '.' || r == '-' })
	bs := strings.FieldsFunc(b, func(r rune) bool { return r == '.' || r == '-' })
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, y := as[i], bs[i]
		if isNum(x) && isNum(y) {
			x, y = strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
			if len(x) != len(y) {
				return len(x) - len(y)
			}
		}
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
	}
	return len(as) - len(bs)
}

func isNum(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
