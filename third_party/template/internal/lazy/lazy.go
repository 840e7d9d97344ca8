// Package lazy holds values made on first use (ozgctl patch).
package lazy

import "sync"

// Value is a value made by F on first use. Unlike a package-level
// sync.OnceValue or map literal, a package-level Value with a function
// literal is laid out by the linker and costs nothing in init.
type Value[T any] struct {
	once sync.Once
	F    func() T
	v    T
}

// Get returns the value, making it on the first call.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.F() })
	return l.v
}
