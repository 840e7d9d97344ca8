package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

var updateScripts = flag.Bool("update", false, "update testscript cmp sections")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
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
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N CMD ARGS... runs CMD and asserts its exact exit code.
			"exitcode": cmdExitCode,
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
