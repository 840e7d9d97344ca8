package lazy

import (
	"sync"
	"testing"
)

var calls int

var counted = Value[map[string]int]{F: func() map[string]int {
	calls++
	return map[string]int{"a": 1}
}}

// TestValue: F runs once, on the first Get, also under concurrent Gets,
// and every Get returns what it made.
func TestValue(t *testing.T) {
	if calls != 0 {
		t.Fatalf("F ran before the first Get (%d calls)", calls)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if counted.Get()["a"] != 1 {
				t.Error("wrong value")
			}
		}()
	}
	wg.Wait()
	if calls != 1 {
		t.Errorf("F ran %d times", calls)
	}
	m := counted.Get()
	m["b"] = 2
	if counted.Get()["b"] != 2 {
		t.Error("Get returned another map")
	}
}
