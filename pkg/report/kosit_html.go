package report

import (
	"bytes"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// The texts of the HTML explanation in a KoSIT report, after the
// validator's default-report.xsl (German) with English forms.
const (
	kTitle        finding.Key = "report.kosit.title"
	kDoc          finding.Key = "report.kosit.document"
	kRef          finding.Key = "report.kosit.reference"
	kTime         finding.Key = "report.kosit.time"
	kType         finding.Key = "report.kosit.type"
	kUnknown      finding.Key = "report.kosit.unknown"
	kConformance  finding.Key = "report.kosit.conformance"
	kConform      finding.Key = "report.kosit.conform"
	kNotConform   finding.Key = "report.kosit.not-conform"
	kNoType       finding.Key = "report.kosit.no-type"
	kOverview     finding.Key = "report.kosit.overview"
	kStep         finding.Key = "report.kosit.step"
	kErrors       finding.Key = "report.kosit.errors"
	kWarnings     finding.Key = "report.kosit.warnings"
	kInfos        finding.Key = "report.kosit.infos"
	kDetails      finding.Key = "report.kosit.details"
	kPos          finding.Key = "report.kosit.pos"
	kCode         finding.Key = "report.kosit.code"
	kLevel        finding.Key = "report.kosit.level"
	kText         finding.Key = "report.kosit.text"
	kPath         finding.Key = "report.kosit.path"
	kLine         finding.Key = "report.kosit.line"
	kColumn       finding.Key = "report.kosit.column"
	kRejectNoScen finding.Key = "report.kosit.reject-no-scenario"
	kAccept       finding.Key = "report.kosit.accept"
	kTolerated    finding.Key = "report.kosit.accept-tolerated"
	kReject       finding.Key = "report.kosit.reject"
	kEpilog       finding.Key = "report.kosit.epilog"
)

// kositHTMLForms holds the message forms of the keys above.
var kositHTMLForms = []finding.Form{
	{Key: kAccept, DE: "Bewertung: Es wird empfohlen das Dokument anzunehmen und weiter zu verarbeiten.", EN: "Assessment: it is recommended to accept and process the document."},
	{Key: kTolerated, DE: "Bewertung: Es wird empfohlen das Dokument anzunehmen und zu verarbeiten, da die vorhandenen Fehler derzeit toleriert werden.", EN: "Assessment: it is recommended to accept and process the document, as its errors are tolerated at present."},
	{Key: kCode, DE: "Code", EN: "Rule"},
	{Key: kColumn, DE: " Spalte: %d", EN: " Column: %d"},
	{Key: kConform, DE: "Das geprüfte Dokument enthält weder Fehler noch Warnungen. Es ist konform zu den formalen Vorgaben.", EN: "The checked document contains neither errors nor warnings. It conforms to the formal requirements."},
	{Key: kConformance, DE: "Konformitätsprüfung: ", EN: "Conformance: "},
	{Key: kDetails, DE: "Validierungsergebnisse im Detail:", EN: "Validation results in detail:"},
	{Key: kDoc, DE: "Angaben zum geprüften Dokument", EN: "The checked document"},
	{Key: kEpilog, DE: "Dieser Prüfbericht wurde erstellt mit %s.", EN: "This report was made with %s."},
	{Key: kErrors, DE: "Fehler", EN: "Errors"},
	{Key: kInfos, DE: "Informationen", EN: "Information"},
	{Key: kLevel, DE: "Adj. Grad", EN: "Adj. level"},
	{Key: kLine, DE: " Zeile: %d", EN: " Line: %d"},
	{Key: kNoType, DE: "Das geprüfte Dokument entspricht keinem zulässigen Dokumenttyp und ist damit nicht konform zu den formalen Vorgaben.", EN: "The checked document is of no admissible document type and so does not conform to the formal requirements."},
	{Key: kNotConform, DE: "Das geprüfte Dokument enthält %d Fehler / %d Warnungen. Es ist nicht konform zu den formalen Vorgaben.", EN: "The checked document contains %d errors / %d warnings. It does not conform to the formal requirements."},
	{Key: kOverview, DE: "Übersicht der Validierungsergebnisse:", EN: "Validation results, overview:"},
	{Key: kPath, DE: "Pfad: %s", EN: "Path: %s"},
	{Key: kPos, DE: "Pos", EN: "Position"},
	{Key: kRef, DE: "Referenz:", EN: "Reference:"},
	{Key: kReject, DE: "Bewertung: Es wird empfohlen das Dokument zurückzuweisen.", EN: "Assessment: it is recommended to reject the document."},
	{Key: kRejectNoScen, DE: "Bewertung: Es wird empfohlen das Dokument zurückzuweisen. Da kein Pruefszenario gegriffen hat.", EN: "Assessment: it is recommended to reject the document, as no validation scenario applied."},
	{Key: kStep, DE: "Prüfschritt", EN: "Validation step"},
	{Key: kText, DE: "Text", EN: "Message"},
	{Key: kTime, DE: "Zeitpunkt der Prüfung:", EN: "Checked at:"},
	{Key: kTitle, DE: "Prüfbericht", EN: "Validation report"},
	{Key: kType, DE: "Erkannter Dokumenttyp:", EN: "Document type recognised:"},
	{Key: kUnknown, DE: "unbekannt", EN: "unknown"},
	{Key: kWarnings, DE: "Warnungen", EN: "Warnings"},
}

func init() { finding.Forms(kositHTMLForms) }

const kositStyle = `body{font-family:Calibri,sans-serif;width:230mm}.metadata dt{float:left;width:230px;clear:left}.metadata dd{margin-left:250px}table{border-collapse:collapse;width:100%}table.tbl-errors{font-size:smaller}.tbl-errors td{border:1px solid lightgray;padding:2px;vertical-align:top}thead{font-weight:bold;background-color:#f0f0f0}tr{vertical-align:bottom;border-bottom:1px solid #c0c0c0}.error{color:red}p.important{font-weight:bold;background-color:#e0e0e0;padding:3pt}`

// kositHTML writes the HTML explanation of a KoSIT report (rep:explanation),
// laid out as the validator's default-report.xsl lays it out: document
// metadata, conformance, an overview and a detail table of the messages
// (rows classed by their level after customLevel) and the recommendation.
func kositHTML(b *bytes.Buffer, fr *finding.FileResult, a *finding.Assessment, engine, lang string) {
	t := func(k finding.Key, args ...any) string { return text(k.With(args...).Text(lang)) }
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	var e1, e2, w, msgs int
	for _, s := range a.Steps {
		for _, m := range s.Messages {
			msgs++
			switch m.Level {
			case "error":
				e1++
			case "warning":
				w++
			}
			if m.CustomLevel == "error" {
				e2++
			}
		}
	}
	p(`<html xmlns="http://www.w3.org/1999/xhtml" data-report-type="report"><head><title>%s</title><meta charset="utf-8"/><style>%s</style></head><body>`, t(kTitle), kositStyle)
	p(`<h1>%s</h1>`, t(kTitle))
	p(`<div class="metadata"><p class="important">%s</p><dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>`,
		t(kDoc), t(kRef), text(fr.File), t(kTime), a.Time.UTC().Format("2.1.2006 15:04:05"), t(kType))
	if a.Scenario != "" {
		p(`%s`, text(a.Scenario))
	} else {
		p(`<b class="error">%s</b>`, t(kUnknown))
	}
	p(`</dd></dl></div>`)
	switch {
	case a.Scenario == "":
		p(`<p class="important"><b>%s</b>%s</p>`, t(kConformance), t(kNoType))
	case e1+w == 0:
		p(`<p class="important"><b>%s</b>%s</p>`, t(kConformance), t(kConform))
	default:
		p(`<p class="important"><b>%s</b>%s</p>`, t(kConformance), t(kNotConform, e1, w))
	}
	if msgs > 0 {
		p(`<p>%s</p><table class="tbl-errors"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>`,
			t(kOverview), t(kStep), t(kErrors), t(kWarnings), t(kInfos))
		for _, s := range a.Steps {
			count := map[string]int{}
			for _, m := range s.Messages {
				count[m.Level]++
			}
			name := ""
			if len(s.Resources) > 0 {
				name = s.Resources[0].Name + " "
			}
			p(`<tr><td>%s(%s)</td><td>%d</td><td>%d</td><td>%d</td></tr>`, text(name), s.ID, count["error"], count["warning"], count["information"])
		}
		p(`</tbody></table><p>%s</p><table class="tbl-errors"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>`,
			t(kDetails), t(kPos), t(kCode), t(kLevel), t(kText))
		for _, s := range a.Steps {
			for i, m := range s.Messages {
				f := m.Finding
				p(`<tr class="%s"><td rowspan="2">%s.%d</td><td rowspan="2">%s</td><td rowspan="2">%s</td><td>%s</td></tr>`,
					m.CustomLevel, s.ID, i+1, text(messageCode(f.Rule)), m.CustomLevel, text(f.Text(lang)))
				where := ""
				if f.Path != "" {
					where += kPath.With(f.Path).Text(lang)
				}
				if f.Line > 0 {
					where += kLine.With(f.Line).Text(lang)
				}
				if f.Column > 0 {
					where += kColumn.With(f.Column).Text(lang)
				}
				p(`<tr class="%s"><td>%s</td></tr>`, m.CustomLevel, text(where))
			}
		}
		p(`</tbody></table>`)
	}
	switch {
	case a.Scenario == "":
		p(`<p class="important error">%s</p>`, t(kRejectNoScen))
	case e1 == 0 && e2 == 0:
		p(`<p class="important">%s</p>`, t(kAccept))
	case e2 == 0:
		p(`<p class="important">%s</p>`, t(kTolerated))
	default:
		p(`<p class="important error">%s</p>`, t(kReject))
	}
	p(`<p class="info">%s</p></body></html>`, t(kEpilog, engine))
}

// messageCode is the code of a finding in a KoSIT report: the rule, without
// ozgctl's "xsd:" prefix (KoSIT's codes are Xerces' cvc-… keys).
func messageCode(rule string) string {
	if len(rule) > 4 && rule[:4] == "xsd:" {
		return rule[4:]
	}
	if rule == "" {
		return "UNSPECIFIC"
	}
	return rule
}
