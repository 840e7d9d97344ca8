package kosit_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/kosit"
)

// FuzzLoad reads arbitrary scenarios.xml text: never a panic, and an
// error is always a *ConfigError naming the file.
func FuzzLoad(f *testing.F) {
	for _, p := range []string{"testdata/mini/scenarios.xml", "../../examples/kosit/xrechnung/scenarios.xml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<scenarios xmlns="http://www.xoev.de/de/validator/framework/1/scenarios"><scenario><match>(</match></scenario></scenarios>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "scenarios.xml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := kosit.Load(context.Background(), p, kosit.Options{Properties: map[string]string{"mini.profile": "x"}})
		var ce *kosit.ConfigError
		if err != nil && (!errors.As(err, &ce) || ce.File != p) {
			t.Errorf("error %v is not a *ConfigError naming %s", err, p)
		}
	})
}

// FuzzReadProperties reads arbitrary properties files without a panic.
func FuzzReadProperties(f *testing.F) {
	f.Add([]byte("a=1\nb=${a}\\\n .2\n# c\nd: \\u00e4\n"))
	f.Add([]byte("x=${x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "p.properties")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = kosit.ReadProperties(p)
	})
}
