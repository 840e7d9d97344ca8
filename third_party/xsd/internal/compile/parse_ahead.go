package compile

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/jacoelho/xsd/internal/source"
)

// parseAhead holds schema documents parsed in parallel before the loader
// asks for them (ozgctl patch). The loader still resolves, reads and
// limits every document in its own order; it takes a document parsed
// ahead only when its key and bytes are the ones it read and its node
// count fits the node budget left at that point, which is exactly when its
// own parse would have given the same document. Anything else, a parse
// error included, is parsed again in order, so errors and limits are
// reported as without parse-ahead.
type parseAhead struct {
	mu      sync.Mutex
	entries map[string]*parsedAhead
}

type parsedAhead struct {
	claimed atomic.Bool // by a worker, or by the loader, which then parses itself
	done    chan struct{}
	data    []byte
	doc     *rawDoc
	err     error
}

// startParseAhead parses sources on up to GOMAXPROCS goroutines with the
// full limits; nil without sources.
func startParseAhead(sources []source.Source, limits Limits) *parseAhead {
	if len(sources) == 0 {
		return nil
	}
	p := &parseAhead{entries: make(map[string]*parsedAhead, len(sources))}
	var work []func()
	for _, src := range sources {
		name := src.Name()
		if name == "" {
			continue
		}
		key := source.Key(name)
		if _, dup := p.entries[key]; dup {
			continue
		}
		e := &parsedAhead{done: make(chan struct{})}
		p.entries[key] = e
		work = append(work, func() {
			if !e.claimed.CompareAndSwap(false, true) {
				return // the loader came first
			}
			defer close(e.done)
			read := src.Acquire(limits.MaxSchemaSourceBytes)
			if read.Err != nil {
				e.err = read.Err
				return
			}
			e.data = read.Data
			e.doc, e.err = parseSchemaDocument(name, key, read.Data, limits)
		})
	}
	jobs := make(chan func())
	for range min(runtime.GOMAXPROCS(0), len(work)) {
		go func() {
			for f := range jobs {
				f()
			}
		}()
	}
	go func() {
		for _, f := range work {
			jobs <- f
		}
		close(jobs)
	}()
	return p
}

// take returns the document parsed ahead for key if it is what
// parseSchemaDocument(name, key, data, limits) gives, and forgets it
// either way (a document is handed out once: the loader changes it).
func (p *parseAhead) take(key string, data []byte, limits Limits) (*rawDoc, bool) {
	if p == nil {
		return nil, false
	}
	p.mu.Lock()
	e := p.entries[key]
	delete(p.entries, key)
	p.mu.Unlock()
	if e == nil || e.claimed.CompareAndSwap(false, true) {
		return nil, false // not listed, or not started: parse in order
	}
	<-e.done
	// The parser fails as soon as its node count reaches the limit, so a
	// document of fewer nodes than the budget parses alike under either.
	if e.err != nil || e.doc.nodes >= limits.MaxSchemaInstantiatedNodes || !bytes.Equal(e.data, data) {
		return nil, false
	}
	return e.doc, true
}
