package ci_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// gitlabJob is the job template of ci/gitlab/ozgctl.gitlab-ci.yml.
type gitlabJob struct {
	Image     string
	Stage     string
	Variables map[string]string
	Script    []string
	Artifacts struct {
		When    string
		Paths   []string
		Reports map[string]string
	}
}

func readTemplate(t *testing.T) (tmpl gitlabJob, job map[string]any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo(t), "ci", "gitlab", "ozgctl.gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	n, ok := doc[".ozgctl"]
	if !ok {
		t.Fatal("no .ozgctl job template")
	}
	if err := n.Decode(&tmpl); err != nil {
		t.Fatal(err)
	}
	j := doc["ozgctl"]
	if err := j.Decode(&job); err != nil {
		t.Fatal(err)
	}
	return tmpl, job
}

// runJob runs the script lines of the job as a GitLab runner's shell
// executor does (bash, stop at the first failing line) in a project
// directory holding the examples, with the CI variables set.
func runJob(t *testing.T, tmpl gitlabJob, vars map[string]string) (dir, out string, code int) {
	t.Helper()
	bash := needBash(t)
	dir = t.TempDir()
	copyTree(t, filepath.Join(repo(t), "examples", "xoev"), filepath.Join(dir, "examples", "xoev"))
	script := "set -eo pipefail\n" + strings.Join(tmpl.Script, "\n")
	cmd := exec.Command(bash, "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CI=true", "GITLAB_CI=true", "CI_PROJECT_DIR="+dir, "CI_JOB_NAME=ozgctl",
		"CI_JOB_STAGE="+tmpl.Stage, "CI_COMMIT_SHA=0000000000000000000000000000000000000000", "CI_PIPELINE_SOURCE=merge_request_event")
	for k, v := range tmpl.Variables {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return dir, buf.String(), code
}

// checkReports validates the reports the job publishes: Code Quality
// against GitLab's documented fields, JUnit against the JUnit XSD of
// pkg/report's tests, with ozgctl's XSD engine.
func checkReports(t *testing.T, tmpl gitlabJob, dir string, issues int) {
	t.Helper()
	cq, err := os.ReadFile(filepath.Join(dir, tmpl.Artifacts.Reports["codequality"]))
	if err != nil {
		t.Fatalf("code quality report: %v", err)
	}
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join(repo(t), "schemas", "codeclimate.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(cq))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("code quality report: %v", err)
	}
	if n := len(v.([]any)); n != issues {
		t.Errorf("%d code quality issues, want %d", n, issues)
	}
	junit, err := os.ReadFile(filepath.Join(dir, tmpl.Artifacts.Reports["junit"]))
	if err != nil {
		t.Fatalf("junit report: %v", err)
	}
	ctx := context.Background()
	set, err := xoev.LoadSchemaSet(ctx, filepath.Join(repo(t), "pkg", "report", "testdata", "junit-jenkins.xsd"), xoev.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := set.Validate(ctx, "ozgctl-junit.xml", bytes.NewReader(junit))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("junit report:%d: %s", f.Line, f.Text("en"))
	}
}

// TestGitLabTemplate checks the template's shape: a hidden job to extend
// and a job using it, reports published even when the job fails.
func TestGitLabTemplate(t *testing.T) {
	tmpl, job := readTemplate(t)
	if job["extends"] != ".ozgctl" {
		t.Errorf("job ozgctl extends %v", job["extends"])
	}
	if tmpl.Artifacts.When != "always" {
		t.Errorf("artifacts:when %q: reports of a failing job would be lost", tmpl.Artifacts.When)
	}
	for _, r := range []string{"junit", "codequality"} {
		if tmpl.Artifacts.Reports[r] == "" {
			t.Errorf("no artifacts:reports:%s", r)
		}
	}
	for _, v := range []string{"OZGCTL_COMMAND", "OZGCTL_ARGS", "OZGCTL_VERSION"} {
		if _, ok := tmpl.Variables[v]; !ok {
			t.Errorf("variable %s has no default", v)
		}
	}
	if len(tmpl.Script) < 2 || !strings.HasPrefix(tmpl.Image, "golang:") {
		t.Errorf("image %q, %d script lines", tmpl.Image, len(tmpl.Script))
	}
}

// TestGitLabJobFromSource runs the job's script with ozgctl built from
// this source: the job fails on the findings and leaves both reports.
func TestGitLabJobFromSource(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ozgctl")
	}
	tmpl, _ := readTemplate(t)
	dir, out, code := runJob(t, tmpl, map[string]string{"OZGCTL_SOURCE_DIR": repo(t), "OZGCTL_ARGS": checkArgs})
	if code != 1 {
		t.Fatalf("job exit %d, want 1 (findings)\n%s", code, out)
	}
	if !strings.Contains(out, "FEHLGESCHLAGEN: Dateien: 3") {
		t.Errorf("job log:\n%s", out)
	}
	checkReports(t, tmpl, dir, 2)

	// A clean run passes and still writes (empty) reports.
	dir, out, code = runJob(t, tmpl, map[string]string{"OZGCTL_SOURCE_DIR": repo(t),
		"OZGCTL_ARGS": "--xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml examples/xoev/messages/antrag-gueltig.xml"})
	if code != 0 {
		t.Fatalf("clean job exit %d\n%s", code, out)
	}
	checkReports(t, tmpl, dir, 0)
}

// TestGitLabJobRelease runs the job's script with a pinned release from a
// file:// release directory; a release whose checksum does not match
// stops the job before ozgctl runs.
func TestGitLabJobRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ozgctl")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the template downloads by uname; tested on Linux")
	}
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("no sha256sum")
	}
	tmpl, _ := readTemplate(t)
	const version = "v9.9.9-test"
	releases := t.TempDir()
	asset := "ozgctl_" + version + "_linux_" + runtime.GOARCH
	build := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(releases, version, asset), "./cmd/ozgctl")
	build.Dir = repo(t)
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bin, _ := os.ReadFile(filepath.Join(releases, version, asset))
	sum := sha256.Sum256(bin)
	vars := map[string]string{"OZGCTL_VERSION": version, "OZGCTL_RELEASE_URL": "file://" + releases, "OZGCTL_ARGS": checkArgs}
	for _, tc := range []struct {
		name, sums string
		code       int
	}{
		{"good", hex.EncodeToString(sum[:]) + "  " + asset + "\n", 1},
		{"bad checksum", strings.Repeat("cd", 32) + "  " + asset + "\n", 1},
		{"not listed", strings.Repeat("cd", 32) + "  other\n", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(releases, version, "SHA256SUMS"), []byte(tc.sums), 0o644); err != nil {
				t.Fatal(err)
			}
			dir, out, code := runJob(t, tmpl, vars)
			ran := strings.Contains(out, "FEHLGESCHLAGEN")
			if code != tc.code || ran != (tc.name == "good") {
				t.Fatalf("exit %d (want %d), ozgctl ran: %v\n%s", code, tc.code, ran, out)
			}
			if tc.name == "good" {
				checkReports(t, tmpl, dir, 2)
			}
		})
	}
}
