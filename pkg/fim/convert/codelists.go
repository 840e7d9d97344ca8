package convert

import (
	"context"
	"errors"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
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

// CodelistDirs returns a [CodelistResolver] over the genericode files
// below the given directories (a [codelist.DirResolver]: matched by
// canonical URI and version, or canonical version URI), and the problems
// met while indexing them (unreadable directories or broken files).
func CodelistDirs(dirs ...string) (CodelistResolver, []error) {
	r := codelist.NewDirResolver(dirs...)
	return FromResolver(r), r.Problems()
}

// FromResolver adapts a genericode resolver. A list it does not find is
// reported as unresolved, not as an error.
func FromResolver(r codelist.Resolver) CodelistResolver { return resolverAdapter{r} }

type resolverAdapter struct{ r codelist.Resolver }

func (a resolverAdapter) ResolveCodelist(ref *fim.CodelisteRef, codeKey, nameKey string) (*Codelist, error) {
	ctx := context.Background()
	cl, err := a.r.Resolve(ctx, ref.CanonicalURI, ref.Version)
	if errors.Is(err, codelist.ErrNotFound) && ref.CanonicalVersionURI != "" {
		cl, err = a.r.Resolve(ctx, ref.CanonicalVersionURI, "")
	}
	if errors.Is(err, codelist.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return fromGenericode(cl, codeKey, nameKey), nil
}

// fromGenericode turns a genericode list into a [Codelist]. codeKey and
// nameKey name the columns (XDatenfelder 3.0.0 codeKey/nameKey); when
// empty, the list's key column holds the code and the name comes from a
// column called "name" (any case), else the first other column.
func fromGenericode(cl *codelist.CodeList, codeKey, nameKey string) *Codelist {
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
