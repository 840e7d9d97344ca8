package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/genericode"
)

// CodeValue is one entry of a code list: the code that is stored and the
// name that is shown.
type CodeValue struct {
	Code string
	Name string
	Help string
}

// Codelist is a resolved code list.
type Codelist struct {
	URI     string
	Version string
	Name    string
	Values  []CodeValue
}

// CodelistResolver finds the values of a code list reference. It returns
// (nil, nil) when the list is simply not available.
type CodelistResolver interface {
	ResolveCodelist(ref *fim.CodelisteRef, codeKey, nameKey string) (*Codelist, error)
}

// DirCodelists is a [CodelistResolver] over the genericode files of local
// directories, matched by canonical URI and version (or canonical version
// URI). Files that are not genericode are skipped.
type DirCodelists struct {
	byVersionURI map[string]*genericode.CodeList
	byURI        map[string][]*genericode.CodeList
}

// LoadCodelistDirs reads every *.xml file below the given directories.
func LoadCodelistDirs(dirs ...string) (*DirCodelists, error) {
	d := &DirCodelists{byVersionURI: map[string]*genericode.CodeList{}, byURI: map[string][]*genericode.CodeList{}}
	for _, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("read code lists: %w", err)
		}
		if !st.IsDir() {
			if err := d.add(dir); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() || !strings.EqualFold(filepath.Ext(path), ".xml") {
				return nil
			}
			return d.add(path)
		})
		if err != nil {
			return nil, fmt.Errorf("read code lists: %w", err)
		}
	}
	for _, l := range d.byURI {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Identification.Version > l[j].Identification.Version })
	}
	return d, nil
}

func (d *DirCodelists) add(path string) error {
	cl, err := genericode.ReadFile(path)
	if err != nil {
		if errors.Is(err, genericode.ErrNotGenericode) {
			return nil
		}
		return err
	}
	cl.Prepare()
	id := cl.Identification
	if id.CanonicalVersionURI != "" {
		if _, dup := d.byVersionURI[id.CanonicalVersionURI]; !dup {
			d.byVersionURI[id.CanonicalVersionURI] = cl
		}
	}
	if id.Version != "" {
		k := id.CanonicalURI + "\x00" + id.Version
		if _, dup := d.byVersionURI[k]; !dup {
			d.byVersionURI[k] = cl
		}
	}
	d.byURI[id.CanonicalURI] = append(d.byURI[id.CanonicalURI], cl)
	return nil
}

// Len returns the number of code lists read.
func (d *DirCodelists) Len() int {
	n := 0
	for _, l := range d.byURI {
		n += len(l)
	}
	return n
}

// ResolveCodelist implements [CodelistResolver]. Without a version in the
// reference, the newest version read is taken.
func (d *DirCodelists) ResolveCodelist(ref *fim.CodelisteRef, codeKey, nameKey string) (*Codelist, error) {
	var cl *genericode.CodeList
	switch {
	case ref.CanonicalVersionURI != "" && d.byVersionURI[ref.CanonicalVersionURI] != nil:
		cl = d.byVersionURI[ref.CanonicalVersionURI]
	case ref.Version != "":
		cl = d.byVersionURI[ref.CanonicalURI+"\x00"+ref.Version]
	default:
		if l := d.byURI[ref.CanonicalURI]; len(l) > 0 {
			cl = l[0]
		}
	}
	if cl == nil {
		return nil, nil
	}
	return FromGenericode(cl, codeKey, nameKey), nil
}

// FromGenericode turns a genericode list into a [Codelist]. codeKey and
// nameKey name the columns (XDatenfelder 3.0.0 codeKey/nameKey); when
// empty, the list's key column holds the code and the name comes from a
// column called "name" (any case), else the first other column.
func FromGenericode(cl *genericode.CodeList, codeKey, nameKey string) *Codelist {
	out := &Codelist{URI: cl.Identification.CanonicalURI, Version: cl.Identification.Version, Name: cl.Identification.ShortName}
	code := cl.ColumnIndex(codeKey)
	if code < 0 {
		code = cl.ColumnIndex(cl.KeyColumn)
	}
	if code < 0 {
		code = 0
	}
	name := cl.ColumnIndex(nameKey)
	if name < 0 {
		for i, c := range cl.Columns {
			if strings.EqualFold(c.ID, "name") || strings.EqualFold(c.ShortName, "name") {
				name = i
				break
			}
		}
	}
	if name < 0 {
		for i := range cl.Columns {
			if i != code {
				name = i
				break
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range cl.Rows {
		if code >= len(r.Values) || r.Values[code] == "" || seen[r.Values[code]] {
			continue
		}
		seen[r.Values[code]] = true
		v := CodeValue{Code: r.Values[code]}
		if name >= 0 && name < len(r.Values) {
			v.Name = r.Values[name]
		}
		out.Values = append(out.Values, v)
	}
	return out
}
