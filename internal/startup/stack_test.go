package startup

import "testing"

func TestGrowStack(t *testing.T) {
	if got := growStack(0); got != 0 {
		t.Errorf("growStack(0) = %d, want 0", got)
	}
	// A positive n uses the whole frame; the stack grows to hold it.
	if got := growStack(7); got != 7 {
		t.Errorf("growStack(7) = %d, want 7", got)
	}
}
