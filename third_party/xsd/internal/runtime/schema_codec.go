package runtime

//go:generate go test -run TestSchemaCodecTypesGenerated -update-codec-types .

// ozgctl patch: a binary form of a published Schema, so that a caller can
// keep a compiled schema on disk and load it in a fraction of the compile
// time (see PATCHES.md). The published schema is plain ID-based tables; the
// codec describes their Go types by reflection (describeCodecTypes; on amd64
// that description is generated into schema_codec_types_amd64.go, so a
// process does not walk the types) and builds an encoder and a decoder per
// type:
//
//   - types without pointers (IDs, flags, read rows) are copied as memory,
//     whole slices of them at once, so the format is only readable by a
//     binary with the same type layout: the header carries a fingerprint of
//     every type reached (names, kinds, sizes, field offsets) and the
//     architecture, and a mismatch is an error, never a wrong schema;
//   - the bytes of such a slice start at a multiple of its element's
//     alignment (counted from the start of the encoded schema, zero bytes
//     fill the gap), so that a decoder given bytes it may keep
//     ([UnmarshalSchemaOwned]) points the slice into them instead of
//     allocating and copying, as it points every decoded string into them:
//     most of an encoded schema is such tables, and in a short process every
//     fresh page of heap costs a page fault;
//   - a value without pointers that is decoded into memory of its own (a
//     run of adjacent plain fields of a struct, a map key) is written
//     sparsely from 16 bytes on: a bitmap of its 8-byte words that are not
//     zero, then those words (schemaEncoder.memory);
//   - strings, slices, maps and pointers are encoded by value; pointer
//     identity is kept (a pointer seen before is a back-reference), so shared
//     pattern DFAs stay shared; the elements of all slices of one type with
//     pointers are decoded into one block, whose size the encoded form
//     gives ahead of the tables (slicePool);
//   - a pattern DFA is stored as its source, budgets and compiled program
//     (pattern_prog.go; it is built lazily on first use, as after a
//     compile, from the stored program), and the regexp beside it not at all:
//     the DFA compiles it from its source when it first needs it; any other
//     regexp is stored as its source and compiled again on load;
//   - any other type with hidden state (sync, atomic, funcs, channels,
//     interfaces) makes encoding fail, so a new field of such a type cannot be
//     lost silently.
//
// Decoding checks every length against the bytes left and recovers from a
// panic of reflection as an error: a damaged input gives an error. The
// caller is expected to check the integrity of the bytes (a checksum) before
// decoding, since a well-formed but altered input could still describe a
// different schema.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"reflect"
	"regexp"
	goruntime "runtime"
	"strconv"
	"sync"
	"unsafe"
)

// schemaCodecMagic starts every encoded schema; the last byte is the format
// version of the codec itself.
const schemaCodecMagic = "XSDRT\x00\x00\x04"

// errSchemaCodec is wrapped by every decoding error.
var errSchemaCodec = errors.New("encoded schema")

type typeCodec struct {
	enc func(e *schemaEncoder, p unsafe.Pointer) error
	dec func(d *schemaDecoder, p unsafe.Pointer) error
}

type schemaCodec struct {
	root        *typeCodec
	pools       []reflect.Type
	fingerprint [32]byte
	err         error
}

var (
	schemaCodecOnce sync.Once
	schemaCodecPlan schemaCodec
)

// loadSchemaCodec builds the codec of the published tables. On amd64 it
// builds it from the description of their types generated into
// schema_codec_types_amd64.go, with no reflection over the types: planning
// by reflection read the names of some 130 types and of their fields,
// pages of the binary that nothing else touches, in every process that
// loads a cached schema (~0.8 ms of checking one XHochschule message).
// TestSchemaCodecTypesGenerated fails when the description differs from
// the one reflection gives, and the generated file's checks of sizes,
// offsets and field types break the build when a described type changes.
func loadSchemaCodec() (*schemaCodec, error) {
	schemaCodecOnce.Do(func() {
		types, rts, fingerprint, err := schemaRuntimeCodecTypes()
		if err != nil {
			schemaCodecPlan = schemaCodec{err: err}
			return
		}
		schemaCodecPlan = buildSchemaCodec(types, rts, fingerprint)
	})
	return &schemaCodecPlan, schemaCodecPlan.err
}

// newSchemaCodec plans the codec of the tables of type t by reflection.
func newSchemaCodec(t reflect.Type) schemaCodec {
	types, rts, fingerprint, err := describeCodecTypes(t)
	if err != nil {
		return schemaCodec{err: err}
	}
	return buildSchemaCodec(types, rts, fingerprint)
}

