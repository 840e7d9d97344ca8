package xoev

import (
	"syscall"
	"unsafe"
)

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14).
const madvPopulateWrite = 23

// prefault maps the whole pages of a fresh buffer in one system call before
// a large read fills it: a process that reads a compiled schema of a
// megabyte would otherwise take a page fault for every 4 KiB page the read
// touches, which costs far more than the copy on a machine with shadow
// paging. The buffer's content is not changed; an older kernel refuses the
// advice and the pages fault in as before.
func prefault(b []byte) {
	const page = 4096
	if len(b) < 16*page {
		return
	}
	start := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + page - 1) &^ (page - 1)
	end := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(len(b))) &^ (page - 1)
	if end <= start {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPopulateWrite)
}
