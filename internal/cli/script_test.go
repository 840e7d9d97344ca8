package cli

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/testenv"
)

var updateScripts = flag.Bool("update", false, "update testscript cmp sections")

func TestMain(m *testing.M) {
	testscript.Main(testenv.IsolatedCache(m), map[string]func(){
		"ozgctl": func() { os.Exit(Main(os.Args[1:], iostreams.System())) },
	})
}

// TestScript runs every testdata/script/*.txtar against the in-process CLI.
// Each script can use $REPO (the module root) to reach examples/ and testdata/.
func TestScript(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *updateScripts,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("NO_COLOR", "1")
			// Each script has a cache directory of its own (the
			// compiled-schema cache), never the user's.
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N CMD ARGS... runs CMD and asserts its exact exit code.
			"exitcode": cmdExitCode,
			// interrupt SIG N CMD ARGS... runs CMD, sends it SIG (INT or
			// TERM) once it is running, and asserts exit code N; its output
			// goes to the files interrupt.stdout and interrupt.stderr.
			"interrupt": cmdInterrupt,
			// cmpnotime A B compares two JUnit reports (A may be "stdout")
			// without their time attributes, which measure the run.
			"cmpnotime": cmdCmpNoTime,
		},
	})
}

func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		got = -1
		if ee, ok := err.(interface{ ExitCode() int }); ok {
			got = ee.ExitCode()
		} else if s := err.Error(); len(s) > len("exit status ") && s[:len("exit status ")] == "exit status " {
			got, _ = strconv.Atoi(s[len("exit status "):])
		}
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d (%v)", got, want, err)
	}
}

// TestScaleOutDocsInSync checks that every ozgctl command of
// docs/scale-out.md is run, verbatim, by testdata/script/scale_out.txtar.
func TestScaleOutDocsInSync(t *testing.T) {
	doc, err := os.ReadFile("../../docs/scale-out.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("testdata/script/scale_out.txtar")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(doc), "\n") {
		i := strings.Index(line, "ozgctl ")
		if i < 0 || strings.Contains(line, "`") || strings.Contains(line, "name: ozgctl") || strings.Contains(line, "image:") {
			continue
		}
		cmd := line[i:]
		if j := strings.Index(cmd, " >"); j >= 0 {
			cmd = cmd[:j] // a shell redirection; the script copies stdout
		}
		n++
		if !strings.Contains(string(script), cmd) {
			t.Errorf("docs/scale-out.md runs %q; scale_out.txtar does not", cmd)
		}
	}
	if n < 5 {
		t.Errorf("only %d commands found in docs/scale-out.md", n)
	}
}

// TestCIDocsInSync checks that every ozgctl command in the shell blocks
// of docs/ci.md is run, verbatim, by testdata/script/ci_baseline.txtar.
func TestCIDocsInSync(t *testing.T) {
	doc, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("testdata/script/ci_baseline.txtar")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	inSh := false
	for _, line := range strings.Split(string(doc), "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
		case strings.HasPrefix(line, "```"):
			inSh = false
		case inSh && strings.HasPrefix(line, "ozgctl "):
			n++
			if !strings.Contains(string(script), line) {
				t.Errorf("docs/ci.md runs %q; ci_baseline.txtar does not", line)
			}
		}
	}
	if n < 3 {
		t.Errorf("only %d commands found in docs/ci.md", n)
	}
}

func cmdInterrupt(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 {
		ts.Fatalf("usage: interrupt INT|TERM N command [args...]")
	}
	sig := map[string]os.Signal{"INT": os.Interrupt, "TERM": syscall.SIGTERM}[args[0]]
	want, err := strconv.Atoi(args[1])
	if sig == nil || err != nil {
		ts.Fatalf("usage: interrupt INT|TERM N command [args...]")
	}
	prog, err := exec.LookPath(args[2])
	if err != nil {
		// The commands of testscript.Main live in a directory on the
		// script's PATH, not the test's.
		for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
			if p := filepath.Join(dir, args[2]); fileExists(p) {
				prog, err = p, nil
				break
			}
		}
	}
	ts.Check(err)
	cmd := exec.Command(prog, args[3:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "WORK", "REPO", "NO_COLOR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	var stdout, stderr strings.Builder
	cmd.Stdout = &stdout
	cmd.Stderr = &syncWriter{w: &stderr}
	ts.Check(cmd.Start())
	// --verbose makes the command say "config: …" on stderr once its
	// signal handler is installed; then give it a moment to get to work.
	started := time.Now()
	for !strings.Contains(cmd.Stderr.(*syncWriter).String(), "config:") && time.Since(started) < 30*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	ts.Check(cmd.Process.Signal(sig))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		ts.Fatalf("%s did not end within 30s of SIG%s", args[2], args[0])
	}
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("%v", err)
	}
	ts.Check(os.WriteFile(ts.MkAbs("interrupt.stdout"), []byte(stdout.String()), 0o644))
	ts.Check(os.WriteFile(ts.MkAbs("interrupt.stderr"), []byte(cmd.Stderr.(*syncWriter).String()), 0o644))
	if got != want {
		ts.Fatalf("exit code %d, want %d\nstderr:\n%s", got, want, cmd.Stderr.(*syncWriter).String())
	}
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// syncWriter lets the test read what a running process wrote so far.
type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.String()
}

// junitTime matches the check times of JUnit reports and of the JSON of
// a shard, which differ between any two runs.
var junitTime = regexp.MustCompile(` time="[0-9.]+"|,\n\s*"time": [0-9.e+-]+`)

func cmdCmpNoTime(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpnotime FILE|stdout FILE (JUnit or the JSON of a shard)")
	}
	a := ts.ReadFile(args[0])
	b := ts.ReadFile(args[1])
	if junitTime.ReplaceAllString(a, "") != junitTime.ReplaceAllString(b, "") {
		ts.Fatalf("%s and %s differ beyond their time attributes", args[0], args[1])
	}
}
