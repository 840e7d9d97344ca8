package report

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// TestJUnitAgainstJenkinsXSD validates the JUnit output of every kind of
// run against the JUnit format Jenkins reads (testdata/junit-jenkins.xsd,
// see its ORIGIN note) with ozgctl's own XSD engine, and checks that
// testcases carry what GitLab and Jenkins show: time, classname, file.
func TestJUnitAgainstJenkinsXSD(t *testing.T) {
	ctx := context.Background()
	set, err := xoev.LoadSchemaSet(ctx, "testdata/junit-jenkins.xsd", xoev.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	stdin := &finding.Report{Files: []finding.FileResult{{File: "-", Duration: time.Second}}}
	for name, r := range map[string]*finding.Report{
		"sample": sampleReport(), "interrupted": interruptedReport(), "suppressed": suppressedReport(),
		"empty": {}, "stdin": stdin,
	} {
		for _, lang := range []string{"de", "en"} {
			t.Run(name+"-"+lang, func(t *testing.T) {
				var buf bytes.Buffer
				if err := renderJUnit(&buf, r, Options{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				fs, err := set.Validate(ctx, name+".xml", bytes.NewReader(buf.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range fs {
					t.Errorf("%d:%d: %s: %s", f.Line, f.Column, f.Rule, f.Text("en"))
				}
				// Every testcase has time and classname; file all but the
				// one that stands for an interrupted run.
				cases := strings.Count(buf.String(), "<testcase ")
				for _, attr := range []string{` time="`, ` classname="`, ` file="`} {
					want := cases
					if attr == ` file="` {
						want -= strings.Count(buf.String(), `<testcase name="run"`)
					}
					if n := strings.Count(buf.String(), attr); n < want {
						t.Errorf("%d testcases, %d with%s", cases, n, attr)
					}
				}
			})
		}
	}
	// The oracle refuses what Jenkins refuses.
	for name, doc := range map[string]string{
		"testcase without name":   `<testsuites><testsuite tests="1"><testcase classname="a"/></testsuite></testsuites>`,
		"testsuite without tests": `<testsuites><testsuite name="a"/></testsuites>`,
		"unknown attribute":       `<testsuites><testsuite tests="1"><testcase name="a" severity="error"/></testsuite></testsuites>`,
		"unknown element":         `<testsuites><testsuite tests="1"><testcase name="a"><warning/></testcase></testsuite></testsuites>`,
	} {
		fs, err := set.Validate(ctx, name, strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
}
