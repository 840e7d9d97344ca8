package release

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Target is one platform of a release.
type Target struct{ OS, Arch string }

// String returns "os/arch".
func (t Target) String() string { return t.OS + "/" + t.Arch }

// Targets are the platforms of a release: linux, darwin and windows on
// amd64 and arm64.
var Targets = []Target{
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// ParseTargets parses "linux/amd64,darwin/arm64".
func ParseTargets(s string) ([]Target, error) {
	var out []Target
	for _, f := range strings.Split(s, ",") {
		os, arch, ok := strings.Cut(strings.TrimSpace(f), "/")
		if !ok || os == "" || arch == "" {
			return nil, fmt.Errorf("target %q: want OS/ARCH such as linux/amd64", f)
		}
		out = append(out, Target{os, arch})
	}
	return out, nil
}

// Options say what to build.
type Options struct {
	// Root is the module root (where go.mod is); Dist the output
	// directory, created if needed.
	Root, Dist string
	// Version and Commit are stamped into the binary (ozgctl version);
	// Date is the commit's time, stamped and used as the SBOM timestamp
	// (zero: neither).
	Version, Commit string
	Date            time.Time
	Targets         []Target
	// Go is the go command (default "go").
	Go string
	// Log, if set, receives one line per artefact.
	Log io.Writer
}

const module = "github.com/ozgctl/ozgctl"

// BinaryName is the file name of the binary for t.
func BinaryName(version string, t Target) string {
	name := fmt.Sprintf("ozgctl_%s_%s_%s", version, t.OS, t.Arch)
	if t.OS == "windows" {
		name += ".exe"
	}
	return name
}

// Build cross-compiles the static binary of each target into Dist, writes
// the SBOM of each next to it (NAME.cdx.json) and returns the files
// written, sorted. The binaries are reproducible: the same sources and
// options give the same bytes.
func Build(ctx context.Context, o Options) ([]string, error) {
	if o.Go == "" {
		o.Go = "go"
	}
	if err := os.MkdirAll(o.Dist, 0o755); err != nil {
		return nil, fmt.Errorf("release: %w", err)
	}
	ldflags := []string{"-s", "-w", "-buildid=",
		"-X", module + "/internal/cli.version=" + o.Version,
		"-X", module + "/internal/cli.commit=" + o.Commit}
	if !o.Date.IsZero() {
		ldflags = append(ldflags, "-X", module+"/internal/cli.date="+o.Date.UTC().Format(time.RFC3339))
	}
	var files []string
	for _, t := range o.Targets {
		bin := filepath.Join(o.Dist, BinaryName(o.Version, t))
		abs, err := filepath.Abs(bin)
		if err != nil {
			return nil, err
		}
		cmd := exec.CommandContext(ctx, o.Go, "build", "-trimpath", "-ldflags", strings.Join(ldflags, " "), "-o", abs, "./cmd/ozgctl")
		cmd.Dir = o.Root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch, "GOFLAGS=-mod=readonly")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("build %s: %w\n%s", t, err, stderr.String())
		}
		bi, err := ReadBuildInfo(abs)
		if err != nil {
			return nil, err
		}
		sbom, err := CycloneDX(bi, SBOMOptions{Name: "ozgctl", Version: o.Version, Timestamp: o.Date})
		if err != nil {
			return nil, fmt.Errorf("sbom of %s: %w", t, err)
		}
		if err := os.WriteFile(bin+".cdx.json", sbom, 0o644); err != nil {
			return nil, fmt.Errorf("release: %w", err)
		}
		files = append(files, bin, bin+".cdx.json")
		if o.Log != nil {
			fmt.Fprintf(o.Log, "built %s and its SBOM\n", bin)
		}
	}
	slices.Sort(files)
	return files, nil
}

// WriteChecksums writes name (in dir) listing the SHA-256 of each file
// of files, as sha256sum prints it ("HEX  NAME"), sorted by name, so that
// "sha256sum -c" checks a download.
func WriteChecksums(dir, name string, files []string) error {
	var b strings.Builder
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b string) int { return strings.Compare(filepath.Base(a), filepath.Base(b)) })
	for _, f := range sorted {
		sum, err := fileSHA256(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, filepath.Base(f))
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write checksums: %w", err)
	}
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("checksum: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("checksum %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
