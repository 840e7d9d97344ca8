package runtime

import (
	"syscall"
	"unsafe"
)

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14).
const madvPopulateWrite = 23

// prefault maps the whole pages of a fresh block of n bytes at p in one
// system call before the decoder fills it: in a short process every page
// of a new block is fresh memory, and a page fault for each 4 KiB costs
// far more than the writes on a machine with shadow paging. The block's
// content is not changed; an older kernel refuses the advice and the pages
// fault in as before.
func prefault(p unsafe.Pointer, n uintptr) {
	const page = 4096
	if n < 4*page {
		return
	}
	start := (uintptr(p) + page - 1) &^ (page - 1)
	end := (uintptr(p) + n) &^ (page - 1)
	if end <= start {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPopulateWrite)
}
