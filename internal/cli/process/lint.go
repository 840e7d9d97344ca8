// Package process implements the process-model commands: "ozgctl bpmn
// lint|convert" and "ozgctl xprozess show|extract|convert".
package process

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/startup"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/bpmn"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xprozess"
)

// lintFormats are the output formats of bpmn lint.
var lintFormats = []string{"json", "junit", "sarif", "text", "github", "codeclimate"}

// LintOptions are the parsed flags and arguments of "ozgctl bpmn lint".
type LintOptions struct {
	IO    *iostreams.IOStreams
	Build cmdutil.BuildInfo
	// Exclude holds glob patterns of inputs to leave out.
	Exclude []string
	cmdutil.RunFlags
}

const lintLong = `Check BPMN 2.0 process models: the .bpmn/.xml files given, and the models
embedded in XProzess 2.0 exports.

Findings (rule ids are stable):
%s
The XProzess reader adds its own findings for exports (xprozess:…): prose
where an id belongs, a missing or empty model, and embedded archives that
break a limit, leave their folder (zip-slip) or nest archives. Findings
about an embedded model name it as their file ("BPMN DI-Export.xml") and
the process id as their path.

Inputs are files, directories (searched recursively for *.bpmn and *.xml,
leaving out hidden directories and what --exclude names; XML files that
are neither BPMN nor XProzess are passed over), glob patterns and "-" for
standard input. A file that is not well-formed XML is
a finding (xml:not-well-formed); one that cannot be read, or is neither
BPMN nor XProzess, is an input error.

` + cmdutil.BaselineHelp + `

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above
--fail-on, 2 usage error or an input that could not be checked.`

func ruleList() string {
	var b strings.Builder
	for _, r := range bpmn.Rules() {
		fmt.Fprintf(&b, "  %-28s %-7s %s\n", r.ID, r.Severity, r.Title.EN)
	}
	return b.String()
}

