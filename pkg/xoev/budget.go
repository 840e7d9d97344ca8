package xoev

import (
	"context"
	"sync"
)

// heliumBudget bounds the memory of concurrent helium validations, which
// build a whole tree per message (tens of times the message's size),
// on top of the number of workers: a validation waits until its estimated
// share is free. One message larger than the whole budget still runs, alone.
var heliumBudget = newBudget(1 << 30)

// heliumTreeFactor estimates tree memory per input byte.
const heliumTreeFactor = 30

type budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	total int64
	used  int64
}

func newBudget(total int64) *budget {
	b := &budget{total: total}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire takes n units, waiting while they are not free; a request
// larger than the total waits until nothing else runs.
func (b *budget) acquire(ctx context.Context, n int64) error {
	n = min(n, b.total)
	b.mu.Lock()
	defer b.mu.Unlock()
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.cond.Broadcast()
		b.mu.Unlock()
	})
	defer stop()
	for b.used+n > b.total {
		if err := ctx.Err(); err != nil {
			return err
		}
		b.cond.Wait()
	}
	b.used += n
	return nil
}

func (b *budget) release(n int64) {
	n = min(n, b.total)
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
