package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// nsSVRL is the namespace of the Schematron Validation Report Language.
const nsSVRL = "http://purl.oclc.org/dsdl/svrl"

// msgNotCheckable is the comment for a file that could not be checked.
const msgNotCheckable finding.Key = "report.svrl-not-checkable"

// svrlForms holds the message forms of the keys above.
var svrlForms = []finding.Form{
	{Key: msgNotCheckable, DE: "nicht prüfbar: %s", EN: "could not be checked: %s"},
}

func init() { finding.Forms(svrlForms) }

// renderSVRL renders the report as ISO Schematron SVRL, so that tools built for
// Schematron output can read it. Each checked file starts an
// svrl:active-pattern whose document attribute names the file, followed
// by one svrl:fired-rule and a svrl:failed-assert per finding (id = rule,
// flag = severity, location = path, test = the Schematron test where the
// finding has one; the text holds the message, the line and the source
// engine). Findings of every engine are included, so an
// XSD error appears next to Schematron asserts. A file that could not be
// checked is an XML comment.
func renderSVRL(w io.Writer, r *finding.Report, opts Options) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svrl:schematron-output xmlns:svrl="` + nsSVRL + `" title="` + attr(r.Tool) + `" schemaVersion="` + attr(r.Version) + `">` + "\n")
	for i := range r.Files {
		fr := &r.Files[i]
		if fr.Err != nil {
			b.WriteString("  <!-- " + strings.ReplaceAll(fr.File+": "+msgNotCheckable.With(fr.ErrText(opts.Lang)).Text(opts.Lang), "--", "- -") + " -->\n")
			continue
		}
		name := "ozgctl"
		if fr.Identity != nil && fr.Identity.Profile != "" {
			name = fr.Identity.Profile
		}
		b.WriteString(`  <svrl:active-pattern document="` + attr(fr.File) + `" name="` + attr(name) + `"/>` + "\n")
		b.WriteString(`  <svrl:fired-rule context="/"/>` + "\n")
		for _, f := range fr.Findings {
			if f.Suppressed != nil {
				// An SVRL consumer takes every failed-assert as a failure:
				// a suppressed finding is only a comment.
				b.WriteString("  <!-- " + strings.ReplaceAll(f.Rule+" "+f.Path+": "+suppressionMarker(f.Suppressed, opts.Lang), "--", "- -") + " -->\n")
				continue
			}
			loc := f.Path
			if loc == "" {
				loc = "/"
			}
			b.WriteString(`  <svrl:failed-assert id="` + attr(f.Rule) + `" flag="` + attr(f.Severity.String()) + `" location="` + attr(loc) + `" test="` + attr(f.Test) + `">` + "\n")
			b.WriteString("    <svrl:text>" + text(f.Text(opts.Lang)) + "</svrl:text>\n")
			var extra []string
			if file := findingFile(fr, &f); file != fr.File {
				extra = append(extra, "file "+file)
			}
			if f.Line > 0 {
				extra = append(extra, "line "+itoa(f.Line))
			}
			if f.Source != "" {
				extra = append(extra, "source "+f.Source)
			}
			if len(extra) > 0 {
				b.WriteString(`    <svrl:diagnostic-reference diagnostic="ozgctl">` + text(strings.Join(extra, ", ")) + "</svrl:diagnostic-reference>\n")
			}
			b.WriteString("  </svrl:failed-assert>\n")
		}
	}
	b.WriteString("</svrl:schematron-output>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func attr(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}

func text(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
