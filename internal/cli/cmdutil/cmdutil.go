// Package cmdutil holds what command packages share: the Factory, the error
// kinds that map to exit codes, and flag helpers.
package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/baseline"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// BuildInfo describes the binary.
type BuildInfo struct {
	Version, Commit, Date string
}

// Factory carries what every command needs.
type Factory struct {
	IO     *iostreams.IOStreams
	Config *viper.Viper
	Build  BuildInfo
	// Ignores are the ignore entries of the config file, set once it was
	// read (before a command's RunE).
	Ignores []baseline.Ignore
	// ConfigSection returns a section of the config file that a command
	// declared with [SetConfigSections], by key path ("serve",
	// "profiles"), and the file's name; nil when there is none. It is
	// set once the config file was read.
	ConfigSection func(path ...string) (*yaml.Node, string)
}

// configSectionsAnnotation is the cobra annotation listing a command's
// config sections.
const configSectionsAnnotation = "ozgctl:config-sections"

// SetConfigSections declares keys of cmd's scope in ozgctl.yaml that hold
// a mapping the command reads itself (named schema sets of "serve"),
// rather than flag values.
func SetConfigSections(cmd *cobra.Command, keys ...string) {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[configSectionsAnnotation] = strings.Join(keys, ",")
}

// signalAnnotation marks a command that a signal ends normally.
const signalAnnotation = "ozgctl:signal-ends-normally"

// SetSignalEndsNormally marks cmd as one that runs until SIGTERM or
// SIGINT and then ends by itself (a server): when it returns nil, the
// exit code is 0, not 128+signal.
func SetSignalEndsNormally(cmd *cobra.Command) {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[signalAnnotation] = "true"
}

// SignalEndsNormally reports whether [SetSignalEndsNormally] marked cmd.
func SignalEndsNormally(cmd *cobra.Command) bool {
	return cmd != nil && cmd.Annotations[signalAnnotation] == "true"
}

// ConfigSections returns the keys declared by [SetConfigSections].
func ConfigSections(cmd *cobra.Command) []string {
	if v := cmd.Annotations[configSectionsAnnotation]; v != "" {
		return strings.Split(v, ",")
	}
	return nil
}

// ErrFindings ends a run with exit code 1 after the report was printed.
var ErrFindings = errors.New("findings at or above the fail level")

// ErrInput ends a run with exit code 2 after the report (which names the
// inputs that could not be checked) was printed.
var ErrInput = errors.New("some inputs could not be checked")

// InterruptedError is the cancellation cause of a run stopped by a signal.
type InterruptedError struct{ Signal os.Signal }

// Error implements error.
func (e *InterruptedError) Error() string { return "interrupted by " + e.Signal.String() }

// ExitCode returns 128 plus the signal number, as shells report a process
// ended by the signal: 130 for SIGINT (Ctrl-C), 143 for SIGTERM.
func (e *InterruptedError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// FlagError is a usage error: it prints usage and exits 2.
type FlagError struct{ Err error }

// Error implements error.
func (e *FlagError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf formats a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// HintError is an error with a hint on what to do next.
type HintError struct {
	Err  error
	Hint string
}

// Error implements error.
func (e *HintError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *HintError) Unwrap() error { return e.Err }

// ResultError returns nil, ErrFindings or ErrInput for a report's exit code.
func ResultError(r *finding.Report) error {
	switch r.ExitCode() {
	case 1:
		return ErrFindings
	case 2:
		return ErrInput
	}
	return nil
}

// OutputFlags are the shared reporting flags of check-like commands.
type OutputFlags struct {
	Output  string
	Reports []string
	FailOn  string
	Lang    string
	// MaxAnnotations caps the annotations of the github format.
	MaxAnnotations int
	// outputSet says whether --output was given on the command line.
	outputSet func() bool
}

// AddOutputFlags registers --output, --report, --fail-on and --lang.
func AddOutputFlags(cmd *cobra.Command, o *OutputFlags, formats []string) {
	o.outputSet = func() bool { return cmd.Flags().Changed("output") }
	cmd.Flags().StringVar(&o.Output, "output", "text", "output format: "+strings.Join(formats, ", "))
	cmd.Flags().StringArrayVar(&o.Reports, "report", nil, "also write a report file, `FORMAT=PATH` (repeatable; PATH - writes that report to stdout instead of --output's)")
	cmd.Flags().StringVar(&o.FailOn, "fail-on", "error", "lowest severity that fails the run: error, warning or info")
	AddLangFlag(cmd, &o.Lang, "finding messages")
	if slices.Contains(formats, report.FormatGitHub) {
		cmd.Flags().IntVar(&o.MaxAnnotations, "max-annotations", report.DefaultMaxAnnotations, "most annotations the github format writes (GitHub shows 50 per job); -1 for no limit, 0 for the default")
	}
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))
}

