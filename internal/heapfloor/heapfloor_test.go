package heapfloor

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestSet(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	Set(64 << 20)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("GC percent under the floor = %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 64<<20 {
		t.Fatalf("memory limit under the floor = %d, want %d", got, 64<<20)
	}
	SetGCPercent(400) // applies when the floor ends
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("SetGCPercent under the floor changed the target to %d", got)
	}

	// The first collection ends the floor.
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		gc.mu.Lock()
		floor := gc.floor
		gc.mu.Unlock()
		if !floor {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the floor did not end after a collection")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent after the floor = %d, want 400", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit after the floor = %d, want none", got)
	}
}

func TestSetLeavesEnvironmentAlone(t *testing.T) {
	t.Setenv("GOGC", "200")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	Set(64 << 20)
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GOGC set: the floor changed the GC percent to %d", got)
	}
}