// SchemaCodecFingerprint identifies the encoded form: it changes whenever a
// type reachable from a published schema changes shape.
func SchemaCodecFingerprint() ([32]byte, error) {
	c, err := loadSchemaCodec()
	if err != nil {
		return [32]byte{}, err
	}
	return c.fingerprint, nil
}

// codecKind says how values of a type are encoded.
type codecKind uint8

const (
	codecPlain   codecKind = iota // no pointers: copied as memory
	codecString                   // length and bytes
	codecSlice                    // length and elements
	codecArray                    // elements
	codecStruct                   // fields
	codecPointer                  // tag, then the value the first time
	codecMap                      // length and pairs
)

// codecType describes a type reached from the tables, what the codec needs
// to encode and decode its values (its reflect.Type, for allocations, is
// kept beside it). Types refer to others by their index in the
// description, whose first type is the tables'. It holds only constants,
// so that a generated description is data the compiler lays out.
type codecType struct {
	kind  codecKind
	size  uintptr
	align int
	elem  int // slice, array, pointer (-1 for a regexp or pattern DFA): the element; map: the value
	key   int // map: the key
	len   int // array: the length
	pool  int // slice of elements with pointers: its slicePool
	// fields are a struct's fields; one without a type (typ < 0) is a run
	// of adjacent fields without pointers, encoded as one block of memory
	// (see schemaEncoder.memory).
	fields []codecField
}

// codecField is a field, or a run of fields, of a struct.
type codecField struct {
	off, size uintptr
	typ       int
}

type codecBuilder struct {
	types []codecType
	rts   []reflect.Type // of types
	index map[reflect.Type]int
	pools int
	// plain memoizes plainType: asked for every field and element type,
	// it walked nested structs again each time.
	plain map[reflect.Type]bool
	// desc hashes the description of every type reached, the fingerprint:
	// hashed line by line as it is written (line is the buffer) rather
	// than built as a string first.
	desc hash.Hash
	line []byte
}

// describeCodecTypes describes by reflection the types reached from t, in
// the order the codec plans them, and returns their reflect.Types and
// fingerprint.
func describeCodecTypes(t reflect.Type) ([]codecType, []reflect.Type, [32]byte, error) {
	b := &codecBuilder{index: make(map[reflect.Type]int, 160), plain: make(map[reflect.Type]bool, 160), desc: sha256.New()}
	io.WriteString(b.desc, goruntime.GOARCH+schemaCodecMagic)
	var fingerprint [32]byte
	if _, err := b.plan(t); err != nil {
		return nil, nil, fingerprint, err
	}
	b.desc.Sum(fingerprint[:0])
	return b.types, b.rts, fingerprint, nil
}

// describeType adds "|name:kind:size" for t to the fingerprint.
func (b *codecBuilder) describeType(t reflect.Type) {
	b.line = append(b.line[:0], '|')
	b.line = append(b.line, t.String()...)
	b.line = append(b.line, ':')
	b.line = append(b.line, t.Kind().String()...)
	b.line = append(b.line, ':')
	b.line = strconv.AppendUint(b.line, uint64(t.Size()), 10)
	b.desc.Write(b.line)
}

// describeField adds ",name@offset:type" for a field to the fingerprint.
func (b *codecBuilder) describeField(f reflect.StructField) {
	b.line = append(b.line[:0], ',')
	b.line = append(b.line, f.Name...)
	b.line = append(b.line, '@')
	b.line = strconv.AppendUint(b.line, uint64(f.Offset), 10)
	b.line = append(b.line, ':')
	b.line = append(b.line, f.Type.String()...)
	b.desc.Write(b.line)
}

// describePointer adds ",->type" for a pointer's element type to the
// fingerprint.
func (b *codecBuilder) describePointer(et reflect.Type) {
	b.line = append(append(b.line[:0], ",->"...), et.String()...)
	b.desc.Write(b.line)
}

var (
	regexpType            = reflect.TypeFor[regexp.Regexp]()
	patternDFAType        = reflect.TypeFor[patternDFA]()
	stringPatternReadType = reflect.TypeFor[stringPatternRead]()
)

// plainType reports whether values of t hold no pointers and can be copied
// as memory.
func (b *codecBuilder) plainType(t reflect.Type) bool {
	plain, ok := b.plain[t]
	if !ok {
		plain = b.plainKind(t)
		b.plain[t] = plain
	}
	return plain
}

