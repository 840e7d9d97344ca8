//go:build !linux

package runtime

import "unsafe"

// prefault does nothing where there is no MADV_POPULATE_WRITE.
func prefault(p unsafe.Pointer, n uintptr) {}