// NewCmdLint builds "bpmn lint".
func NewCmdLint(f *cmdutil.Factory, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: f.IO, Build: f.Build}
	cmd := &cobra.Command{
		Use:   "lint [flags] {FILE | DIR | -}...",
		Short: "structural checks of BPMN 2.0 models (also those embedded in XProzess exports)",
		Long:  fmt.Sprintf(lintLong, ruleList()),
		Example: `  ozgctl bpmn lint examples/bpmn/antrag.bpmn
  ozgctl bpmn lint --output sarif --report junit=bpmn-lint.xml examples/bpmn
  ozgctl bpmn lint --lang en examples/xprozess/mutterschutz-anzeige.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.RunFlags.Parse(cmd, f, args, "no input: give BPMN or XProzess files, directories, globs or - for stdin"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return lintRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddExcludeFlag(cmd, &opts.Exclude)
	cmdutil.AddRunFlags(cmd, &opts.RunFlags, lintFormats)
	return cmd
}

// isProcess keeps the .bpmn files and the XML files that start like BPMN
// or XProzess.
func isProcess(in batch.Input) bool {
	if strings.EqualFold(filepath.Ext(in.Name), ".bpmn") {
		return true
	}
	fh, err := os.Open(in.Name)
	if err != nil {
		return true // reported when read
	}
	defer fh.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	return bytes.Contains(head, []byte(bpmn.NSModel)) || xprozess.Sniff(head)
}

// maxInput bounds one input file.
const maxInput = 512 << 20

func lintRun(ctx context.Context, opts *LintOptions) error {
	sinks, failOn, base, err := opts.Resolve(lintFormats)
	if err != nil {
		return err
	}
	lang := opts.Output.Lang
	inputs, inErrs := batch.ExpandOptions{Exclude: opts.Exclude, Exts: []string{".bpmn", ".xml"}, Keep: isProcess}.Expand(opts.Args, opts.IO.In)
	stage := batch.StageFunc{ID: "bpmn-lint", Fn: func(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
		rc, err := msg.Input.Open()
		if err != nil {
			return cmdutil.PathErr(err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxInput+1))
		rc.Close()
		if err != nil {
			return cmdutil.PathErr(err)
		}
		if len(data) > maxInput {
			return fmt.Errorf("larger than %d bytes", maxInput)
		}
		fs, id, err := lintBytes(data, msg.Input.Name, lang)
		if err != nil {
			return err
		}
		res.Identity = id
		res.Engines = []string{"bpmn"}
		res.Findings = append(res.Findings, fs...)
		return nil
	}}
	startup.HugePages() // the workers grow the heap from here
	update, finish := cmdutil.Progress(opts.IO, "linting", len(inputs))
	results := batch.Run(ctx, inputs, []batch.Stage{stage}, batch.Options{Workers: opts.Jobs, Progress: update})
	finish()
	results = append(results, batch.UnresolvedResults(inErrs)...)
	rep := &finding.Report{Tool: "ozgctl", Version: opts.Build.Version, Command: opts.Command, Files: results,
		FailOn: failOn, Rules: append(bpmn.RuleInfos(lang), xprozess.RuleInfos(lang)...)}
	rep.SortFiles()
	if err := cmdutil.Suppress(opts.IO, rep, opts.Ignores, opts.Baseline, base, ctx.Err() != nil, lang); err != nil {
		return err
	}
	if err := cmdutil.WriteReports(opts.IO, sinks, rep, lang); err != nil {
		return err
	}
	return cmdutil.ResultError(rep)
}

// errNotProcess is returned for input that is neither BPMN nor XProzess.
var errNotProcess = errors.New("neither a BPMN 2.0 document nor an XProzess 2.0 message")

// lintBytes checks one BPMN document or XProzess export. A file that is
// not well-formed gives an xml:not-well-formed finding; one that is
// neither BPMN nor XProzess an error.
func lintBytes(data []byte, name, lang string) ([]finding.Finding, *finding.Identity, error) {
	if xprozess.Sniff(data) {
		doc, fs, err := xprozess.Read(bytes.NewReader(data), name, xprozess.ReadOptions{Lang: lang})
		if err != nil {
			return notWellFormed(err, lang)
		}
		id := &finding.Identity{Root: doc.Message, Namespace: xprozess.Namespace, Standard: "XProzess", Version: doc.Version, Message: doc.Message}
		if doc.Bibliothek != nil {
			for _, p := range doc.Bibliothek.Prozesse {
				def, e := p.BPMN()
				if def == nil {
					continue
				}
				_, rfs, _ := bpmn.ReadBytes(e.Data, e.Name, bpmn.ReadOptions{Lang: lang})
				for _, f := range append(rfs, bpmn.Lint(def, bpmn.LintOptions{Lang: lang})...) {
					f.File = name + "!" + e.Name
					f.Path = strings.Trim(p.ID+" "+f.Path, " ")
					fs = append(fs, f)
				}
			}
		}
		return fs, id, nil
	}
	d, fs, err := bpmn.ReadBytes(data, name, bpmn.ReadOptions{Lang: lang})
	if err != nil {
		return notWellFormed(err, lang)
	}
	fs = append(fs, bpmn.Lint(d, bpmn.LintOptions{Lang: lang})...)
	return fs, &finding.Identity{Root: "definitions", Namespace: bpmn.NSModel, Standard: "BPMN", Version: "2.0"}, nil
}

func notWellFormed(err error, lang string) ([]finding.Finding, *finding.Identity, error) {
	var be *bpmn.ReadError
	var xe *xprozess.ReadError
	switch {
	case errors.As(err, &be) && be.NotWellFormed:
		return []finding.Finding{xmlFinding(be.Line, be.Column, be.Msg, lang)}, nil, nil
	case errors.As(err, &xe) && xe.NotWellFormed:
		return []finding.Finding{xmlFinding(xe.Line, xe.Column, xe.Msg, lang)}, nil, nil
	case errors.As(err, &be) && be.NotBPMN:
		return nil, nil, fmt.Errorf("%w (%s)", errNotProcess, be.Msg)
	case errors.As(err, &be):
		return nil, nil, errors.New(be.Msg)
	case errors.As(err, &xe):
		return nil, nil, errors.New(xe.Msg)
	}
	return nil, nil, err
}

func xmlFinding(line, col int, msg, lang string) finding.Finding {
	r := bpmn.LookupRule(bpmn.RuleNotWellFormed)
	return finding.Finding{Rule: r.ID, Severity: r.Severity, Message: r.Title.In(lang) + ": " + msg, Line: line, Column: col, Source: "xml"}
}
