//go:build !linux

package xoev

// prefault does nothing outside Linux.
func prefault([]byte) {}