func (b *codecBuilder) plainKind(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Array:
		return b.plainType(t.Elem())
	case reflect.Struct:
		if hiddenStatePackage(t.PkgPath()) {
			return false
		}
		for i := range t.NumField() {
			if !b.plainType(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

func hiddenStatePackage(pkg string) bool {
	switch pkg {
	case "sync", "sync/atomic", "regexp", "regexp/syntax", "unsafe":
		return true
	}
	return false
}

// plan describes t (and the types it reaches) and returns its index. The
// order of the descriptions and of the pools is part of the format.
func (b *codecBuilder) plan(t reflect.Type) (int, error) {
	if i, ok := b.index[t]; ok {
		return i, nil
	}
	i := len(b.types)
	b.index[t] = i
	b.types = append(b.types, codecType{size: t.Size(), align: t.Align(), elem: -1, key: -1, pool: -1})
	b.rts = append(b.rts, t)
	b.describeType(t)
	if b.plainType(t) {
		if t.Kind() == reflect.Struct {
			for j := range t.NumField() {
				b.describeField(t.Field(j))
			}
		}
		b.types[i].kind = codecPlain
		return i, nil
	}
	var err error
	switch t.Kind() {
	case reflect.String:
		b.types[i].kind = codecString
	case reflect.Slice:
		err = b.planSlice(i, t)
	case reflect.Array:
		var elem int
		elem, err = b.plan(t.Elem())
		b.types[i].kind, b.types[i].elem, b.types[i].len = codecArray, elem, t.Len()
	case reflect.Struct:
		err = b.planStruct(i, t)
	case reflect.Pointer:
		err = b.planPointer(i, t)
	case reflect.Map:
		err = b.planMap(i, t)
	default:
		err = fmt.Errorf("schema codec: cannot encode %s (%s)", t, t.Kind())
	}
	if err != nil {
		return 0, err
	}
	return i, nil
}

func (b *codecBuilder) planSlice(i int, t reflect.Type) error {
	elem, err := b.plan(t.Elem())
	if err != nil {
		return err
	}
	b.types[i].kind, b.types[i].elem = codecSlice, elem
	if !b.plainType(t.Elem()) { // (the element's description may be unfinished)
		// The elements of all slices of this type share one block of
		// memory when decoded (see slicePool).
		b.types[i].pool = b.pools
		b.pools++
	}
	return nil
}

func (b *codecBuilder) planStruct(i int, t reflect.Type) error {
	if hiddenStatePackage(t.PkgPath()) {
		return fmt.Errorf("schema codec: cannot encode %s (state that is not data)", t)
	}
	fields := make([]codecField, 0, t.NumField())
	for j := range t.NumField() {
		f := t.Field(j)
		b.describeField(f)
		ft, err := b.plan(f.Type)
		if err != nil {
			return fmt.Errorf("%w (field %s.%s)", err, t, f.Name)
		}
		if !b.plainType(f.Type) {
			fields = append(fields, codecField{off: f.Offset, typ: ft})
			continue
		}
		if n := len(fields); n > 0 && fields[n-1].typ < 0 && fields[n-1].off+fields[n-1].size == f.Offset {
			fields[n-1].size += f.Type.Size()
			continue
		}
		fields = append(fields, codecField{off: f.Offset, size: f.Type.Size(), typ: -1})
	}
	b.types[i].kind, b.types[i].fields = codecStruct, fields
	return nil
}

func (b *codecBuilder) planPointer(i int, t reflect.Type) error {
	et := t.Elem()
	b.types[i].kind = codecPointer
	if et != regexpType && et != patternDFAType {
		elem, err := b.plan(et)
		if err != nil {
			return err
		}
		b.types[i].elem = elem
	}
	b.describePointer(et)
	return nil
}

func (b *codecBuilder) planMap(i int, t reflect.Type) error {
	key, err := b.plan(t.Key())
	if err != nil {
		return err
	}
	elem, err := b.plan(t.Elem())
	if err != nil {
		return err
	}
	b.types[i].kind, b.types[i].key, b.types[i].elem = codecMap, key, elem
	return nil
}

// buildSchemaCodec makes the encoder and decoder of every described type.
// It asks the types' reflect.Type only for allocations (which read no
// names).
func buildSchemaCodec(types []codecType, rts []reflect.Type, fingerprint [32]byte) schemaCodec {
	if len(rts) != len(types) || len(types) == 0 {
		return schemaCodec{err: fmt.Errorf("schema codec: %d types described, %d reflect.Types", len(types), len(rts))}
	}
	codecs := make([]typeCodec, len(types))
	c := schemaCodec{root: &codecs[0], fingerprint: fingerprint}
	for i, t := range types {
		if t.pool >= 0 {
			for len(c.pools) <= t.pool {
				c.pools = append(c.pools, nil)
			}
			c.pools[t.pool] = rts[i]
		}
	}
	for i := range types {
		if err := buildTypeCodec(&codecs[i], types, rts[i], codecs, i); err != nil {
			return schemaCodec{err: err}
		}
	}
	return c
}

// buildTypeCodec makes c, the codec of types[i]; codecs are those of all
// types (filled in any order: a codec calls another's only when used).
func buildTypeCodec(c *typeCodec, types []codecType, rt reflect.Type, codecs []typeCodec, i int) error {
	t := &types[i]
	switch t.kind {
	case codecPlain:
		size := int(t.size)
		c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
			e.memory(p, size)
			return nil
		}
		c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
			return d.memory(p, size)
		}
	case codecString:
		c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
			s := *(*string)(p)
			e.uvarint(uint64(len(s)))
			e.buf = append(e.buf, s...)
			return nil
		}
		c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
			s, err := d.string()
			*(*string)(p) = s
			return err
		}
	case codecSlice:
		if types[t.elem].kind == codecPlain {
			buildTableCodec(c, rt, int(types[t.elem].size), types[t.elem].align)
		} else {
			buildPoolSliceCodec(c, &codecs[t.elem], int(types[t.elem].size), t.pool)
		}
	case codecArray:
		elem, n, size := &codecs[t.elem], t.len, types[t.elem].size
		c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
			for i := range n {
				if err := elem.enc(e, unsafe.Add(p, uintptr(i)*size)); err != nil {
					return err
				}
			}
			return nil
		}
		c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
			for i := range n {
				if err := elem.dec(d, unsafe.Add(p, uintptr(i)*size)); err != nil {
					return err
				}
			}
			return nil
		}
	case codecStruct:
		buildStructCodec(c, rt, t, codecs)
	case codecPointer:
		buildPointerCodec(c, rt, t, codecs)
	case codecMap:
		buildMapCodec(c, rt, &codecs[t.key], &codecs[t.elem])
	default:
		return fmt.Errorf("schema codec: type %s of unknown kind %d", rt, t.kind)
	}
	return nil
}

