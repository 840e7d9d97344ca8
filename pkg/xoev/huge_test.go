package xoev

import (
	"bytes"
	"context"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// hugeMessage streams a valid example message of at least size bytes: the
// example's header followed by as many applicants as needed. Nothing is
// held in memory but one block.
func hugeMessage(t testing.TB, size int64) io.Reader {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "  <demo:antragsteller>")
	end := strings.Index(s, "  <demo:betrag>")
	head, block, tail := s[:start], s[start:end], s[end:]
	n := (size - int64(len(head)+len(tail))) / int64(len(block))
	return io.MultiReader(strings.NewReader(head), &repeatReader{block: []byte(block), n: n + 1}, strings.NewReader(tail))
}

type repeatReader struct {
	block []byte
	n     int64
	off   int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	w := 0
	for w < len(p) && r.n > 0 {
		c := copy(p[w:], r.block[r.off:])
		w += c
		r.off += c
		if r.off == len(r.block) {
			r.off = 0
			r.n--
		}
	}
	return w, nil
}

// TestHugeInstance validates a generated 200 MB message, streamed, and
// checks that the Go heap stays far below the message size. It takes a
// while, so it runs only with OZGCTL_HUGE=1 (make bench sets it).
func TestHugeInstance(t *testing.T) {
	if os.Getenv("OZGCTL_HUGE") == "" {
		testenv.Skip(t, "the 200 MB message test", "set OZGCTL_HUGE=1 (make bench does)")
	}
	set := loadExample(t, LoadOptions{})
	const size = 200 << 20
	var peak uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			default:
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			runtime.Gosched()
		}
	}()
	cr := &countingReader{r: hugeMessage(t, size)}
	fs, err := set.Validate(context.Background(), "huge.xml", cr)
	close(done)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Fatalf("findings %v", fs[:min(len(fs), 5)])
	}
	if cr.n < size {
		t.Fatalf("only %d bytes read", cr.n)
	}
	t.Logf("validated %d MB; peak heap in use %.1f MB", cr.n>>20, float64(peak)/(1<<20))
	if peak > 100<<20 {
		t.Errorf("peak heap %d MB, want < 100 MB", peak>>20)
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// BenchmarkValidateExample measures one small message with a reused session.
func BenchmarkValidateExample(b *testing.B) {
	set, err := LoadSchemaSet(context.Background(), filepath.Join(exampleDir, "xsd/demo.xsd"), LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")}})
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml"))
	if err != nil {
		b.Fatal(err)
	}
	v, err := set.NewValidator()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if fs, err := v.Validate(context.Background(), "m.xml", bytes.NewReader(data)); err != nil || len(fs) != 0 {
			b.Fatal(err, fs)
		}
	}
}

// BenchmarkLoadUBL measures loading and compiling UBL 2.1 Invoice (corpus).
func BenchmarkLoadUBL(b *testing.B) {
	corpus := corpusDir(b)
	for _, ahead := range []bool{true, false} {
		b.Run(fmt.Sprintf("parse-ahead=%v", ahead), func(b *testing.B) {
			defer func(old bool) { parseAhead = old }(parseAhead)
			parseAhead = ahead
			for b.Loop() {
				if _, err := LoadSchemaSet(context.Background(), filepath.Join(corpus, "xrechnung/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd"), LoadOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
