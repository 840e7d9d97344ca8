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
	{testOuter, "Nachricht ist kaputt: %v", "message is broken: %v"},
	{testInner, "Wert %q fehlt", "value %q is missing"},
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
	Lookup(testOuter) // the keys registered at init are in the map
	defer func() {
		if recover() == nil {
			t.Fatal("a duplicate key must panic")
		}
	}()
	Register("finding.test.outer", "x", "x")
}

func TestFormsDuplicatePanics(t *testing.T) {
	Lookup(testOuter)
	defer func() {
		if recover() == nil {
			t.Fatal("a duplicate key in a table must panic")
		}
	}()
	Forms([]Form{{"finding.test.forms-new", "neu", "new"}, {testInner, "x", "x"}})
}

func TestBuildDuplicatePanics(t *testing.T) {
	saved := tables
	defer func() { tables = saved }()
	tables = [][]Form{{{"finding.test.a", "a", "a"}}, {{"finding.test.a", "b", "b"}}}
	defer func() {
		if recover() == nil {
			t.Fatal("sorting forms with a duplicate key must panic")
		}
	}()
	build()
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

var testLater = func() Key {
	RegisterFunc(func() { Register("finding.test.later", "später %d", "later %d") })
	return "finding.test.later"
}()

func TestRegisterFunc(t *testing.T) {
	if got := testLater.With(2).Text("en"); got != "later 2" {
		t.Errorf("a form registered by RegisterFunc at init: %q", got)
	}
	// After the first lookup the function runs at once.
	RegisterFunc(func() { Register("finding.test.after", "danach", "after") })
	if _, ok := Lookup("finding.test.after"); !ok {
		t.Error("a form registered by RegisterFunc after the first lookup is missing")
	}
}

func TestLookupBeforeAndAfterSorting(t *testing.T) {
	for i := range 2 * scanLookups {
		if _, ok := Lookup(testInner); !ok {
			t.Fatalf("lookup %d: registered key missing", i)
		}
		if _, ok := Lookup("finding.test.never"); ok {
			t.Fatalf("lookup %d: unregistered key found", i)
		}
	}
	if built.Load() == nil {
		t.Fatal("not sorted after the scans")
	}
	k := Register("finding.test.sorted", "sortiert", "sorted")
	if got := k.With().Text("en"); got != "sorted" {
		t.Errorf("a form registered after sorting: %q", got)
	}
	if !slices.IsSorted(Keys()) {
		t.Error("Keys not sorted")
	}
}