// buildTableCodec makes the codec of a slice of type t whose elements
// (size bytes, aligned to align) hold no pointers: a table.
func buildTableCodec(c *typeCodec, t reflect.Type, size, align int) {
	c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
		h := (*sliceHeader)(p)
		if h.data == nil {
			e.uvarint(0)
			return nil
		}
		e.uvarint(uint64(h.len) + 1)
		if h.len > 0 && size > 0 {
			for (len(e.buf)-e.base)%align != 0 {
				e.buf = append(e.buf, 0)
			}
			e.buf = append(e.buf, unsafe.Slice((*byte)(h.data), h.len*size)...)
		}
		return nil
	}
	c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
		n, isNil, err := d.length(size)
		if err != nil || isNil {
			return err
		}
		if n == 0 || size == 0 {
			// As reflect.MakeSlice: an empty slice (or one of elements of
			// no size) points at a zero-sized object. The header is written
			// directly: reflect.NewAt looks up the pointer type of an
			// unnamed type by its name, reading the names of other types.
			*(*sliceHeader)(p) = sliceHeader{data: unsafe.Pointer(&zeroSliceElement), len: n, cap: n}
			return nil
		}
		if err := d.align(align); err != nil {
			return err
		}
		src, err := d.take(n * size)
		if err != nil {
			return err
		}
		if d.owned && uintptr(unsafe.Pointer(unsafe.SliceData(src)))%uintptr(align) == 0 {
			// The slice points into the encoded bytes (capacity = length,
			// so an append copies): no allocation, no copy.
			*(*sliceHeader)(p) = sliceHeader{data: unsafe.Pointer(unsafe.SliceData(src)), len: n, cap: n}
			return nil
		}
		s := reflect.MakeSlice(t, n, n).UnsafePointer()
		copy(unsafe.Slice((*byte)(s), n*size), src)
		*(*sliceHeader)(p) = sliceHeader{data: s, len: n, cap: n}
		return nil
	}
}

// buildPoolSliceCodec makes the codec of a slice whose elements (codec
// elem, size bytes) hold pointers: they are decoded into the block of
// slicePool pool.
func buildPoolSliceCodec(c *typeCodec, elem *typeCodec, size, pool int) {
	c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
		h := (*sliceHeader)(p)
		if h.data == nil {
			e.uvarint(0)
			return nil
		}
		e.uvarint(uint64(h.len) + 1)
		e.counts[pool] += h.len
		for i := range h.len {
			if err := elem.enc(e, unsafe.Add(h.data, i*size)); err != nil {
				return err
			}
		}
		return nil
	}
	c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
		// Every element takes at least one byte.
		n, isNil, err := d.length(1)
		if err != nil || isNil {
			return err
		}
		base, err := d.pools[pool].take(n)
		if err != nil {
			return err
		}
		*(*sliceHeader)(p) = sliceHeader{data: base, len: n, cap: n}
		for i := range n {
			if err := elem.dec(d, unsafe.Add(base, i*size)); err != nil {
				return err
			}
		}
		return nil
	}
}

