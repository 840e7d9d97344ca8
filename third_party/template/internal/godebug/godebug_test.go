// Copyright 2026 The ozgctl Authors. Use of this source code is governed by
// the BSD-style license in the LICENSE file of this module.

package godebug

import "testing"

func TestValue(t *testing.T) {
	s := New("htmlmetacontenturlescape")
	for _, tc := range []struct{ env, want string }{
		{"", ""},
		{"htmlmetacontenturlescape=0", "0"},
		{"x=1,htmlmetacontenturlescape=0,y=2", "0"},
		{"htmlmetacontenturlescape=0,htmlmetacontenturlescape=1", "1"},
		{"xhtmlmetacontenturlescape=0", ""},
		{"htmlmetacontenturlescape", ""},
	} {
		t.Setenv("GODEBUG", tc.env)
		if got := s.Value(); got != tc.want {
			t.Errorf("GODEBUG=%q: Value() = %q, want %q", tc.env, got, tc.want)
		}
	}
	if s.Name() != "htmlmetacontenturlescape" {
		t.Errorf("Name() = %q", s.Name())
	}
}
