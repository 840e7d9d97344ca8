package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
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
		// A command that runs until a signal (serve) cannot be run to its
		// end here; internal/cli/serve's TestServeRun runs it.
		if cmdutil.SignalEndsNormally(c) {
			return
		}
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
	// The quick start writes its files to out/ (after "mkdir -p out").
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
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

// TestReadmeVerbatim runs the README's install block (after the clone) and
// then every line of its quick start, as written, with bash in the root
// of this clone, a fresh HOME and the installed binary first on PATH: the
// newcomer's path. A quick-start command may exit 1 (the examples have
// findings on purpose), never 2 or anything else.
func TestReadmeVerbatim(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and installs the binary")
	}
	for _, tool := range []string{"bash", "make", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found", tool)
		}
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	install, err := shBlock(string(data), "## Install")
	if err != nil {
		t.Fatal(err)
	}
	quick, err := shBlock(string(data), "## Quick start")
	if err != nil {
		t.Fatal(err)
	}
	if len(install) < 2 || !strings.HasPrefix(install[0], "git clone ") {
		t.Fatalf("install block %q: want a git clone line first", install)
	}
	home := t.TempDir()
	gopath := filepath.Join(home, "go")
	// A fresh HOME and GOPATH, but the machine's build and module caches:
	// the test is about the commands, not about downloading the world.
	env := append(os.Environ(), "HOME="+home, "GOPATH="+gopath, "GOBIN=", "GOFLAGS=-mod=readonly")
	for _, k := range []string{"GOCACHE", "GOMODCACHE"} {
		v, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatal(err)
		}
		env = append(env, k+"="+strings.TrimSpace(string(v)))
	}
	run := func(line string) (int, string) {
		cmd := exec.Command("bash", "-c", line)
		cmd.Dir = repo
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		switch {
		case err == nil:
			return 0, string(out)
		case errors.As(err, &ee):
			return ee.ExitCode(), string(out)
		}
		t.Fatalf("%s: %v", line, err)
		return -1, ""
	}
	// The export line changes PATH for the lines after it: run the block
	// as one script so it does, and print PATH for the quick start.
	script := strings.Join(install[1:], "\n") + "\ncommand -v ozgctl\n"
	code, out := run(script)
	if code != 0 {
		t.Fatalf("install block: exit %d\n%s", code, out)
	}
	bin := filepath.Join(gopath, "bin")
	if want := filepath.Join(bin, "ozgctl"); !strings.Contains(out, want) {
		t.Fatalf("install block put ozgctl elsewhere than %s:\n%s", want, out)
	}
	env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Cleanup(func() { os.RemoveAll(filepath.Join(repo, "out")) })
	for _, line := range quick {
		if code, out := run(line); code != 0 && (code != 1 || !strings.HasPrefix(line, "ozgctl ")) {
			t.Errorf("%s: exit %d\n%s", line, code, out)
		}
	}
}

// shBlock returns the command lines of the first sh block after heading:
// "\" continuations joined, comments and blank lines left out.
func shBlock(readme, heading string) ([]string, error) {
	_, rest, ok := strings.Cut(readme, heading+"\n")
	if !ok {
		return nil, fmt.Errorf("README has no %q", heading)
	}
	_, rest, ok = strings.Cut(rest, "```sh\n")
	if !ok {
		return nil, fmt.Errorf("README: no sh block after %q", heading)
	}
	block, _, _ := strings.Cut(rest, "```")
	block = strings.ReplaceAll(block, "\\\n", " ")
	var out []string
	for _, l := range strings.Split(block, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
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

// interopExample is the command whose HTML output examples/interop holds.
var interopExample = []string{"report", "interop", "--profile", "examples/profiles/xrechnung-ubl.yaml",
	"--manifest", "examples/interop/groups.yaml", "--output", "html", "--lang", "en"}

// TestInteropExampleReport regenerates examples/interop/report.html and
// fails when the committed page is stale; -update rewrites it.
func TestInteropExampleReport(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	ios, _, out, errOut := iostreams.Test()
	if code := Main(interopExample, ios); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	const file = "examples/interop/report.html"
	if *updateScripts {
		if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != out.String() {
		t.Errorf("%s is stale: run go test ./internal/cli -run TestInteropExampleReport -update", file)
	}
}
