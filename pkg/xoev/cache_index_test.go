package xoev

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// aged is a clock an hour ahead: every file looks old enough for the stat
// index to trust its stamp.
func aged() time.Time { return time.Now().Add(time.Hour) }

// fromIndex reports whether a set was loaded through the stat index (its
// documents' bytes not read).
func fromIndex(set *SchemaSet) bool {
	return len(set.Docs) > 0 && set.Docs[0].lazy
}

// cacheFiles lists the names in dir that end in suffix.
func cacheFiles(t *testing.T, dir, suffix string) []string {
	t.Helper()
	var out []string
	for _, n := range cacheEntries(t, dir) {
		if strings.HasSuffix(n, suffix) {
			out = append(out, n)
		}
	}
	return out
}

// docView is what a load tells about a document besides its bytes.
type docView struct {
	Path, TNS string
	Doctype   bool
	Refs      []schemaRef
	Elements  []string
}

func docViews(set *SchemaSet) []docView {
	var out []docView
	for _, d := range set.Docs {
		out = append(out, docView{d.Path, d.TargetNamespace, d.Doctype, d.refs, d.elements})
	}
	return out
}

// exampleCopy copies the example schema set to a temporary directory and
// returns its root.
func exampleCopy(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "ex")
	if err := os.CopyFS(root, os.DirFS(exampleDir)); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestCacheIndexSameSet: a set loaded through the stat index has the
