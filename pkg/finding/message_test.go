package finding

import (
	"slices"
	"testing"
)

const (
	testOuter Key = "finding.test.outer"
	testInner Key = "finding.test.inner"
)

var testForms = []Form{
	{testInner, "Wert %q fehlt", "value %q is missing"},
	{testOuter, "Nachricht ist kaputt: %v", "message is broken: %v"},
}

func init() { Forms(testForms) }

func TestMsgText(t *testing.T) {
	m := testOuter.With(testInner.With("a"))
	tests := []struct {
		lang, want string
	}{
		{"de", `Nachricht ist kaputt: Wert "a" fehlt`},
		{"en", `message is broken: value "a" is missing`},
		{"", `Nachricht ist kaputt: Wert "a" fehlt`},
	}
	for _, tt := range tests {
		if got := m.Text(tt.lang); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	f := Finding{Message: "verbatim"}
	if f.Text("en") != "verbatim" {
		t.Error("a finding without key must keep its text")
	}
	f.Msg = testInner.With("b")
	if got := Rendered([]Finding{f}, "en")[0].Message; got != `value "b" is missing` {
		t.Errorf("Rendered: %q", got)
	}
	if got := Key("finding.test.unknown").With(1).Text("de"); got != "finding.test.unknown 1" {
		t.Errorf("unknown key: %q", got)
	}
}

func TestRegisterDuplicatePanics(t *testing.T) {
	for _, key := range []string{"finding.test.outer", "finding.test.registered"} {
		t.Run(key, func(t *testing.T) {
			if key == "finding.test.registered" {
				Register(key, "registriert", "registered")
			}
			defer func() {
				if recover() == nil {
					t.Fatal("a duplicate key must panic")
				}
			}()
			Register(key, "x", "x")
		})
	}
}

// withTables runs fn with ts as the only tables passed to [Forms].
func withTables(ts [][]Form, fn func()) {
	mu.Lock()
	saved := tables
	tables = ts
	mu.Unlock()
	defer func() {
		mu.Lock()
		tables = saved
		mu.Unlock()
	}()
	fn()
}

func TestKeysPanics(t *testing.T) {
	tests := []struct {
		name   string
		tables [][]Form
	}{
		{"duplicate", [][]Form{{{"finding.test.a", "a", "a"}}, {{"finding.test.a", "b", "b"}}}},
		{"out of order", [][]Form{{{"finding.test.b", "b", "b"}, {"finding.test.a", "a", "a"}}}},
		{"same key twice", [][]Form{{{"finding.test.a", "a", "a"}, {"finding.test.a", "b", "b"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withTables(tt.tables, func() {
				defer func() {
					if recover() == nil {
						t.Fatal("Keys must panic")
					}
				}()
				Keys()
			})
		})
	}
}

func TestLookupTables(t *testing.T) {
	tables := [][]Form{
		{{"finding.test.t1.a", "a1", "a1"}, {"finding.test.t1.c", "c1", "c1"}},
		{{"finding.test.t2.b", "b2", "b2"}, {"finding.test.t2.d", "d2", "d2"}},
		{{"finding.test.t1.b", "b1", "b1"}}, // inside the first table's range
	}
	withTables(tables, func() {
		for _, want := range []Key{"finding.test.t1.a", "finding.test.t1.b", "finding.test.t1.c", "finding.test.t2.b", "finding.test.t2.d"} {
			if _, ok := Lookup(want); !ok {
				t.Errorf("%s not found", want)
			}
		}
		for _, never := range []Key{"finding.test.t1", "finding.test.t1.d", "finding.test.t2.c", "finding.test.u", ""} {
			if _, ok := Lookup(never); ok {
				t.Errorf("%q found", never)
			}
		}
		if got := Keys(); !slices.Contains(got, "finding.test.t2.d") || !slices.IsSorted(got) {
			t.Errorf("Keys = %q", got)
		}
	})
}

func TestFormatVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []byte
	}{
		{"no verbs, 100%%", nil},
		{"%s and %d", []byte("sd")},
		{"%[2]s before %[1]q", []byte("qs")},
		{"%-5.2f %v", []byte("fv")},
		{"%*d", []byte("*d")},
	}
	for _, tt := range tests {
		if got := FormatVerbs(tt.format); !slices.Equal(got, tt.want) {
			t.Errorf("FormatVerbs(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}

func TestRegisterFunc(t *testing.T) {
	runs := 0
	RegisterFunc("finding.test.later.", func() {
		runs++
		Register("finding.test.later.a", "später %d", "later %d")
		Register("finding.test.later.b", "danach", "after")
	})
	if _, ok := Lookup(testOuter); !ok || runs != 0 {
		t.Fatalf("a lookup outside the prefix ran the function (%d runs)", runs)
	}
	if got := Key("finding.test.later.a").With(2).Text("en"); got != "later 2" {
		t.Errorf("a form registered by RegisterFunc: %q", got)
	}
	if _, ok := Lookup("finding.test.later.b"); !ok || runs != 1 {
		t.Errorf("second key of the prefix: found %v, %d runs, want 1", ok, runs)
	}
	if !slices.Contains(Keys(), "finding.test.later.b") || runs != 1 {
		t.Errorf("Keys after RegisterFunc: %d runs, want 1", runs)
	}
}

// TestAppendText: AppendText appends what Text returns.
func TestAppendText(t *testing.T) {
	for _, m := range []Msg{testOuter.With(testInner.With("a")), testInner.With("b"), Key("finding.test.unknown").With(1, "x"), {}} {
		for _, lang := range []string{"de", "en"} {
			if got, want := string(m.AppendText([]byte("> "), lang)), "> "+m.Text(lang); got != want {
				t.Errorf("%v in %s: AppendText %q, Text %q", m, lang, got, want)
			}
		}
	}
	f := Finding{Message: "verbatim"}
	if got := string(f.AppendText(nil, "en")); got != "verbatim" {
		t.Errorf("a finding without key: %q", got)
	}
}
