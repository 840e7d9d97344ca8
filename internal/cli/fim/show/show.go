// Package show implements "ozgctl fim show": the structure of an
// XDatenfelder file as a tree table, or the canonical model as JSON.
package show

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// formats are the output formats of fim show.
var formats = []string{report.FormatJSON, report.FormatText}

// ShowOptions are the parsed flags and arguments of "ozgctl fim show".
type ShowOptions struct {
	IO *iostreams.IOStreams

	// File is the input, "-" for standard input.
	File string
	// Codelists are directories of genericode code lists.
	Codelists []string
	// Strict raises the reader's warnings to errors.
	Strict bool
	// Output is "text" or "json".
	Output string
	// Lang is the language of finding messages and table headings.
	Lang string
}

const long = `Show the structure of an XDatenfelder 2.0 or 3.0.0 file (schema, group,
field, Dokumentsteckbrief or code list message).

The text output is a table with one row per place in the structure: its
position (1, 1.2, 1.2.3), id, version, label, kind, datentyp/feldart,
cardinality (anzahl) and code list. A group used at several places appears
at each, with that place's cardinality. With --codelists, the referenced
genericode code lists are looked up in local directories (by canonical URI
and version) and the number of their values is shown; lists not found are
reported.

--output json writes the canonical model that every ozgctl command works
on (documented by schemas/fim-model.schema.json): the message header, the
root item, and every group, field and rule once, with positions that refer
to them by identifier.

Oddities of real exports (unqualified children, praezisierung as JSON,
impossible dates, ...) are reported on standard error as warnings (rules
"xdf:..."); --strict makes them errors.

Exit codes: 0 read (warnings allowed), 1 the file was read but has error
findings (or warnings with --strict), 2 usage error or a file that cannot be
read as XDatenfelder 2.0/3.0.0 (missing, empty, not XML, XDatenfelder 1.x,
broken structure).`

const example = `  # the tree of a schema
  ozgctl fim show examples/fim/S00000094V1.0_xdf2.xml

  # with its code lists resolved from a local directory
  ozgctl fim show --codelists examples/fim/codelists examples/fim/S00000094V1.0_xdf2.xml

  # the canonical model as JSON
  ozgctl fim show --output json examples/fim/G60000000088V1.2.0_xdf3.xml`

// NewCmdShow builds the fim show command.
func NewCmdShow(f *cmdutil.Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "show [flags] {FILE | -}",
		Short:   "show the structure of an XDatenfelder file",
		Long:    long,
		Example: example,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.FlagErrorf("want exactly one XDatenfelder file (or - for standard input), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if err := cmdutil.CheckFormat(opts.Output, formats...); err != nil {
				return err
			}
			if err := shared.CheckLangCodelists(opts.Lang, opts.Codelists); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	cmdutil.AddFormatFlag(cmd, &opts.Output, formats...)
	fl.StringArrayVar(&opts.Codelists, "codelists", nil, "directory `DIR` of genericode code lists (repeatable)")
	fl.BoolVar(&opts.Strict, "strict", false, "treat the reader's warnings about messy exports as errors")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "messages and headings")
	return cmd
}

func showRun(ctx context.Context, opts *ShowOptions) error {
	ro := fim.ReadOptions{Strict: opts.Strict}
	var doc *fim.Document
	var fs []finding.Finding
	var err error
	data, isList, err := readInput(opts)
	if err != nil {
		return err
	}
	if isList {
		return showCodelist(opts, data)
	}
	if opts.File == "-" {
		doc, fs, err = fim.Read(bytes.NewReader(data), "-", ro)
	} else {
		doc, fs, err = fim.ReadFile(opts.File, ro)
	}
	printFindings(opts.IO.ErrOut, opts.File, fs, opts.Lang)
	if err != nil {
		// The reader's message names the place, the problem and what to do.
		return err
	}
	var cls fim.Codelists
	if len(opts.Codelists) > 0 {
		res := codelist.NewDirResolver(opts.Codelists...)
		for _, p := range res.Problems() {
			fmt.Fprintf(opts.IO.ErrOut, "warning: %v\n", p)
		}
		var cfs []finding.Finding
		cls, cfs, err = fim.ResolveCodelists(ctx, doc, res)
		if err != nil {
			return err
		}
		printFindings(opts.IO.ErrOut, opts.File, cfs, opts.Lang)
		fs = append(fs, cfs...)
	}
	var buf bytes.Buffer
	switch opts.Output {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			return fmt.Errorf("encode model: %w", err)
		}
	default:
		if err := renderText(&buf, doc, cls, len(opts.Codelists) > 0, opts.Lang == "en"); err != nil {
			return err
		}
	}
	if _, err := opts.IO.Out.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	for _, f := range fs {
		if f.Severity >= finding.Error {
			return cmdutil.ErrFindings
		}
	}
	return nil
}

