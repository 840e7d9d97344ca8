package xoev

import (
	"bufio"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// corpusDir returns shared/corpus/xoev, found through OZGCTL_CORPUS or by
// walking up from the working directory, or skips the test.
func corpusDir(t testing.TB) string {
	t.Helper()
	d := testcorpus.Dir()
	if d == "" {
		testenv.Skip(t, "shared corpus not found", "run beside ../shared/corpus or set OZGCTL_CORPUS")
	}
	return filepath.Join(d, "xoev")
}

type baselineRow struct {
	path, root, schema, verdict, errors string
}

func readBaseline(t testing.TB, corpus string) []baselineRow {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus, "LIBXML2-BASELINE.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []baselineRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 4 || c[2] == "-" {
			continue
		}
		r := baselineRow{path: c[0], root: c[1], schema: c[2], verdict: c[3]}
		if len(c) > 4 {
			r.errors = c[4]
		}
		rows = append(rows, r)
	}
	return rows
}

// corpusCatalogs returns the catalogs the baseline used for a schema: the
// catalog.xml of its top-level corpus folder, if any.
func corpusCatalogs(corpus, schema string) []string {
	top := strings.SplitN(schema, "/", 2)[0]
	c := filepath.Join(corpus, top, "catalog.xml")
	if _, err := os.Stat(c); err == nil {
		return []string{c}
	}
	return nil
}
