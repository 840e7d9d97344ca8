package bpmn

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead: the reader and the linter never panic, whatever the input.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.bpmn")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte(head + `<process id="P"><startEvent id="S"/><sequenceFlow id="F" sourceRef="S" targetRef="S"/></process></definitions>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := ReadBytes(data, "fuzz", ReadOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		Lint(d, LintOptions{})
	})
}
