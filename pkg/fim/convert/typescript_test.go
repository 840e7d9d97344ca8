package convert

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTypeScriptCompiles type-checks the TypeScript output of every corpus
// schema with tsc --strict, together with the JSON sample assigned to the
// root interface (so the types and the samples agree).
func TestTypeScriptCompiles(t *testing.T) {
	tsc := npmTool(t, "tsc", "npm install --prefix .cache/npm typescript")
	dir := t.TempDir()
	var files []string
	for i, in := range corpusInputs(t) {
		for _, keys := range []KeyStyle{KeysID, KeysName} {
			c, ok := load(t, in, Options{Keys: keys})
			if !ok {
				continue
			}
			out, err := c.Convert("typescript")
			if err != nil {
				t.Fatalf("%s: %v", in.name, err)
			}
			base := fmt.Sprintf("s%d%s", i, keys)
			os.WriteFile(filepath.Join(dir, base+".ts"), out, 0o644)
			files = append(files, filepath.Join(dir, base+".ts"))
			inst, err := c.Sample("json", SampleFull)
			var se *SampleError
			if errors.As(err, &se) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			src := fmt.Sprintf("import type { %s } from \"./%s\";\n\nexport const sample: %s = %s;\n", c.m.names().root, base, c.m.names().root, inst)
			os.WriteFile(filepath.Join(dir, base+"_sample.ts"), []byte(src), 0o644)
			files = append(files, filepath.Join(dir, base+"_sample.ts"))
		}
	}
	args := append([]string{"--strict", "--noEmit", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler"}, files...)
	cmd := exec.Command(tsc, args...)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tsc: %v\n%s", err, msg)
	}
}
