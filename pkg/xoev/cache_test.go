package xoev

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// cacheCase is a schema set with the messages to validate against it.
type cacheCase struct {
	name     string
	xsd      string
	catalogs []string
	messages []string
}

// cacheCases are the example, the corpus copies in testdata and, when the
// shared corpus is there, every schema set of its baseline with all its
// messages.
func cacheCases(t *testing.T) []cacheCase {
	cases := []cacheCase{{
		name:     "example",
		xsd:      filepath.Join(exampleDir, "xsd/demo.xsd"),
		catalogs: []string{filepath.Join(exampleDir, "catalog.xml")},
		messages: globFiles(t, filepath.Join(exampleDir, "messages"), ".xml"),
	}, {
		name:     "testdata-xbeteiligung",
		xsd:      "testdata/corpus/xbeteiligung/1.2/xsd/xbeteiligung.xsd",
		messages: globFiles(t, "testdata/corpus/xbeteiligung/instances", ".xml"),
	}}
	if testing.Short() {
		return cases
	}
	corpus := corpusDir(t)
	bySchema := map[string]*cacheCase{}
	for _, r := range readBaseline(t, corpus) {
		c := bySchema[r.schema]
		if c == nil {
			c = &cacheCase{name: r.schema, xsd: filepath.Join(corpus, r.schema), catalogs: corpusCatalogs(corpus, r.schema)}
			bySchema[r.schema] = c
		}
		c.messages = append(c.messages, filepath.Join(corpus, r.path))
	}
	for _, k := range slices.Sorted(maps.Keys(bySchema)) {
		cases = append(cases, *bySchema[k])
	}
	return cases
}

func globFiles(t *testing.T, dir, ext string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
			out = append(out, p)
		}
		return err
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("no %s files below %s: %v", ext, dir, err)
	}
	return out
}

// renderFindings is everything a reporter could show of the findings: the
// JSON fields and the texts in both languages.
func renderFindings(t *testing.T, fs []finding.Finding) string {
	t.Helper()
	var b strings.Builder
	for i := range fs {
		j, err := json.Marshal(fs[i])
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteString("\n" + fs[i].Text("de") + "\n" + fs[i].Text("en") + "\n")
	}
	return b.String()
}

// validateAll renders the findings of every message and of up to four
// mutants of each (so that invalid content is covered, not only valid).
func validateAll(t *testing.T, set *SchemaSet, messages []string) string {
	t.Helper()
	var b strings.Builder
	for _, m := range messages {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		inputs := [][]byte{data}
		for _, mu := range mutants(m, data) {
			inputs = append(inputs, mu.data)
		}
		for i, in := range inputs {
			fs, err := set.Validate(context.Background(), m, bytes.NewReader(in))
			if err != nil {
				t.Fatalf("%s (input %d): %v", m, i, err)
			}
			b.WriteString(m + "\n" + renderFindings(t, fs))
		}
	}
	return b.String()
}

func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestCacheRoundTrip compiles each schema set, writes it to the cache,
// loads it back and validates every message and mutants of them: the
// findings must be byte-identical to the uncached run.
func TestCacheRoundTrip(t *testing.T) {
	for _, c := range cacheCases(t) {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			cache := &SchemaCache{Dir: t.TempDir(), Build: "test", clock: aged}
			plain, err := LoadSchemaSet(ctx, c.xsd, LoadOptions{Catalogs: c.catalogs})
			if err != nil {
				t.Fatal(err)
			}
			if plain.Engine != EngineJacoelho {
				t.Skipf("engine %s: the cache covers jacoelho only", plain.Engine)
			}
			first, err := LoadSchemaSet(ctx, c.xsd, LoadOptions{Catalogs: c.catalogs, Cache: cache})
			if err != nil {
				t.Fatal(err)
			}
			second, err := LoadSchemaSet(ctx, c.xsd, LoadOptions{Catalogs: c.catalogs, Cache: cache})
			if err != nil {
				t.Fatal(err)
			}
			if first.Cached || !second.Cached || !fromIndex(second) {
				t.Fatalf("cached: first load %v, second %v (from the stat index: %v); want false, true (true)", first.Cached, second.Cached, fromIndex(second))
			}
			if es := cacheEntries(t, cache.Dir); len(es) != 2 || len(cacheFiles(t, cache.Dir, cacheSuffix)) != 1 || len(cacheFiles(t, cache.Dir, indexSuffix)) != 1 {
				t.Fatalf("cache directory holds %q, want one entry and its stat index", es)
			}
			want := validateAll(t, plain, c.messages)
			if !strings.Contains(want, `"rule":`) {
				t.Fatal("no findings to compare: the mutants should give some")
			}
			if got := validateAll(t, second, c.messages); got != want {
				t.Errorf("findings with the cached schema differ:\n%s", firstDiff(want, got))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return al[i] + "\n  ≠ " + bl[i]
		}
	}
	return "lengths differ"
}

