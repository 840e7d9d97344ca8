package runtime

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// codecTestRow nests slices of its own type (their elements share the
// pool of []codecTestRow) and has a run of adjacent fields without
// pointers (A to Flag, copied as one block).
type codecTestRow struct {
	Name  string
	Edges []uint32
	Kids  []codecTestRow
	A, B  uint32
	C     uint16
	Tag   [3]uint8
	Flag  bool
	Wide  uint64
	Big   codecTestBig
}

// codecTestBig has no pointers and more than 64 bytes, not a multiple of
// 8: it is encoded sparsely (see schemaEncoder.memory).
type codecTestBig struct {
	X [9]uint64
	Y uint32
	Z [5]byte
}

type codecTestTables struct {
	Rows  []codecTestRow
	Empty []codecTestRow // not nil, no elements
	Nil   []codecTestRow
	Lists [][]string
	Index map[string]uint32
	More  []codecTestRow
	// Bigs' values are decoded into one reused value before they are
	// put into the map: the words a value leaves zero must be cleared.
	Bigs map[uint32]codecTestBig
}

func codecTestValue() codecTestTables {
	leaf := func(name string, n uint32) codecTestRow {
		big := codecTestBig{X: [9]uint64{8: 1 << 63}, Z: [5]byte{4: byte(n)}}
		big.X[n%3] = uint64(n)
		return codecTestRow{Name: name, Edges: []uint32{n, n + 1}, A: n, B: n * 2, C: uint16(n), Tag: [3]uint8{1, 2, 3}, Flag: n%2 == 1, Wide: uint64(n) << 40, Big: big}
	}
	return codecTestTables{
		Rows: []codecTestRow{
			{Name: "root", Kids: []codecTestRow{leaf("a", 1), {Name: "b", Kids: []codecTestRow{leaf("c", 3)}, Edges: []uint32{}}}},
			leaf("d", 4),
			{Name: "empty kids", Kids: []codecTestRow{}},
		},
		Empty: []codecTestRow{},
		Lists: [][]string{{"x", "y"}, {}, nil},
		Index: map[string]uint32{"one": 1, "two": 2},
		More:  []codecTestRow{leaf("e", 5)},
		Bigs: map[uint32]codecTestBig{
			1: {X: [9]uint64{1, 2, 3, 4, 5, 6, 7, 8, 9}, Y: 10, Z: [5]byte{1, 2, 3, 4, 5}},
			2: {},
			3: {X: [9]uint64{7: 1}},
			4: {Y: 1},
			5: {X: [9]uint64{1, 2, 3, 4, 5, 6, 7, 8, 9}, Y: 10, Z: [5]byte{1, 2, 3, 4, 5}},
		},
	}
}

func codecTestEncode(t *testing.T, c *schemaCodec, v *codecTestTables) []byte {
	t.Helper()
	data, err := c.appendTables(nil, 0, unsafe.Pointer(v))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func codecTestDecode(c *schemaCodec, data []byte) (out codecTestTables, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errSchemaCodec
		}
	}()
	d := &schemaDecoder{data: data, str: string(data), owned: true}
	err = c.decodeTables(d, unsafe.Pointer(&out))
	return out, err
}

// TestSchemaCodecSlicePools: decoded slices of a type with pointers take
// their elements from one block, nested ones too; nil and empty slices
// stay apart, and an append to a decoded slice copies instead of writing
// over the next slice's elements.
func TestSchemaCodecSlicePools(t *testing.T) {
	c := newSchemaCodec(reflect.TypeFor[codecTestTables]())
	if c.err != nil {
		t.Fatal(c.err)
	}
	want := codecTestValue()
	data := codecTestEncode(t, &c, &want)
	got, err := codecTestDecode(&c, data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decoded %+v\nwant %+v", got, want)
	}
	var rows [][]codecTestRow
	var walk func(s []codecTestRow)
	walk = func(s []codecTestRow) {
		rows = append(rows, s)
		for _, r := range s {
			walk(r.Kids)
		}
	}
	walk(got.Rows)
	walk(got.Empty)
	walk(got.More)
	lo, hi := ^uintptr(0), uintptr(0)
	elems := 0
	for _, s := range rows {
		if cap(s) != len(s) {
			t.Errorf("slice of %d elements has capacity %d", len(s), cap(s))
		}
		if len(s) == 0 {
			continue
		}
		elems += len(s)
		p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
		lo, hi = min(lo, p), max(hi, p+uintptr(len(s))*unsafe.Sizeof(s[0]))
	}
	if size := uintptr(elems) * unsafe.Sizeof(codecTestRow{}); hi-lo != size {
		t.Errorf("%d elements span %d bytes, want one block of %d", elems, hi-lo, size)
	}
	first := got.Rows[0]
	_ = append(got.Empty, codecTestRow{Name: "appended"})
	_ = append(got.Rows[0].Kids[1].Kids, codecTestRow{Name: "appended"})
	if !reflect.DeepEqual(got.Rows[0], first) || !reflect.DeepEqual(got, want) {
		t.Error("an append to a decoded slice changed other elements")
	}
}