// slicePool is the block that holds the elements of every decoded slice of
// one type (with pointers; slices without are tables in the encoded bytes
// or copies). The encoded form counts them ahead of the tables: one
// allocation per type instead of one per slice (a schema has hundreds of
// content model rows and attribute uses in some ten types), so the decoder
// calls the allocator less and leaves no half-used spans of many size
// classes on fresh pages.
type slicePool struct {
	base    unsafe.Pointer // the block (nil when n is 0)
	size    uintptr        // bytes per element
	used, n int
}

// take returns the next n elements of the pool. A slice of zero elements
// points at the block too (capacity zero: an append copies) rather than
// past its end.
func (p *slicePool) take(n int) (unsafe.Pointer, error) {
	if n > p.n-p.used {
		return nil, fmt.Errorf("%w: more slice elements than counted", errSchemaCodec)
	}
	if p.base == nil {
		return unsafe.Pointer(&zeroSliceElement), nil
	}
	ptr := unsafe.Add(p.base, uintptr(p.used)*p.size)
	if p.used == p.n {
		ptr = p.base
	}
	p.used += n
	return ptr, nil
}

// zeroSliceElement is where a slice of zero elements of a type with no
// elements at all points (as reflect.MakeSlice's do, at a zero-sized
// object).
var zeroSliceElement struct{}

// sliceHeader is the memory layout of a slice.
type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

// buildStructCodec makes the codec of the struct t (of type rt).
func buildStructCodec(c *typeCodec, rt reflect.Type, t *codecType, codecs []typeCodec) {
	fields := t.fields
	c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
		for _, f := range fields {
			if f.typ < 0 {
				e.memory(unsafe.Add(p, f.off), int(f.size))
				continue
			}
			if err := codecs[f.typ].enc(e, unsafe.Add(p, f.off)); err != nil {
				return err
			}
		}
		return nil
	}
	c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
		for _, f := range fields {
			if f.typ < 0 {
				if err := d.memory(unsafe.Add(p, f.off), int(f.size)); err != nil {
					return err
				}
				continue
			}
			if err := codecs[f.typ].dec(d, unsafe.Add(p, f.off)); err != nil {
				return err
			}
		}
		return nil
	}
	if rt == stringPatternReadType {
		// A pattern with a DFA stores no regexp: the DFA compiles its
		// source for the answers it cannot give, on first need, so that a
		// load does not compile long alternations (String.Latin) that the
		// DFA answers alone.
		enc := c.enc
		c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
			read := *(*stringPatternRead)(p)
			if read.dfa != nil && read.re != nil && read.re.String() == read.dfa.source {
				read.re = nil
			}
			return enc(e, unsafe.Pointer(&read))
		}
	}
}

// Pointer tags: nilPointer, newPointer followed by the value, or the index
// of an earlier pointer plus firstBackRef.
const (
	nilPointer   = 0
	newPointer   = 1
	firstBackRef = 2
)

