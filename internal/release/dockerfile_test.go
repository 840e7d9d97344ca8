package release

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

// TestDockerfile holds the Dockerfile to what the release promises: a
// multi-stage build of a static, trimmed binary, a distroless or scratch
// base, a non-root user and ENTRYPOINT ["ozgctl"].
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var froms []string
	var user, entrypoint string
	var build []string
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\\\n", " "), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch strings.ToUpper(f[0]) {
		case "FROM":
			froms = append(froms, f[1])
		case "USER":
			user = f[1]
		case "ENTRYPOINT":
			entrypoint = strings.Join(f[1:], " ")
		case "RUN":
			if strings.Contains(line, "go build") {
				build = append(build, line)
			}
		}
	}
	if len(froms) < 2 {
		t.Errorf("not a multi-stage build: FROM %v", froms)
	} else if final := froms[len(froms)-1]; final != "scratch" && !strings.HasPrefix(final, "gcr.io/distroless/static") {
		t.Errorf("final base %q: want distroless/static or scratch", final)
	}
	if m := regexp.MustCompile(`^(\d+)(:\d+)?$`).FindStringSubmatch(user); m == nil || m[1] == "0" {
		t.Errorf("USER %q: want a numeric non-root uid (Kubernetes runAsNonRoot checks numbers)", user)
	}
	if entrypoint != `["ozgctl"]` {
		t.Errorf(`ENTRYPOINT %s, want ["ozgctl"]`, entrypoint)
	}
	if len(build) != 1 {
		t.Fatalf("want one go build, got %d", len(build))
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "internal/cli.version=${VERSION}", "internal/cli.commit=${COMMIT}", "./cmd/ozgctl"} {
		if !strings.Contains(build[0], want) {
			t.Errorf("go build lacks %s: %s", want, build[0])
		}
	}
}

// TestDockerBuild builds the image where a container engine runs.
func TestDockerBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an image; run without -short")
	}
	docker, err := exec.LookPath("docker")
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = exec.CommandContext(ctx, docker, "info").Run()
		cancel()
	}
	if err != nil {
		testenv.Skip(t, "no container engine running", "start a docker daemon")
	}
	out, err := exec.Command(docker, "build", "-t", "ozgctl:test", "../..").CombinedOutput()
	if err != nil {
		t.Fatalf("docker build: %v\n%s", err, out)
	}
	out, err = exec.Command(docker, "run", "--rm", "ozgctl:test", "version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "ozgctl ") {
		t.Errorf("docker run: %v\n%s", err, out)
	}
}
