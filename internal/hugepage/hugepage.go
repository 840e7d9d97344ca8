// Package hugepage asks Linux to back the Go heap of a short ozgctl run
// with transparent huge pages.
//
// A check of 100 small messages touches 2–3 MB of heap. On virtual
// machines with shadow paging each first touch of a 4 KB page costs
// 10–15 µs, and those faults were a fifth of such a run; a 2 MB huge page
// costs about 0.15 ms once. The kernel gives huge pages to memory that
// asks for them (MADV_HUGEPAGE, the default "madvise" setting of
// /sys/kernel/mm/transparent_hugepage/enabled); the Go runtime no longer
// asks. Importing the package asks for the heap chunk that the first
// allocations use, as early as the package initialisation order allows
// (it imports only syscall); [Heap] asks again where the heap grows.
// GODEBUG=disablethp=1, the runtime's own switch against huge pages,
// turns it off; on other systems, or where the kernel has no huge pages,
// nothing happens.
package hugepage
