package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

// TestHelpExamples runs every "ozgctl …" line of every command's Example
// help text and of the README's quick start on the bundled examples: an example a user copies from --help
// must not end in a usage or input error (exit 2). It runs in a scratch
// directory whose examples/ and pkg/ point at the repository's, so files
// the examples write land there.
func TestHelpExamples(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(&cmdutil.Factory{IO: ios, Config: viper.New()})
	var lines []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, l := range strings.Split(c.Example, "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "ozgctl ") {
				lines = append(lines, l)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(lines) < 10 {
		t.Fatalf("only %d help examples found", len(lines))
	}
	readme, err := readmeCommands(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(readme) < 5 {
		t.Fatalf("only %d README quick-start commands found", len(readme))
	}
	lines = append(lines, readme...)

	dir := t.TempDir()
	// Some examples name test sets under pkg/…/testdata of a clone.
	for _, name := range []string{"examples", "pkg"} {
		if err := os.Symlink(filepath.Join(repo, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, l := range lines {
		t.Run(l, func(t *testing.T) {
			args, err := splitWords(strings.TrimPrefix(l, "ozgctl "))
			if err != nil {
				t.Fatal(err)
			}
			ios, _, _, errOut := iostreams.Test()
			if code := Main(args, ios); code != ExitOK && code != ExitFindings {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
		})
	}
}

// readmeCommands returns the "ozgctl …" command lines of the README's
// quick start (the first sh block after "## Quick start"), with "\"
// continuations joined.
func readmeCommands(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	_, rest, ok := strings.Cut(string(data), "## Quick start")
	if !ok {
		return nil, errors.New("README has no quick start")
	}
	_, rest, _ = strings.Cut(rest, "```sh\n")
	block, _, _ := strings.Cut(rest, "```")
	block = strings.ReplaceAll(block, "\\\n", " ")
	var out []string
	for _, l := range strings.Split(block, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "ozgctl ") {
			out = append(out, l)
		}
	}
	return out, nil
}

// splitWords splits a command line as a POSIX shell would for the simple
// quoting help examples use ('…' and "…", no expansion).
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errUnclosedQuote
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

var errUnclosedQuote = errors.New("unclosed quote in example")
