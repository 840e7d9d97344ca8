// Copyright 2019 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package template_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Issue 36021: verify that text/template doesn't prevent the linker from removing
// unused methods.
//
// ozgctl: the program executes a template through html/template, which the
// standard library's copy would let keep every exported method (its
// evalField calls reflect.Value.MethodByName); this copy calls no methods,
// so the unused exported method must be gone. It is built as a module that
// points the carried module's path here with a replace directive.
func TestLinkerGC(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in short mode")
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		t.Skipf("no go tool: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	const prog = `package main

import (
	"os"

	"github.com/ozgctl/stdtemplate/html/template"
)

type T struct{ Name string }

func (t *T) Unused() { println("THIS SHOULD BE ELIMINATED") }
func (t *T) Used()   {}

var sink *T

func main() {
	t := T{Name: "x"}
	sink = &t
	t.Used()
	tmpl := template.Must(template.New("x").Parse("<p>{{.Name}}</p>"))
	if err := tmpl.Execute(os.Stdout, sink); err != nil {
		panic(err)
	}
}
`
	const mod = "module x\n\ngo 1.26\n\nrequire github.com/ozgctl/stdtemplate v0.0.0\n\n" +
		"replace github.com/ozgctl/stdtemplate => "
	td := t.TempDir()
	if err := os.WriteFile(filepath.Join(td, "x.go"), []byte(prog), 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(td, "go.mod"), []byte(mod+root+"\n"), 0644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "build", "-o", "x.exe", ".")
	cmd.Dir = td
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v, %s", err, out)
	}
	slurp, err := os.ReadFile(filepath.Join(td, "x.exe"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(slurp, []byte("THIS SHOULD BE ELIMINATED")) {
		t.Error("binary contains code that should be deadcode eliminated")
	}
}
