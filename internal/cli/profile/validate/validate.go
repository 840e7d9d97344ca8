// Package validate implements "ozgctl profile validate": checks profile
// files against their JSON Schema, that the files they name exist, and
// that their XSD, sharpenings and Schematron compile.
package validate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// ValidateOptions are the parsed flags and arguments of "ozgctl profile validate".
type ValidateOptions struct {
	IO *iostreams.IOStreams
	// NoSchema skips compiling the profiles' XSD (which can take a while).
	NoSchema bool
	// Lang is the language of the report: "de" or "en".
	Lang string
	Args []string
}

const (
	msgOK       finding.Key = "profile.validate.ok"
	msgFail     finding.Key = "profile.validate.fail"
	msgSummary  finding.Key = "profile.validate.summary"
	msgNoXSD    finding.Key = "profile.validate.no-xsd"
	msgXSD      finding.Key = "profile.validate.xsd"
	msgAbstract finding.Key = "profile.validate.abstract"
	msgExtends  finding.Key = "profile.validate.extends"
	msgIDTwice  finding.Key = "profile.validate.id-twice"
	msgEmptyDir finding.Key = "profile.validate.empty-dir"
)

// validateForms holds the message forms of the keys above.
var validateForms = []finding.Form{
	{Key: msgAbstract,
		DE: "abstrakt, ",
		EN: "abstract, "},
	{Key: msgEmptyDir,
		DE: "%s: Verzeichnis enthält kein *.yaml-Profil",
		EN: "%s: directory holds no *.yaml profile"},
	{Key: msgExtends,
		DE: "erweitert %s, ",
		EN: "extends %s, "},
	{Key: msgFail,
		DE: "FEHLER %s",
		EN: "FAIL  %s"},
	{Key: msgIDTwice,
		DE: "Profil-ID %q wird auch von %s verwendet",
		EN: "profile id %q is also used by %s"},
	{Key: msgNoXSD,
		DE: "kein XSD",
		EN: "no XSD"},
	{Key: msgOK,
		DE: "ok    %s: %s (%s%s %s): %s, %d Codelisten-Verzeichnisse, %d Schärfungen, %d Schematron-Dateien mit %d Asserts",
		EN: "ok    %s: %s (%s%s %s): %s, %d code list dirs, %d sharpenings, %d Schematron files with %d asserts"},
	{Key: msgSummary,
		DE: "%d Profile: %d gültig, %d ungültig",
		EN: "%d profiles: %d valid, %d invalid"},
	{Key: msgXSD,
		DE: "XSD-Datei %s",
		EN: "XSD %s"},
}

func init() { finding.Forms(validateForms) }

const long = `Check conformance profiles: each YAML file must match the profile JSON
Schema (schemas/profile.schema.json), every file it names (XSD, catalogs,
code list directories, Schematron) must exist, and its XSD, Schematron
files and sharpenings must compile. Errors name the file and line.

The sharpenings are checked against the profile's XSD (skipped with
--no-schema): a path that matches no element or attribute declaration,
forbidden on an element the XSD requires, required on one it forbids
(maxOccurs 0), and codes on an element without a code type (an
enumeration or an XÖV code type) are errors. Paths that are not plain
location paths (functions, "//") are not checked.

A directory argument checks every *.yaml and *.yml file below it, and also
that no two profiles share an id or match the same messages equally
(same namespace, root and xpath, and no match.version telling them apart).
Profiles marked abstract: true (bases for extends) are never selected.

Exit codes: 0 all profiles are valid, 1 a profile is not, 2 usage error
or an argument that cannot be read.`

const example = `  ozgctl profile validate examples/profiles/xbau-2.6.yaml
  ozgctl profile validate examples/profiles`

