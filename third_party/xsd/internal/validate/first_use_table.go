package validate

// firstUseTable is a direct-mapped cache whose entries are stored in the
// order their slots were first used instead of at their slots, so that a
// document that uses few slots touches few pages of memory: in a short
// process each fresh page costs a page fault, and a table indexed by slot
// is touched all over by a few dozen names or elements. Entries live in
// chunks that never move, so the table grows without copying. The zero
// table is empty; the index is allocated on the first put.
//
// Not part of upstream jacoelho/xsd v0.4.0; see third_party/xsd/PATCHES.md.
type firstUseTable[T any] struct {
	// index holds, per slot, 1 + the number of the slot's entry, or 0 for
	// a slot not used yet; entry i is chunks[i/firstUseChunk][i%firstUseChunk].
	index  []uint16
	chunks []*[firstUseChunk]T
	n      int
}

// firstUseChunk is the number of entries allocated at once.
const firstUseChunk = 32

// get returns the entry of slot, nil when the slot is not used yet.
func (t *firstUseTable[T]) get(slot int) *T {
	if slot >= len(t.index) {
		return nil
	}
	i := int(t.index[slot])
	if i == 0 {
		return nil
	}
	i--
	return &t.chunks[i/firstUseChunk][i%firstUseChunk]
}

// put returns the entry of slot for the caller to fill, creating it if the
// slot is not used yet; slots is the number of slots (at most 65535), fixed
// for the table's life.
func (t *firstUseTable[T]) put(slot, slots int) *T {
	if t.index == nil {
		t.index = make([]uint16, slots)
	}
	if p := t.get(slot); p != nil {
		return p
	}
	i := t.n
	if i%firstUseChunk == 0 {
		t.chunks = append(t.chunks, new([firstUseChunk]T))
	}
	t.n++
	t.index[slot] = uint16(t.n)
	return &t.chunks[i/firstUseChunk][i%firstUseChunk]
}
