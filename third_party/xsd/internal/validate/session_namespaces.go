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
	slot := (len(l)*31 ^ int(l[0])*7 ^ int(l[len(l)-1]) ^ len(n.Space)<<2) & (len(s.recentNames) - 1)
	if c := &s.recentNames[slot]; c.Local == l && c.NS == n.Space {
		return *c
	}
	rn := ResolveRuntimeName(s.rt, n)
	s.recentNames[slot] = rn
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