// buildPointerCodec makes the codec of the pointer type t (rt).
func buildPointerCodec(c *typeCodec, rt reflect.Type, t *codecType, codecs []typeCodec) {
	et := rt.Elem()
	var encValue func(e *schemaEncoder, p unsafe.Pointer) error
	var decValue func(d *schemaDecoder) (unsafe.Pointer, error)
	switch et {
	case regexpType:
		encValue = func(e *schemaEncoder, p unsafe.Pointer) error {
			s := (*regexp.Regexp)(p).String()
			e.uvarint(uint64(len(s)))
			e.buf = append(e.buf, s...)
			return nil
		}
		decValue = func(d *schemaDecoder) (unsafe.Pointer, error) {
			s, err := d.string()
			if err != nil {
				return nil, err
			}
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("%w: pattern %q: %v", errSchemaCodec, s, err)
			}
			return unsafe.Pointer(re), nil
		}
	case patternDFAType:
		encValue = func(e *schemaEncoder, p unsafe.Pointer) error {
			dfa := (*patternDFA)(p)
			e.uvarint(uint64(len(dfa.source)))
			e.buf = append(e.buf, dfa.source...)
			e.uvarint(uint64(dfa.maxMemory))
			e.uvarint(uint64(dfa.maxStates))
			var prog []byte
			if p := compilePatternProg(dfa.source); p != nil {
				prog = appendPatternProg(nil, p)
			}
			e.uvarint(uint64(len(prog)))
			e.buf = append(e.buf, prog...)
			return nil
		}
		decValue = func(d *schemaDecoder) (unsafe.Pointer, error) {
			s, err := d.string()
			if err != nil {
				return nil, err
			}
			mem, err := d.uvarint()
			if err != nil {
				return nil, err
			}
			states, err := d.uvarint()
			if err != nil {
				return nil, err
			}
			if mem > math.MaxInt32 || states > math.MaxInt32 {
				return nil, fmt.Errorf("%w: pattern budget out of range", errSchemaCodec)
			}
			prog, err := d.string()
			if err != nil {
				return nil, err
			}
			return unsafe.Pointer(&patternDFA{source: s, progData: prog, maxMemory: int(mem), maxStates: int(states)}), nil
		}
	default:
		elem := &codecs[t.elem]
		encValue = func(e *schemaEncoder, p unsafe.Pointer) error {
			return elem.enc(e, p) // (elem may be built after this codec)
		}
		decValue = func(d *schemaDecoder) (unsafe.Pointer, error) {
			p := reflect.New(et).UnsafePointer()
			d.ptrs[len(d.ptrs)-1] = p // before the value: a cycle refers back to it
			return p, elem.dec(d, p)
		}
	}
	c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
		ptr := *(*unsafe.Pointer)(p)
		if ptr == nil {
			e.uvarint(nilPointer)
			return nil
		}
		key := pointerKey{ptr, et}
		if i, ok := e.ptrs[key]; ok {
			e.uvarint(uint64(i) + firstBackRef)
			return nil
		}
		e.ptrs[key] = len(e.ptrs)
		e.uvarint(newPointer)
		return encValue(e, ptr)
	}
	c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
		tag, err := d.uvarint()
		if err != nil {
			return err
		}
		switch {
		case tag == nilPointer:
			*(*unsafe.Pointer)(p) = nil
			return nil
		case tag == newPointer:
			slot := len(d.ptrs)
			d.ptrs = append(d.ptrs, nil)
			d.types = append(d.types, et)
			ptr, err := decValue(d)
			if err != nil {
				return err
			}
			d.ptrs[slot] = ptr
			*(*unsafe.Pointer)(p) = ptr
			return nil
		default:
			i := tag - firstBackRef
			if i >= uint64(len(d.ptrs)) || d.types[i] != et || d.ptrs[i] == nil {
				return fmt.Errorf("%w: bad pointer reference", errSchemaCodec)
			}
			*(*unsafe.Pointer)(p) = d.ptrs[i]
			return nil
		}
	}
}

type pointerKey struct {
	p unsafe.Pointer
	t reflect.Type
}

// buildMapCodec makes the codec of the map type t, whose keys and values
// have the codecs kc and vc.
func buildMapCodec(c *typeCodec, t reflect.Type, kc, vc *typeCodec) {
	c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
		m := reflect.NewAt(t, p).Elem()
		if m.IsNil() {
			e.uvarint(0)
			return nil
		}
		e.uvarint(uint64(m.Len()) + 1)
		// Map order does not matter for the decoded map; the bytes may differ
		// between runs, which a cache does not mind.
		k := reflect.New(t.Key()).Elem()
		v := reflect.New(t.Elem()).Elem()
		it := m.MapRange()
		for it.Next() {
			k.SetIterKey(it)
			v.SetIterValue(it)
			if err := kc.enc(e, k.Addr().UnsafePointer()); err != nil {
				return err
			}
			if err := vc.enc(e, v.Addr().UnsafePointer()); err != nil {
				return err
			}
		}
		return nil
	}
	c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
		n, isNil, err := d.length(1)
		if err != nil || isNil {
			return err
		}
		m := reflect.MakeMapWithSize(t, n)
		k := reflect.New(t.Key()).Elem()
		v := reflect.New(t.Elem()).Elem()
		for range n {
			if err := kc.dec(d, k.Addr().UnsafePointer()); err != nil {
				return err
			}
			if err := vc.dec(d, v.Addr().UnsafePointer()); err != nil {
				return err
			}
			m.SetMapIndex(k, v)
		}
		if m.Len() != n {
			return fmt.Errorf("%w: duplicate map key", errSchemaCodec)
		}
		*(*unsafe.Pointer)(p) = m.UnsafePointer() // a map is a pointer (see the table codec on reflect.NewAt)
		return nil
	}
}

type schemaEncoder struct {
	buf  []byte
	base int // where the encoded schema starts in buf
	ptrs map[pointerKey]int
	// counts are the elements of each pool's slices encoded so far.
	counts []int
}

func (e *schemaEncoder) uvarint(v uint64) {
	e.buf = binary.AppendUvarint(e.buf, v)
}

// sparseMin is the size from which a value without pointers is encoded
// sparsely (see schemaEncoder.memory).
const sparseMin = 16

