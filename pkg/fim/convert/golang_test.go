package convert

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoBuilds compiles the Go output of every corpus schema in one
// temporary module (one package per schema) and runs a program that
// decodes each JSON sample into the root type with unknown fields
// disallowed, so the Go types and the samples agree.
func TestGoBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("go build of generated code skipped in -short mode")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.org/generated\n\ngo 1.22\n"), 0o644)
	var imports, checks strings.Builder
	for i, in := range corpusInputs(t) {
		for _, keys := range []KeyStyle{KeysID, KeysName} {
			pkg := fmt.Sprintf("p%d%s", i, keys)
			c, ok := load(t, in, Options{Keys: keys, Package: pkg})
			if !ok {
				continue
			}
			out, err := c.Convert("go")
			if err != nil {
				t.Fatalf("%s: %v", in.name, err)
			}
			if f, err := format.Source(out); err != nil || !bytes.Equal(f, out) {
				t.Errorf("%s: Go output is not gofmt-formatted (%v)", in.name, err)
			}
			os.MkdirAll(filepath.Join(dir, pkg), 0o755)
			os.WriteFile(filepath.Join(dir, pkg, "types.go"), out, 0o644)
			fmt.Fprintf(&imports, "\t%q\n", "example.org/generated/"+pkg)
			inst, err := c.Sample("json", SampleFull)
			var se *SampleError
			if errors.As(err, &se) {
				fmt.Fprintf(&checks, "\t_ = %s.%s{}\n", pkg, c.m.names().root)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&checks, "\tcheck(%q, %q, &%s.%s{})\n", in.name, inst, pkg, c.m.names().root)
		}
	}
	main := "package main\n\nimport (\n\t\"bytes\"\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"os\"\n" + imports.String() + ")\n\n" +
		"func check(name, sample string, v any) {\n\td := json.NewDecoder(bytes.NewReader([]byte(sample)))\n\td.DisallowUnknownFields()\n" +
		"\tif err := d.Decode(v); err != nil {\n\t\tfmt.Println(name, err)\n\t\tos.Exit(1)\n\t}\n}\n\nfunc main() {\n" + checks.String() + "}\n"
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644)
	for _, args := range [][]string{{"vet", "./..."}, {"run", "."}} {
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "CGO_ENABLED=0")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, msg)
		}
	}
}

// TestGoIdentifier: goKeyword and goIdentifier agree with go/token.
func TestGoIdentifier(t *testing.T) {
	for _, s := range []string{"", "antrag", "_x", "x1", "1x", "func", "type", "Type", "ä", "a-b", "π2", "import", "any", "x y"} {
		if got, want := goKeyword(s), token.IsKeyword(s); got != want {
			t.Errorf("goKeyword(%q) = %v, want %v", s, got, want)
		}
		if got, want := goIdentifier(s), token.IsIdentifier(s); got != want {
			t.Errorf("goIdentifier(%q) = %v, want %v", s, got, want)
		}
	}
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		if tok.IsKeyword() && !goKeyword(tok.String()) {
			t.Errorf("goKeyword(%q) = false", tok)
		}
	}
}
