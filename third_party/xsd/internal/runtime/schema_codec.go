package runtime

// ozgctl patch: a binary form of a published Schema, so that a caller can
// keep a compiled schema on disk and load it in a fraction of the compile
// time (see PATCHES.md). The published schema is plain ID-based tables; the
// codec walks their Go types once by reflection and builds an encoder and a
// decoder per type:
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

func loadSchemaCodec() (*schemaCodec, error) {
	schemaCodecOnce.Do(func() {
		schemaCodecPlan = newSchemaCodec(reflect.TypeFor[schemaRuntime]())
	})
	return &schemaCodecPlan, schemaCodecPlan.err
}

// newSchemaCodec plans the codec of the tables of type t.
func newSchemaCodec(t reflect.Type) schemaCodec {
	// Sized for the ~130 types a schema reaches: a map grown by
	// doubling left ~7 KB of garbage on fresh pages in every process.
	b := &codecBuilder{plans: make(map[reflect.Type]*typeCodec, 160), plain: make(map[reflect.Type]bool, 160), desc: sha256.New()}
	io.WriteString(b.desc, goruntime.GOARCH+schemaCodecMagic)
	root, err := b.plan(t)
	c := schemaCodec{root: root, pools: b.pools, err: err}
	b.desc.Sum(c.fingerprint[:0])
	return c
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

type codecBuilder struct {
	plans map[reflect.Type]*typeCodec
	// pools are the slice types whose elements are decoded into one block
	// per type, in plan order (see slicePool).
	pools []reflect.Type
	// plain memoizes plainType: asked for every field and element type,
	// it walked nested structs again each time.
	plain map[reflect.Type]bool
	// desc hashes the description of every type reached, the fingerprint:
	// hashed line by line as it is written (line is the buffer) rather
	// than built as a string first, which grew to tens of KB in every
	// process that loads a schema.
	desc hash.Hash
	line []byte
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
	regexpType     = reflect.TypeFor[regexp.Regexp]()
	patternDFAType = reflect.TypeFor[patternDFA]()
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

func (b *codecBuilder) plan(t reflect.Type) (*typeCodec, error) {
	if c, ok := b.plans[t]; ok {
		return c, nil
	}
	c := &typeCodec{}
	b.plans[t] = c
	b.describeType(t)
	if b.plainType(t) {
		if t.Kind() == reflect.Struct {
			for i := range t.NumField() {
				f := t.Field(i)
				b.describeField(f)
			}
		}
		size := int(t.Size())
		c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
			e.memory(p, size)
			return nil
		}
		c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
			return d.memory(p, size)
		}
		return c, nil
	}
	switch t.Kind() {
	case reflect.String:
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
	case reflect.Slice:
		return c, b.planSlice(c, t)
	case reflect.Array:
		elem, err := b.plan(t.Elem())
		if err != nil {
			return nil, err
		}
		n, size := t.Len(), t.Elem().Size()
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
	case reflect.Struct:
		return c, b.planStruct(c, t)
	case reflect.Pointer:
		return c, b.planPointer(c, t)
	case reflect.Map:
		return c, b.planMap(c, t)
	default:
		return nil, fmt.Errorf("schema codec: cannot encode %s (%s)", t, t.Kind())
	}
	return c, nil
}

func (b *codecBuilder) planSlice(c *typeCodec, t reflect.Type) error {
	et := t.Elem()
	size := int(et.Size())
	if b.plainType(et) {
		align := et.Align()
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
				reflect.NewAt(t, p).Elem().Set(reflect.MakeSlice(t, n, n))
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
			s := reflect.MakeSlice(t, n, n)
			copy(unsafe.Slice((*byte)(s.UnsafePointer()), n*size), src)
			reflect.NewAt(t, p).Elem().Set(s)
			return nil
		}
		_, err := b.plan(et) // for the fingerprint
		return err
	}
	elem, err := b.plan(et)
	if err != nil {
		return err
	}
	// The elements of all slices of this type share one block of memory
	// when decoded (see slicePool).
	pool := len(b.pools)
	b.pools = append(b.pools, t)
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
	return nil
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

func (b *codecBuilder) planStruct(c *typeCodec, t reflect.Type) error {
	if hiddenStatePackage(t.PkgPath()) {
		return fmt.Errorf("schema codec: cannot encode %s (state that is not data)", t)
	}
	if err := b.planStructFields(c, t); err != nil {
		return err
	}
	if t == reflect.TypeFor[stringPatternRead]() {
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
	return nil
}

func (b *codecBuilder) planStructFields(c *typeCodec, t reflect.Type) error {
	// A field is a codec, or (codec nil) a run of adjacent fields without
	// pointers, encoded as one block of memory (see schemaEncoder.memory).
	type field struct {
		off   uintptr
		size  int
		codec *typeCodec
	}
	fields := make([]field, 0, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		b.describeField(f)
		fc, err := b.plan(f.Type)
		if err != nil {
			return fmt.Errorf("%w (field %s.%s)", err, t, f.Name)
		}
		if !b.plainType(f.Type) {
			fields = append(fields, field{off: f.Offset, codec: fc})
			continue
		}
		if n := len(fields); n > 0 && fields[n-1].codec == nil && fields[n-1].off+uintptr(fields[n-1].size) == f.Offset {
			fields[n-1].size += int(f.Type.Size())
			continue
		}
		fields = append(fields, field{off: f.Offset, size: int(f.Type.Size())})
	}
	c.enc = func(e *schemaEncoder, p unsafe.Pointer) error {
		for _, f := range fields {
			if f.codec == nil {
				e.memory(unsafe.Add(p, f.off), f.size)
				continue
			}
			if err := f.codec.enc(e, unsafe.Add(p, f.off)); err != nil {
				return err
			}
		}
		return nil
	}
	c.dec = func(d *schemaDecoder, p unsafe.Pointer) error {
		for _, f := range fields {
			if f.codec == nil {
				if err := d.memory(unsafe.Add(p, f.off), f.size); err != nil {
					return err
				}
				continue
			}
			if err := f.codec.dec(d, unsafe.Add(p, f.off)); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// Pointer tags: nilPointer, newPointer followed by the value, or the index
// of an earlier pointer plus firstBackRef.
const (
	nilPointer   = 0
	newPointer   = 1
	firstBackRef = 2
)

func (b *codecBuilder) planPointer(c *typeCodec, t reflect.Type) error {
	et := t.Elem()
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
		elem, err := b.plan(et)
		if err != nil {
			return err
		}
		encValue = elem.enc
		decValue = func(d *schemaDecoder) (unsafe.Pointer, error) {
			p := reflect.New(et).UnsafePointer()
			d.ptrs[len(d.ptrs)-1] = p // before the value: a cycle refers back to it
			return p, elem.dec(d, p)
		}
	}
	b.describePointer(et)
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
	return nil
}

type pointerKey struct {
	p unsafe.Pointer
	t reflect.Type
}

func (b *codecBuilder) planMap(c *typeCodec, t reflect.Type) error {
	kc, err := b.plan(t.Key())
	if err != nil {
		return err
	}
	vc, err := b.plan(t.Elem())
	if err != nil {
		return err
	}
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
		reflect.NewAt(t, p).Elem().Set(m)
		return nil
	}
	return nil
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
