// Package lazy holds package-level values made on first use.
package lazy

import "sync"

// Value is a value made by F on first use: a package-level Value with a
// function literal is laid out by the linker and, unlike a package-level
// sync.OnceValue or map literal, costs nothing while the program starts.
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
