// Package validate implements "ozgctl profile validate": checks profile
// files against their JSON Schema, that the files they name exist, and
// that their XSD, sharpenings and Schematron compile.
package validate

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
)

// ValidateOptions are the parsed flags and arguments of "ozgctl profile validate".
type ValidateOptions struct {
	IO *iostreams.IOStreams
	// NoSchema skips compiling the profiles' XSD (which can take a while).
	NoSchema bool
	Args     []string
}

const long = `Check conformance profiles: each YAML file must match the profile JSON
Schema (schemas/profile.schema.json), every file it names (XSD, catalogs,
code list directories, Schematron) must exist, and its XSD, Schematron
files and sharpenings must compile. Errors name the file and line.

A directory argument checks every *.yaml and *.yml file below it, and also
that no two profiles share an id.

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
			opts.Args = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.NoSchema, "no-schema", false, "do not compile the profiles' XSD")
	return cmd
}

func validateRun(ctx context.Context, opts *ValidateOptions) error {
	var files []string
	for _, a := range opts.Args {
		st, err := os.Stat(a)
		if err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		if !st.IsDir() {
			files = append(files, a)
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
			return fmt.Errorf("%s: directory holds no *.yaml profile", a)
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	var out bytes.Buffer
	bad := 0
	ids := map[string]string{}
	for _, f := range files {
		c, err := profile.Load(f, profile.LoadOptions{})
		if err == nil && !opts.NoSchema {
			err = c.LoadSchema(ctx)
		}
		if err == nil {
			if other, dup := ids[c.ID]; dup {
				err = fmt.Errorf("profile id %q is also used by %s", c.ID, other)
			} else {
				ids[c.ID] = f
			}
		}
		if err != nil {
			bad++
			fmt.Fprintf(&out, "FAIL  %s\n      %s\n", f, strings.ReplaceAll(err.Error(), "\n", "\n      "))
			continue
		}
		asserts := 0
		for _, r := range c.Schematron {
			asserts += len(r.Assertions())
		}
		schema := "no XSD"
		if c.Schema != nil {
			schema = "XSD " + filepath.ToSlash(c.Schema.XSD)
		}
		fmt.Fprintf(&out, "ok    %s: %s (%s %s): %s, %d code list dirs, %d sharpenings, %d Schematron files with %d asserts\n",
			f, c.ID, c.Standard, c.Version, schema, len(c.CodeLists), len(c.Sharpenings), len(c.Schematron), asserts)
	}
	fmt.Fprintf(&out, "%d profiles: %d valid, %d invalid\n", len(files), len(files)-bad, bad)
	if _, err := opts.IO.Out.Write(out.Bytes()); err != nil {
		return err
	}
	if bad > 0 {
		return cmdutil.ErrFindings
	}
	return nil
}