// documents, roots, declarations and code kinds of a full load, and the
// same findings.
func TestCacheIndexSameSet(t *testing.T) {
	ctx := context.Background()
	xsdPath := filepath.Join(exampleDir, "xsd/demo.xsd")
	messages := globFiles(t, filepath.Join(exampleDir, "messages"), ".xml")
	opts := LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")}}
	plain, err := LoadSchemaSet(ctx, xsdPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Cache = &SchemaCache{Dir: t.TempDir(), Build: "test", clock: aged}
	first, err := LoadSchemaSet(ctx, xsdPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	set, err := LoadSchemaSet(ctx, xsdPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	if fromIndex(first) || !fromIndex(set) || !set.Cached {
		t.Fatalf("from the index: first %v, second %v (cached %v); want false, true", fromIndex(first), fromIndex(set), set.Cached)
	}
	if !reflect.DeepEqual(docViews(set), docViews(plain)) {
		t.Errorf("documents differ:\n%+v\n%+v", docViews(set), docViews(plain))
	}
	if !slices.Equal(set.Roots(), plain.Roots()) || set.TargetNamespace() != plain.TargetNamespace() || set.Path != plain.Path {
		t.Errorf("roots %q (%s), want %q (%s)", set.Roots(), set.TargetNamespace(), plain.Roots(), plain.TargetNamespace())
	}
	for i, d := range set.Docs {
		if !bytes.Equal(d.bytes(), plain.Docs[i].bytes()) {
			t.Errorf("%s: the bytes read on first use differ", d.Path)
		}
	}
	if !reflect.DeepEqual(set.Decls(), plain.Decls()) {
		t.Error("declaration indexes differ")
	}
	for _, name := range []string{"antragsart", "nachrichtenkopf", "betrag", "code", "unknown"} {
		if g, w := set.CodeKind(name), plain.CodeKind(name); g != w {
			t.Errorf("CodeKind(%q) = %v, want %v", name, g, w)
		}
	}
	if got, want := validateAll(t, set, messages), validateAll(t, plain, messages); got != want {
		t.Errorf("findings differ:\n%s", firstDiff(want, got))
	}
	// The index names every file the load read: the documents and both
	// catalogs (the chained one included).
	ix := readIndex(t, opts.Cache.Dir)
	var files []string
	for _, f := range ix.files {
		files = append(files, f.path)
	}
	for _, want := range []string{"catalog.xml", "lib/catalog.xml", "xsd/demo.xsd"} {
		abs, _ := filepath.Abs(filepath.Join(exampleDir, want))
		if !slices.Contains(files, abs) {
			t.Errorf("the index does not list %s: %q", want, files)
		}
	}
}

// readIndex decodes the one stat index in dir.
func readIndex(t *testing.T, dir string) *schemaIndex {
	t.Helper()
	names := cacheFiles(t, dir, indexSuffix)
	if len(names) != 1 {
		t.Fatalf("%d stat indexes, want 1", len(names))
	}
	data, err := os.ReadFile(filepath.Join(dir, names[0]))
	if err != nil {
		t.Fatal(err)
	}
	ix, ok := decodeIndex(data)
	if !ok {
		t.Fatal("the index does not decode")
	}
	return ix
}

// TestCacheIndexStale: whatever changes in a file the load read, or in the
// cache, the stat index is not used; the load is the full one (the same
// set, error or findings as without a cache) and a good index is written
// again.
func TestCacheIndexStale(t *testing.T) {
	ctx := context.Background()
	setTimes := func(t *testing.T, p string, fi os.FileInfo) {
		t.Helper()
		if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	// Each change gets a fresh copy of the example and a warm cache with
	// its index; it returns whether the documents' content changed (so
	// that the entry cannot hit either).
	cases := map[string]func(t *testing.T, root string, cache *SchemaCache) (contentChanged bool){
		"same size and times, other content": func(t *testing.T, root string, _ *SchemaCache) bool {
			p := filepath.Join(root, "xsd/demo.xsd")
			fi, _ := os.Stat(p)
			data, _ := os.ReadFile(p)
			write(t, p, bytes.Replace(data, []byte("ozgctl example"), []byte("OZGCTL EXAMPLE"), 1))
			setTimes(t, p, fi) // the change time still moves
			return true
		},
		"touched": func(t *testing.T, root string, _ *SchemaCache) bool {
			p := filepath.Join(root, "xsd/demo.xsd")
			if err := os.Chtimes(p, time.Now().Add(-time.Hour), time.Now().Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
			return false
		},
		"replaced by a copy": func(t *testing.T, root string, _ *SchemaCache) bool {
			p := filepath.Join(root, "common/kopf.xsd")
			fi, _ := os.Stat(p)
			data, _ := os.ReadFile(p)
			write(t, p+".new", data)
			setTimes(t, p+".new", fi)
			if err := os.Rename(p+".new", p); err != nil {
				t.Fatal(err)
			}
			return false
		},
		"catalog changed": func(t *testing.T, root string, _ *SchemaCache) bool {
			p := filepath.Join(root, "catalog.xml")
			data, _ := os.ReadFile(p)
			write(t, p, append(data, "<!-- -->\n"...))
			return false
		},
		"chained catalog changed": func(t *testing.T, root string, _ *SchemaCache) bool {
			p := filepath.Join(root, "lib/catalog.xml")
			data, _ := os.ReadFile(p)
			write(t, p, append(data, "<!-- -->\n"...))
			return false
		},
		"document removed": func(t *testing.T, root string, _ *SchemaCache) bool {
			if err := os.Remove(filepath.Join(root, "common/kopf.xsd")); err != nil {
				t.Fatal(err)
			}
			return true
		},
		"entry removed": func(t *testing.T, _ string, cache *SchemaCache) bool {
			for _, n := range cacheFiles(t, cache.Dir, cacheSuffix) {
				if err := os.Remove(filepath.Join(cache.Dir, n)); err != nil {
					t.Fatal(err)
				}
			}
			return true
		},
		"entry damaged": func(t *testing.T, _ string, cache *SchemaCache) bool {
			p := filepath.Join(cache.Dir, cacheFiles(t, cache.Dir, cacheSuffix)[0])
			data, _ := os.ReadFile(p)
			data[len(data)-3] ^= 0x40
			write(t, p, data)
			return true
		},
	}
	// Damaged, truncated or foreign indexes.
	for name, damage := range map[string]func([]byte) []byte{
		"index empty":        func([]byte) []byte { return nil },
		"index truncated":    func(b []byte) []byte { return b[:len(b)-1] },
		"index flipped byte": func(b []byte) []byte { b[len(b)-5] ^= 1; return b },
		"index other magic":  func(b []byte) []byte { b[3] ^= 1; return b },
		"index truncated, valid sum": func(b []byte) []byte {
			return rechecksumIndex(b[len(indexMagic)+sha256.Size : len(b)-4])
		},
		"index trailing byte, valid sum": func(b []byte) []byte {
			return rechecksumIndex(append(bytes.Clone(b[len(indexMagic)+sha256.Size:]), 0))
		},
		"index huge count, valid sum": func(b []byte) []byte {
			payload := bytes.Clone(b[len(indexMagic)+sha256.Size:])
			payload[65] = 0xff // the document count after the 64-byte entry key
			return rechecksumIndex(payload)
		},
	} {
		cases[name] = func(t *testing.T, _ string, cache *SchemaCache) bool {
			p := filepath.Join(cache.Dir, cacheFiles(t, cache.Dir, indexSuffix)[0])
			data, _ := os.ReadFile(p)
			write(t, p, damage(data))
			return false
		}
	}
	for _, k := range slices.Sorted(maps.Keys(cases)) {
		t.Run(k, func(t *testing.T) {
			root := exampleCopy(t)
			xsdPath := filepath.Join(root, "xsd/demo.xsd")
			opts := LoadOptions{Catalogs: []string{filepath.Join(root, "catalog.xml")}}
			cache := &SchemaCache{Dir: t.TempDir(), Build: "test", clock: aged}
			cached := opts
			cached.Cache = cache
			for i := range 2 {
				set, err := LoadSchemaSet(ctx, xsdPath, cached)
				if err != nil || fromIndex(set) != (i == 1) {
					t.Fatalf("warming load %d: %v", i, err)
				}
			}
			contentChanged := cases[k](t, root, cache)
			plain, perr := LoadSchemaSet(ctx, xsdPath, opts)
			set, err := LoadSchemaSet(ctx, xsdPath, cached)
			if perr != nil || err != nil {
				if perr == nil || err == nil || perr.Error() != err.Error() {
					t.Fatalf("error %v, without a cache %v", err, perr)
				}
				var le *LoadError
				if !errors.As(err, &le) {
					t.Fatalf("error %T, want *LoadError", err)
				}
				return
			}
			if fromIndex(set) {
				t.Fatal("the stale index was used")
			}
			if set.Cached == contentChanged {
				t.Errorf("cached %v; want %v", set.Cached, !contentChanged)
			}
			if !reflect.DeepEqual(docViews(set), docViews(plain)) {
				t.Errorf("documents differ from a load without the cache")
			}
			messages := globFiles(t, filepath.Join(root, "messages"), ".xml")
			if got, want := validateAll(t, set, messages), validateAll(t, plain, messages); got != want {
				t.Errorf("findings differ:\n%s", firstDiff(want, got))
			}
			// The full load wrote a good index: the next load uses it.
			if set, err = LoadSchemaSet(ctx, xsdPath, cached); err != nil || !fromIndex(set) || !set.Cached {
				t.Fatalf("after the full load: from the index %v, %v", set != nil && fromIndex(set), err)
			}
		})
	}
}

// rechecksumIndex makes an index of payload that passes the checksum, to
// reach the decoder's own checks.
func rechecksumIndex(payload []byte) []byte {
	out := append([]byte(indexMagic), make([]byte, sha256.Size)...)
	out = append(out, payload...)
	sum := sha256.Sum256(payload)
	copy(out[len(indexMagic):], sum[:])
	return out
}

// TestCacheIndexOptions: another catalog list, root or engine choice is
// another load request with its own index.
func TestCacheIndexOptions(t *testing.T) {
	ctx := context.Background()
	xsdPath := filepath.Join(exampleDir, "xsd/demo.xsd")
	base := LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")},
		Cache: &SchemaCache{Dir: t.TempDir(), Build: "test", clock: aged}}
	load := func(o LoadOptions) *SchemaSet {
		t.Helper()
		set, err := LoadSchemaSet(ctx, xsdPath, o)
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	load(base)
	if !fromIndex(load(base)) {
		t.Fatal("the second load did not use the index")
	}
	other := map[string]LoadOptions{}
	o := base
	o.Roots = []string{t.TempDir()}
	other["root"] = o
	o = base
	o.Catalogs = append(slices.Clone(base.Catalogs), filepath.Join(exampleDir, "lib/catalog.xml"))
	other["catalogs"] = o
	o = base
	o.Engine = "jacoelho"
	other["engine"] = o
	o = base
	o.AllowNetwork = true
	other["network"] = o
	for _, k := range slices.Sorted(maps.Keys(other)) {
		if set := load(other[k]); fromIndex(set) || !set.Cached {
			t.Errorf("%s: from the index %v, cached %v; want false, true", k, fromIndex(set), set.Cached)
		}
		if !fromIndex(load(other[k])) {
			t.Errorf("%s: no index of its own", k)
		}
	}
	o = base
	o.Engine = "helium"
	if set := load(o); fromIndex(set) || set.Engine != EngineHelium {
		t.Errorf("helium requested: from the index %v, engine %s", fromIndex(set), set.Engine)
	}
}

// TestCacheIndexRacy: files changed in the last moments before the load
// (within racyWindow, by the change time that touch cannot set back) get
// no index; the entry is written and read as before.
func TestCacheIndexRacy(t *testing.T) {
	ctx := context.Background()
	root := exampleCopy(t)
	old := time.Now().Add(-48 * time.Hour)
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, old, old) // the modification time only
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cache := &SchemaCache{Dir: t.TempDir(), Build: "test"}
	opts := LoadOptions{Catalogs: []string{filepath.Join(root, "catalog.xml")}, Cache: cache}
	for i := range 2 {
		set, err := LoadSchemaSet(ctx, filepath.Join(root, "xsd/demo.xsd"), opts)
		if err != nil {
			t.Fatal(err)
		}
		if fromIndex(set) || set.Cached != (i == 1) {
			t.Fatalf("load %d: from the index %v, cached %v", i, fromIndex(set), set.Cached)
		}
	}
	if n := cacheFiles(t, cache.Dir, indexSuffix); len(n) != 0 {
		t.Fatalf("an index of files changed just now: %q", n)
	}
	// Once their change time lies before the window, they get one.
	cache.clock = aged
	for i := range 2 {
		set, err := LoadSchemaSet(ctx, filepath.Join(root, "xsd/demo.xsd"), opts)
		if err != nil || fromIndex(set) != (i == 1) {
			t.Fatalf("aged load %d: from the index %v, %v", i, set != nil && fromIndex(set), err)
		}
	}
}

func TestFileStampTrusted(t *testing.T) {
	start := time.Unix(1000, 0)
	at := func(d time.Duration) int64 { return start.Add(d).UnixNano() }
	for _, c := range []struct {
		name         string
		mtime, ctime time.Duration
		want         bool
	}{
		{"both old", -time.Hour, -time.Hour, true},
		{"just outside", -racyWindow - 1, -racyWindow - 1, true},
		{"at the window", -racyWindow, -time.Hour, false},
		{"change time recent", -time.Hour, -time.Second, false},
		{"modification time in the future", time.Hour, -time.Hour, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := (fileStamp{mtime: at(c.mtime), ctime: at(c.ctime)}).trusted(start); got != c.want {
				t.Errorf("trusted = %v, want %v", got, c.want)
			}
		})
	}
}

// TestIndexRoundTrip: what encodeIndex writes, decodeIndex reads back,
// times before 1970 and large numbers included.
func TestIndexRoundTrip(t *testing.T) {
	st := fileStamp{dev: 1 << 63, ino: 42, mode: 0o100644, size: 1 << 40, mtime: -1_000_000_007, ctime: 1<<62 + 3}
	docs := []*SchemaDoc{{Path: "/s/a.xsd", TargetNamespace: "urn:a", Doctype: true, stamp: st, stamped: true,
		refs:     []schemaRef{{kind: "import", namespace: "urn:b", location: "b.xsd", line: 3, col: 5, resolved: "/s/b.xsd"}, {kind: "import", namespace: "urn:c"}},
		elements: []string{"x", "y"}}, {Path: "/s/b.xsd", stamp: fileStamp{mtime: -1, ctime: 0}}}
	cats := []stampedFile{{"/s/catalog.xml", fileStamp{ino: 7, size: 0, mtime: 1, ctime: -2}}}
	ix, ok := decodeIndex(encodeIndex("k", docs, cats))
	if !ok {
		t.Fatal("does not decode")
	}
	want := []stampedFile{{"/s/a.xsd", st}, {"/s/b.xsd", docs[1].stamp}, cats[0]}
	if ix.entry != "k" || !reflect.DeepEqual(ix.files, want) {
		t.Errorf("entry %q, files %+v", ix.entry, ix.files)
	}
	for _, d := range docs {
		d.lazy = true
	}
	got := &SchemaSet{Docs: ix.docs}
	if !reflect.DeepEqual(docViews(got), docViews(&SchemaSet{Docs: docs})) {
		t.Errorf("documents %+v", docViews(got))
	}
}
