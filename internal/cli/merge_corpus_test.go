package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/testenv"
)

// TestMergeEqualsUnshardedOnCorpus shards the corpus's XRechnung UBL
// invoices (check --xsd) and their folders as groups (report interop)
// into n = 1, 3, 7 runs and merges them: the merged JSON (and, for n = 3,
// text) equals the unsharded run's byte for byte.
func TestMergeEqualsUnshardedOnCorpus(t *testing.T) {
	corpus := testenv.Corpus(t)
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	x := filepath.Join(corpus, "xoev", "xrechnung")
	xsd := filepath.Join(repo, "examples/profiles/xrechnung/ubl-2.1/UBL-2.1-Invoice-CreditNote.xsd")
	inputs := []string{filepath.Join(x, "testsuite/business-cases/standard"), filepath.Join(x, "en16931/ubl/examples"),
		filepath.Join(x, "xrechnung-schematron/test-instances/ubl-inv")}
	dir := t.TempDir()
	runTo := func(t *testing.T, out string, args ...string) []byte {
		t.Helper()
		ios, _, stdout, stderr := iostreams.Test()
		if code := Main(args, ios); code != ExitOK && code != ExitFindings {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		if out != "" {
			if err := os.WriteFile(out, stdout.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return stdout.Bytes()
	}
	kinds := []struct {
		name string
		args []string
	}{
		{"check", append([]string{"check", "--xsd", xsd, "-j", "2"}, inputs...)},
		{"interop", append([]string{"report", "interop", "-j", "2"}, inputs...)},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			for _, format := range []string{"json", "text"} {
				whole := runTo(t, "", append(append([]string{}, k.args[:len(k.args)-len(inputs)]...), append([]string{"--output", format}, inputs...)...)...)
				for _, n := range []int{1, 3, 7} {
					if format == "text" && n != 3 {
						continue // text is rendered from the same merged results
					}
					var parts []string
					for i := 1; i <= n; i++ {
						part := filepath.Join(dir, fmt.Sprintf("%s-%d-%d.json", k.name, n, i))
						args := append(append([]string{}, k.args[:len(k.args)-len(inputs)]...), "--shard", fmt.Sprintf("%d/%d", i, n), "--output", "json")
						runTo(t, part, append(args, inputs...)...)
						parts = append(parts, part)
					}
					merged := runTo(t, "", append([]string{"report", "merge", "--output", format}, parts...)...)
					if string(merged) != string(whole) {
						t.Errorf("%s, n=%d: merged %s differs from the unsharded run", format, n, format)
					}
				}
			}
		})
	}
}
