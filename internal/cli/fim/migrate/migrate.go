// Package migrate implements "ozgctl fim migrate": XDatenfelder 2.0 ⇄
// 3.0.0 with a report of every assumption and loss.
package migrate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/fim"
	fimmigrate "github.com/ozgctl/ozgctl/pkg/fim/migrate"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// MigrateOptions are the parsed flags and arguments of "ozgctl fim migrate".
type MigrateOptions struct {
	IO *iostreams.IOStreams

	// To is the target: xdf3 or xdf2.
	To string
	// OutputFile is the file for the one migrated document ("": stdout).
	OutputFile string
	// OutDir receives one <id>_<version>.xml per input.
	OutDir string
	// Nummernkreis is the sub-Nummernkreis of the id rule.
	Nummernkreis string
	// InlineCodelists is the largest code list that becomes werte (0: none).
	InlineCodelists int
	Codelists       []string
	// Steckbrief is the dokumentsteckbrief an upcast schema refers to,
	// "ID" or "ID:VERSION" ("" derives it from the schema id).
	Steckbrief string
	// Output is the report format: text or json.
	Output string
	// FailOn is error, warning, info or none.
	FailOn string
	Lang   string
	Args   []string
}

// formats are the report formats of fim migrate.
var formats = []string{report.FormatText, report.FormatJSON}

const long = `Migrate XDatenfelder files between 2.0 and 3.0.0 and report, one line per
element and property, every assumption the migration made and everything
the target version cannot hold.

Upcast (--to xdf3): ids are widened by the Nummernkreis rule: a 2.0 id is
a letter, a two-digit Nummernkreis and a six-digit number (G60000086);
3.0.0 inserts a three-digit sub-Nummernkreis after the Nummernkreis
(G60000000086); --nummernkreis sets it (default 000, as the FIM portal
migrates). Versions become semantic (1.0 → 1.0.0). status becomes
freigabestatus (inVorbereitung → 2, aktiv → 6, inaktiv → 7), praezisierung
JSON becomes attributes, code list references keep URN and version
(--inline-codelists N turns lists of at most N codes from --codelists into
inline werte), rules get freitextRegel and skript, a schema gets a
dokumentsteckbrief derived from its id (check it, or name it with
--dokumentsteckbrief ID:VERSION).

Downcast (--to xdf2): the inverse, and what 2.0 cannot hold (datetime,
time and text_latin types, werte, relations, stichwort, keys, media types,
maxSize, hidden and locked fields, finer freigabestatus levels) is mapped
or dropped and listed.

Severities: info for lossless mappings, warning for dropped descriptions
and assumptions to check, error for losses that change which data a form
accepts and ids that do not fit the target. The migrated document is
written in any case.

Output: with one input and neither -o nor --out-dir the document goes to
stdout and the report to stderr; with -o PATH or --out-dir DIR (one
<id>_<version>.xml per input, named after the migrated root) the report
goes to stdout.

Exit codes: 0 written, 1 a note at or above --fail-on (default error;
none never fails), 2 usage error or an input that could not be migrated.`

const example = `  # upcast a real schema: the document on stdout, the report on stderr
  ozgctl fim migrate --to xdf3 examples/fim/S00000094V1.0_xdf2.xml

  # downcast into a directory, report as JSON, fail on warnings too
  ozgctl fim migrate --to xdf2 --out-dir out --output json --fail-on warning examples/fim/G60000000088V1.2.0_xdf3.xml

  # inline small code lists as werte
  ozgctl fim migrate --to xdf3 --codelists examples/fim/codelists --inline-codelists 20 -o s.xml examples/fim/S00000094V1.0_xdf2.xml`

// NewCmdMigrate builds the fim migrate command.
func NewCmdMigrate(f *cmdutil.Factory, runF func(*MigrateOptions) error) *cobra.Command {
	opts := &MigrateOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "migrate [flags] --to {xdf3 | xdf2} {FILE | DIR | -}...",
		Short:   "migrate XDatenfelder files between 2.0 and 3.0.0 with a report of assumptions and losses",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no input: give XDatenfelder files, directories or - for stdin")
			}
			if opts.To != "xdf3" && opts.To != "xdf2" {
				return cmdutil.FlagErrorf("--to %q: want xdf3 or xdf2", opts.To)
			}
			if opts.OutputFile != "" && opts.OutDir != "" {
				return cmdutil.FlagErrorf("-o and --out-dir exclude each other")
			}
			if opts.OutDir == "" && (len(args) > 1 || shared.IsDir(args[0])) {
				return cmdutil.FlagErrorf("several inputs need --out-dir DIR (one output per input)")
			}
			if len(opts.Nummernkreis) != 3 || strings.Trim(opts.Nummernkreis, "0123456789") != "" {
				return cmdutil.FlagErrorf("--nummernkreis %q: want three digits", opts.Nummernkreis)
			}
			if id, _, _ := strings.Cut(opts.Steckbrief, ":"); opts.Steckbrief != "" && id == "" {
				return cmdutil.FlagErrorf("--dokumentsteckbrief %q: want ID or ID:VERSION", opts.Steckbrief)
			}
			if opts.InlineCodelists < 0 {
				return cmdutil.FlagErrorf("--inline-codelists %d: want 0 or more", opts.InlineCodelists)
			}
			if opts.InlineCodelists > 0 && len(opts.Codelists) == 0 {
				return cmdutil.FlagErrorf("--inline-codelists needs --codelists DIR")
			}
			if err := cmdutil.CheckDirs("--codelists", opts.Codelists); err != nil {
				return err
			}
			if err := cmdutil.CheckFormat(opts.Output, formats...); err != nil {
				return err
			}
			if opts.FailOn != "none" {
				if _, err := finding.ParseSeverity(opts.FailOn); err != nil {
					return cmdutil.FlagErrorf("--fail-on %q: want error, warning, info or none", opts.FailOn)
				}
			}
			if err := cmdutil.CheckLang(opts.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return migrateRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.To, "to", "", "target version: xdf3 (3.0.0) or xdf2 (2.0)")
	fl.StringVarP(&opts.OutputFile, "output-file", "o", "", "write the migrated document to `PATH` (atomically)")
	fl.StringVar(&opts.OutDir, "out-dir", "", "write one <id>_<version>.xml per input into `DIR`")
	fl.StringVar(&opts.Nummernkreis, "nummernkreis", fimmigrate.DefaultNummernkreis, "three-digit sub-Nummernkreis inserted (upcast) or removed (downcast)")
	fl.IntVar(&opts.InlineCodelists, "inline-codelists", 0, "upcast: turn code lists of at most `N` codes into inline werte")
	fl.StringArrayVar(&opts.Codelists, "codelists", nil, "directory `DIR` of genericode code lists (repeatable)")
	fl.StringVar(&opts.Steckbrief, "dokumentsteckbrief", "", "upcast: the schema's dokumentsteckbrief `ID[:VERSION]` (default: derived from the schema id, S… → D…)")
	cmdutil.AddFormatFlag(cmd, &opts.Output, formats...)
	fl.StringVar(&opts.FailOn, "fail-on", "error", "lowest note severity that fails the run: error, warning, info or none")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "the report")
	return cmd
}

