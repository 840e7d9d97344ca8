package convert

import (
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// BenchmarkAllTargets converts the largest real schema (S00000186, 42
// groups, 156 fields, 14 code lists) to every target plus both samples,
// from an already-read document (the reader has its own benchmark).
func BenchmarkAllTargets(b *testing.B) {
	path := filepath.Join("testdata", "xdf2", "S00000186v1.0_xdf2.xml")
	doc, _, err := fim.ReadFile(path, fim.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	cl, problems := CodelistDirs(filepath.Join("testdata", "codelists", "S00000186"))
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	names := TargetNames()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, err := New(doc, Options{Codelists: cl})
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range names {
			if _, err := c.Convert(n); err != nil {
				b.Fatal(err)
			}
		}
		for _, f := range []string{"json", "xml"} {
			if _, err := c.Sample(f, SampleDefault); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTarget measures each target on S00000186 alone.
func BenchmarkTarget(b *testing.B) {
	doc, _, err := fim.ReadFile(filepath.Join("testdata", "xdf2", "S00000186v1.0_xdf2.xml"), fim.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	cl, _ := CodelistDirs(filepath.Join("testdata", "codelists", "S00000186"))
	c, err := New(doc, Options{Codelists: cl})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range TargetNames() {
		b.Run(n, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c.Convert(n)
			}
		})
	}
	b.Run("sample-json", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c.Sample("json", SampleDefault)
		}
	})
	b.Run("new", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			New(doc, Options{Codelists: cl})
		}
	})
}
