package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/viper"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

const cliDocsDir = "../../docs/cli"

// manDate is the month in the .TH line of docs/cli/man/ozgctl.1: kept
// when comparing, so that the pages do not go stale with the calendar;
// -update writes the current month.
var manDate = regexp.MustCompile(`(?m)^\.TH "OZGCTL" "1" "([A-Z][a-z]{2} \d{4})"`)

// genCLIDocs writes the Markdown reference (dir) and the man pages
// (dir/man) of the command tree.
func genCLIDocs(t *testing.T, dir string, date time.Time) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(&cmdutil.Factory{IO: ios, Config: viper.New(), Build: cmdutil.BuildInfo{Version: "dev"}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, sc := range c.Commands() {
			walk(sc)
		}
	}
	walk(root)
	if err := os.MkdirAll(filepath.Join(dir, "man"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := doc.GenMarkdownTree(root, dir); err != nil {
		t.Fatal(err)
	}
	hdr := &doc.GenManHeader{Title: "OZGCTL", Section: "1", Source: "ozgctl", Manual: "ozgctl manual", Date: &date}
	if err := doc.GenManTree(root, hdr, filepath.Join(dir, "man")); err != nil {
		t.Fatal(err)
	}
}

// listFiles returns the files below dir, relative, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestCLIDocsInSync regenerates docs/cli (the Markdown reference and the
// man pages) from the command tree and compares; "go test ./internal/cli
// -run TestCLIDocsInSync -update" (make docs) rewrites them.
func TestCLIDocsInSync(t *testing.T) {
	date := time.Now().UTC()
	if !*updateScripts {
		if th, err := os.ReadFile(filepath.Join(cliDocsDir, "man", "ozgctl.1")); err == nil {
			if m := manDate.FindSubmatch(th); m != nil {
				if d, err := time.Parse("Jan 2006", string(m[1])); err == nil {
					date = d
				}
			}
		}
	}
	tmp := t.TempDir()
	genCLIDocs(t, tmp, date)
	if *updateScripts {
		if err := os.RemoveAll(cliDocsDir); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(cliDocsDir, os.DirFS(tmp)); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, got := listFiles(t, tmp), listFiles(t, cliDocsDir)
	if !slices.Equal(want, got) {
		t.Fatalf("docs/cli holds %v, the command tree makes %v; run make docs", got, want)
	}
	for _, f := range want {
		a, _ := os.ReadFile(filepath.Join(tmp, f))
		b, _ := os.ReadFile(filepath.Join(cliDocsDir, f))
		if !bytes.Equal(a, b) {
			t.Errorf("docs/cli/%s is stale; run make docs", f)
		}
	}
}