// ReportSink is one destination for a rendered report.
type ReportSink struct {
	Format string
	Path   string // "" means stdout
	Func   report.Func
	// MaxAnnotations is --max-annotations, for the github format.
	MaxAnnotations int
	// PerMessage writes one file per message into the directory Path,
	// named <input base name>-report.xml (--report kosit=DIR), as the
	// KoSIT validator does.
	PerMessage bool
}

// Resolve checks the output flags against the formats a command supports.
func (o *OutputFlags) Resolve(formats []string) (sinks []ReportSink, failOn finding.Severity, err error) {
	f, err := report.Lookup(o.Output, formats...)
	if err != nil {
		return nil, 0, &FlagError{Err: fmt.Errorf("--output: %w", err)}
	}
	sinks = append(sinks, ReportSink{Format: o.Output, Func: f})
	stdoutBy := ""
	for _, spec := range o.Reports {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || name == "" || path == "" {
			return nil, 0, FlagErrorf("--report %q: want FORMAT=PATH (PATH - for stdout)", spec)
		}
		f, err := report.Lookup(name, formats...)
		if err != nil {
			return nil, 0, &FlagError{Err: fmt.Errorf("--report: %w", err)}
		}
		if path == "-" {
			// The report for stdout; it takes the place of --output's,
			// which must then not have been asked for as well.
			switch {
			case stdoutBy != "":
				return nil, 0, FlagErrorf("--report %s and --report %s: only one report can go to stdout", stdoutBy, spec)
			case o.Output != "text" || (o.outputSet != nil && o.outputSet()):
				return nil, 0, FlagErrorf("--report %s and --output %s: only one report can go to stdout", spec, o.Output)
			}
			stdoutBy = spec
			sinks[0] = ReportSink{Format: name, Func: f}
			continue
		}
		if name == report.FormatKoSIT && isDirArg(path) {
			if err := os.MkdirAll(path, 0o755); err != nil {
				return nil, 0, fmt.Errorf("--report %s: %w", spec, PathErr(err))
			}
			sinks = append(sinks, ReportSink{Format: name, Path: path, Func: f, PerMessage: true})
			continue
		}
		if err := writableFile(path); err != nil {
			// The flag is well-formed; the file system refuses: one line,
			// no usage.
			return nil, 0, fmt.Errorf("--report %s: %w", spec, err)
		}
		sinks = append(sinks, ReportSink{Format: name, Path: path, Func: f})
	}
	if o.MaxAnnotations < -1 {
		return nil, 0, FlagErrorf("--max-annotations %d: want a positive number, or -1 for no limit", o.MaxAnnotations)
	}
	for i := range sinks {
		sinks[i].MaxAnnotations = o.MaxAnnotations
	}
	failOn, err = finding.ParseSeverity(o.FailOn)
	if err != nil {
		return nil, 0, &FlagError{Err: fmt.Errorf("--fail-on: %w", err)}
	}
	if err := CheckLang(o.Lang); err != nil {
		return nil, 0, err
	}
	return sinks, failOn, nil
}

