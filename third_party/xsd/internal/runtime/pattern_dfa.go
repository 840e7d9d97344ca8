package runtime

// ozgctl patch: a lazily built DFA for the pattern facets that need Go's
// regexp (see PATCHES.md). Go's regexp runs these through its NFA or
// backtracker, which is slow for the long alternations XÖV uses
// (String.Latin, DIN SPEC 91379 datatypeC). The DFA runs the very program
// regexp compiles, so the language is the same by construction:
//
//   - input is decoded exactly as regexp decodes it (utf8.DecodeRune; an
//     invalid byte is U+FFFD of width 1);
//   - the search is regexp's unanchored search, so a program whose
//     alternatives escape the ^(?:…)$ wrapper still answers as regexp does;
//   - the only empty-width assertions supported are \A (^) and \z ($ without
//     multi-line); any other assertion (\b, \B, multi-line ^ and $) and any
//     pattern whose states outgrow the budget keeps using regexp.

import (
	"encoding/binary"
	"math"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// patternDFAMemoryBudget bounds the memory one pattern's DFA may use for its
// states and transition tables; past it the pattern falls back to regexp.
const patternDFAMemoryBudget = 8 << 20

// patternDFAMaxStates bounds the number of states one pattern's DFA builds.
const patternDFAMaxStates = 10_000

// patternDFADenseRunes is the rune bound below which the class of a rune is a
// table lookup; above it the class is found by binary search.
const patternDFADenseRunes = 0x800

// patternDFAMaxClasses keeps class ids within uint16.
const patternDFAMaxClasses = 1 << 16

// patternDFA is a lazily determinised matcher for one compiled regexp. It is
// safe for concurrent use: transitions are read with atomic loads and built
// under a mutex.
type patternDFA struct {
	source string
	// progData is the encoded program of source when the DFA was decoded
	// from the binary form of a schema (pattern_prog.go), decoded on first
	// use instead of compiling source again.
	progData  string
	maxMemory int
	maxStates int
	once      sync.Once
	failed    atomic.Bool

	// Immutable after init.
	prog *syntax.Prog
	// dense holds the classes of the runes below its length, which is at
	// least 128 and at most patternDFADenseRunes: only as long as the
	// pattern's classes need (the runes from its end up to
	// patternDFADenseRunes are in one class). It is allocated when the
	// DFA is built: inline, its 4 KB were allocated with every pattern of
	// a loaded schema, used or not.
	dense      []uint16
	highStarts []rune
	highClass  []uint16
	classRep   []rune
	numClasses int
	// lowClasses is the number of classes a state's next holds: the
	// classes of the runes below U+0100 (classes are numbered in the order
	// of their first rune), which most text meets; the others are in a
	// state's high, allocated when the state first meets one of them.
	lowClasses int
	unanchored bool
	emptyMatch bool
	start      *dfaState

	// re is regexp's program of source for the answers the DFA cannot
	// give, compiled on first need when the schema was decoded from its
	// binary form (schema_codec.go), which stores no regexp of its own.
	reOnce sync.Once
	re     *regexp.Regexp

	mu     sync.Mutex
	states map[string]*dfaState
	memory int
	// scratch for closure computation, guarded by mu.
	seen    []uint32
	seenGen uint32
	stack   []uint32
	pcs     []uint32
	keyBuf  []byte
	// scratch for step and acceptsAtEnd, guarded by mu.
	stepPcs  []uint32
	seeds    []uint32
	endSeeds []uint32
	endPcs   []uint32
}

type dfaState struct {
	// next holds the transitions on the classes below
	// patternDFA.lowClasses, high (nil until needed) those on the others,
	// at class - lowClasses: a long alternation such as String.Latin has
	// ~80 classes, half of them first met beyond Latin-1, and most states
	// never see one of those.
	next []atomic.Pointer[dfaState]
	high atomic.Pointer[[]atomic.Pointer[dfaState]]
	// key is the state's key in patternDFA.states (appendStateKey), which
	// also holds its rune-consuming instructions and pending \z
	// assertions: one string instead of a key and a slice per state.
	key       string
	matched   bool // a match was found: the answer is true
	dead      bool // no thread is left: the answer is false
	acceptEnd bool // the input ending here is a match
}

func newPatternDFA(re *regexp.Regexp) *patternDFA {
	if re == nil {
		return nil
	}
	return &patternDFA{
		source:    re.String(),
		maxMemory: patternDFAMemoryBudget,
		maxStates: patternDFAMaxStates,
	}
}

// fallbackRegexp returns regexp's program of the DFA's source.
func (d *patternDFA) fallbackRegexp() *regexp.Regexp {
	d.reOnce.Do(func() { d.re = regexp.MustCompile(d.source) })
	return d.re
}

func (d *patternDFA) init() {
	if !d.build() {
		d.failed.Store(true)
	}
}

// build parses and compiles the expression the way regexp.Compile does (or
// decodes the program the binary form stored) and prepares the rune classes and the start state. It reports false when the
// program needs an assertion the DFA does not support.
func (d *patternDFA) build() bool {
	var prog *syntax.Prog
	if d.progData != "" {
		prog = decodePatternProg(d.progData)
	}
	if prog == nil {
		if prog = compilePatternProg(d.source); prog == nil {
			return false
		}
	}
	for i := range prog.Inst {
		inst := &prog.Inst[i]
		if inst.Op == syntax.InstEmptyWidth &&
			syntax.EmptyOp(inst.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
			return false
		}
	}
	d.prog = prog
	if !d.buildClasses() {
		return false
	}
	// A few dozen states are usual for XÖV's patterns.
	d.states = make(map[string]*dfaState, 32)
	d.seen = make([]uint32, len(prog.Inst))
	seeds := []uint32{uint32(prog.Start)}
	d.emptyMatch = d.closure(seeds, syntax.EmptyBeginText|syntax.EmptyEndText)
	d.unanchored = d.closure(seeds, 0) || len(d.pcs) > 0
	matched := d.closure(seeds, syntax.EmptyBeginText)
	d.start = d.intern(matched)
	return d.start != nil
}

// appendRuneRanges appends the runes instruction inst consumes to dst as
// sorted, closed ranges, mirroring syntax.Inst.MatchRunePos; ok is false
// for an instruction that consumes no rune. It appends instead of
// returning a new slice so that neither the classes nor a step allocate
// per instruction (in a short process every fresh heap page costs a page
// fault).
func appendRuneRanges(dst []rune, inst *syntax.Inst) (ranges []rune, ok bool) {
	switch inst.Op {
	case syntax.InstRune1:
		return append(dst, inst.Rune[0], inst.Rune[0]), true
	case syntax.InstRuneAny:
		return append(dst, 0, unicode.MaxRune), true
	case syntax.InstRuneAnyNotNL:
		return append(dst, 0, '\n'-1, '\n'+1, unicode.MaxRune), true
	case syntax.InstRune:
		if len(inst.Rune) == 1 {
			r0 := inst.Rune[0]
			dst = append(dst, r0, r0)
			if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
				for r1 := unicode.SimpleFold(r0); r1 != r0; r1 = unicode.SimpleFold(r1) {
					dst = append(dst, r1, r1)
				}
			}
			return dst, true
		}
		return append(dst, inst.Rune...), true
	default:
		return dst, false
	}
}

