// Package rules implements "ozgctl rules": the list of every rule of the
// FIM quality catalogue with its class, severity, versions, title and
// whether ozgctl checks it (and why not).
package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/lazy"
	fimlint "github.com/ozgctl/ozgctl/pkg/fim/lint"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// RulesOptions are the parsed flags of "ozgctl rules".
type RulesOptions struct {
	IO     *iostreams.IOStreams
	Output string
	Lang   string
	// Implemented lists only the rules that are checked.
	Implemented bool
}

// formats are the output formats of rules.
var formats = []string{report.FormatJSON, report.FormatMarkdown, report.FormatText}

// NewCmdRules builds the rules command.
func NewCmdRules(f *cmdutil.Factory, runF func(*RulesOptions) error) *cobra.Command {
	opts := &RulesOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "rules [flags]",
		Short: "list the FIM quality rules that fim lint checks",
		Long: `List every code of the FIM quality catalogue ("Meldungen XDF-Qualität",
1001–1144) with its class, the severity ozgctl reports it with, the
XDatenfelder versions it applies to, its title, and whether fim lint
checks it — or why it cannot be decided from a file and local code lists.

--output markdown prints the table of docs/rules.md, followed by the notes
on where fim lint deliberately reads the catalogue differently from
FIM-XSLT, the XSLT quality report used in the FIM community (in JSON: "note").`,
		Example: `  ozgctl rules
  ozgctl rules --implemented --lang en
  ozgctl rules --output markdown`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckFormat(opts.Output, formats...); err != nil {
				return err
			}
			if err := cmdutil.CheckLang(opts.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return rulesRun(opts)
		},
	}
	cmdutil.AddFormatFlag(cmd, &opts.Output, formats...)
	cmdutil.AddLangFlag(cmd, &opts.Lang, "titles and reasons")
	cmd.Flags().BoolVar(&opts.Implemented, "implemented", false, "list only the rules that are checked")
	return cmd
}

type ruleJSON struct {
	Code        string `json:"code"`
	Class       string `json:"class"`
	Severity    string `json:"severity,omitempty"`
	Versions    string `json:"versions"`
	Implemented bool   `json:"implemented"`
	Title       string `json:"title"`
	Help        string `json:"help"`
	Reason      string `json:"reason,omitempty"`
	// Note says where fim lint deliberately reads the catalogue entry
	// differently from FIM-XSLT, and why.
	Note string `json:"note,omitempty"`
}

func rulesRun(opts *RulesOptions) error {
	var rows []ruleJSON
	for _, r := range fimlint.Rules() {
		if opts.Implemented && !r.Implemented() {
			continue
		}
		row := ruleJSON{Code: r.Code, Class: string(r.Class), Versions: r.Versions.String(), Implemented: r.Implemented(),
			Title: r.Title.In(opts.Lang), Help: r.Help.In(opts.Lang), Reason: r.Reason.In(opts.Lang), Note: r.Note.In(opts.Lang)}
		if s := r.Severity(); s.Valid() {
			row.Severity = s.String()
		}
		rows = append(rows, row)
	}
	var buf bytes.Buffer
	yes, no := "ja", "nein: "
	if opts.Lang == "en" {
		yes, no = "yes", "no: "
	}
	checked := func(r ruleJSON) string {
		if r.Implemented {
			return yes
		}
		return no + r.Reason
	}
	switch opts.Output {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rows); err != nil {
			return err
		}
	case "markdown":
		fmt.Fprintln(&buf, "| Code | Klasse | Schwere | XDatenfelder | geprüft | Titel |")
		if opts.Lang == "en" {
			buf.Reset()
			fmt.Fprintln(&buf, "| Code | Class | Severity | XDatenfelder | checked | Title |")
		}
		fmt.Fprintln(&buf, "|---|---|---|---|---|---|")
		for _, r := range rows {
			fmt.Fprintf(&buf, "| %s | %s | %s | %s | %s | %s |\n", r.Code, r.Class, orDash(r.Severity), r.Versions,
				mdEscape(checked(r)), mdEscape(r.Title))
		}
		writeNotes(&buf, rows, opts.Lang)
	default:
		tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tCLASS\tSEVERITY\tVERSIONS\tCHECKED\tTITLE")
		for _, r := range rows {
			c := yes
			if !r.Implemented {
				c = strings.TrimSuffix(no, ": ")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Code, r.Class, orDash(r.Severity), r.Versions, c, r.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		n := 0
		for _, r := range rows {
			if r.Implemented {
				n++
			}
		}
		fmt.Fprintf(&buf, "%d rules, %d checked\n", len(rows), n)
	}
	_, err := opts.IO.Out.Write(buf.Bytes())
	return err
}

// notesIntro heads the notes below the markdown table.
var notesIntro = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"de": `## Abweichungen von FIM-XSLT

[FIM-XSLT](https://github.com/vs5000/FIM-XSLT) ist der XSLT-Qualitätsbericht, der in der FIM-Community
verwendet wird. Wo fim lint einen Katalogeintrag bewusst anders liest, stehen hier der Unterschied
und der Grund.

| Code | Abweichung |
|---|---|
`,
		"en": `## Where fim lint reads the catalogue differently from FIM-XSLT

[FIM-XSLT](https://github.com/vs5000/FIM-XSLT) is the XSLT quality report used in the FIM community.
Where fim lint deliberately reads a catalogue entry differently, the difference and the reason:

| Code | Difference |
|---|---|
`,
	}
}}

// writeNotes appends the rules' notes on FIM-XSLT, if any, as a second
// table.
func writeNotes(buf *bytes.Buffer, rows []ruleJSON, lang string) {
	first := true
	for _, r := range rows {
		if r.Note == "" {
			continue
		}
		if first {
			buf.WriteString("\n" + notesIntro.Get()[lang])
			first = false
		}
		fmt.Fprintf(buf, "| %s | %s |\n", r.Code, mdEscape(r.Note))
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
