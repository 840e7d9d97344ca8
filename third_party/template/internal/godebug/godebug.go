// Copyright 2026 The ozgctl Authors. Use of this source code is governed by
// the BSD-style license in the LICENSE file of this module.

// Package godebug stands in for the standard library's internal/godebug,
// which packages outside the standard library cannot import: a Setting
// reads its value from the GODEBUG environment variable when asked.
package godebug

import (
	"os"
	"strings"
)

// A Setting is a single GODEBUG key; its value is read on each call of Value.
type Setting struct {
	name string
}

// New returns the Setting for the GODEBUG key name.
func New(name string) *Setting { return &Setting{name: name} }

// Name returns the setting's GODEBUG key.
func (s *Setting) Name() string { return s.name }

// Value returns the setting's value in $GODEBUG (the last key=value pair
// for its key wins, as in the runtime), or "" when it is not set.
func (s *Setting) Value() string {
	v := ""
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if k, val, ok := strings.Cut(kv, "="); ok && k == s.name {
			v = val
		}
	}
	return v
}

// IncNonDefault is a no-op: the standard library counts the uses of
// non-default settings in runtime/metrics, which this copy cannot reach.
func (s *Setting) IncNonDefault() {}
