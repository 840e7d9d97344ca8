package profile

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// schemaKeys returns every property name the profile JSON Schema
// declares, at any depth.
func schemaKeys(t *testing.T) []string {
	t.Helper()
	var doc any
	if err := json.Unmarshal(profileSchema, &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok {
				for k := range props {
					seen[k] = true
				}
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(doc)
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var docKeyRow = regexp.MustCompile("(?m)^\\| `([A-Za-z]+)` \\|")

// TestDocsProfilesMatchSchema keeps docs/profiles.md and
// schemas/profile.schema.json in step: every key of the schema has a row in
// one of the page's key tables, and every row names a key of the schema.
func TestDocsProfilesMatchSchema(t *testing.T) {
	data, err := os.ReadFile("../../../docs/profiles.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, m := range docKeyRow.FindAllStringSubmatch(string(data), -1) {
		documented[m[1]] = true
	}
	keys := schemaKeys(t)
	for _, k := range keys {
		if !documented[k] {
			t.Errorf("schema key %q has no row in docs/profiles.md", k)
		}
	}
	for k := range documented {
		if !slices.Contains(keys, k) {
			t.Errorf("docs/profiles.md documents %q, which schemas/profile.schema.json does not declare", k)
		}
	}
	// Every sharpening kind has an example.
	for _, kind := range []string{"required:", "forbidden:", "cardinality:", "codes:", "pattern:", "if:"} {
		if !strings.Contains(string(data), "  "+kind) && !strings.Contains(string(data), "    "+kind) {
			t.Errorf("docs/profiles.md has no example of %s", strings.TrimSuffix(kind, ":"))
		}
	}
}

// TestDocsProfilesExampleReads checks that the page's example profile
// passes the JSON Schema and the reader's own checks.
func TestDocsProfilesExampleReads(t *testing.T) {
	data, err := os.ReadFile("../../../docs/profiles.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```yaml\n")
	if !ok {
		t.Fatal("no yaml example in docs/profiles.md")
	}
	example, _, _ := strings.Cut(rest, "```")
	if _, err := Read(writeProfile(t, example)); err != nil {
		t.Fatalf("the example profile of docs/profiles.md does not read: %v", err)
	}
}
