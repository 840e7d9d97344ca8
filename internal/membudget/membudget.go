// Package membudget bounds the memory of XML trees that are built at the
// same time. Streaming stages need none; helium, which validates schema sets
// jacoelho/xsd cannot compile and evaluates Schematron, builds a whole tree
// per message, tens of times the message's size. Worker count (-j) alone
// does not bound that: a few large messages at once would.
//
// A holder must not ask for a second share while it holds one.
package membudget

import (
	"context"

	"golang.org/x/sync/semaphore"
)

// Total is the memory, in bytes, that trees built at the same time may take.
const Total = 1 << 30

// TreeFactor estimates tree memory per byte of XML input.
const TreeFactor = 30

var trees = semaphore.NewWeighted(Total)

// AcquireTree waits until memory for a tree parsed from size bytes of XML is
// free and reserves it; a tree estimated above [Total] waits until nothing
// else holds a share, then runs alone. Call release exactly once.
func AcquireTree(ctx context.Context, size int64) (release func(), err error) {
	n := min(max(size, 1)*TreeFactor, Total)
	if err := trees.Acquire(ctx, n); err != nil {
		return nil, err
	}
	return func() { trees.Release(n) }, nil
}