// printFindings writes the reader's warnings and errors as
// "file:line:col: severity rule: message"; infos are left to fim lint.
func printFindings(w io.Writer, file string, fs []finding.Finding, lang string) {
	for _, f := range fs {
		if f.Severity < finding.Warning {
			continue
		}
		fmt.Fprintf(w, "%s: %s %s: %s\n", finding.Position{File: file, Line: f.Line, Column: f.Column}, f.Severity, f.Rule, f.Text(lang))
	}
}

type headings struct {
	pos, id, version, name, kind, typ, anzahl, codeliste string
	group, field                                         string
	summary                                              func(g, f, r, c int) string
	notFound, values, inline, truncated                  string
}

var de = headings{
	pos: "Pos.", id: "ID", version: "Version", name: "Bezeichnung", kind: "Art", typ: "Datentyp/Feldart", anzahl: "Anzahl", codeliste: "Codeliste",
	group: "Gruppe", field: "Feld",
	summary: func(g, f, r, c int) string {
		return fmt.Sprintf("%d Datenfeldgruppen, %d Datenfelder, %d Regeln, %d Codelisten", g, f, r, c)
	},
	notFound: "nicht gefunden", values: "Werte", inline: "Werte (inline)",
	truncated: fmt.Sprintf("die Struktur hat mehr als %d Positionen; die Tabelle endet hier (--output json enthält alles)", maxRows),
}

var en = headings{
	pos: "Pos.", id: "ID", version: "Version", name: "Label", kind: "Kind", typ: "Datentyp/Feldart", anzahl: "Anzahl", codeliste: "Code list",
	group: "group", field: "field",
	summary: func(g, f, r, c int) string {
		return fmt.Sprintf("%d groups, %d fields, %d rules, %d code lists", g, f, r, c)
	},
	notFound: "not found", values: "values", inline: "values (inline)",
	truncated: fmt.Sprintf("the structure has more than %d places; the table stops here (--output json has everything)", maxRows),
}

func renderText(w io.Writer, doc *fim.Document, cls fim.Codelists, resolved, english bool) error {
	h := de
	if english {
		h = en
	}
	title := string(doc.Kind)
	if c := doc.Root(); c != nil {
		title = fmt.Sprintf("%s %s", c.Identifier, oneLine(c.Name))
	} else if doc.Codeliste != nil {
		title = fmt.Sprintf("%s %s", doc.Codeliste.Ref.ID, doc.Codeliste.Ref.String())
	}
	fmt.Fprintf(w, "%s (XDatenfelder %s, %s)\n", title, doc.SourceVersion, doc.Message)

	lists := map[string]bool{}
	for _, f := range doc.Fields {
		if f.Codeliste != nil {
			lists[f.Codeliste.String()] = true
		}
	}
	if doc.Kind == fim.KindDokumentsteckbrief || doc.Kind == fim.KindCodeliste {
		fmt.Fprintln(w, h.summary(len(doc.Groups), len(doc.Fields), len(doc.Rules), len(lists)))
		return nil
	}
	tb := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithTrimSpace(tw.Off),
	)
	tb.Header([]string{h.pos, h.id, h.version, h.name, h.kind, h.typ, h.anzahl, h.codeliste})
	var rerr error
	rows := 0
	doc.Walk(func(path []int, ref *fim.ElementRef) bool {
		if rows >= maxRows {
			return false
		}
		rows++
		c := ref.Common()
		pos := make([]string, len(path))
		for i, p := range path {
			pos[i] = strconv.Itoa(p)
		}
		kind, typ, list := h.group, "", ""
		if f := ref.Field; f != nil {
			kind = h.field
			typ = string(f.Datentyp)
			if f.Feldart != "" {
				typ += "/" + string(f.Feldart)
			}
			switch {
			case f.Codeliste != nil:
				list = f.Codeliste.String()
				if resolved {
					if cl, ok := cls[f.Codeliste]; ok {
						list += fmt.Sprintf(" (%d %s)", len(cl.Rows), h.values)
					} else {
						list += " (" + h.notFound + ")"
					}
				}
			case len(f.Werte) > 0:
				list = fmt.Sprintf("%d %s", len(f.Werte), h.inline)
			}
		}
		name := strings.Repeat("  ", len(path)-1) + truncate(oneLine(c.Label()), maxLabel)
		if err := tb.Append([]string{strings.Join(pos, "."), c.Identifier.ID, c.Identifier.Version, name, kind, typ, ref.Anzahl.String(), list}); err != nil && rerr == nil {
			rerr = err
		}
		return true
	})
	if rerr != nil {
		return fmt.Errorf("render table: %w", rerr)
	}
	if err := tb.Render(); err != nil {
		return fmt.Errorf("render table: %w", err)
	}
	if rows >= maxRows {
		fmt.Fprintf(w, "… %s\n", h.truncated)
	}
	fmt.Fprintln(w, h.summary(len(doc.Groups), len(doc.Fields), len(doc.Rules), len(lists)))
	return nil
}

// maxRows bounds the table: reused groups nested in each other can make the
// number of places grow exponentially with the file size.
const maxRows = 20000

// maxLabel is the longest label shown in the table, in characters; the JSON
// output has the full text.
const maxLabel = 80

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// oneLine collapses whitespace runs (labels may contain line breaks).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
