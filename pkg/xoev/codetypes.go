package xoev

import (
	"context"
	"strings"
	"sync"

	hxsd "github.com/lestrrat-go/helium/xsd"
)

// typeIndex tells, element by element of a streamed message, which type
// of the schema set governs it: the part of the PSVI the code-list check
// needs. It reads the component model helium compiles from the set
// (content models with groups, references, substitution groups and
// extensions merged, attribute uses with their fixed and default values),
// so an element name declared with different types in different places
// (XBau's anlageart: xbau:Code.AnlageArt with a fixed listURI, and
// xoev-code:Code) gets the declaration of its context. It is safe for
// concurrent use; what it learns about a type is cached.
type typeIndex struct {
	sch      *hxsd.Schema
	children sync.Map // *hxsd.TypeDef → *childTable
	codes    sync.Map // *hxsd.TypeDef → *codeType (nil: not a code type)
}

// childTable is what may appear below an element of one type.
type childTable struct {
	byName map[hxsd.QName]*hxsd.ElementDecl
	// byLocal holds the local names declared once, for messages that get a
	// child's namespace wrong (the XSD stage reports that).
	byLocal  map[string]*hxsd.ElementDecl
	wildcard bool
}

func newTypeIndex(sch *hxsd.Schema) *typeIndex { return &typeIndex{sch: sch} }

// root returns the type of a message's root element, nil if undeclared.
func (x *typeIndex) root(ns, local string) *hxsd.TypeDef {
	if d, ok := x.sch.LookupElement(local, ns); ok {
		return d.Type
	}
	return nil
}

// child returns the type of an element {ns}local below an element of type
// parent, nil when the schema does not say (an unknown parent, a child the
// content model does not declare).
func (x *typeIndex) child(parent *hxsd.TypeDef, ns, local string) *hxsd.TypeDef {
	if parent == nil {
		return nil
	}
	ct := x.table(parent)
	d := ct.byName[hxsd.QName{Local: local, NS: ns}]
	if d == nil && ct.wildcard {
		if g, ok := x.sch.LookupElement(local, ns); ok {
			d = g
		}
	}
	if d == nil {
		d = ct.byLocal[local]
	}
	if d == nil {
		return nil
	}
	return d.Type
}

// xsiType returns the named type an xsi:type attribute selects, nil if the
// set has none of that name.
func (x *typeIndex) xsiType(ns, local string) *hxsd.TypeDef {
	if td, ok := x.sch.LookupType(local, ns); ok {
		return td
	}
	return nil
}

func (x *typeIndex) table(td *hxsd.TypeDef) *childTable {
	if v, ok := x.children.Load(td); ok {
		return v.(*childTable)
	}
	ct := &childTable{byName: map[hxsd.QName]*hxsd.ElementDecl{}, byLocal: map[string]*hxsd.ElementDecl{}}
	ambiguous := map[string]bool{}
	add := func(d *hxsd.ElementDecl) {
		if d == nil || d.Type == nil {
			return
		}
		if _, dup := ct.byName[d.Name]; !dup {
			ct.byName[d.Name] = d
		}
		if prev, ok := ct.byLocal[d.Name.Local]; ok && prev.Type != d.Type {
			ambiguous[d.Name.Local] = true
		}
		ct.byLocal[d.Name.Local] = d
	}
	seen := map[*hxsd.ModelGroup]bool{}
	var walk func(mg *hxsd.ModelGroup)
	walk = func(mg *hxsd.ModelGroup) {
		if mg == nil || seen[mg] {
			return
		}
		seen[mg] = true
		for _, p := range mg.Particles {
			switch t := p.Term.(type) {
			case *hxsd.ModelGroup:
				walk(t)
			case *hxsd.Wildcard:
				ct.wildcard = true
			case *hxsd.ElementDecl:
				d := t
				if t.IsRef || t.Type == nil {
					if g, ok := x.sch.LookupElement(t.Name.Local, t.Name.NS); ok {
						d = g
					}
				}
				add(d)
				for _, m := range x.sch.SubstGroupMembers(t.Name) {
					add(m)
				}
			}
		}
	}
	// An extension's content model is merged with its base's by the
	// compiler; the base chain is walked as well in case it is not.
	for i, cur := 0, td; cur != nil && i < 64; i, cur = i+1, cur.BaseType {
		walk(cur.ContentModel)
		if cur.BaseType == cur {
			break
		}
	}
	for l := range ambiguous {
		delete(ct.byLocal, l)
	}
	v, _ := x.children.LoadOrStore(td, ct)
	return v.(*childTable)
}

