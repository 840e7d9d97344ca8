// Command release builds ozgctl's release artefacts into a directory:
// "make release" runs it. See package internal/release.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/ozgctl/ozgctl/internal/release"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run() error {
	dist := flag.String("dist", "dist", "output `DIR`")
	version := flag.String("version", "", "version to stamp (default: git describe)")
	commit := flag.String("commit", "", "commit to stamp (default: git rev-parse HEAD)")
	targets := flag.String("targets", "", "comma-separated OS/ARCH list (default: linux, darwin, windows × amd64, arm64)")
	flag.Parse()
	if *version == "" {
		*version = git("describe", "--tags", "--always", "--dirty")
	}
	if *commit == "" {
		*commit = git("rev-parse", "HEAD")
	}
	opts := release.Options{Root: ".", Dist: *dist, Version: *version, Commit: *commit, Targets: release.Targets, Log: os.Stderr}
	// The commit's time, not the clock: the same commit gives the same
	// bytes (SOURCE_DATE_EPOCH wins, as reproducible-builds.org asks).
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("SOURCE_DATE_EPOCH %q: %w", s, err)
		}
		opts.Date = time.Unix(n, 0)
	} else if s := git("log", "-1", "--format=%ct"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			opts.Date = time.Unix(n, 0)
		}
	}
	if *targets != "" {
		t, err := release.ParseTargets(*targets)
		if err != nil {
			return err
		}
		opts.Targets = t
	}
	if *version == "" {
		return fmt.Errorf("no version: give -version or run in a git checkout")
	}
	files, err := release.Build(context.Background(), opts)
	if err != nil {
		return err
	}
	if err := release.WriteChecksums(*dist, "SHA256SUMS", files); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d files and %s/SHA256SUMS\n", len(files), *dist)
	return nil
}

// git returns the trimmed output of a git command, "" when it fails.
func git(args ...string) string {
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
