//go:build !linux

package startup

// HugePages does nothing on this system.
func HugePages() {}