// memory appends the n bytes of a value without pointers at p (one that
// is decoded into memory of its own, not a table pointed into the encoded
// bytes). From sparseMin bytes on, only its 8-byte words that are not zero
// are written, after a bitmap of which they are: such values are mostly
// zero (a literal's actual value has room for every primitive kind, a
// content model row's counters are unused in most rows), and were half of
// an encoded schema's bytes, read and checksummed by every load.
func (e *schemaEncoder) memory(p unsafe.Pointer, n int) {
	src := unsafe.Slice((*byte)(p), n)
	if n < sparseMin {
		e.buf = append(e.buf, src...)
		return
	}
	words := (n + 7) / 8
	bitmap := len(e.buf)
	for range (words + 7) / 8 {
		e.buf = append(e.buf, 0)
	}
	for w := range words {
		word := src[w*8 : min(w*8+8, n)]
		for _, b := range word {
			if b != 0 {
				e.buf[bitmap+w/8] |= 1 << (w % 8)
				e.buf = append(e.buf, word...)
				break
			}
		}
	}
}

type schemaDecoder struct {
	data []byte
	str  string // data as a string: decoded strings are substrings of it
	off  int
	// owned: data is the decoder's to keep, so tables may point into it.
	owned bool
	// ptrs are the pointers decoded so far, types their element types: a
	// back-reference must name a pointer of its own type.
	ptrs  []unsafe.Pointer
	types []reflect.Type
	pools []slicePool
}

func (d *schemaDecoder) take(n int) ([]byte, error) {
	if n < 0 || n > len(d.data)-d.off {
		return nil, fmt.Errorf("%w: truncated at byte %d", errSchemaCodec, d.off)
	}
	b := d.data[d.off : d.off+n]
	d.off += n
	return b, nil
}

// memory decodes what schemaEncoder.memory wrote into the n bytes at p
// (the words not written are set to zero).
func (d *schemaDecoder) memory(p unsafe.Pointer, n int) error {
	dst := unsafe.Slice((*byte)(p), n)
	if n < sparseMin {
		src, err := d.take(n)
		if err != nil {
			return err
		}
		copy(dst, src)
		return nil
	}
	words := (n + 7) / 8
	bitmap, err := d.take((words + 7) / 8)
	if err != nil {
		return err
	}
	for w := 0; w < words; w++ {
		if bitmap[w/8] == 0 && w%8 == 0 {
			clear(dst[w*8 : min(w*8+64, n)])
			w += 7
			continue
		}
		word := dst[w*8 : min(w*8+8, n)]
		if bitmap[w/8]&(1<<(w%8)) == 0 {
			clear(word)
			continue
		}
		src, err := d.take(len(word))
		if err != nil {
			return err
		}
		copy(word, src)
	}
	return nil
}

func (d *schemaDecoder) uvarint() (uint64, error) {
	v, n := binary.Uvarint(d.data[d.off:])
	if n <= 0 {
		return 0, fmt.Errorf("%w: bad number at byte %d", errSchemaCodec, d.off)
	}
	d.off += n
	return v, nil
}

// align skips the zero bytes the encoder put before a table of elements
// aligned to align bytes (see schemaEncoder.base: data starts with the
// encoded schema).
func (d *schemaDecoder) align(align int) error {
	for d.off%align != 0 {
		if d.off >= len(d.data) || d.data[d.off] != 0 {
			return fmt.Errorf("%w: bad padding at byte %d", errSchemaCodec, d.off)
		}
		d.off++
	}
	return nil
}

// length reads a slice or map length (0 for nil, n+1 otherwise) and checks
// that n elements of at least minSize bytes each fit in what is left.
func (d *schemaDecoder) length(minSize int) (n int, isNil bool, err error) {
	v, err := d.uvarint()
	if err != nil {
		return 0, false, err
	}
	if v == 0 {
		return 0, true, nil
	}
	v--
	if minSize < 1 {
		minSize = 1
	}
	if v > uint64(len(d.data)-d.off)/uint64(minSize) {
		return 0, false, fmt.Errorf("%w: length %d past the end at byte %d", errSchemaCodec, v, d.off)
	}
	return int(v), false, nil
}

func (d *schemaDecoder) string() (string, error) {
	n, err := d.uvarint()
	if err != nil {
		return "", err
	}
	if n > uint64(len(d.data)-d.off) {
		return "", fmt.Errorf("%w: truncated string at byte %d", errSchemaCodec, d.off)
	}
	s := d.str[d.off : d.off+int(n)]
	d.off += int(n)
	return s, nil
}

