package jsonschema

import (
	"slices"
	"strings"
	"testing"
)

// TestDraftTables (ozgctl patch): the subschema locations and vocabulary
// names, now parsed or made on first use, are upstream's.
func TestDraftTables(t *testing.T) {
	d4 := []string{"definitions/*", "not", "allOf/[]", "anyOf/[]", "oneOf/[]", "properties/*",
		"additionalProperties", "patternProperties/*", "items", "items/[]", "additionalItems", "dependencies/*"}
	d6 := append(slices.Clone(d4), "propertyNames", "contains")
	d7 := append(slices.Clone(d6), "if", "then", "else")
	d2019 := append(slices.Clone(d7), "$defs/*", "dependentSchemas/*", "unevaluatedProperties", "unevaluatedItems", "contentSchema")
	d2020 := append(slices.Clone(d2019), "prefixItems/[]")
	for _, c := range []struct {
		d      *Draft
		want   []string
		vocabs string
	}{
		{Draft4, d4, ""},
		{Draft6, d6, ""},
		{Draft7, d7, ""},
		{Draft2019, d2019, "applicator content core format meta-data validation"},
		{Draft2020, d2020, "applicator content core format-annotation format-assertion meta-data unevaluated validation"},
	} {
		var got []string
		for _, sp := range c.d.subschemas() {
			got = append(got, sp.String())
		}
		var want []string
		for _, p := range c.want {
			want = append(want, schemaPath(p).String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: subschemas\n got %q\nwant %q", c.d, got, want)
		}
		vocabs := slices.Clone(c.d.vocabNames)
		slices.Sort(vocabs)
		if got := strings.Join(vocabs, " "); got != c.vocabs {
			t.Errorf("%s: vocabs %q, want %q", c.d, got, c.vocabs)
		}
	}
	// The meta-schemas of every vocabulary are compiled with the drafts.
	loadDrafts()
	for _, d := range []*Draft{Draft2019, Draft2020} {
		if len(d.allVocabs) != len(d.vocabNames) {
			t.Errorf("%s: %d vocab schemas for %d names", d, len(d.allVocabs), len(d.vocabNames))
		}
		for _, name := range d.vocabNames {
			if d.allVocabs[name] == nil {
				t.Errorf("%s: vocab %s not compiled", d, name)
			}
		}
	}
}

// TestLazyTables (ozgctl patch): the format, decoder and media type tables
// made on first use hold upstream's entries.
func TestLazyTables(t *testing.T) {
	var names []string
	for k, f := range formats.get() {
		if f.Name != k || f.Validate == nil {
			t.Errorf("format %q: name %q", k, f.Name)
		}
		names = append(names, k)
	}
	slices.Sort(names)
	want := "date date-time duration email hostname ipv4 ipv6 iri iri-reference " +
		"json-pointer period relative-json-pointer semver time uri uri-reference uri-template uuid"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("formats\n got %s\nwant %s", got, want)
	}
	if b, err := decoders.get()["base64"].Decode("aGk="); err != nil || string(b) != "hi" {
		t.Errorf("base64: %q, %v", b, err)
	}
	mt := mediaTypes.get()["application/json"]
	if err := mt.Validate([]byte(`{"a":1}`)); err != nil {
		t.Errorf("application/json: %v", err)
	}
	if mt.Validate([]byte(`{`)) == nil {
		t.Error("application/json accepted {")
	}
	if defaultPrinter.get() == nil {
		t.Error("no default printer")
	}
}