// instRanges returns the runes instruction inst consumes as sorted, closed
// ranges: inst.Rune itself for a class of ranges, else the ranges
// appendRuneRanges puts in buf (a case-folding orbit has at most four
// runes). ok is false for an instruction that consumes no rune.
func instRanges(inst *syntax.Inst, buf *[8]rune) (ranges []rune, ok bool) {
	if inst.Op == syntax.InstRune && len(inst.Rune) != 1 {
		return inst.Rune, true
	}
	return appendRuneRanges(buf[:0], inst)
}

// instConsumes reports whether instruction inst consumes rune r.
func instConsumes(inst *syntax.Inst, r rune) bool {
	var buf [8]rune
	ranges, _ := instRanges(inst, &buf)
	return runeRangesContain(ranges, r)
}

// classScratch holds buildClasses' temporary slices between builds: the
// DFAs of a schema's patterns are built one after another on first use, and
// in a short process each fresh page costs a page fault.
type classScratch struct {
	// The class bounds at or above patternDFADenseRunes, and all of them
	// sorted: the starts of the intervals.
	boundaries, starts []rune
	class              []uint32
	// Per class: its number of intervals, how many of them the current
	// instruction covers, and its class after the instruction's split.
	size, hits, split []uint32
	// The intervals the current instruction covers and their classes.
	members, touched []uint32
	// Per interval: the number (from 1) of the last instruction that
	// covered it.
	mark []uint32
}

var classScratchPool = sync.Pool{New: func() any { return new(classScratch) }}