// NewCmdValidate builds the command.
func NewCmdValidate(f *cmdutil.Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "validate [flags] {PROFILE | DIR}...",
		Short:   "check profile files and the rules they name",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no profile given")
			}
			if err := cmdutil.CheckLang(opts.Lang); err != nil {
				return err
			}
			opts.Args = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.NoSchema, "no-schema", false, "do not compile the profiles' XSD")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "the report")
	return cmd
}

func validateRun(ctx context.Context, opts *ValidateOptions) error {
	type group struct{ files []string }
	var groups []group // one per argument: overlaps are checked within a directory
	for _, a := range opts.Args {
		st, err := os.Stat(a)
		if err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		if !st.IsDir() {
			groups = append(groups, group{files: []string{a}})
			continue
		}
		var found []string
		_ = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				found = append(found, p)
			}
			return nil
		})
		if len(found) == 0 {
			return errors.New(msgEmptyDir.With(a).Text(opts.Lang))
		}
		slices.Sort(found)
		groups = append(groups, group{files: found})
	}
	var out bytes.Buffer
	bad, total := 0, 0
	ids := map[string]string{}
	for _, g := range groups {
		var loaded []*profile.Profile
		failed := map[string]bool{}
		for _, f := range g.files {
			total++
			var problems []error
			c, err := profile.Load(f, profile.LoadOptions{})
			if err == nil && !opts.NoSchema {
				_, err = c.SchemaSet(ctx)
				if err == nil {
					problems, err = c.CheckSchema(ctx)
				}
			}
			if err == nil {
				if other, dup := ids[c.ID]; dup {
					err = &profile.ProfileError{File: f, Msg: msgIDTwice.With(c.ID, other)}
				} else {
					ids[c.ID] = f
				}
			}
			if err != nil {
				problems = append([]error{err}, problems...)
			}
			if len(problems) > 0 {
				bad++
				failed[f] = true
				fmt.Fprintln(&out, msgFail.With(f).Text(opts.Lang))
				for _, p := range problems {
					fmt.Fprintf(&out, "      %s\n", strings.ReplaceAll(errText(p, opts.Lang), "\n", "\n      "))
				}
				if c != nil && err == nil {
					loaded = append(loaded, c.Profile)
				}
				continue
			}
			loaded = append(loaded, c.Profile)
			asserts := 0
			for _, r := range c.Schematron {
				asserts += len(r.Assertions())
			}
			schema := msgNoXSD.With().Text(opts.Lang)
			if c.Schema != nil {
				schema = msgXSD.With(filepath.ToSlash(c.Schema.XSD)).Text(opts.Lang)
			}
			kind := ""
			if c.Abstract {
				kind = msgAbstract.With().Text(opts.Lang)
			}
			if len(c.Chain) > 1 {
				kind += msgExtends.With(strings.Join(c.Chain[1:], " < ")).Text(opts.Lang)
			}
			fmt.Fprintln(&out, msgOK.With(f, c.ID, kind, c.Standard, c.Version, schema, len(c.CodeLists), len(c.Sharpenings), len(c.Schematron), asserts).Text(opts.Lang))
		}
		for _, err := range profile.Overlaps(loaded) {
			var pe *profile.ProfileError
			f := ""
			if errors.As(err, &pe) {
				f = pe.File
			}
			if !failed[f] {
				bad++
				failed[f] = true
			}
			fmt.Fprintf(&out, "%s\n      %s\n", msgFail.With(f).Text(opts.Lang), errText(err, opts.Lang))
		}
	}
	fmt.Fprintln(&out, msgSummary.With(total, total-bad, bad).Text(opts.Lang))
	if _, err := opts.IO.Out.Write(out.Bytes()); err != nil {
		return err
	}
	if bad > 0 {
		return cmdutil.ErrFindings
	}
	return nil
}

// errText renders a profile problem in lang; other errors (from the file
// system or a library) keep their own text.
func errText(err error, lang string) string {
	var pe *profile.ProfileError
	if errors.As(err, &pe) && err == error(pe) {
		return pe.Text(lang)
	}
	return err.Error()
}
