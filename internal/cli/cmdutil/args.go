package cmdutil

import (
	"errors"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// notInCommandLine reports whether flag changes how a run goes or how its
// results are written but not what it finds; leaving them out of the
// recorded command line keeps reports of "-j 1" and "-j 8" runs, of every
// output format and of merged shards byte for byte the same.
func notInCommandLine(flag string) bool {
	switch flag {
	case "jobs", "quiet", "no-color", "verbose", "cpuprofile", "memprofile", "config",
		"output", "report", "shard", "shard-count":
		return true
	}
	return false
}

// CommandLine reconstructs the invocation ("ozgctl fim lint --fail-on=warning
// a.xml") from the flags that were set and the arguments, for reports.
func CommandLine(cmd *cobra.Command) string {
	out := []string{cmd.CommandPath()}
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if notInCommandLine(fl.Name) {
			return
		}
		if sv, ok := fl.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				out = append(out, "--"+fl.Name+"="+v)
			}
			return
		}
		out = append(out, "--"+fl.Name+"="+fl.Value.String())
	})
	return strings.Join(append(out, cmd.Flags().Args()...), " ")
}

// PathErr strips the operation and path from an *os.PathError, for
// messages that already name the file.
func PathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// CheckDirs returns a FlagError naming flag unless every path in dirs is an
// existing directory.
func CheckDirs(flag string, dirs []string) error {
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			return FlagErrorf("%s %q: %v", flag, d, PathErr(err))
		}
		if !st.IsDir() {
			return FlagErrorf("%s %q: not a directory", flag, d)
		}
	}
	return nil
}

// AddLangFlag registers --lang (de or en, default de); what names what it
// sets the language of, for the flag's help.
func AddLangFlag(cmd *cobra.Command, lang *string, what string) {
	cmd.Flags().StringVar(lang, "lang", "de", "language of "+what+": de or en")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"de", "en"}, cobra.ShellCompDirectiveNoFileComp))
}

// CheckLang returns a usage error unless lang is "de" or "en".
func CheckLang(lang string) error {
	if lang != "de" && lang != "en" {
		return FlagErrorf("--lang %q: want de or en", lang)
	}
	return nil
}
