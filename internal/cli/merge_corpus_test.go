package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/testenv"
)

// TestMergeEqualsUnshardedOnCorpus shards the corpus's XRechnung UBL
// invoices (check --xsd) and their folders as groups (report interop)
// into n = 1, 3, 7 runs and merges them: the merged report equals the
// unsharded run's byte for byte in every format (JUnit apart from its
// time attributes, which differ between any two runs).
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
		name    string
		args    []string
		formats []string
	}{
		{"check", append([]string{"check", "--xsd", xsd, "-j", "2"}, inputs...), []string{"json", "text", "junit", "sarif", "html", "svrl"}},
		{"interop", append([]string{"report", "interop", "-j", "2"}, inputs...), []string{"json", "text", "markdown", "html"}},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			flags := k.args[:len(k.args)-len(inputs)]
			whole := map[string][]byte{}
			for _, format := range k.formats {
				whole[format] = runTo(t, "", append(append(slices.Clone(flags), "--output", format), inputs...)...)
			}
			for _, n := range []int{1, 3, 7} {
				var parts []string
				for i := 1; i <= n; i++ {
					part := filepath.Join(dir, fmt.Sprintf("%s-%d-%d.json", k.name, n, i))
					args := append(slices.Clone(flags), "--shard", fmt.Sprintf("%d/%d", i, n), "--output", "json")
					runTo(t, part, append(args, inputs...)...)
					parts = append(parts, part)
				}
				for _, format := range k.formats {
					merged := runTo(t, "", append([]string{"report", "merge", "--output", format}, parts...)...)
					got, want := merged, whole[format]
					if format == "junit" { // check times differ between any two runs
						got, want = junitTime.ReplaceAll(got, nil), junitTime.ReplaceAll(want, nil)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s, n=%d: merged %s differs from the unsharded run", k.name, n, format)
						if testing.Verbose() {
							t.Logf("merged:\n%s\nunsharded:\n%s", got, want)
						}
					}
				}
			}
		})
	}
}
