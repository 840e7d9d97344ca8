// Package cli wires ozgctl's commands together and maps errors to exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/heapfloor"
	"github.com/ozgctl/ozgctl/internal/startup"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// Build information, stamped by the Makefile through -ldflags.
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// Exit codes, the same for every command.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
)

// Main runs ozgctl with args and returns the exit code.
func Main(args []string, ios *iostreams.IOStreams) int {
	ctx, stop := interruptible(ios)
	defer stop()

	f := &cmdutil.Factory{IO: ios, Config: viper.New(), Build: buildInfo()}
	root, cfg, finish := newRoot(f, commandOf(args))
	defer finish()
	root.SetArgs(args)
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)

	var cmd *cobra.Command
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error, please report: %v\n%s", r, debug.Stack())
			}
		}()
		cmd, err = root.ExecuteContextC(ctx)
		return err
	}()
	// An interrupted run ends with 128+signal whatever the command made of
	// the cancellation: the report it wrote says what finished.
	var ie *cmdutil.InterruptedError
	if errors.As(context.Cause(ctx), &ie) {
		if err == nil && cmdutil.SignalEndsNormally(cmd) {
			return ExitOK
		}
		return ie.ExitCode()
	}
	return handleError(ios, cmd, err, cfg)
}

// interruptible returns a context that the first SIGINT or SIGTERM
// cancels, with a [cmdutil.InterruptedError] naming the signal as its
// cause, saying so on stderr; signal handling then reverts to the
// default, so a second one ends the process at once (a run blocked on a
// pipe or FIFO that never delivers would otherwise ignore both).
func interruptible(ios *iostreams.IOStreams) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			signal.Stop(sigs)
			signal.Reset(os.Interrupt, syscall.SIGTERM)
			fmt.Fprintln(ios.ErrOut, "interrupted: stopping (interrupt again to end at once)")
			cancel(&cmdutil.InterruptedError{Signal: sig})
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(sigs)
		cancel(nil)
	}
}

func handleError(ios *iostreams.IOStreams, cmd *cobra.Command, err error, cfg *config) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, cmdutil.ErrFindings) {
		return ExitFindings
	}
	if errors.Is(err, cmdutil.ErrInput) {
		return ExitError
	}
	var flagErr *cmdutil.FlagError
	if errors.As(err, &flagErr) {
		// A flag value the command refused that came from the config file
		// or the environment: name where it was set, not the usage.
		if at := cfg.originOf(flagErr.Error()); at != "" {
			err = &ConfigError{At: at, Err: err}
		}
	}
	fmt.Fprintf(ios.ErrOut, "error: %s\n", err)
	var cfgErr *ConfigError
	if !errors.As(err, &cfgErr) && (errors.As(err, &flagErr) || isCobraUsageError(err)) {
		if cmd != nil {
			fmt.Fprintf(ios.ErrOut, "\n%s", cmd.UsageString())
		}
	}
	var hint *cmdutil.HintError
	if errors.As(err, &hint) && hint.Hint != "" {
		fmt.Fprintf(ios.ErrOut, "hint: %s\n", hint.Hint)
	}
	return ExitError
}

// isCobraUsageError recognises cobra's own argument and flag errors, which
// are plain errors.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func buildInfo() cmdutil.BuildInfo {
	b := cmdutil.BuildInfo{Version: version, Commit: commit, Date: date}
	if bi, ok := cmdutil.ReadBuildInfo(); ok {
		if b.Version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && b.Commit == "" {
				b.Commit = s.Value
			}
		}
	}
	return b
}

type globalFlags struct {
	config     string
	verbose    bool
	quiet      bool
	noColor    bool
	cpuprofile string
	memprofile string
}

// NewCmdRoot builds the root command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd, _, _ := newRoot(f, "")
	return cmd
}

