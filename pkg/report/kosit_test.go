package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

func kositReport(matched bool) *finding.Report {
	a := &finding.Assessment{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), DocumentHash: "AAEC"}
	if matched {
		a.Scenario = "Order <1.0>"
		a.ScenarioXML = `<s:scenario xmlns:s="http://www.xoev.de/de/validator/framework/1/scenarios"><s:name>Order &lt;1.0&gt;</s:name></s:scenario>`
		a.Steps = []finding.AssessmentStep{
			{ID: "val-xsd", Valid: true, Resources: []finding.AssessmentResource{{Name: "Schema", Location: "resources/order.xsd"}}},
			{ID: "val-sch.1", Resources: []finding.AssessmentResource{{Name: "Rules", Location: "resources/order.xsl"}}, Messages: []finding.AssessmentMessage{
				{Level: "error", CustomLevel: "warning", Finding: finding.Finding{Rule: "ORD-2", Severity: finding.Warning, Message: `currency "USD" & more`, Line: 3, Path: "/o:order[1]"}},
				{Level: "warning", CustomLevel: "error", Finding: finding.Finding{Rule: "ORD-3", Severity: finding.Error, Msg: msgSample.With("x"), Line: 4, Column: 2}},
			}},
		}
	} else {
		a.Steps = []finding.AssessmentStep{{ID: "val-xml", Messages: []finding.AssessmentMessage{
			{Level: "error", CustomLevel: "error", Finding: finding.Finding{Rule: "xml:not-well-formed", Severity: finding.Error, Message: "broken", Line: 7}}}}}
	}
	return &finding.Report{Tool: "ozgctl", Version: "test", Files: []finding.FileResult{{File: "msgs/a.xml", Assessment: a}}}
}

func TestKoSIT(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	for _, tc := range []struct {
		name    string
		matched bool
		lang    string
	}{{"kosit", true, "de"}, {"kosit.en", true, "en"}, {"kosit-no-scenario", false, "de"}} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := KoSIT(&b, kositReport(tc.matched), Options{Lang: tc.lang}); err != nil {
				t.Fatal(err)
			}
			g.Assert(t, tc.name, b.Bytes())
		})
	}
}

func TestKoSITErrors(t *testing.T) {
	two := kositReport(true)
	two.Files = append(two.Files, two.Files[0])
	none := kositReport(true)
	none.Files[0].Assessment = nil
	for name, tc := range map[string]struct {
		r    *finding.Report
		want string
	}{
		"several":       {two, "the kosit format holds one message per report, this run has 2: write one file per message with --report kosit=DIR"},
		"no assessment": {none, "no KoSIT report for msgs/a.xml: check it with --kosit-config DIR"},
	} {
		t.Run(name, func(t *testing.T) {
			err := KoSIT(&bytes.Buffer{}, tc.r, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}
