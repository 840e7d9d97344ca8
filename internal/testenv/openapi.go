package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// OpenAPISchema compiles the OpenAPI 3.1 schema-base document (the variant
// that also checks Schema Objects against the OAS dialect), the oracle of
// every OpenAPI description ozgctl writes or ships. The schemas are the
// copies in pkg/fim/convert/testdata/oas3.1 (origin in its SOURCES.md).
func OpenAPISchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testenv: cannot locate the module")
	}
	dir := filepath.Join(filepath.Dir(here), "..", "..", "pkg", "fim", "convert", "testdata", "oas3.1")
	c := jsonschema.NewCompiler()
	for name, id := range map[string]string{
		"schema.json":              "https://spec.openapis.org/oas/3.1/schema/2021-04-15",
		"schema-base.json":         "https://spec.openapis.org/oas/3.1/schema-base/2021-04-15",
		"dialect-base.schema.json": "https://spec.openapis.org/oas/3.1/dialect/base",
		"meta-base.schema.json":    "https://spec.openapis.org/oas/3.1/meta/base",
	} {
		AddSchemaFile(t, c, filepath.Join(dir, name), id)
	}
	s, err := c.Compile("https://spec.openapis.org/oas/3.1/schema-base/2021-04-15")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// AddSchemaFile adds the JSON Schema document in file to c under id.
func AddSchemaFile(t testing.TB, c *jsonschema.Compiler, file, id string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
}
