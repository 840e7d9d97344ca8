package runtime

// ozgctl patch: the compiled program of a pattern DFA in the binary form of
// a schema (see PATCHES.md). A DFA decoded from that form used to parse and
// compile its source on first use, which for XÖV's long alternations was
// most of what the first message of a short run allocated. The encoder
// stores the program regexp/syntax compiles from the source; the DFA keeps
// its bytes (a substring of the encoded schema, no copy) and decodes them
// on first use, so patterns no message needs cost nothing.

import (
	"encoding/binary"
	"regexp/syntax"
)

// compilePatternProg compiles source as regexp.Compile does, or returns
// nil when regexp would refuse it.
func compilePatternProg(source string) *syntax.Prog {
	parsed, err := syntax.Parse(source, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return nil
	}
	return prog
}

// appendPatternProg appends prog's encoding to b: its start, its number of
// captures, its instruction and rune counts, then per instruction the
// opcode, Out, Arg, the number of runes and the runes, all as uvarints.
func appendPatternProg(b []byte, prog *syntax.Prog) []byte {
	runes := 0
	for i := range prog.Inst {
		runes += len(prog.Inst[i].Rune)
	}
	b = binary.AppendUvarint(b, uint64(prog.Start))
	b = binary.AppendUvarint(b, uint64(prog.NumCap))
	b = binary.AppendUvarint(b, uint64(len(prog.Inst)))
	b = binary.AppendUvarint(b, uint64(runes))
	for i := range prog.Inst {
		inst := &prog.Inst[i]
		b = binary.AppendUvarint(b, uint64(inst.Op))
		b = binary.AppendUvarint(b, uint64(inst.Out))
		b = binary.AppendUvarint(b, uint64(inst.Arg))
		b = binary.AppendUvarint(b, uint64(len(inst.Rune)))
		for _, r := range inst.Rune {
			b = binary.AppendUvarint(b, uint64(uint32(r)))
		}
	}
	return b
}

// progReader reads the uvarints of an encoded program.
type progReader struct {
	s   string
	off int
	bad bool
}

func (r *progReader) next() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.off >= len(r.s) {
			break
		}
		c := r.s[r.off]
		r.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

// decodePatternProg decodes a program appendPatternProg encoded, or
// returns nil when s is no well-formed program: every jump must stay
// within the program and every instruction must have the runes its opcode
// reads.
func decodePatternProg(s string) *syntax.Prog {
	r := progReader{s: s}
	start, numCap, n, runes := r.next(), r.next(), r.next(), r.next()
	// Each instruction takes at least four bytes, each rune one.
	if r.bad || n == 0 || n > uint64(len(s))/4 || runes > uint64(len(s)) || start >= n || numCap > n {
		return nil
	}
	prog := &syntax.Prog{Inst: make([]syntax.Inst, n), Start: int(start), NumCap: int(numCap)}
	pool := make([]rune, runes)
	for i := range prog.Inst {
		inst := &prog.Inst[i]
		op, out, arg, k := r.next(), r.next(), r.next(), r.next()
		if r.bad || op > uint64(syntax.InstRuneAnyNotNL) || out >= n || arg > 0xffffffff || k > uint64(len(pool)) {
			return nil
		}
		inst.Op, inst.Out, inst.Arg = syntax.InstOp(op), uint32(out), uint32(arg)
		if k > 0 {
			inst.Rune = pool[:k:k]
			pool = pool[k:]
			for j := range inst.Rune {
				v := r.next()
				if v > 0x7fffffff {
					return nil
				}
				inst.Rune[j] = rune(v)
			}
		}
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			if arg >= n {
				return nil
			}
		case syntax.InstRune1:
			if k != 1 {
				return nil
			}
		}
	}
	if r.bad || r.off != len(s) || len(pool) != 0 {
		return nil
	}
	return prog
}