// AppendBinary appends the encoded form of the schema to b.
func (s *Schema) AppendBinary(b []byte) ([]byte, error) {
	c, err := loadSchemaCodec()
	if err != nil {
		return nil, err
	}
	base := len(b)
	b = append(b, schemaCodecMagic...)
	b = append(b, c.fingerprint[:]...)
	return c.appendTables(b, base, unsafe.Pointer(&s.runtime))
}

// appendTables appends the encoded value at p to b, whose encoded schema
// starts at base: the element counts of the pools (see slicePool), zero
// bytes up to a multiple of 8 from base, then the tables. The tables are
// encoded into a buffer of their own first, since the counts come before
// them; starting 8-aligned, every table's alignment there holds in b.
func (c *schemaCodec) appendTables(b []byte, base int, p unsafe.Pointer) ([]byte, error) {
	e := &schemaEncoder{buf: make([]byte, 0, 64<<10), ptrs: map[pointerKey]int{}, counts: make([]int, len(c.pools))}
	if err := c.root.enc(e, p); err != nil {
		return nil, err
	}
	b = binary.AppendUvarint(b, uint64(len(e.counts)))
	for _, n := range e.counts {
		b = binary.AppendUvarint(b, uint64(n))
	}
	for (len(b)-base)%8 != 0 {
		b = append(b, 0)
	}
	return append(b, e.buf...), nil
}

// UnmarshalSchema decodes a schema encoded by [Schema.AppendBinary] of a
// binary with the same codec fingerprint. It does not keep data.
func UnmarshalSchema(data []byte) (*Schema, error) {
	return UnmarshalSchemaOwned(bytes.Clone(data))
}

// UnmarshalSchemaOwned is [UnmarshalSchema] for bytes the caller hands
// over: the decoded schema's strings and tables point into data, which must
// not change afterwards (nor be unmapped). Tables whose place in data is not
// aligned for their elements (data starting at an odd address) are copied.
func UnmarshalSchemaOwned(data []byte) (s *Schema, err error) {
	c, err := loadSchemaCodec()
	if err != nil {
		return nil, err
	}
	head := len(schemaCodecMagic) + len(c.fingerprint)
	if len(data) < head || string(data[:len(schemaCodecMagic)]) != schemaCodecMagic {
		return nil, fmt.Errorf("%w: not an encoded schema of this format", errSchemaCodec)
	}
	if string(data[len(schemaCodecMagic):head]) != string(c.fingerprint[:]) {
		return nil, fmt.Errorf("%w: written by a build with other runtime types", errSchemaCodec)
	}
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("%w: %v", errSchemaCodec, r)
		}
	}()
	d := &schemaDecoder{data: data, str: unsafe.String(unsafe.SliceData(data), len(data)), off: head, owned: true}
	out := &Schema{}
	if err := c.decodeTables(d, unsafe.Pointer(&out.runtime)); err != nil {
		return nil, err
	}
	return out, nil
}

// decodeTables decodes what appendTables wrote, from d's place to the end
// of its bytes, into the value at p.
func (c *schemaCodec) decodeTables(d *schemaDecoder, p unsafe.Pointer) error {
	if err := d.makePools(c.pools); err != nil {
		return err
	}
	if err := c.root.dec(d, p); err != nil {
		return err
	}
	if d.off != len(d.data) {
		return fmt.Errorf("%w: %d bytes left over", errSchemaCodec, len(d.data)-d.off)
	}
	for i, pool := range d.pools {
		if pool.used != pool.n {
			return fmt.Errorf("%w: %d elements of %s counted, %d decoded", errSchemaCodec, pool.n, c.pools[i], pool.used)
		}
	}
	return nil
}

// makePools reads the element counts of the pools and allocates their
// blocks. Every element takes at least a byte of the tables, so a count
// is at most the bytes left (as for a slice's length).
func (d *schemaDecoder) makePools(types []reflect.Type) error {
	n, err := d.uvarint()
	if err != nil {
		return err
	}
	if n != uint64(len(types)) {
		return fmt.Errorf("%w: %d slice pools, want %d", errSchemaCodec, n, len(types))
	}
	counts := make([]int, len(types))
	for i := range counts {
		v, err := d.uvarint()
		if err != nil {
			return err
		}
		if v > uint64(len(d.data)-d.off) {
			return fmt.Errorf("%w: pool of %d elements past the end at byte %d", errSchemaCodec, v, d.off)
		}
		counts[i] = int(v)
	}
	if err := d.align(8); err != nil {
		return err
	}
	d.pools = make([]slicePool, len(types))
	for i, t := range types {
		p := &d.pools[i]
		p.size, p.n = t.Elem().Size(), counts[i]
		if p.n > 0 {
			p.base = reflect.MakeSlice(t, p.n, p.n).UnsafePointer()
			prefault(p.base, uintptr(p.n)*p.size)
		}
	}
	return nil
}
