package fim

import (
	"context"
	"errors"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Codelists maps each field's code list reference to the code list found
// for it. A reference that could not be resolved has no entry.
type Codelists map[*CodelisteRef]*codelist.CodeList

// ResolveCodelists looks up the code list of every field of doc that has a
// codelisteReferenz. Each reference that is not found yields one warning
// finding (rule "xdf:unresolved-codeliste") per distinct code list, at the
// first field that uses it. A nil resolver resolves nothing and reports
// nothing.
func ResolveCodelists(ctx context.Context, doc *Document, res codelist.Resolver) (Codelists, []finding.Finding, error) {
	out := Codelists{}
	if res == nil || doc == nil {
		return out, nil, nil
	}
	type key struct{ uri, version string }
	cache := map[key]*codelist.CodeList{}
	reported := map[key]bool{}
	var fs []finding.Finding
	for _, f := range doc.Fields {
		ref := f.Codeliste
		if ref == nil {
			continue
		}
		uri, version := ref.CanonicalURI, ref.Version
		if uri == "" {
			uri = ref.CanonicalVersionURI
		}
		if uri == "" {
			continue // the reader reported the missing identification
		}
		k := key{uri, version}
		cl, ok := cache[k]
		if !ok {
			var err error
			cl, err = res.Resolve(ctx, uri, version)
			if err != nil && !errors.Is(err, codelist.ErrNotFound) {
				if ctx.Err() != nil {
					return out, fs, ctx.Err()
				}
			}
			if err != nil && ref.CanonicalVersionURI != "" && ref.CanonicalVersionURI != uri {
				cl, err = res.Resolve(ctx, ref.CanonicalVersionURI, "")
			}
			if err != nil {
				cl = nil
				if !reported[k] {
					reported[k] = true
					msg := msgCodelisteNotFound.With(ref.String(), f.Identifier.String(), err.Error())
					fs = append(fs, finding.Finding{Rule: ruleUnresolvedCodeliste, Severity: finding.Warning, Msg: msg,
						Line: ref.Pos.Line, Column: ref.Pos.Column, ElementID: f.Identifier.ID, ElementVersion: f.Identifier.Version, Source: FindingSource})
				}
			}
			cache[k] = cl
		}
		if cl != nil {
			out[ref] = cl
		}
	}
	return out, finding.Normalize(fs), nil
}
