package process

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/bpmn"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/xprozess"
)

// targets are the targets of bpmn convert and xprozess convert.
var targets = []string{"html", "markdown", "mermaid", "openapi", "svg"}

// ConvertOptions are the parsed flags of "bpmn convert" and "xprozess convert".
type ConvertOptions struct {
	IO      *iostreams.IOStreams
	File    string
	To      string
	Output  string
	Process string
	Forms   []string
	Lang    string
	// XProzess is true for "xprozess convert".
	XProzess bool
}

// input is what a process command read.
type input struct {
	doc     *xprozess.Document
	prozess *xprozess.Prozess
	def     *bpmn.Definitions
	// findings of the readers (warnings go to stderr)
	findings []finding.Finding
}

func readInput(io_ *iostreams.IOStreams, file string) ([]byte, error) {
	var r io.Reader
	if file == "-" {
		r = io_.In
	} else {
		fh, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, cmdutil.PathErr(err))
		}
		defer fh.Close()
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, cmdutil.PathErr(err))
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("%s: larger than %d bytes", file, maxInput)
	}
	return data, nil
}

// load reads a BPMN file or an XProzess export; for an export it picks the
// process (by id, or the only one) and its embedded model. needModel asks
// for a BPMN model (an error if the process has none).
func load(io_ *iostreams.IOStreams, file, processID, lang string, needModel bool) (*input, error) {
	data, err := readInput(io_, file)
	if err != nil {
		return nil, err
	}
	in := &input{}
	if xprozess.Sniff(data) {
		doc, fs, err := xprozess.Read(bytes.NewReader(data), file, xprozess.ReadOptions{Lang: lang})
		if err != nil {
			return nil, err
		}
		in.doc, in.findings = doc, fs
		var ps []*xprozess.Prozess
		if doc.Bibliothek != nil {
			ps = doc.Bibliothek.Prozesse
		}
		switch {
		case processID != "":
			for _, p := range ps {
				if p.ID == processID {
					in.prozess = p
				}
			}
			if in.prozess == nil {
				return nil, &cmdutil.HintError{Err: fmt.Errorf("%s: no process %q", file, processID), Hint: "the processes are: " + processIDs(ps)}
			}
		case len(ps) == 1:
			in.prozess = ps[0]
		case len(ps) > 1 && needModel:
			return nil, &cmdutil.HintError{Err: fmt.Errorf("%s: %d processes", file, len(ps)), Hint: "choose one with --process: " + processIDs(ps)}
		}
		if in.prozess != nil {
			in.def, _ = in.prozess.BPMN()
		}
		if needModel && in.def == nil {
			msg := "no process in the export"
			if in.prozess != nil {
				msg = fmt.Sprintf("process %s has no readable BPMN model", in.prozess.ID)
			}
			return in, fmt.Errorf("%s: %s", file, msg)
		}
		return in, nil
	}
	d, fs, err := bpmn.ReadBytes(data, file, bpmn.ReadOptions{Lang: lang})
	if err != nil {
		var be *bpmn.ReadError
		if errors.As(err, &be) && be.NotBPMN {
			return nil, fmt.Errorf("%w: %s", errNotProcess, err)
		}
		return nil, err
	}
	in.def, in.findings = d, fs
	return in, nil
}

func processIDs(ps []*xprozess.Prozess) string {
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}

// printFindings writes warnings and errors to stderr as "file:line: severity rule: message".
func printFindings(io_ *iostreams.IOStreams, file string, fs []finding.Finding) {
	if io_.Quiet() {
		return
	}
	for _, f := range finding.Normalize(fs) {
		if f.Severity < finding.Warning {
			continue
		}
		name := file
		if f.File != "" {
			name = file + "!" + f.File
		}
		fmt.Fprintf(io_.ErrOut, "%s: %s %s: %s\n", finding.Position{File: name, Line: f.Line, Column: f.Column}, f.Severity, f.Rule, f.Message)
	}
}

const convertLong = `Convert a process model into:
  svg       the diagram, drawn from its BPMNDI coordinates in BPMN notation
            (pools, lanes, task markers, events with their definitions,
            gateways, data, annotations, labels wrapped); a model without DI
            is laid out automatically (layers along the flow, lanes as bands)
  mermaid   a Mermaid flowchart: subgraphs for pools, lanes and sub-processes,
            node shapes by kind, edge labels from names or conditions
  markdown  a process description: participants, steps in flow order with
            their branches, message flows, data%s
  openapi   an OpenAPI 3.1 skeleton of the exchanges: one operation per
            message flow that crosses a pool boundary%s, callbacks
            for the replies (message flows back to the sender's pool)
  html      one self-contained page with a navigation bar: the SVG and
            the steps (linked to each other)%s

The input is a BPMN 2.0 file or an XProzess 2.0 export (its embedded model;
--process picks the process when there are several). Output is
deterministic. Exit codes: 0 written, 2 usage error or unreadable input.`

