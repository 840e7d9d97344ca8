package convert

import (
	"errors"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestAjv compiles every generated JSON Schema with ajv (2020-12, strict
// mode, formats asserted) and validates the three JSON samples: a second,
// independent JSON Schema implementation next to santhosh-tekuri/jsonschema.
func TestAjv(t *testing.T) {
	lookTool(t, "node", "apt-get install nodejs")
	modules := filepath.Join(moduleRoot(t), ".cache", "npm", "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "ajv", "dist", "2020.js")); err != nil {
		testenv.Missing(t, "ajv under .cache/npm", "npm install --prefix .cache/npm ajv ajv-formats, as .ci/run does")
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "ajv", "validate.mjs"))
	dir := t.TempDir()
	args := []string{script, modules}
	for i, in := range corpusInputs(t) {
		c, ok := load(t, in, Options{})
		if !ok {
			continue
		}
		schema, err := c.Convert("jsonschema")
		if err != nil {
			t.Fatal(err)
		}
		sp := filepath.Join(dir, fmt.Sprintf("%d.schema.json", i))
		os.WriteFile(sp, schema, 0o644)
		group := sp
		for _, mode := range []SampleMode{SampleMinimal, SampleDefault, SampleFull} {
			inst, err := c.Sample("json", mode)
			var se *SampleError
			if errors.As(err, &se) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			ip := filepath.Join(dir, fmt.Sprintf("%d.%s.json", i, mode))
			os.WriteFile(ip, inst, 0o644)
			group += "," + ip
		}
		args = append(args, group)
	}
	if msg, err := exec.Command("node", args...).CombinedOutput(); err != nil {
		t.Errorf("ajv: %v\n%s", err, msg)
	}
}
