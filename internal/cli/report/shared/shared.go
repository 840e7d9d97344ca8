// Package shared holds what the "ozgctl report" commands share: the
// output flags of interop results and the check flags that build the
// pipeline.
package shared

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/interop"
)

// OutputFlags are --output, --report and --lang of interop results.
type OutputFlags struct {
	Output  string
	Reports []string
	Lang    string
}

// AddOutputFlags registers the flags.
func AddOutputFlags(cmd *cobra.Command, o *OutputFlags, formats []string) {
	cmd.Flags().StringVar(&o.Output, "output", "text", "output format: "+strings.Join(formats, ", "))
	cmd.Flags().StringArrayVar(&o.Reports, "report", nil, "also write a report file, `FORMAT=PATH` (repeatable)")
	cmdutil.AddLangFlag(cmd, &o.Lang, "headings and texts")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// Sink is one destination of a rendered interop result.
type Sink struct {
	Format string
	Path   string // "" means stdout
	Func   interop.Func
}

// Resolve checks the flags and returns the sinks, stdout first.
func (o *OutputFlags) Resolve() ([]Sink, error) {
	f, err := interop.Lookup(o.Output)
	if err != nil {
		return nil, &cmdutil.FlagError{Err: fmt.Errorf("--output: %w", err)}
	}
	sinks := []Sink{{Format: o.Output, Func: f}}
	for _, spec := range o.Reports {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || name == "" || path == "" {
			return nil, cmdutil.FlagErrorf("--report %q: want FORMAT=PATH", spec)
		}
		f, err := interop.Lookup(name)
		if err != nil {
			return nil, &cmdutil.FlagError{Err: fmt.Errorf("--report: %w", err)}
		}
		sinks = append(sinks, Sink{Format: name, Path: path, Func: f})
	}
	if err := cmdutil.CheckLang(o.Lang); err != nil {
		return nil, err
	}
	return sinks, nil
}

// Write renders r to every sink: files first (atomically), then stdout.
func Write(io *iostreams.IOStreams, sinks []Sink, r *interop.Result, lang string) error {
	opts := interop.RenderOptions{Lang: lang}
	var fileErr error
	for _, s := range sinks {
		if s.Path != "" {
			if err := interop.WriteFile(s.Path, s.Func, r, opts); err != nil && fileErr == nil {
				fileErr = err
			}
		}
	}
	for _, s := range sinks {
		if s.Path == "" {
			if err := interop.Render(io.Out, s.Func, r, opts); err != nil {
				return fmt.Errorf("write %s report: %w", s.Format, err)
			}
		}
	}
	return fileErr
}
