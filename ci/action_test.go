// Package ci_test runs the CI integrations as a CI system would: the
// shell steps of the GitHub Action (action.yml, ci/action/run.sh) and the
// script of the GitLab job (ci/gitlab/ozgctl.gitlab-ci.yml), locally, with
// the CI variables set.
package ci_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repo is the module root, where action.yml sits.
func repo(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func needBash(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the action's shell steps run on bash; this test runs them on Unix")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	return bash
}

// copyTree copies the files below src (relative to the repository) to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runner is one job on a pretend GitHub runner.
type runner struct {
	workspace, temp, output, summary, path string
}

func newRunner(t *testing.T) *runner {
	t.Helper()
	d := t.TempDir()
	r := &runner{workspace: filepath.Join(d, "workspace"), temp: filepath.Join(d, "temp"),
		output: filepath.Join(d, "output"), summary: filepath.Join(d, "summary.md"), path: filepath.Join(d, "path")}
	for _, dir := range []string{r.workspace, r.temp} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyTree(t, filepath.Join(repo(t), "examples", "xoev"), filepath.Join(r.workspace, "examples", "xoev"))
	return r
}

// run runs ci/action/run.sh with the inputs as action.yml passes them and
// returns stdout, stderr and the exit code.
func (r *runner) run(t *testing.T, inputs map[string]string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(needBash(t), filepath.Join(repo(t), "ci", "action", "run.sh"))
	cmd.Dir = r.workspace
	cmd.Env = append(os.Environ(),
		"GITHUB_ACTIONS=true", "CI=true",
		"GITHUB_ACTION_PATH="+repo(t), "GITHUB_WORKSPACE="+r.workspace, "RUNNER_TEMP="+r.temp,
		"GITHUB_OUTPUT="+r.output, "GITHUB_STEP_SUMMARY="+r.summary, "GITHUB_PATH="+r.path)
	for k, v := range inputs {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

// outputs reads the step outputs written to GITHUB_OUTPUT.
func (r *runner) outputs(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(r.output)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		k, v, _ := strings.Cut(line, "=")
		out[k] = v
	}
	return out
}

const checkArgs = "--xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml examples/xoev/messages"

// TestActionBuildFromSource runs the action's shell step as the runner
// does, building ozgctl from this source: the annotations go to the log,
// the outputs and the step summary are written, SARIF is where asked, and
// the step fails with ozgctl's exit code.
func TestActionBuildFromSource(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ozgctl")
	}
	r := newRunner(t)
	stdout, stderr, code := r.run(t, map[string]string{
		"OZGCTL_COMMAND": "check", "OZGCTL_ARGS": checkArgs, "OZGCTL_VERSION": "", "OZGCTL_SARIF_FILE": "results/ozgctl.sarif"})
	if code != 1 {
		t.Fatalf("exit code %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"built ozgctl from source",
		"::group::examples/xoev/messages/antrag-xsd-fehler.xml\n",
		"::error file=examples/xoev/messages/antrag-xsd-fehler.xml,line=16,col=72,title=xsd%3Afacet::",
		"::endgroup::\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("log lacks %q:\n%s", want, stdout)
		}
	}
	out := r.outputs(t)
	if out["exit-code"] != "1" || out["sarif-file"] != "results/ozgctl.sarif" || !strings.HasPrefix(out["summary"], "FEHLGESCHLAGEN: Dateien: 3") || out["category"] != "ozgctl-check" {
		t.Errorf("outputs %v", out)
	}
	summary, err := os.ReadFile(r.summary)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"### ozgctl check", "| exit code | 1 (findings at or above --fail-on) |", "| SARIF | `results/ozgctl.sarif` |"} {
		if !strings.Contains(string(summary), want) {
			t.Errorf("step summary lacks %q:\n%s", want, summary)
		}
	}
	sarif, err := os.ReadFile(filepath.Join(r.workspace, "results", "ozgctl.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 2 {
		t.Errorf("SARIF: version %q, %d runs (%v)", log.Version, len(log.Runs), err)
	}
	if p, _ := os.ReadFile(r.path); strings.TrimSpace(string(p)) != filepath.Join(r.temp, "ozgctl-bin") {
		t.Errorf("GITHUB_PATH = %q", p)
	}

	// A clean run passes; --output given by the user is kept.
	r2 := newRunner(t)
	stdout, stderr, code = r2.run(t, map[string]string{"OZGCTL_COMMAND": "check", "OZGCTL_VERSION": "source",
		"OZGCTL_ARGS": "--xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml --output text examples/xoev/messages/antrag-gueltig.xml"})
	if code != 0 || strings.Contains(stdout, "::") || !strings.Contains(stdout, "ok: Dateien: 1") {
		t.Errorf("clean run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if s, _ := os.ReadFile(r2.summary); !strings.Contains(string(s), "| exit code | 0 (passed) |") {
		t.Errorf("step summary:\n%s", s)
	}
}

// TestActionPinnedRelease installs a release the way the action does on a
// runner: the asset named after version, OS and architecture, checked
// against SHA256SUMS; a wrong checksum or an asset missing from the list
// stops the step with exit 2 before anything runs.
func TestActionPinnedRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ozgctl")
	}
	needBash(t)
	const version = "v9.9.9-test"
	releases := t.TempDir()
	dir := filepath.Join(releases, version)
	asset := "ozgctl_" + version + "_" + runtime.GOOS + "_" + runtime.GOARCH
	build := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(dir, asset), "./cmd/ozgctl")
	build.Dir = repo(t)
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bin, err := os.ReadFile(filepath.Join(dir, asset))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(bin)
	sums := func(t *testing.T, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs := map[string]string{"OZGCTL_COMMAND": "check", "OZGCTL_ARGS": checkArgs, "OZGCTL_VERSION": version,
		"OZGCTL_RELEASE_URL": "file://" + releases, "PATH": "/usr/bin:/bin"} // no Go needed
	for _, tc := range []struct {
		name, sums string
		code       int
		want       string
	}{
		{"good", hex.EncodeToString(sum[:]) + "  " + asset + "\n" + strings.Repeat("0", 64) + "  ozgctl_" + version + "_plan9_mips\n", 1, "installed ozgctl " + version},
		{"bad checksum", strings.Repeat("ab", 32) + "  " + asset + "\n", 2, "checksum mismatch for " + asset},
		{"not listed", strings.Repeat("ab", 32) + "  other\n", 2, "SHA256SUMS of " + version + " lists no " + asset},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sums(t, tc.sums)
			r := newRunner(t)
			stdout, stderr, code := r.run(t, inputs)
			if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
				t.Fatalf("exit %d (want %d), no %q in\n%s\n%s", code, tc.code, tc.want, stdout, stderr)
			}
			if tc.code == 2 && strings.Contains(stdout, "::group::") {
				t.Error("ozgctl ran although the checksum did not match")
			}
		})
	}
	t.Run("bad version", func(t *testing.T) {
		in := map[string]string{"OZGCTL_VERSION": "latest"}
		_, stderr, code := newRunner(t).run(t, in)
		if code != 2 || !strings.Contains(stderr, `version "latest": want a release tag`) {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
}

// TestActionYAML checks that action.yml is a composite action with the
// documented inputs, passes them to run.sh through the environment (never
// into the script text) and uploads SARIF only when asked.
func TestActionYAML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repo(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Name   string
		Inputs map[string]struct {
			Description string
			Default     *string
		}
		Outputs map[string]struct{ Value string }
		Runs    struct {
			Using string
			Steps []struct {
				ID, If, Uses, Run, Shell string
				Env                      map[string]string
				With                     map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", a.Runs.Using)
	}
	for _, in := range []string{"command", "args", "version", "sarif-file"} {
		if a.Inputs[in].Description == "" || a.Inputs[in].Default == nil {
			t.Errorf("input %q lacks a description or default", in)
		}
	}
	var run, upload bool
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "ci/action/run.sh") {
			run = true
			if s.Shell != "bash" || s.ID != "run" || strings.Contains(s.Run, "${{") {
				t.Errorf("run step: shell %q id %q run %q", s.Shell, s.ID, s.Run)
			}
			for k, in := range map[string]string{"OZGCTL_COMMAND": "command", "OZGCTL_ARGS": "args", "OZGCTL_VERSION": "version", "OZGCTL_SARIF_FILE": "sarif-file"} {
				if s.Env[k] != "${{ inputs."+in+" }}" {
					t.Errorf("run step: env %s = %q", k, s.Env[k])
				}
			}
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = true
			if !strings.Contains(s.If, "inputs.sarif-file != ''") || s.With["sarif_file"] != "${{ inputs.sarif-file }}" || s.With["category"] != "${{ steps.run.outputs.category }}" {
				t.Errorf("upload step: if %q with %v", s.If, s.With)
			}
		}
	}
	if !run || !upload {
		t.Errorf("steps: run.sh %v, upload-sarif %v", run, upload)
	}
	for _, o := range []string{"exit-code", "sarif-file", "summary"} {
		if !strings.Contains(a.Outputs[o].Value, "steps.run.outputs."+o) {
			t.Errorf("output %q = %q", o, a.Outputs[o].Value)
		}
	}
}
