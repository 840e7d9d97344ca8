package stack

import "testing"

func TestGrow(t *testing.T) {
	Grow()
	if got := grow(0); got != 0 {
		t.Errorf("grow(0) = %d, want 0", got)
	}
	// A positive n uses the whole frame; the stack grows to hold it.
	if got := grow(7); got != 7 {
		t.Errorf("grow(7) = %d, want 7", got)
	}
}
