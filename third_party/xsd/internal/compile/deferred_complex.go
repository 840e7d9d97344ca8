package compile

// ozgctl patch (PATCHES.md, item 8): a named complex type that an element
// declaration refers to while the type's base is still being compiled.
//
// A global complex type is registered under its ID before its definition is
// compiled, so an element declaration inside the definition can refer to the
// type itself, or to any type that is already registered, by ID alone. An
// element declaration whose type T is not registered yet makes the compiler
// compile T at that point, and compiling T needs T's base complete: its
// content model and attribute uses are built on the base's. When the base
// chain of T leads to a type still being compiled, as in
//
//	<complexType name="Base"><sequence>
//	  <element name="part" type="Derived"/>
//	</sequence></complexType>
//	<complexType name="Derived"><complexContent>
//	  <extension base="Base">…</extension>
//	</complexContent></complexType>
//
// reached through Base first, the base is not complete yet. This is legal XSD:
// the recursion goes through an element particle's type, not through the
// derivation. The element declaration needs no more than T's ID, so T is
// registered now and its definition compiled as soon as no type of its base
// chain is being compiled (completeUnblockedDeferredComplex, run whenever a
// global complex type is done), or earlier, when it is needed as a base
// (compileComplexByQName). Anonymous complex types whose base is incomplete in
// the same sense are deferred as before (shouldDeferAnonymousComplex).
//
// Derivation cycles are not affected: a base chain that comes back to a type
// it has already passed is not incomplete in this sense, so compiling the type
// reports the cycle as before.

import (
	"github.com/jacoelho/xsd/internal/runtime"
	"github.com/jacoelho/xsd/internal/vocab"
	"github.com/jacoelho/xsd/xsderrors"
)

// deferElementComplexType registers the named complex type q for an element
// declaration without compiling it, when its base is incomplete. It reports
// false when q can be resolved as usual.
func (c *compiler) deferElementComplexType(q runtime.QName) (runtime.ComplexTypeID, bool, error) {
	if _, done := c.complexDone[q]; done {
		return runtime.NoComplexType, false, nil
	}
	raw, ok := c.complexRaw[q]
	if !ok {
		return runtime.NoComplexType, false, nil
	}
	base, ok := c.rawComplexBase(raw)
	if !ok || !c.complexBaseIncomplete(base) {
		return runtime.NoComplexType, false, nil
	}
	if err := c.spendComponentDependency(raw.node); err != nil {
		return runtime.NoComplexType, false, err
	}
	id, err := c.registerGlobalComplexPlaceholder(q)
	if err != nil {
		return runtime.NoComplexType, false, err
	}
	c.deferredComplexIDs[q] = id
	c.deferredComplex = append(c.deferredComplex, q)
	return id, true, nil
}

// complexBaseIncomplete reports whether the named complex type q cannot serve
// as a base now: it is being compiled or deferred, or its base chain leads to
// such a type. A chain that comes back to a type it has passed is a
// derivation cycle; it is reported as complete here, so that compiling the
// type reports the cycle.
func (c *compiler) complexBaseIncomplete(q runtime.QName) bool {
	var seen map[runtime.QName]bool
	for {
		if c.compilingComplex[q] {
			return true
		}
		if _, deferred := c.deferredComplexIDs[q]; deferred {
			return true
		}
		if _, done := c.complexDone[q]; done {
			return false
		}
		raw, ok := c.complexRaw[q]
		if !ok {
			return false
		}
		base, ok := c.rawComplexBase(raw)
		if !ok {
			return false
		}
		if seen == nil {
			seen = make(map[runtime.QName]bool)
		}
		if seen[q] {
			return false
		}
		seen[q] = true
		q = base
	}
}

// rawComplexBase returns the base named by the complexContent or
// simpleContent derivation of a complex type definition, without interning a
// name or reporting an error: a base it cannot read is left to the compiler,
// which reports it when it compiles the definition.
func (c *compiler) rawComplexBase(raw rawComponent) (runtime.QName, bool) {
	var source contentDerivationSource
	var err error
	if container := raw.node.firstXS(vocab.XSDElemComplexContent); container != nil {
		source, err = checkComplexContentSyntax(container)
	} else if container := raw.node.firstXS(vocab.XSDElemSimpleContent); container != nil {
		source, err = checkSimpleContentSyntax(container)
	} else {
		return runtime.QName{}, false
	}
	if err != nil || source.node == nil {
		return runtime.QName{}, false
	}
	lexical, ok := source.node.attr(vocab.XSDAttrBase)
	if !ok {
		return runtime.QName{}, false
	}
	name, err := source.node.resolveQName(lexical)
	if err != nil {
		return runtime.QName{}, false
	}
	namespace, err := checkReferenceNamespace(source.node, raw.ctx, name.Space)
	if err != nil {
		return runtime.QName{}, false
	}
	return c.rt.lookupQName(namespace, name.Local)
}

// completeDeferredGlobalComplex compiles the definition of the deferred type q
// into the ID registered for it.
func (c *compiler) completeDeferredGlobalComplex(q runtime.QName, id runtime.ComplexTypeID) error {
	delete(c.deferredComplexIDs, q)
	return c.compileGlobalComplexBody(c.complexRaw[q], q, id)
}

// completeUnblockedDeferredComplex compiles every deferred type whose base is
// complete now, in the order they were deferred, until no more can be.
func (c *compiler) completeUnblockedDeferredComplex() error {
	if len(c.deferredComplexIDs) == 0 || c.completingDeferredComplex {
		return nil
	}
	c.completingDeferredComplex = true
	defer func() { c.completingDeferredComplex = false }()
	for progress := true; progress; {
		progress = false
		for i := 0; i < len(c.deferredComplex); i++ {
			q := c.deferredComplex[i]
			id, deferred := c.deferredComplexIDs[q]
			if !deferred {
				continue
			}
			if base, ok := c.rawComplexBase(c.complexRaw[q]); ok && c.complexBaseIncomplete(base) {
				continue
			}
			if err := c.completeDeferredGlobalComplex(q, id); err != nil {
				return err
			}
			progress = true
		}
	}
	pending := c.deferredComplex[:0]
	for _, q := range c.deferredComplex {
		if _, deferred := c.deferredComplexIDs[q]; deferred {
			pending = append(pending, q)
		}
	}
	c.deferredComplex = pending
	return nil
}

// drainDeferredComplex compiles what is deferred once every global component
// has been compiled: named types first (their bases are complete by then),
// then anonymous types, whose bases may be the named ones.
func (c *compiler) drainDeferredComplex() error {
	for len(c.deferredComplexIDs) != 0 || len(c.deferredAnonymousComplex) != 0 {
		if err := c.completeUnblockedDeferredComplex(); err != nil {
			return err
		}
		if len(c.deferredComplexIDs) != 0 {
			return xsderrors.InternalInvariant("deferred complex type base never completed")
		}
		if err := c.drainDeferredAnonymousComplex(); err != nil {
			return err
		}
	}
	return nil
}