// NewCmdConvert builds "bpmn convert" (xprozess false) or "xprozess convert".
func NewCmdConvert(f *cmdutil.Factory, xp bool, runF func(*ConvertOptions) error) *cobra.Command {
	opts := &ConvertOptions{IO: f.IO, XProzess: xp}
	extra, extraAPI, extraHTML := "", "", ""
	short := "draw a BPMN model as SVG, or write it as Mermaid or Markdown"
	example := `  ozgctl bpmn convert --to svg -o antrag.svg examples/bpmn/antrag.bpmn
  ozgctl bpmn convert --to mermaid examples/bpmn/antrag.bpmn
  ozgctl bpmn convert --to markdown --lang en examples/bpmn/antrag.bpmn`
	if xp {
		extra = `; for XProzess also the process
            class, legal basis, Steckbrief, activity groups and the linked
            forms with their fields (--forms DIR: XDatenfelder files,
            formularID D00000094 resolved to schema S00000094)`
		extraHTML = `; for XProzess also the
            profile and the linked forms, each rendered by the fim convert
            HTML form generator`
		extraAPI = ` and one per
            trigger form (ausloeser), whose request body is the schema
            "fim convert --to openapi" generates for the form (--forms; its
            JSON Schema $id noted as x-fim-schema-id)`
		short = "the embedded model of an XProzess export as SVG, Mermaid or Markdown (with its forms)"
		example = `  ozgctl xprozess convert --to markdown --forms examples/fim examples/xprozess/mutterschutz-anzeige.xml
  ozgctl xprozess convert --to svg -o prozess.svg examples/xprozess/mutterschutz-anzeige.xml
  ozgctl xprozess convert --to openapi --forms examples/fim examples/xprozess/mutterschutz-anzeige.xml
  ozgctl xprozess convert --to html --forms examples/fim -o prozess.html examples/xprozess/mutterschutz-anzeige.xml`
	}
	cmd := &cobra.Command{
		Use:     "convert [flags] --to TARGET {FILE | -}",
		Short:   short,
		Long:    fmt.Sprintf(convertLong, extra, extraAPI, extraHTML),
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.File, err = oneInput(args, "file"); err != nil {
				return err
			}
			if !slices.Contains(targets, opts.To) {
				return cmdutil.FlagErrorf("--to %q: want one of %s", opts.To, strings.Join(targets, ", "))
			}
			if err := checkLangForms(opts.Lang, opts.Forms); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return convertRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.To, "to", "", "target: "+strings.Join(targets, ", "))
	fl.StringVarP(&opts.Output, "output-file", "o", "", "write to `PATH` (atomically) instead of stdout")
	fl.StringVar(&opts.Process, "process", "", "process `ID` of an XProzess export with several processes")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "the Markdown text and messages")
	if xp {
		fl.StringArrayVar(&opts.Forms, "forms", nil, "directory `DIR` of XDatenfelder files to resolve formularID against (repeatable)")
	}
	_ = cmd.RegisterFlagCompletionFunc("to", cobra.FixedCompletions(targets, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// forms reads the --forms directories; nil when there are none.
func (o *ConvertOptions) forms() *xprozess.FormIndex {
	if len(o.Forms) == 0 {
		return nil
	}
	return xprozess.LoadForms(o.Forms...)
}

func convertRun(opts *ConvertOptions) error {
	needModel := (opts.To != "markdown" && opts.To != "openapi" && opts.To != "html") || !opts.XProzess
	in, err := load(opts.IO, opts.File, opts.Process, opts.Lang, needModel)
	if err != nil {
		return err
	}
	if opts.XProzess && in.doc == nil {
		return &cmdutil.HintError{Err: fmt.Errorf("%s: not an XProzess 2.0 message", opts.File), Hint: "for a BPMN file use \"ozgctl bpmn convert\""}
	}
	printFindings(opts.IO, opts.File, in.findings)
	var out []byte
	switch opts.To {
	case "svg":
		out = bpmn.SVG(in.def, bpmn.SVGOptions{})
	case "mermaid":
		out = bpmn.Mermaid(in.def)
	case "html", "openapi":
		forms := opts.forms()
		if in.doc != nil && in.prozess == nil && opts.XProzess {
			return &cmdutil.HintError{Err: fmt.Errorf("%s: choose a process", opts.File), Hint: "--process ID"}
		}
		if opts.To == "html" {
			out, err = xprozess.HTML(in.def, in.prozess, xprozess.HTMLOptions{Lang: opts.Lang, Forms: forms})
		} else {
			out, err = xprozess.OpenAPI(in.def, in.prozess, xprozess.OpenAPIOptions{Forms: forms})
		}
		if err != nil {
			return err
		}
	case "markdown":
		if in.doc != nil && opts.XProzess {
			mo := xprozess.MarkdownOptions{Lang: opts.Lang, Forms: opts.forms()}
			doc := in.doc
			if in.prozess != nil && opts.Process != "" {
				d := *doc
				b := *doc.Bibliothek
				b.Prozesse = []*xprozess.Prozess{in.prozess}
				d.Bibliothek = &b
				doc = &d
			}
			out = xprozess.Markdown(doc, mo)
		} else {
			out = bpmn.Markdown(in.def, bpmn.MarkdownOptions{Lang: opts.Lang})
		}
	}
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.IO.Out.Write(out)
		return err
	}
	return report.WriteAtomic(opts.Output, out)
}
