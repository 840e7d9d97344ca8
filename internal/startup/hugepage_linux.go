package startup

import (
	"syscall"
	"unsafe"
)

const (
	madvHugepage = 14 // MADV_HUGEPAGE
	madvCollapse = 25 // MADV_COLLAPSE, Linux 6.1

	hugePage = 2 << 20 // the x86-64 and arm64 PMD size
	// chunk is the unit in which the Go runtime maps heap memory
	// (pallocChunkBytes): advice must stay inside mapped memory, and each
	// mapping is a new VMA without it.
	chunk = 4 << 20
)

// probe is where a large allocation lands: free pages from the page
// allocator (through the current P's page cache), which hands out the
// lowest free addresses, so at or near the frontier the heap grows from.
// Large objects start out as untouched fresh memory, so the probe costs
// address space, not memory.
var probe *[64 << 10]byte

// advised holds the chunks already advised.
var advised [8]uintptr

// HugePages asks Linux to back the heap of a short run with transparent
// huge pages where it grows from now on: the 4 MB chunk at the heap's
// frontier is advised (MADV_HUGEPAGE), and the pages already used in the
// frontier's 2 MB page are copied into a huge page at once
// (MADV_COLLAPSE); the rest of the chunk gets huge pages when first
// touched. Calls after the first cost an allocation and at most two system
// calls.
//
// A check of 100 small messages touches 2–3 MB of heap. On virtual
// machines with shadow paging each first touch of a 4 KB page costs
// 10–15 µs, and those faults were a fifth of such a run; a 2 MB huge page
// costs about 0.15 ms once. The kernel gives huge pages to memory that
// asks for them (the default "madvise" setting of
// /sys/kernel/mm/transparent_hugepage/enabled); the Go runtime does not
// ask, and it maps its heap in 4 MB chunks, each a new mapping without the
// advice: init advises the chunk the first allocations use, and the batch
// commands call HugePages again before their workers start.
// GODEBUG=disablethp=1, the runtime's own switch against huge pages, turns
// it off; where the kernel has no huge pages nothing changes.
func HugePages() {
	if off() {
		return
	}
	probe = new([64 << 10]byte)
	p := uintptr(unsafe.Pointer(probe))
	probe = nil
	c := p &^ (chunk - 1)
	if !seen(c) {
		// Errors mean no huge pages here (EINVAL: none in this
		// kernel); the run then goes on with small pages.
		if madvise(c, chunk, madvHugepage) != nil {
			return
		}
	}
	_ = madvise(p&^(hugePage-1), hugePage, madvCollapse) // EAGAIN: no huge page free now
}

// seen records c as advised and reports whether it was already.
func seen(c uintptr) bool {
	for i, a := range advised {
		switch a {
		case c:
			return true
		case 0:
			advised[i] = c
			return false
		}
	}
	copy(advised[:], advised[1:])
	advised[len(advised)-1] = c
	return false
}

func madvise(addr, n uintptr, advice int) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}

// off reports whether GODEBUG sets disablethp to anything but 0 (the last
// setting wins, as in the runtime).
func off() bool {
	v, _ := syscall.Getenv("GODEBUG")
	const key = "disablethp="
	disabled := false
	for start := 0; start <= len(v); {
		end := start
		for end < len(v) && v[end] != ',' {
			end++
		}
		if kv := v[start:end]; len(kv) >= len(key) && kv[:len(key)] == key {
			disabled = kv[len(key):] != "0"
		}
		start = end + 1
	}
	return disabled
}