// isDirArg reports whether path names a directory: an existing one, or
// one written with a trailing slash.
func isDirArg(path string) bool {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)) {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// CheckPerMessageSinks refuses a report of a one-message format (kosit)
// into a single file or stdout when the run has n inputs other than one.
func CheckPerMessageSinks(sinks []ReportSink, n int) error {
	for _, s := range sinks {
		if s.Format != report.FormatKoSIT || s.PerMessage || n == 1 {
			continue
		}
		dest := "stdout"
		if s.Path != "" {
			dest = s.Path
		}
		return &HintError{Err: fmt.Errorf("the kosit report holds one message, and this run has %d inputs (report to %s)", n, dest),
			Hint: "write one report per message into a directory with --report kosit=DIR/ (named <input>-report.xml, as the KoSIT validator names them)"}
	}
	return nil
}

// writePerMessage writes one report per message into the directory of s.
func writePerMessage(s ReportSink, r *finding.Report, opts report.Options) error {
	seen := map[string]string{}
	for i := range r.Files {
		fr := r.Files[i]
		if fr.Err != nil {
			continue // not checked: its input error is in the run's report
		}
		base := filepath.Base(fr.File)
		if fr.File == "-" {
			base = "stdin"
		}
		name := strings.TrimSuffix(base, filepath.Ext(base)) + "-report.xml"
		if prev, dup := seen[name]; dup {
			return fmt.Errorf("write kosit reports to %s: %s and %s both give %s; check them in separate runs or rename one", s.Path, prev, fr.File, name)
		}
		seen[name] = fr.File
		one := *r
		one.Files = []finding.FileResult{fr}
		if err := report.WriteFile(filepath.Join(s.Path, name), s.Func, &one, opts); err != nil {
			return err
		}
	}
	return nil
}

// writableFile says why a report cannot be written to path, before a run
// spends its time: its directory must exist and take new files, and path
// must not be a directory.
func writableFile(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("directory %s: %w", dir, PathErr(err))
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	probe, err := os.CreateTemp(dir, ".ozgctl-probe-*")
	if err != nil {
		return fmt.Errorf("cannot create files in %s: %w", dir, PathErr(err))
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// Finish writes the report of a batch run and returns the error that ends
// the command with the right exit code. A run whose context was cancelled
// is marked interrupted in every format, and the exit code its reports
// record (SARIF) is the process's: 128+signal.
func Finish(ctx context.Context, io *iostreams.IOStreams, sinks []ReportSink, r *finding.Report, lang string) error {
	code := r.ExitCode()
	var ie *InterruptedError
	if ctx.Err() != nil {
		r.Interrupted = true
		code = 130
		if errors.As(context.Cause(ctx), &ie) {
			code = ie.ExitCode()
		}
	}
	if err := writeReports(io, sinks, r, lang, code); err != nil {
		return err
	}
	if ie != nil {
		return ie
	}
	if r.Interrupted {
		return ctx.Err()
	}
	return ResultError(r)
}

// WriteReports renders r to every sink: report files first (each written
// atomically), then stdout (text as it is made, the other formats in one
// piece), so a closed pipe on stdout cannot cost the files. A report file that fails after all does not cost stdout
// either: the results are printed, then the error returned.
func WriteReports(io *iostreams.IOStreams, sinks []ReportSink, r *finding.Report, lang string) error {
	return writeReports(io, sinks, r, lang, r.ExitCode())
}

func writeReports(io *iostreams.IOStreams, sinks []ReportSink, r *finding.Report, lang string, code int) error {
	var fileErr error
	for _, s := range sinks {
		if s.Path == "" {
			continue
		}
		if s.PerMessage {
			if err := writePerMessage(s, r, report.Options{ExitCode: code, Lang: lang}); err != nil && fileErr == nil {
				fileErr = err
			}
			continue
		}
		if err := report.WriteFile(s.Path, s.Func, r, report.Options{ExitCode: code, Lang: lang, MaxAnnotations: s.MaxAnnotations}); err != nil && fileErr == nil {
			fileErr = err
		}
	}
	for _, s := range sinks {
		if s.Path != "" {
			continue
		}
		opts := report.Options{ExitCode: code, Lang: lang, Color: io.ColorEnabled(), Verbose: io.Verbose(), MaxAnnotations: s.MaxAnnotations}
		// Text goes out as it is made, through the reporter's own small
		// buffer: a report held whole first costs a fresh page per 4 KB
		// (~13 page faults for the findings of 100 messages).
		var err error
		if s.Format == report.FormatText {
			err = s.Func(io.Out, r, opts)
		} else {
			err = report.Render(io.Out, s.Func, r, opts)
		}
		if err != nil {
			return fmt.Errorf("write %s report: %w", s.Format, err)
		}
	}
	return fileErr
}

// AddFormatFlag adds --output for a command that prints one of formats
// (names from package report) with its own writer, not through the report
// registry; [CheckFormat] validates the value in RunE.
func AddFormatFlag(cmd *cobra.Command, p *string, formats ...string) {
	cmd.Flags().StringVar(p, "output", report.FormatText, "output format: "+strings.Join(formats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// CheckFormat returns a FlagError unless name is one of formats.
func CheckFormat(name string, formats ...string) error {
	if slices.Contains(formats, name) {
		return nil
	}
	valid := slices.Clone(formats)
	slices.Sort(valid)
	return FlagErrorf("--output: %v", &report.UnknownFormatError{Name: name, Valid: valid})
}

// RefuseInputs returns a FlagError when one of the paths a command writes
// (flag names it) is one of its inputs, compared as files (links and
// different spellings of one path included): writing it would destroy the
// input the output is made from.
func RefuseInputs(flag, out string, inputs ...string) error {
	if out == "" || out == "-" {
		return nil
	}
	ost, oerr := os.Stat(out)
	oabs, _ := filepath.Abs(out)
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		if ist, err := os.Stat(in); err == nil && oerr == nil && os.SameFile(ist, ost) {
			return FlagErrorf("%s %s: that is the input %s; write the output elsewhere", flag, out, in)
		}
		if iabs, err := filepath.Abs(in); err == nil && iabs == oabs {
			return FlagErrorf("%s %s: that is the input %s; write the output elsewhere", flag, out, in)
		}
	}
	return nil
}

// RefuseReportInputs is [RefuseInputs] for every report file of sinks.
func RefuseReportInputs(sinks []ReportSink, inputs []string) error {
	for _, s := range sinks {
		if err := RefuseInputs("--report "+s.Format+"="+s.Path, s.Path, inputs...); err != nil {
			return err
		}
	}
	return nil
}
