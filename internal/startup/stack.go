package startup

// mainStackFrame is the frame of [growStack]: it makes the runtime grow
// the main goroutine's stack from 2 KB to 64 KB in one step, the size a
// check of a few messages reaches anyway.
const mainStackFrame = 40 << 10

// The main goroutine starts with a 2 KB stack, and the runtime doubles it
// whenever a call does not fit: on `check` five times, the later ones deep
// in cobra, the schema cache's decoder and the validator. Each doubling
// copies the stack and walks every frame on it, reading the frames'
// tables from the executable, which on a fresh process costs page faults
// (~35 of a one-message check's ~930). Growing it here, while the stack
// is still shallow, copies a few frames once.
func init() { growStack(0) }

// growStack has a frame of mainStackFrame bytes, so that calling it grows
// the stack to hold it. Only a positive n touches the frame (for the
// test): the array is zeroed inside the branch, so growStack(0) writes
// nothing to the new stack's pages.
//
//go:noinline
func growStack(n int) byte {
	if n > 0 {
		var frame [mainStackFrame]byte
		frame[n%len(frame)] = byte(n)
		return frame[(n+1)%len(frame)] + frame[n%len(frame)]
	}
	return 0
}
