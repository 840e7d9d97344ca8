package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
	ansiGreen  = "\x1b[32m"
)

func colorFor(s finding.Severity) string {
	switch s {
	case finding.Error:
		return ansiRed
	case finding.Warning:
		return ansiYellow
	default:
		return ansiBlue
	}
}

// Text renders one line per finding, grouped by file, then a summary line.
// Lines read "file:line:col: severity rule: message [path]".
func Text(w io.Writer, r *finding.Report, opts Options) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opts.Color {
			return s
		}
		return color + s + ansiReset
	}
	for i := range r.Files {
		fr := &r.Files[i]
		if fr.Err != nil {
			fmt.Fprintf(bw, "%s: %s %s\n", fr.File, paint(ansiRed+ansiBold, "input error:"), fr.ErrText())
		}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			fmt.Fprintf(bw, "%s: %s %s: %s", findingPos(fr, f),
				paint(colorFor(f.Severity), f.Severity.String()), f.Rule, f.Message)
			if f.ElementID != "" {
				id := f.ElementID
				if f.ElementVersion != "" {
					id += " v" + f.ElementVersion
				}
				fmt.Fprintf(bw, " (%s)", id)
			}
			if f.Path != "" {
				fmt.Fprintf(bw, " [%s]", f.Path)
			}
			bw.WriteByte('\n')
		}
	}
	s := finding.Summarize(r)
	verdict := paint(ansiGreen, "ok")
	if s.Invalid > 0 {
		verdict = paint(ansiRed, "FAIL")
	}
	fmt.Fprintf(bw, "%s: %d files, %d valid, %d invalid, %d errors, %d warnings, %d infos",
		verdict, s.Files, s.Valid, s.Invalid, s.Errors, s.Warnings, s.Infos)
	if s.InputErrors > 0 {
		fmt.Fprintf(bw, ", %d not checked", s.InputErrors)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}
