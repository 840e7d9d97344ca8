package report

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// KoSIT renders the report of the one message of r in the KoSIT
// validator's report format (VARL, namespace
// http://www.xoev.de/de/validator/varl/1): the scenario, the validation
// steps with their messages and the assessment (accept or reject). The
// KoSIT validator writes one report per message; so does this format: a
// report of several messages is an error that says to write one file per
// message (check --report kosit=DIR).
func KoSIT(w io.Writer, r *finding.Report, opts Options) error {
	if len(r.Files) != 1 {
		return fmt.Errorf("the kosit format holds one message per report, this run has %d: write one file per message with --report kosit=DIR", len(r.Files))
	}
	engine := r.Tool
	if r.Version != "" {
		engine += " " + r.Version
	}
	return VARL(w, &r.Files[0], engine, opts.Lang)
}

// VARL writes the VARL report of one message from its Assessment; engine
// names the tool in rep:engine, lang is the language of the messages. A
// result without an Assessment (not checked with a KoSIT configuration,
// or not readable) is an error.
func VARL(w io.Writer, fr *finding.FileResult, engine, lang string) error {
	a := fr.Assessment
	if a == nil {
		if fr.Err != nil {
			return fmt.Errorf("no KoSIT report for %s: %s", fr.File, fr.ErrText(lang))
		}
		return fmt.Errorf("no KoSIT report for %s: check it with --kosit-config DIR", fr.File)
	}
	if a.Scenario != "" && a.ScenarioXML == "" {
		// Read back from JSON (report merge): the steps' messages are gone.
		return fmt.Errorf("no KoSIT report for %s: the JSON report does not carry the validation steps' messages; write --report kosit=DIR/ in the check run itself", fr.File)
	}
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p(`<rep:report xmlns:rep="http://www.xoev.de/de/validator/varl/1" xmlns:s="http://www.xoev.de/de/validator/framework/1/scenarios" varlVersion="1.0.0" valid="%t">`+"\n", a.Valid)
	p("  <rep:engine><rep:name>%s</rep:name></rep:engine>\n", text(engine))
	p("  <rep:timestamp>%s</rep:timestamp>\n", a.Time.UTC().Format(time.RFC3339))
	p("  <rep:documentIdentification><rep:documentHash><rep:hashAlgorithm>SHA-256</rep:hashAlgorithm><rep:hashValue>%s</rep:hashValue></rep:documentHash><rep:documentReference>%s</rep:documentReference></rep:documentIdentification>\n",
		a.DocumentHash, text(fr.File))
	step := func(s finding.AssessmentStep) {
		p("    <rep:validationStepResult id=%q valid=\"%t\">\n", s.ID, s.Valid)
		for _, r := range s.Resources {
			p("      <s:resource><s:name>%s</s:name><s:location>%s</s:location></s:resource>\n", text(r.Name), text(r.Location))
		}
		for i, m := range s.Messages {
			f := m.Finding
			code := messageCode(f.Rule)
			p("      <rep:message id=\"%s.%d\" code=\"%s\" level=%q", s.ID, i+1, attr(code), m.Level)
			if f.Line > 0 {
				p(" lineNumber=\"%d\"", f.Line)
			}
			if f.Column > 0 {
				p(" columnNumber=\"%d\"", f.Column)
			}
			if f.Path != "" {
				p(" xpathLocation=\"%s\"", attr(f.Path))
			}
			p(">%s</rep:message>\n", text(f.Text(lang)))
		}
		p("    </rep:validationStepResult>\n")
	}
	if a.Scenario != "" {
		p("  <rep:scenarioMatched>\n    %s\n", a.ScenarioXML)
		for _, s := range a.Steps {
			step(s)
		}
		p("  </rep:scenarioMatched>\n")
	} else {
		p("  <rep:noScenarioMatched>\n")
		for _, s := range a.Steps {
			if s.ID == "val-xml" {
				step(s)
				break
			}
		}
		p("  </rep:noScenarioMatched>\n")
	}
	verdict := "reject"
	if a.Accept {
		verdict = "accept"
	}
	p("  <rep:assessment><rep:%s><rep:explanation>", verdict)
	kositHTML(&b, fr, a, engine, lang)
	p("</rep:explanation></rep:%s></rep:assessment>\n", verdict)
	p("</rep:report>\n")
	_, err := w.Write(b.Bytes())
	return err
}
