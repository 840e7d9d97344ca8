package jsonschema

import "sync"

// lazy is a value made by f on first use. ozgctl patch: unlike a
// package-level sync.OnceValue or map literal, a package-level lazy with a
// function literal is laid out by the linker and costs nothing in init.
type lazy[T any] struct {
	once sync.Once
	f    func() T
	v    T
}

func (l *lazy[T]) get() T {
	l.once.Do(func() { l.v = l.f() })
	return l.v
}
