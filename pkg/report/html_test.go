package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

func TestHTMLSelfContained(t *testing.T) {
	r := &finding.Report{Tool: "ozgctl", Version: "test", Command: "ozgctl check x.xml", Files: []finding.FileResult{
		{File: "a<b>.xml", Identity: &finding.Identity{Root: "r", Namespace: "urn:x", Header: finding.Header{NachrichtenUUID: "u-1", Autor: "A & B"}},
			Engines: []string{"xsd:jacoelho"},
			Findings: []finding.Finding{{Rule: "xsd:facet", Severity: finding.Error, Message: `value "<script>alert(1)</script>"`, Line: 3, Column: 4, Path: "/r/x"},
				{Rule: "BR-1", Severity: finding.Error, Message: "m", Line: 5, Path: "/r", Test: "count(x) < 2", Related: []finding.Position{{File: "rules.sch", Line: 12}}}}},
		{File: "ok.xml"},
		{File: "gone.xml", Err: errors.New("open gone.xml: no such file")},
	}}
	for _, lang := range []string{"de", "en"} {
		var buf bytes.Buffer
		if err := renderHTML(&buf, r, Options{Lang: lang, ExitCode: 2}); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		for _, bad := range []string{"<script", "<link", "src=", "http://", "https://"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: page contains %q; it must be self-contained and escaped", lang, bad)
			}
		}
		for _, want := range []string{"<!DOCTYPE html>", "a&lt;b&gt;.xml", "xsd:facet", "<dt>autor</dt><dd>A &amp; B</dd><dt>nachrichtenUUID</dt><dd>u-1</dd>", "3:4", "/r/x", "gone.xml", "xsd:jacoelho", "count(x) &lt; 2", "rules.sch:12"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: page lacks %q", lang, want)
			}
		}
	}
	if _, err := Lookup("html"); err != nil {
		t.Errorf("html not registered: %v", err)
	}
}
