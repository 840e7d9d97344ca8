package runtime

import (
	"errors"
	"unicode/utf8"
)

// RawSimpleStream validates the text of a simple-content element piece by
// piece, as the parser delivers it, for the types whose check needs no
// more than a running state: strings without facets or with length facets
// only (any whitespace mode), and base64Binary with or without length
// facets. The session then need not hold the text: a base64 attachment of
// many MB is checked in memory that does not grow with it. Its results are
// those of the raw fast path and of the full simple-value validation for
// the same text (the same errors, so findings read the same).
//
// Not part of upstream jacoelho/xsd v0.4.0; see third_party/xsd/PATCHES.md.
type RawSimpleStream struct {
	mode       rawStreamMode
	whitespace WhitespaceMode
	lengths    LengthFacetValues
	checkLen   bool

	str      rawStringLengthState
	b64      base64BinaryScan
	lastData byte

	partial  [utf8.UTFMax]byte // a rune cut at a piece boundary
	npartial int
	err      error
}

type rawStreamMode uint8

const (
	rawStreamNone rawStreamMode = iota
	rawStreamString
	rawStreamBase64
)

// NewRawSimpleStream returns a stream validator for the simple type id, and
// false when the type's check needs the whole value (patterns,
// enumerations, ordered facets, identity types, lists, unions, other
// primitives): then the caller keeps the text and validates it at the end.
func (rt *Schema) NewRawSimpleStream(id SimpleTypeID) (RawSimpleStream, bool) {
	if rt == nil || id == NoSimpleType {
		return RawSimpleStream{}, false
	}
	route, ok := simpleValueRouteReadByID(rt.runtime.SimpleValueRoutes, id)
	if !ok || route.variety != SimpleVarietyAtomic || route.availability != simpleTypeAvailabilityAvailable ||
		route.identity != SimpleIdentityNone || route.builtin != BuiltinValidationNone ||
		route.facets&^runtimeLengthFacetMask != 0 {
		return RawSimpleStream{}, false
	}
	st := RawSimpleStream{whitespace: route.whitespace}
	switch route.primitive {
	case PrimitiveString:
		st.mode = rawStreamString
	case PrimitiveBase64Binary:
		st.mode = rawStreamBase64
	default:
		return RawSimpleStream{}, false
	}
	if route.facets != 0 {
		cold, ok := rt.runtime.SimpleTypeCold.read(id)
		if !ok || cold == nil {
			return RawSimpleStream{}, false
		}
		st.lengths = rawLengthFacets(cold)
		st.checkLen = true
	}
	return st, true
}

// Write takes the next piece of the text.
func (st *RawSimpleStream) Write(p []byte) {
	if st.err != nil {
		return
	}
	switch st.mode {
	case rawStreamString:
		if !st.checkLen {
			return // any string is valid; the parser checked the characters
		}
		st.writeRunes(p)
	case rawStreamBase64:
		last, err := appendBase64Text(&st.b64, p, st.lastData)
		if err != nil {
			st.err = err
			return
		}
		st.lastData = last
	case rawStreamNone:
	}
}

func (st *RawSimpleStream) writeRunes(p []byte) {
	// A rune cut at the end of the last piece is completed byte by byte.
	for st.npartial > 0 && len(p) > 0 {
		st.partial[st.npartial] = p[0]
		st.npartial++
		p = p[1:]
		if !utf8.FullRune(st.partial[:st.npartial]) {
			continue
		}
		r, size := utf8.DecodeRune(st.partial[:st.npartial])
		if r == utf8.RuneError && size == 1 || size != st.npartial {
			st.err = errors.New("invalid UTF-8 string")
			return
		}
		st.npartial = 0
		if err := st.str.appendRune(r, st.whitespace); err != nil {
			st.err = err
			return
		}
	}
	for len(p) > 0 {
		if !utf8.FullRune(p) {
			st.npartial = copy(st.partial[:], p)
			return
		}
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size == 1 {
			st.err = errors.New("invalid UTF-8 string")
			return
		}
		p = p[size:]
		if err := st.str.appendRune(r, st.whitespace); err != nil {
			st.err = err
			return
		}
	}
}

// Finish returns the result for the whole text: nil when it is a valid
// value of the type, else the error the non-streaming validation gives.
func (st *RawSimpleStream) Finish() error {
	if st.err != nil {
		return st.err
	}
	switch st.mode {
	case rawStreamString:
		if st.npartial > 0 {
			return errors.New("invalid UTF-8 string")
		}
		if !st.checkLen {
			return nil
		}
		return ValidateLengthFacets(st.lengths, uint32(st.str.count)) //nolint:gosec // appendRune rejects counts above uint32.
	case rawStreamBase64:
		scan := st.b64
		if scan.cleanLen%4 != 0 || scan.pads > 2 || !validBase64Padding(scan.pads, st.lastData) {
			return errors.New("invalid base64Binary")
		}
		if !st.checkLen {
			return nil
		}
		length, err := checkedUint32(scan.cleanLen/4*3-scan.pads, "base64Binary length exceeds uint32 limit")
		if err != nil {
			return err
		}
		return ValidateLengthFacets(st.lengths, length)
	case rawStreamNone:
	}
	return nil
}
