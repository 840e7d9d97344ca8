package startup

import "github.com/ozgctl/ozgctl/internal/stack"

// The main goroutine's stack is grown while it is shallow (see package
// stack).
func init() { stack.Grow() }
