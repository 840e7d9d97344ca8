package validate

import (
	"encoding/xml"

	"github.com/jacoelho/xsd/internal/runtime"
)

func (s *session) runtimeName(n xml.Name) runtime.RuntimeName {
	if n.Local == "" {
		return ResolveRuntimeName(s.rt, n)
	}
	// The names of a document are few and, interned by the parser, mostly
	// the same strings: compared with one slot of recentNames (equal
	// pointers compare at once) they are not hashed into the schema's two
	// name maps again. A session serves one schema, so a slot stays true
	// across documents.
	l := n.Local
	h := uint(len(l))*0x9e3779b1 ^ uint(l[0])<<3 ^ uint(l[len(l)-1])<<9 ^ uint(l[len(l)/2])<<5 ^ uint(len(n.Space))*0x85eb
	slot := int(h^h>>8) & (recentNameSlots - 1)
	if c := s.recentNames.get(slot); c != nil && c.Local == l && c.NS == n.Space {
		return *c
	}
	rn := ResolveRuntimeName(s.rt, n)
	*s.recentNames.put(slot, recentNameSlots) = rn
	return rn
}

func (s *session) qnameResolverForAttrs(flags xsiStartAttributeFlags) runtime.ResolveQNameParts {
	if !flags.Type {
		return nil
	}
	return s.qnameResolver()
}

func (s *session) simpleValueQNameResolver(id runtime.SimpleTypeID) runtime.ResolveQNameParts {
	if !s.rt.SimpleValueNeedsQNameResolver(id) {
		return nil
	}
	return s.qnameResolver()
}

func (s *session) qnameResolver() runtime.ResolveQNameParts {
	if s.resolveLexicalQNamePartsFunc == nil {
		s.resolveLexicalQNamePartsFunc = s.resolveLexicalQNameParts
	}
	return s.resolveLexicalQNamePartsFunc
}

func (s *session) resolveLexicalQNameParts(v string) (namespace, local string, ok bool) {
	return ResolveLexicalQNameParts(v, s.doc.LookupNamespace)
}