// TestSchemaCodecPoolCounts: counts that do not match the slices (a
// damaged input) are an error, never a panic or a short block.
func TestSchemaCodecPoolCounts(t *testing.T) {
	c := newSchemaCodec(reflect.TypeFor[codecTestTables]())
	if c.err != nil {
		t.Fatal(c.err)
	}
	v := codecTestValue()
	data := codecTestEncode(t, &c, &v)
	pools, off := binary.Uvarint(data)
	if pools != uint64(len(c.pools)) || pools == 0 {
		t.Fatalf("encoded %d pools, plan has %d", pools, len(c.pools))
	}
	var counts []uint64
	for range pools {
		n, m := binary.Uvarint(data[off:])
		counts, off = append(counts, n), off+m
	}
	tables := data[(off+7)&^7:]
	encode := func(pools uint64, counts []uint64) []byte {
		b := binary.AppendUvarint(nil, pools)
		for _, n := range counts {
			b = binary.AppendUvarint(b, n)
		}
		for len(b)%8 != 0 {
			b = append(b, 0)
		}
		return append(b, tables...)
	}
	if _, err := codecTestDecode(&c, encode(pools, counts)); err != nil {
		t.Fatalf("the counts as written: %v", err)
	}
	for i := range counts {
		for _, bad := range []uint64{counts[i] - 1, counts[i] + 1, 0, 1 << 40} {
			if bad == counts[i] {
				continue
			}
			damaged := append([]uint64(nil), counts...)
			damaged[i] = bad
			if _, err := codecTestDecode(&c, encode(pools, damaged)); err == nil {
				t.Errorf("pool %d: count %d instead of %d decoded", i, bad, counts[i])
			}
		}
	}
	if _, err := codecTestDecode(&c, encode(pools+1, append(counts, 0))); err == nil || !strings.Contains(err.Error(), "pools") {
		t.Errorf("another number of pools: %v", err)
	}
}

// TestSchemaCodecFingerprintShape: the fingerprint changes with a
// field's name, type or place in a type of the same name, so an entry of
// another layout is refused.
func TestSchemaCodecFingerprintShape(t *testing.T) {
	var types []reflect.Type
	{
		type T struct {
			A uint32
			B []string
		}
		types = append(types, reflect.TypeFor[T]())
	}
	{
		type T struct {
			X uint32
			B []string
		}
		types = append(types, reflect.TypeFor[T]())
	}
	{
		type T struct {
			A uint64
			B []string
		}
		types = append(types, reflect.TypeFor[T]())
	}
	{
		type T struct {
			B []string
			A uint32
		}
		types = append(types, reflect.TypeFor[T]())
	}
	{
		type T struct {
			A uint32
			B []int32
		}
		types = append(types, reflect.TypeFor[T]())
	}
	seen := map[[32]byte]int{}
	for i, typ := range types {
		if typ.String() != types[0].String() {
			t.Fatalf("type %d is named %s, want %s", i, typ, types[0])
		}
		fp := newSchemaCodec(typ).fingerprint
		if j, ok := seen[fp]; ok {
			t.Errorf("types %d and %d have one fingerprint", j, i)
		}
		seen[fp] = i
	}
	if newSchemaCodec(types[0]).fingerprint != newSchemaCodec(types[0]).fingerprint {
		t.Error("the fingerprint of one type differs between plans")
	}
}

// FuzzSchemaCodecTables: any bytes decode to an error or to tables that
// encode again; none panics (the decoder's own checks, not the recover of
// UnmarshalSchemaOwned, stop damaged input).
func FuzzSchemaCodecTables(f *testing.F) {
	c := newSchemaCodec(reflect.TypeFor[codecTestTables]())
	v := codecTestValue()
	data, err := c.appendTables(nil, 0, unsafe.Pointer(&v))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		data = append([]byte(nil), data...) // owned, 8-aligned
		d := &schemaDecoder{data: data, str: string(data), owned: true}
		var out codecTestTables
		if err := c.decodeTables(d, unsafe.Pointer(&out)); err != nil {
			return
		}
		if _, err := c.appendTables(nil, 0, unsafe.Pointer(&out)); err != nil {
			t.Fatalf("decoded tables do not encode: %v", err)
		}
	})
}