// codeType returns what the schema says about td as an XÖV code type, or
// nil when td does not derive from xoev-code:Code.
func (x *typeIndex) codeType(td *hxsd.TypeDef, elem string) *codeType {
	if td == nil {
		return nil
	}
	if v, ok := x.codes.Load(td); ok {
		return v.(*codeType)
	}
	var ct *codeType
	isCode := false
	chain := []*hxsd.TypeDef{}
	for i, cur := 0, td; cur != nil && i < 64; i, cur = i+1, cur.BaseType {
		chain = append(chain, cur)
		if cur.Name.NS == xoevCodeNS && cur.Name.Local == "Code" {
			isCode = true
			break
		}
		if cur.BaseType == cur {
			break
		}
	}
	if isCode {
		ct = &codeType{typeName: td.Name.Local, typeNS: td.Name.NS}
		if ct.typeName == "" {
			ct.anonymousOf = elem
		}
		for _, cur := range chain {
			for _, a := range cur.Attributes {
				if a == nil || a.Name.NS != "" || a.Prohibited {
					continue
				}
				var dst, how *string
				switch a.Name.Local {
				case "listURI":
					dst, how = &ct.listURI, &ct.listURIFrom
				case "listVersionID":
					dst, how = &ct.version, &ct.versionFrom
				default:
					continue
				}
				if *dst != "" {
					continue
				}
				switch {
				case a.Fixed != nil:
					*dst, *how = strings.TrimSpace(*a.Fixed), "fixed"
				case a.Default != nil:
					*dst, *how = strings.TrimSpace(*a.Default), "default"
				}
			}
			if !ct.typ1 {
				ct.typ1 = codeChildEnumerated(cur.ContentModel)
			}
		}
	}
	v, _ := x.codes.LoadOrStore(td, ct)
	return v.(*codeType)
}

// codeChildEnumerated reports whether the unqualified child "code" of a
// content model has a type with enumeration facets (XÖV Typ 1).
func codeChildEnumerated(mg *hxsd.ModelGroup) bool {
	if mg == nil {
		return false
	}
	for _, p := range mg.Particles {
		switch t := p.Term.(type) {
		case *hxsd.ModelGroup:
			if codeChildEnumerated(t) {
				return true
			}
		case *hxsd.ElementDecl:
			if t.Name.Local != "code" || t.Name.NS != "" {
				continue
			}
			for i, st := 0, t.Type; st != nil && i < 64; i, st = i+1, st.BaseType {
				if st.Facets != nil && len(st.Facets.Enumeration) > 0 {
					return true
				}
				if st.BaseType == st {
					break
				}
			}
		}
	}
	return false
}

// codeNames returns the set's code-type index by element names alone,
// built on first use (the interop report asks it for element kinds).
func (s *SchemaSet) codeNames() *codeIndex {
	s.codeNamesOnce.Do(func() { s.codeNamesIx = buildCodeIndex(s.Docs) })
	return s.codeNamesIx
}

// codeIndex returns the set's code-type index, built on first use: only
// runs with --codelists need it. The type index needs helium's component
// model; a set validated by jacoelho is compiled by helium once more for
// it. When helium cannot compile the set, or ctx ends first, the index
// falls back to element names alone.
func (s *SchemaSet) codeIndex(ctx context.Context) *codeIndex {
	s.codeMu.Lock()
	defer s.codeMu.Unlock()
	if s.codeTypes != nil {
		return s.codeTypes
	}
	ix := *s.codeNames()
	h := s.hel
	if h == nil {
		var err error
		h, err = s.heliumCompile(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return &ix // not kept: the next message tries again
			}
			s.codeNote = "code elements are matched to their schema types by name only, not in context (helium cannot compile the schema set: " + err.Error() + ")"
		}
	}
	if h != nil {
		ix.types = newTypeIndex(h.schema)
	}
	s.codeTypes = &ix
	return s.codeTypes
}

// PrepareCodeTypes builds the index of code types that [checkCodes] uses,
// so that a run with code lists pays for it once, up front, rather than in
// its first message. It returns a note when the index has to fall back to
// element names (helium cannot compile the set), "" otherwise.
func (s *SchemaSet) PrepareCodeTypes(ctx context.Context) string {
	s.codeIndex(ctx)
	s.codeMu.Lock()
	defer s.codeMu.Unlock()
	return s.codeNote
}