// resized returns s with length n, reusing its array when it is large enough.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// buildClasses partitions the rune space into classes no instruction can tell
// apart.
func (d *patternDFA) buildClasses() bool {
	sc := classScratchPool.Get().(*classScratch)
	defer classScratchPool.Put(sc)
	// The instructions' ranges are read twice, without copying them: once
	// for the class bounds and once to refine the classes.
	var buf [8]rune
	bound := 1
	for i := range d.prog.Inst {
		if r, ok := instRanges(&d.prog.Inst[i], &buf); ok {
			bound += len(r)
		}
	}
	// Bounds below patternDFADenseRunes, most of them, are marked in a
	// bit set, which sorts them and drops duplicates; only the others are
	// sorted.
	var low [patternDFADenseRunes / 64]uint64
	low[0] = 1 // rune 0 starts the first interval
	above := resized(sc.boundaries, bound)[:0]
	add := func(r rune) {
		if r < patternDFADenseRunes {
			low[r/64] |= 1 << (r % 64)
		} else {
			above = append(above, r)
		}
	}
	for i := range d.prog.Inst {
		r, ok := instRanges(&d.prog.Inst[i], &buf)
		if !ok {
			continue
		}
		if len(r)%2 != 0 {
			return false
		}
		for j := 0; j < len(r); j += 2 {
			// A damaged stored program may hold negative runes, which
			// no input has.
			if r[j] >= 0 {
				add(r[j])
			}
			if r[j+1] >= 0 && r[j+1] < unicode.MaxRune {
				add(r[j+1] + 1)
			}
		}
	}
	slices.Sort(above)
	above = slices.Compact(above)
	lowCount := 0
	for _, w := range low {
		lowCount += bits.OnesCount64(w)
	}
	starts := resized(sc.starts, lowCount+len(above))[:0]
	for w, word := range low {
		for ; word != 0; word &= word - 1 {
			starts = append(starts, rune(w*64+bits.TrailingZeros64(word)))
		}
	}
	starts = append(starts, above...)
	sc.boundaries, sc.starts = above, starts
	// Refine: every interval [starts[k], starts[k+1]) starts in class 0; each
	// instruction splits each class it covers in part into the intervals
	// it covers and the others. The work per instruction is in the number
	// of intervals it covers, not in the number of intervals: a long
	// alternation has hundreds of instructions and intervals.
	n := len(starts)
	class := resized(sc.class, n)
	clear(class)
	sc.class = class
	size := resized(sc.size, n)
	size[0] = uint32(n)
	sc.size = size
	hits := resized(sc.hits, n)
	clear(hits)
	sc.hits = hits
	split := resized(sc.split, n)
	sc.split = split
	mark := resized(sc.mark, n)
	clear(mark)
	sc.mark = mark
	members, touched := sc.members[:0], sc.touched[:0]
	numClasses := 1
	for i := range d.prog.Inst {
		r, ok := instRanges(&d.prog.Inst[i], &buf)
		if !ok {
			continue
		}
		// The ranges of a program regexp/syntax compiled are disjoint,
		// those of a damaged stored program need not be: an interval is
		// counted once.
		gen := uint32(i) + 1
		members, touched = members[:0], touched[:0]
		for j := 0; j < len(r); j += 2 {
			lo, hi := r[j], r[j+1]
			k, _ := slices.BinarySearch(starts, lo)
			for ; k < n && starts[k] <= hi; k++ {
				if mark[k] == gen {
					continue
				}
				mark[k] = gen
				c := class[k]
				if hits[c] == 0 {
					touched = append(touched, c)
				}
				hits[c]++
				members = append(members, uint32(k))
			}
		}
		for _, c := range touched {
			split[c] = c
			if hits[c] < size[c] {
				split[c] = uint32(numClasses)
				size[numClasses] = hits[c]
				size[c] -= hits[c]
				numClasses++
			}
		}
		for _, k := range members {
			class[k] = split[class[k]]
		}
		for _, c := range touched {
			hits[c] = 0
		}
	}
	sc.members, sc.touched = members, touched
	// Number the classes in the order of their first rune, as the DFA's
	// tables expect (lowClasses).
	order := split[:numClasses]
	for c := range order {
		order[c] = math.MaxUint32
	}
	next := uint32(0)
	for k, c := range class {
		if order[c] == math.MaxUint32 {
			order[c] = next
			next++
		}
		class[k] = order[c]
	}
	if numClasses > patternDFAMaxClasses {
		return false
	}
	d.numClasses = numClasses
	d.lowClasses = numClasses
	d.classRep = make([]rune, numClasses)
	for k := range d.classRep {
		d.classRep[k] = -1
	}
	for k, c := range class {
		if d.classRep[c] < 0 {
			d.classRep[c] = starts[k]
		}
	}
	// The dense table ends at the last start below patternDFADenseRunes
	// (at least at 128, so that ASCII is always a lookup); the interval
	// from there on is the first of the high ones.
	k := len(starts) - 1
	for starts[k] >= patternDFADenseRunes {
		k--
	}
	denseLen := max(int(starts[k]), utf8.RuneSelf)
	d.dense = make([]uint16, denseLen)
	k = 0
	for r := range rune(denseLen) {
		for k+1 < len(starts) && starts[k+1] <= r {
			k++
		}
		d.dense[r] = uint16(class[k])
		if r == 0xff {
			d.lowClasses = int(slices.Max(d.dense[:0x100])) + 1
		}
	}
	high := 0
	for j := k; j < len(starts); j++ {
		if j+1 < len(starts) && starts[j+1] <= rune(denseLen) {
			continue
		}
		high++
	}
	d.highStarts = make([]rune, 0, high)
	d.highClass = make([]uint16, 0, high)
	for ; k < len(starts); k++ {
		lo := max(starts[k], rune(denseLen))
		if k+1 < len(starts) && starts[k+1] <= lo {
			continue
		}
		d.highStarts = append(d.highStarts, lo)
		d.highClass = append(d.highClass, uint16(class[k]))
	}
	return true
}