func migrateRun(ctx context.Context, opts *MigrateOptions) error {
	to := fim.XDF3
	if opts.To == "xdf2" {
		to = fim.XDF2
	}
	mo := fimmigrate.Options{To: to, Nummernkreis: opts.Nummernkreis, InlineCodelists: opts.InlineCodelists}
	if opts.Steckbrief != "" {
		id, version, _ := strings.Cut(opts.Steckbrief, ":")
		mo.Dokumentsteckbrief = &fim.Identifier{ID: id, Version: version}
	}
	if res := shared.Codelists(opts.IO, opts.Codelists, ""); res != nil {
		mo.Codelists = res
	}
	rep := &fimmigrate.Report{}
	if opts.FailOn != "none" {
		rep.FailOn, _ = finding.ParseSeverity(opts.FailOn)
	}
	inputs, inErrs := batch.ExpandInputs(opts.Args, opts.IO.In)
	for _, e := range inErrs {
		rep.Files = append(rep.Files, fimmigrate.FileReport{File: inputName(e), To: to, Err: e})
	}
	written := map[string]string{}
	var docOut []byte
	for _, in := range inputs {
		fr, data := migrateOne(ctx, in, mo)
		if fr.Err == nil {
			switch {
			case opts.OutDir != "":
				name := fileName(fr.Root)
				if prev, dup := written[name]; dup {
					fr.Err = fmt.Errorf("%s would overwrite %s, written for %s", name, filepath.Join(opts.OutDir, name), prev)
					break
				}
				written[name] = in.Name
				fr.Output = filepath.Join(opts.OutDir, name)
			case opts.OutputFile != "" && opts.OutputFile != "-":
				fr.Output = opts.OutputFile
			default:
				docOut = data
			}
			if fr.Output != "" && fr.Err == nil {
				if opts.OutDir != "" {
					if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
						return fmt.Errorf("create --out-dir: %w", err)
					}
				}
				if err := report.WriteAtomic(fr.Output, data); err != nil {
					return fmt.Errorf("write %s: %w", fr.Output, err)
				}
			}
		}
		rep.Files = append(rep.Files, fr)
	}
	render := fimmigrate.WriteText
	if opts.Output == "json" {
		render = fimmigrate.WriteJSON
	}
	repOut := opts.IO.Out
	if docOut != nil {
		if _, err := opts.IO.Out.Write(docOut); err != nil {
			return err
		}
		repOut = opts.IO.ErrOut
	}
	if err := render(repOut, rep, opts.Lang); err != nil {
		return err
	}
	switch rep.ExitCode() {
	case 1:
		return cmdutil.ErrFindings
	case 2:
		return cmdutil.ErrInput
	}
	return nil
}

// inputName returns the input an expansion error is about.
func inputName(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	return ""
}

// fileName is <id>_<version>.xml for the migrated root.
func fileName(id fim.Identifier) string {
	name := id.ID
	if id.Version != "" {
		name += "_" + id.Version
	}
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' {
			return '_'
		}
		return r
	}, name) + ".xml"
}

// migrateOne reads, migrates and writes one input.
func migrateOne(ctx context.Context, in batch.Input, mo fimmigrate.Options) (fimmigrate.FileReport, []byte) {
	fr := fimmigrate.FileReport{File: in.Name, To: mo.To}
	rc, err := in.Open()
	if err != nil {
		fr.Err = cmdutil.PathErr(err)
		return fr, nil
	}
	defer rc.Close()
	doc, _, err := fim.Read(rc, in.Name, fim.ReadOptions{})
	if err != nil {
		fr.Err = err
		return fr, nil
	}
	fr.From = doc.SourceVersion
	res, err := fimmigrate.Migrate(ctx, doc, mo)
	if err != nil {
		fr.Err = err
		return fr, nil
	}
	fr.Notes = res.Notes
	fr.Root = res.Doc.RootIdent
	data, err := fim.Marshal(res.Doc, fim.WriteOptions{Version: mo.To})
	if err != nil {
		fr.Err = err
		return fr, nil
	}
	return fr, data
}