// newRoot builds the root command, the config it reads before running a
// command, and a finish function that ends what the run started
// (profiles), whether the command succeeded or not. With only naming a
// top-level command, only that command's subtree is built until something
// needs the whole tree ([addCommands]).
func newRoot(f *cmdutil.Factory, only string) (*cobra.Command, *config, func()) {
	var g globalFlags
	cfg := &config{v: f.Config}
	f.ConfigSection = cfg.section
	var stopProfile func()
	cmd := &cobra.Command{
		Use:   "ozgctl <command> [flags]",
		Short: "convert FIM definitions and check XÖV messages against sharpened standards",
		Long: `ozgctl reads FIM artefacts (XDatenfelder 2.0 and 3.0.0, genericode code lists),
checks their quality, converts them into forms and interface code, and checks
XÖV messages against XSD, code lists, profiles and Schematron.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above
--fail-on, 2 usage error or an input that could not be read or checked,
130 interrupted by Ctrl-C, 143 by SIGTERM (the report lists what finished).`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			f.IO.SetNoColor(g.noColor)
			f.IO.SetQuiet(g.quiet)
			f.IO.SetVerbose(g.verbose)
			if err := loadConfig(cfg, cmd.Root(), g.config); err != nil {
				return err
			}
			if err := applyConfig(cfg, cmd); err != nil {
				return err
			}
			f.Ignores = cfg.ignores
			if g.verbose {
				cfg.describe(f.IO.ErrOut, g.config)
			}
			if cmd.CommandPath() != "ozgctl serve" {
				heapfloor.Set(heapfloor.Bytes)
			}
			stop, err := startProfiles(g.cpuprofile, g.memprofile)
			if err != nil {
				return err
			}
			stopProfile = stop
			return nil
		},
	}
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &cmdutil.FlagError{Err: err} })
	pf := cmd.PersistentFlags()
	pf.StringVar(&g.config, "config", "", "config `FILE` (default: ./ozgctl.yaml or $XDG_CONFIG_HOME/ozgctl/ozgctl.yaml)")
	pf.BoolVarP(&g.verbose, "verbose", "v", false, "say on stderr which config file was read and which flags it set; list suppressed findings in text reports")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "no progress or hints on stderr")
	pf.BoolVar(&g.noColor, "no-color", false, "no colours (also: NO_COLOR set, or output not a terminal)")
	pf.StringVar(&g.cpuprofile, "cpuprofile", "", "write a CPU profile to `FILE`")
	pf.StringVar(&g.memprofile, "memprofile", "", "write a heap profile to `FILE`")
	_ = pf.MarkHidden("cpuprofile")
	_ = pf.MarkHidden("memprofile")

	cfg.fullTree = addCommands(cmd, f, only)
	return cmd, cfg, func() {
		if stopProfile != nil {
			stopProfile()
		}
	}
}

func startProfiles(cpu, mem string) (func(), error) {
	var stops []func()
	if cpu != "" {
		fh, err := os.Create(cpu)
		if err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(fh); err != nil {
			fh.Close()
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); fh.Close() })
	}
	if mem != "" {
		startup.MemProfile()
		stops = append(stops, func() {
			fh, err := os.Create(mem)
			if err != nil {
				return
			}
			runtime.GC()
			_ = pprof.WriteHeapProfile(fh)
			fh.Close()
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}, nil
}

func newCmdVersion(f *cmdutil.Factory) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "print version, commit and Go version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b := f.Build
			switch output {
			case "text":
				fmt.Fprintf(f.IO.Out, "ozgctl %s\ncommit: %s\ngo: %s %s/%s\n", b.Version, orNone(b.Commit), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			case "json":
				fmt.Fprintf(f.IO.Out, "{\n  \"version\": %q,\n  \"commit\": %q,\n  \"go\": %q\n}\n", b.Version, b.Commit, runtime.Version())
			default:
				return cmdutil.CheckFormat(output, report.FormatText, report.FormatJSON)
			}
			return nil
		},
	}
	cmdutil.AddFormatFlag(cmd, &output, report.FormatText, report.FormatJSON)
	return cmd
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
