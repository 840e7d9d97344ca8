package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

// TestCheckLimits runs check over messages with large text nodes and deep
// nesting on every path that reads them (XSD, Schematron, profile): below
// the limits they pass, above them the finding is xml:limit naming the
// limit, its value and the flag, never xml:not-well-formed; the flags raise
// them (issue 10, item 2).
func TestCheckLimits(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	xsd := write("attachments.xsd", must(os.ReadFile(filepath.Join(repo, "pkg/xoev/testdata/limits/attachments.xsd"))))
	sch := write("rules.sch", []byte(`<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="t" uri="urn:ozgctl:test:anhang"/>
  <pattern><rule context="t:nachricht"><assert id="R-1" test="true()">x</assert></rule></pattern>
</schema>`))
	profile := write("profile.yaml", []byte(`id: limits
title: limits
standard: Test
version: "1"
match:
  - {namespace: "urn:ozgctl:test:anhang", root: nachricht}
schema:
  xsd: attachments.xsd
schematron:
  - file: rules.sch
`))
	text := func(name string, size int) string {
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<t:nachricht xmlns:t="urn:ozgctl:test:anhang">` + "\n  <t:anhang>")
		b.Write(bytes.Repeat([]byte("QUJD"), size/4))
		b.WriteString("</t:anhang>\n</t:nachricht>\n")
		return write(name, b.Bytes())
	}
	deep := func(name string, depth int) string {
		n := depth - 1
		return write(name, []byte(`<t:nachricht xmlns:t="urn:ozgctl:test:anhang">`+strings.Repeat("<t:gruppe>", n)+strings.Repeat("</t:gruppe>", n)+"</t:nachricht>\n"))
	}
	big := text("anhang-11mib.xml", 11<<20)
	deep300 := deep("tief-300.xml", 300)

	run := func(args ...string) (int, string, string) {
		t.Helper()
		ios, _, out, errOut := iostreams.Test()
		code := Main(append([]string{"check"}, args...), ios)
		return code, out.String(), errOut.String()
	}
	for _, path := range []struct {
		name string
		args []string
	}{
		{"xsd", []string{"--xsd", xsd}},
		{"schematron", []string{"--schematron", sch}},
		{"profile", []string{"--profile", profile}},
	} {
		t.Run(path.name, func(t *testing.T) {
			if code, out, errOut := run(append(path.args, big)...); code != ExitOK {
				t.Errorf("11 MiB text node: exit %d, want 0\n%s%s", code, out, errOut)
			}
			code, out, _ := run(append(path.args, "--max-text-size", "1MiB", big)...)
			if code != ExitFindings || strings.Count(out, "error xml:limit") != 1 || strings.Contains(out, "not-well-formed") ||
				!strings.Contains(out, "1 MiB (--max-text-size)") || !strings.Contains(out, "anhang-11mib.xml:3:") {
				t.Errorf("--max-text-size 1MiB: exit %d, want 1 and one xml:limit naming 1 MiB and the flag on line 3\n%s", code, out)
			}
			code, out, _ = run(append(path.args, deep300)...)
			if code != ExitFindings || strings.Count(out, "error xml:limit") != 1 || strings.Contains(out, "not-well-formed") ||
				!strings.Contains(out, "256 Ebenen (--max-depth)") {
				t.Errorf("300 levels: exit %d, want 1 and one xml:limit naming 256 and --max-depth\n%s", code, out)
			}
			if code, out, errOut := run(append(path.args, "--max-depth", "400", deep300)...); code != ExitOK {
				t.Errorf("--max-depth 400: exit %d, want 0\n%s%s", code, out, errOut)
			}
		})
	}
	if code, _, errOut := run("--xsd", xsd, "--max-text-size", "viel", big); code != ExitError || !strings.Contains(errOut, "--max-text-size") {
		t.Errorf("--max-text-size viel: exit %d, want %d naming the flag\n%s", code, ExitError, errOut)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
