//go:build !linux

package hugepage

// Heap does nothing on this system.
func Heap() {}