func (d *patternDFA) classOf(r rune) int {
	if uint32(r) < uint32(len(d.dense)) {
		return int(d.dense[r])
	}
	// The last start at or below r.
	k := sort.Search(len(d.highStarts), func(i int) bool { return d.highStarts[i] > r }) - 1
	return int(d.highClass[k])
}

// closure follows the empty transitions from seeds under the assertions in
// flags and leaves the rune-consuming instructions and the \z assertions that
// wait for the end of the input in d.pcs, sorted. It reports whether a match
// instruction was reached.
func (d *patternDFA) closure(seeds []uint32, flags syntax.EmptyOp) bool {
	d.seenGen++
	if d.seenGen == 0 {
		clear(d.seen)
		d.seenGen = 1
	}
	gen := d.seenGen
	d.pcs = d.pcs[:0]
	stack := append(d.stack[:0], seeds...)
	matched := false
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.seen[pc] == gen {
			continue
		}
		d.seen[pc] = gen
		inst := &d.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Arg, inst.Out)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, inst.Out)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(inst.Arg)
			switch {
			case op&^flags == 0:
				stack = append(stack, inst.Out)
			case op&^flags == syntax.EmptyEndText:
				d.pcs = append(d.pcs, pc)
			}
		case syntax.InstMatch:
			matched = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			d.pcs = append(d.pcs, pc)
		}
	}
	d.stack = stack
	slices.Sort(d.pcs)
	return matched
}

// intern returns the state for d.pcs, creating it within the budget. It
// returns nil when the budget is exhausted. d.mu must be held (or d is being
// initialised).
func (d *patternDFA) intern(matched bool) *dfaState {
	key := appendStateKey(d.keyBuf[:0], matched, d.pcs)
	d.keyBuf = key
	if s := d.states[string(key)]; s != nil {
		return s
	}
	cost := 96 + 2*len(key) + 4*len(d.pcs)
	if !matched && len(d.pcs) > 0 {
		cost += 8 * d.numClasses
	}
	if len(d.states) >= d.maxStates || d.memory+cost > d.maxMemory {
		return nil
	}
	s := &dfaState{key: string(key), matched: matched}
	if !matched {
		s.dead = len(d.pcs) == 0
		if !s.dead {
			s.next = make([]atomic.Pointer[dfaState], d.lowClasses)
			s.acceptEnd = d.acceptsAtEnd(d.pcs)
		}
	}
	d.memory += cost
	d.states[s.key] = s
	return s
}

// appendStateKey appends the key of a state to b: 1 for a state that has
// found a match, else 0 and the state's pcs (sorted and distinct) as the
// uvarints of their differences, which for the long alternations of XÖV's
// patterns take a byte each.
func appendStateKey(b []byte, matched bool, pcs []uint32) []byte {
	if matched {
		return append(b, 1)
	}
	b = append(b, 0)
	prev := uint32(0)
	for _, pc := range pcs {
		b = binary.AppendUvarint(b, uint64(pc-prev))
		prev = pc
	}
	return b
}

// appendStatePcs appends the pcs of a state's key (appendStateKey) to dst.
func appendStatePcs(dst []uint32, key string) []uint32 {
	pc := uint32(0)
	for i := 1; i < len(key); {
		var delta uint32
		for shift := 0; ; shift += 7 {
			c := key[i]
			i++
			delta |= uint32(c&0x7f) << shift
			if c < 0x80 {
				break
			}
		}
		pc += delta
		dst = append(dst, pc)
	}
	return dst
}