// TestCacheBadEntries: a damaged, truncated, foreign or unreadable entry
// is ignored and rebuilt, with the same findings as a compile.
func TestCacheBadEntries(t *testing.T) {
	ctx := context.Background()
	xsdPath := filepath.Join(exampleDir, "xsd/demo.xsd")
	opts := LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")}}
	messages := globFiles(t, filepath.Join(exampleDir, "messages"), ".xml")
	plain, err := LoadSchemaSet(ctx, xsdPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := validateAll(t, plain, messages)
	// A good entry to damage.
	good := &SchemaCache{Dir: t.TempDir(), Build: "test"}
	opts.Cache = good
	if _, err := LoadSchemaSet(ctx, xsdPath, opts); err != nil {
		t.Fatal(err)
	}
	name := cacheFiles(t, good.Dir, cacheSuffix)[0]
	entry, err := os.ReadFile(filepath.Join(good.Dir, name))
	if err != nil {
		t.Fatal(err)
	}
	head := cacheHead
	flip := func(i int) []byte {
		b := bytes.Clone(entry)
		b[i] ^= 0x55
		return b
	}
	// rechecksum makes a payload that passes the checksum, to reach the
	// decoder's own checks.
	rechecksum := func(payload []byte) []byte {
		out := append(make([]byte, cacheHead), payload...)
		sealEntry(out)
		return out
	}
	cases := map[string]func(p string){
		"empty":          func(p string) { write(t, p, nil) },
		"magic only":     func(p string) { write(t, p, []byte(cacheMagic)) },
		"truncated":      func(p string) { write(t, p, entry[:len(entry)/2]) },
		"one byte short": func(p string) { write(t, p, entry[:len(entry)-1]) },
		"flipped byte":   func(p string) { write(t, p, flip(len(entry)-10)) },
		"one bit flipped in the payload's first byte": func(p string) {
			b := bytes.Clone(entry)
			b[head] ^= 1
			write(t, p, b)
		},
		"one bit flipped in the middle": func(p string) {
			b := bytes.Clone(entry)
			b[head+(len(b)-head)/2] ^= 0x80
			write(t, p, b)
		},
		"two bytes swapped": func(p string) {
			b := bytes.Clone(entry)
			i := head + (len(b)-head)/3
			for b[i] == b[i+1] {
				i++
			}
			b[i], b[i+1] = b[i+1], b[i]
			write(t, p, b)
		},
		// An entry of the previous format (CRC-32C) under this name: the
		// magic differs, so it is not read even with its own valid sum.
		"v03 entry with CRC-32C": func(p string) {
			b := append([]byte("ozgctl compiled XSD v03\n"), make([]byte, 8)...)
			b = append(b, entry[head:]...)
			payload := b[cacheHead:]
			binary.LittleEndian.PutUint32(b[len(cacheMagic):], crc32.Checksum(payload, crc32.MakeTable(crc32.Castagnoli)))
			binary.LittleEndian.PutUint32(b[len(cacheMagic)+4:], uint32(len(payload)))
			write(t, p, b)
		},
		"flipped header": func(p string) { write(t, p, flip(3)) },
		"flipped sum":    func(p string) { write(t, p, flip(len(cacheMagic)+1)) },
		"flipped length": func(p string) { write(t, p, flip(len(cacheMagic)+5)) },
		"other format": func(p string) {
			payload := bytes.Clone(entry[head:])
			payload[10] ^= 0xff // inside the engine format fingerprint
			write(t, p, rechecksum(payload))
		},
		"truncated payload, valid sum": func(p string) { write(t, p, rechecksum(entry[head:len(entry)-100])) },
		"garbage payload, valid sum": func(p string) {
			payload := bytes.Clone(entry[head:])
			for i := 60; i < len(payload); i += 7 {
				payload[i] ^= byte(i)
			}
			write(t, p, rechecksum(payload))
		},
		"trailing bytes, valid sum": func(p string) { write(t, p, rechecksum(append(bytes.Clone(entry[head:]), 0))) },
		"a directory": func(p string) {
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		},
	}
	for _, k := range slices.Sorted(maps.Keys(cases)) {
		t.Run(k, func(t *testing.T) {
			cache := &SchemaCache{Dir: t.TempDir(), Build: "test"}
			p := filepath.Join(cache.Dir, name)
			cases[k](p)
			o := opts
			o.Cache = cache
			set, err := LoadSchemaSet(ctx, xsdPath, o)
			if err != nil {
				t.Fatal(err)
			}
			if set.Cached {
				t.Fatal("a bad entry was used")
			}
			if got := validateAll(t, set, messages); got != want {
				t.Errorf("findings differ:\n%s", firstDiff(want, got))
			}
			if k == "a directory" {
				return
			}
			// The entry was rebuilt: the next load uses it.
			if set, err = LoadSchemaSet(ctx, xsdPath, o); err != nil || !set.Cached {
				t.Fatalf("after a rebuild: cached %v, %v", set != nil && set.Cached, err)
			}
		})
	}
}

// TestSealEntry: the header holds the magic, the CRC-32 (IEEE) of the
// payload and its length; the check value of "123456789" is the standard's.
func TestSealEntry(t *testing.T) {
	entry := append(make([]byte, cacheHead), "123456789"...)
	sealEntry(entry)
	if !bytes.HasPrefix(entry, []byte(cacheMagic)) {
		t.Fatalf("magic: %q", entry[:len(cacheMagic)])
	}
	if got := binary.LittleEndian.Uint32(entry[len(cacheMagic):]); got != 0xCBF43926 {
		t.Errorf("checksum %#x, want 0xcbf43926", got)
	}
	if got := binary.LittleEndian.Uint32(entry[len(cacheMagic)+4:]); got != 9 {
		t.Errorf("length %d, want 9", got)
	}
	if p, ok := cachePayload(entry); !ok || string(p) != "123456789" {
		t.Errorf("cachePayload = %q, %v", p, ok)
	}
	for i := cacheHead; i < len(entry); i++ {
		for bit := range 8 {
			b := bytes.Clone(entry)
			b[i] ^= 1 << bit
			if _, ok := cachePayload(b); ok {
				t.Errorf("bit %d of byte %d flipped: accepted", bit, i)
			}
		}
	}
}

func write(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCacheKey: another build, a changed document or another resolution
// of a reference gives another entry.
func TestCacheKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// A copy of the example to change.
	root := filepath.Join(t.TempDir(), "ex")
	if err := os.CopyFS(root, os.DirFS(exampleDir)); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(root, "xsd")
	opts := LoadOptions{Catalogs: []string{filepath.Join(root, "catalog.xml")}, Cache: &SchemaCache{Dir: dir, Build: "a"}}
	load := func() *SchemaSet {
		t.Helper()
		set, err := LoadSchemaSet(ctx, filepath.Join(work, "demo.xsd"), opts)
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	if load().Cached || !load().Cached {
		t.Fatal("want a miss, then a hit")
	}
	opts.Cache = &SchemaCache{Dir: dir, Build: "b"}
	if load().Cached {
		t.Error("another build read the entry of build a")
	}
	// Change a document the main schema includes or imports.
	set := load()
	changed := set.Docs[len(set.Docs)-1].Path
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	write(t, changed, append(data, []byte("\n<!-- changed -->\n")...))
	if load().Cached {
		t.Errorf("a changed %s still hit the cache", filepath.Base(changed))
	}
	if n := len(cacheFiles(t, dir, cacheSuffix)); n != 3 {
		t.Errorf("%d entries, want 3 (build a, build b, changed document)", n)
	}
}

// TestCacheConcurrentWriters loads the same set with one cold cache from
// many goroutines: every load succeeds with the same findings, and one
// whole entry is left (no temporary files). Run under -race by make
// test-race.
func TestCacheConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	xsdPath := filepath.Join(exampleDir, "xsd/demo.xsd")
	messages := globFiles(t, filepath.Join(exampleDir, "messages"), ".xml")
	cache := &SchemaCache{Dir: filepath.Join(t.TempDir(), "not", "yet"), Build: "test", clock: aged}
	opts := LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")}, Cache: cache}
	plain, err := LoadSchemaSet(ctx, xsdPath, LoadOptions{Catalogs: opts.Catalogs})
	if err != nil {
		t.Fatal(err)
	}
	want := validateAll(t, plain, messages)
	const n = 8
	sets := make([]*SchemaSet, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { sets[i], errs[i] = LoadSchemaSet(ctx, xsdPath, opts) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got := validateAll(t, sets[i], messages); got != want {
			t.Fatalf("load %d: findings differ:\n%s", i, firstDiff(want, got))
		}
	}
	if es := cacheEntries(t, cache.Dir); len(es) != 2 || len(cacheFiles(t, cache.Dir, cacheSuffix)) != 1 || len(cacheFiles(t, cache.Dir, indexSuffix)) != 1 {
		t.Fatalf("cache directory holds %q, want one entry and its stat index", es)
	}
	if set, err := LoadSchemaSet(ctx, xsdPath, opts); err != nil || !set.Cached || !fromIndex(set) {
		t.Fatalf("after the race: cached %v, %v", set != nil && set.Cached, err)
	}
}

// TestCacheNotWritable: a cache directory that cannot be created or
// written means no cache, not an error.
func TestCacheNotWritable(t *testing.T) {
	ctx := context.Background()
	blocker := filepath.Join(t.TempDir(), "file")
	write(t, blocker, []byte("not a directory"))
	opts := LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")},
		Cache: &SchemaCache{Dir: filepath.Join(blocker, "ozgctl"), Build: "test"}}
	for range 2 {
		set, err := LoadSchemaSet(ctx, filepath.Join(exampleDir, "xsd/demo.xsd"), opts)
		if err != nil {
			t.Fatal(err)
		}
		if set.Cached || set.Engine != EngineJacoelho {
			t.Fatalf("cached %v, engine %s", set.Cached, set.Engine)
		}
	}
}

// BenchmarkLoadCache loads four schema sets of the corpus compiled and
// from the cache (the whole load: reading and scanning the documents,
// then compiling or decoding). Compile figures in a test binary include
// the UPA audit the carried jacoelho/xsd runs in tests only.
func BenchmarkLoadCache(b *testing.B) {
	corpus := corpusDir(b)
	sets := []struct{ name, xsd, cat string }{
		{"XBeteiligung-1.2", "xbeteiligung/1.2/xsd/xbeteiligung.xsd", ""},
		{"XHochschule-1.1", "xbildung/artefacts/xhochschule/1.1/xhochschule.xsd", "xbildung/catalog.xml"},
		{"UBL-2.1", "xrechnung/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd", ""},
		{"CII-D16B", "xrechnung/en16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd", ""},
	}
	for _, s := range sets {
		opts := LoadOptions{}
		if s.cat != "" {
			opts.Catalogs = []string{filepath.Join(corpus, s.cat)}
		}
		path := filepath.Join(corpus, s.xsd)
		b.Run(s.name+"/compile", func(b *testing.B) {
			for b.Loop() {
				if _, err := LoadSchemaSet(context.Background(), path, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(s.name+"/cached", func(b *testing.B) {
			o := opts
			o.Cache = &SchemaCache{Dir: b.TempDir(), Build: "bench"}
			if _, err := LoadSchemaSet(context.Background(), path, o); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				set, err := LoadSchemaSet(context.Background(), path, o)
				if err != nil || !set.Cached {
					b.Fatal(err, set.CacheNote)
				}
			}
		})
	}
}
