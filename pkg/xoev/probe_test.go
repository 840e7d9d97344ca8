package xoev

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestProbeCorpus(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	corpus := corpusDir(t)
	sets := map[string]*SchemaSet{}
	for _, r := range readBaseline(t, corpus) {
		s, ok := sets[r.schema]
		if !ok {
			var err error
			s, err = LoadSchemaSet(context.Background(), filepath.Join(corpus, r.schema), LoadOptions{Catalogs: corpusCatalogs(corpus, r.schema)})
			if err != nil {
				t.Logf("LOAD %s: %v", r.schema, err)
			} else {
				t.Logf("loaded %s: %d docs, %s, %v", r.schema, len(s.Docs), s.Engine, s.CompileTime)
			}
			sets[r.schema] = s
		}
		if s == nil {
			continue
		}
		f, err := os.Open(filepath.Join(corpus, r.path))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := s.Validate(context.Background(), r.path, f)
		f.Close()
		verdict := "valid"
		for _, x := range fs {
			if x.Severity >= 3 {
				verdict = "invalid"
			}
		}
		if err != nil || verdict != r.verdict {
			t.Logf("DIFF %s: ours %s (%v) %v; xmllint %s %s", r.path, verdict, err, fs, r.verdict, r.errors)
		}
	}
}
