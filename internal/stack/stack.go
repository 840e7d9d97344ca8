// Package stack grows a goroutine's stack in one step.
//
// A goroutine starts with a 2 KB stack, and the runtime doubles it
// whenever a call does not fit: on `check` five times for the main
// goroutine (the later ones deep in cobra, the schema cache's decoder and
// the validator) and four or five times for each further worker. Each
// doubling copies the stack and walks every frame on it, reading the
// frames' tables from the executable, which in a fresh process costs page
// faults (~35 of a one-message check's ~930; ~17 for the second worker of
// a batch). Growing the stack while it is still shallow copies a few
// frames once.
package stack

// frameSize is the frame of [grow]: it makes the runtime grow the stack
// from 2 KB to 64 KB in one step, the size a check of a few messages
// reaches anyway.
const frameSize = 40 << 10

// Grow grows the calling goroutine's stack to 64 KB without writing to it.
func Grow() { grow(0) }

// grow has a frame of frameSize bytes, so that calling it grows the stack
// to hold it. Only a positive n touches the frame (for the test): the
// array is zeroed inside the branch, so grow(0) writes nothing to the new
// stack's pages.
//
//go:noinline
func grow(n int) byte {
	if n > 0 {
		var frame [frameSize]byte
		frame[n%len(frame)] = byte(n)
		return frame[(n+1)%len(frame)] + frame[n%len(frame)]
	}
	return 0
}