// TestSchemaCodecSparseMemory: a value without pointers of sparseMin
// bytes or more takes a bitmap and its words that are not zero.
func TestSchemaCodecSparseMemory(t *testing.T) {
	for _, v := range []codecTestBig{{}, {Y: 1}, {X: [9]uint64{8: 1}, Z: [5]byte{4: 1}}, {X: [9]uint64{1, 2, 3, 4, 5, 6, 7, 8, 9}, Y: 10, Z: [5]byte{1, 2, 3, 4, 5}}} {
		e := &schemaEncoder{}
		e.memory(unsafe.Pointer(&v), int(unsafe.Sizeof(v)))
		words := 0
		raw := unsafe.Slice((*byte)(unsafe.Pointer(&v)), unsafe.Sizeof(v))
		for w := 0; w < len(raw); w += 8 {
			if !bytes.Equal(raw[w:w+8], make([]byte, 8)) {
				words++
			}
		}
		if want := 2 + 8*words; len(e.buf) != want {
			t.Errorf("%+v: %d bytes, want a bitmap of 2 and %d words", v, len(e.buf), words)
		}
		got := codecTestBig{X: [9]uint64{^uint64(0), 1, 2, 3, 4, 5, 6, 7, 8}, Y: 9, Z: [5]byte{9, 9, 9, 9, 9}}
		d := &schemaDecoder{data: e.buf}
		if err := d.memory(unsafe.Pointer(&got), int(unsafe.Sizeof(got))); err != nil || got != v || d.off != len(e.buf) {
			t.Errorf("decoded %+v (%v, %d of %d bytes), want %+v", got, err, d.off, len(e.buf), v)
		}
		if err := (&schemaDecoder{data: e.buf[:len(e.buf)-1]}).memory(unsafe.Pointer(&got), int(unsafe.Sizeof(got))); err == nil {
			t.Errorf("%+v: a truncated value decoded", v)
		}
	}
}

// codecTestNode reaches itself through pointers: the codec of *codecTestNode
// is described before that of codecTestNode, whose codec it calls.
type codecTestNode struct {
	Name string
	Next *codecTestNode
	Vals []uint32
}

type codecTestGraph struct {
	Head   *codecTestNode
	Nodes  []*codecTestNode
	Empty  []uint32
	Byname map[string]*codecTestNode
}

// TestSchemaCodecPointers: pointers decode to one value per pointer
// encoded (cycles and shared values kept), and an empty table decodes
// empty, not nil, with no room to append in place.
func TestSchemaCodecPointers(t *testing.T) {
	c := newSchemaCodec(reflect.TypeFor[codecTestGraph]())
	if c.err != nil {
		t.Fatal(c.err)
	}
	a := &codecTestNode{Name: "a", Vals: []uint32{1, 2}}
	b := &codecTestNode{Name: "b", Next: a, Vals: []uint32{}}
	a.Next = b
	in := codecTestGraph{Head: a, Nodes: []*codecTestNode{b, a, nil}, Empty: []uint32{}, Byname: map[string]*codecTestNode{"a": a, "b": b}}
	data, err := c.appendTables(nil, 0, unsafe.Pointer(&in))
	if err != nil {
		t.Fatal(err)
	}
	var out codecTestGraph
	d := &schemaDecoder{data: data, str: string(data), owned: true}
	if err := c.decodeTables(d, unsafe.Pointer(&out)); err != nil {
		t.Fatal(err)
	}
	h := out.Head
	switch {
	case h == nil || h.Name != "a" || h.Next == nil || h.Next.Name != "b" || h.Next.Next != h:
		t.Fatalf("cycle not kept: %+v", h)
	case out.Nodes[0] != h.Next || out.Nodes[1] != h || out.Nodes[2] != nil:
		t.Errorf("shared pointers not kept: %v", out.Nodes)
	case out.Byname["a"] != h || out.Byname["b"] != h.Next || len(out.Byname) != 2:
		t.Errorf("map of pointers: %v", out.Byname)
	case !reflect.DeepEqual(h.Vals, []uint32{1, 2}) || h.Next.Vals == nil || len(h.Next.Vals) != 0:
		t.Errorf("tables: %v, %#v", h.Vals, h.Next.Vals)
	case out.Empty == nil || len(out.Empty) != 0 || cap(out.Empty) != 0:
		t.Errorf("empty table decoded as %#v (cap %d)", out.Empty, cap(out.Empty))
	}
}