// acceptsAtEnd reports whether a pending \z assertion of pcs leads to a match
// at the end of a non-empty input.
func (d *patternDFA) acceptsAtEnd(pcs []uint32) bool {
	seeds := d.endSeeds[:0]
	for _, pc := range pcs {
		if d.prog.Inst[pc].Op == syntax.InstEmptyWidth {
			seeds = append(seeds, pc)
		}
	}
	d.endSeeds = seeds
	if len(seeds) == 0 {
		return false
	}
	saved := d.pcs
	d.pcs = d.endPcs[:0]
	matched := d.closure(seeds, syntax.EmptyEndText)
	d.endPcs = d.pcs
	d.pcs = saved
	return matched
}

// step returns the state after s consumes a rune of class c, or nil when the
// budget is exhausted.
func (d *patternDFA) step(s *dfaState, c int) *dfaState {
	d.mu.Lock()
	defer d.mu.Unlock()
	slot := d.transition(s, c)
	if next := slot.Load(); next != nil {
		return next
	}
	r := d.classRep[c]
	d.stepPcs = appendStatePcs(d.stepPcs[:0], s.key)
	seeds := d.seeds[:0]
	for _, pc := range d.stepPcs {
		inst := &d.prog.Inst[pc]
		if inst.Op != syntax.InstEmptyWidth && instConsumes(inst, r) {
			seeds = append(seeds, inst.Out)
		}
	}
	if d.unanchored {
		seeds = append(seeds, uint32(d.prog.Start))
	}
	d.seeds = seeds
	next := d.intern(d.closure(seeds, 0))
	if next == nil {
		d.failed.Store(true)
		return nil
	}
	slot.Store(next)
	return next
}

// transition returns the slot of s's transition on class c, allocating
// s.high when c is one of its classes and it has none yet. d.mu must be
// held.
func (d *patternDFA) transition(s *dfaState, c int) *atomic.Pointer[dfaState] {
	if c < len(s.next) {
		return &s.next[c]
	}
	high := s.high.Load()
	if high == nil {
		h := make([]atomic.Pointer[dfaState], d.numClasses-d.lowClasses)
		high = &h
		s.high.Store(high)
	}
	return &(*high)[c-len(s.next)]
}

// nextState returns the state after s consumes a rune of class c, nil when it
// is not built yet.
func (s *dfaState) nextState(c int) *dfaState {
	if c < len(s.next) {
		return s.next[c].Load()
	}
	if high := s.high.Load(); high != nil {
		return (*high)[c-len(s.next)].Load()
	}
	return nil
}

func runeRangesContain(ranges []rune, r rune) bool {
	for j := 0; j < len(ranges); j += 2 {
		if r >= ranges[j] && r <= ranges[j+1] {
			return true
		}
	}
	return false
}

// usable reports whether the DFA answers for this pattern; false means the
// caller uses regexp.
func (d *patternDFA) usable() bool {
	if d == nil {
		return false
	}
	d.once.Do(d.init)
	return !d.failed.Load()
}

// matchString reports whether s matches, and false for ok when the caller
// must ask regexp instead.
func (d *patternDFA) matchString(s string) (matched, ok bool) {
	if !d.usable() {
		return false, false
	}
	if len(s) == 0 {
		return d.emptyMatch, true
	}
	st := d.start
	for i := 0; ; {
		if st.matched {
			return true, true
		}
		if st.dead {
			return false, true
		}
		if i >= len(s) {
			return st.acceptEnd, true
		}
		var c int
		if b := s[i]; b < utf8.RuneSelf {
			c = int(d.dense[b])
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			c = d.classOf(r)
			i += size
		}
		next := st.nextState(c)
		if next == nil {
			if next = d.step(st, c); next == nil {
				return false, false
			}
		}
		st = next
	}
}

// matchBytes is matchString for a byte slice.
func (d *patternDFA) matchBytes(s []byte) (matched, ok bool) {
	if !d.usable() {
		return false, false
	}
	if len(s) == 0 {
		return d.emptyMatch, true
	}
	st := d.start
	for i := 0; ; {
		if st.matched {
			return true, true
		}
		if st.dead {
			return false, true
		}
		if i >= len(s) {
			return st.acceptEnd, true
		}
		var c int
		if b := s[i]; b < utf8.RuneSelf {
			c = int(d.dense[b])
			i++
		} else {
			r, size := utf8.DecodeRune(s[i:])
			c = d.classOf(r)
			i += size
		}
		next := st.nextState(c)
		if next == nil {
			if next = d.step(st, c); next == nil {
				return false, false
			}
		}
		st = next
	}
}
