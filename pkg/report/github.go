package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Texts of the github format, in German and English.
const (
	msgGitHubCapped     finding.Key = "report.github.capped"
	msgGitHubSuppressed finding.Key = "report.github.suppressed"
	msgGitHubInputError finding.Key = "report.github.input-error"
)

// githubForms holds the message forms of the keys above.
var githubForms = []finding.Form{
	{Key: msgGitHubCapped,
		DE: "%d weitere Befunde nicht als Annotation ausgegeben (Grenze --max-annotations %d): %d Fehler, %d Warnungen, %d Hinweise",
		EN: "%d more findings not annotated (limit --max-annotations %d): %d errors, %d warnings, %d infos"},
	{Key: msgGitHubInputError, DE: "nicht prüfbar", EN: "input error"},
	{Key: msgGitHubSuppressed,
		DE: "%d Befunde unterdrückt (Baseline oder ignore-Einträge), nicht annotiert",
		EN: "%d findings suppressed (baseline or ignore entries), not annotated"},
}

func init() { finding.Forms(githubForms) }

// renderGitHub renders GitHub Actions workflow commands: one ::error, ::warning
// or ::notice annotation per finding (by severity) with file, line, column
// and the rule as title, grouped per input file (::group::). At most
// [Options.MaxAnnotations] annotations are written; a notice says how many
// were left out. Suppressed findings are not annotated but counted. The
// run ends with the text format's summary line.
func renderGitHub(w io.Writer, r *finding.Report, opts Options) error {
	bw := bufio.NewWriter(w)
	limit := opts.MaxAnnotations
	if limit == 0 {
		limit = DefaultMaxAnnotations
	}
	written := 0
	var left [finding.Error + 1]int
	leftOut := 0
	emit := func(s finding.Severity) bool {
		if limit < 0 || written < limit {
			written++
			return true
		}
		leftOut++
		left[s]++
		return false
	}
	for i := range r.Files {
		fr := &r.Files[i]
		opened := false
		open := func() {
			if !opened {
				fmt.Fprintf(bw, "::group::%s\n", escapeData(fr.File))
				opened = true
			}
		}
		if fr.Err != nil {
			if emit(finding.Error) {
				open()
				text := inputErrorText(fr, opts.Lang)
				bw.WriteString(workflowCommand("error", [][2]string{{"file", workflowFile(fr.File)}, {"title", msgGitHubInputError.With().Text(opts.Lang)}}, text))
			}
		}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			if !f.Counts() || !emit(f.Severity) {
				continue
			}
			open()
			props := [][2]string{{"file", workflowFile(findingFile(fr, f))}}
			if f.Line > 0 {
				props = append(props, [2]string{"line", strconv.Itoa(f.Line)})
				if f.Column > 0 {
					props = append(props, [2]string{"col", strconv.Itoa(f.Column)})
				}
			}
			props = append(props, [2]string{"title", f.Rule})
			msg := f.Text(opts.Lang)
			if f.Path != "" {
				msg += " [" + f.Path + "]"
			}
			bw.WriteString(workflowCommand(githubCommand(f.Severity), props, msg))
		}
		if opened {
			bw.WriteString("::endgroup::\n")
		}
	}
	s := finding.Summarize(r)
	if leftOut > 0 {
		bw.WriteString(workflowCommand("notice", [][2]string{{"title", toolName(r)}},
			msgGitHubCapped.With(leftOut, limit, left[finding.Error], left[finding.Warning], left[finding.Info]).Text(opts.Lang)))
	}
	if s.Suppressed > 0 {
		bw.WriteString(workflowCommand("notice", [][2]string{{"title", toolName(r)}}, msgGitHubSuppressed.With(s.Suppressed).Text(opts.Lang)))
	}
	bw.WriteString(escapeData(summaryLine(s, opts.Lang, nil)))
	bw.WriteByte('\n')
	writeStale(bw, r, opts.Lang)
	if r.Interrupted {
		bw.WriteString(workflowCommand("error", [][2]string{{"title", toolName(r)}}, msgInterrupted.With(s.NotChecked, s.Files).Text(opts.Lang)))
	}
	return bw.Flush()
}

// githubCommand maps a severity to its workflow command.
func githubCommand(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// workflowFile is the file of an annotation: relative to the workspace,
// with forward slashes, as GitHub matches it against the checkout.
func workflowFile(name string) string { return finding.CleanFile(name) }

// workflowCommand formats one GitHub workflow command line,
// "::name k=v,k=v::message\n", escaping the property values and the
// message as GitHub's documentation prescribes.
func workflowCommand(name string, props [][2]string, message string) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		b.WriteString(escapeProperty(p[1]))
	}
	b.WriteString("::")
	b.WriteString(escapeData(message))
	b.WriteByte('\n')
	return b.String()
}

var (
	dataEscaper = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
		return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	}}
	propertyEscaper = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
		return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	}}
)

// escapeData escapes the message of a workflow command: % as %25, CR as
// %0D, LF as %0A.
func escapeData(s string) string { return dataEscaper.Get().Replace(s) }

// escapeProperty escapes a property value of a workflow command: as
// escapeData, and also : as %3A and , as %2C.
func escapeProperty(s string) string { return propertyEscaper.Get().Replace(s) }
