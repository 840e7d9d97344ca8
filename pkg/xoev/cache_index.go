package xoev

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"
	"unsafe"

	"github.com/jacoelho/xsd"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
)

// The stat index ("direct mode")
//
// The entry key hashes every schema document's bytes, so a cache hit still
// read, decoded and scanned the whole set and hashed it: for UBL 2.1
// (2.8 MB of schema documents) more time than decoding the entry. The stat
// index skips that, as ccache's direct mode and its inode cache, git's
// index and the go command's file hashes do: a small file per load request
// (main schema, catalogs, roots, options, this build) records, for every
// schema document and catalog file the load read, what stat said about it
// (device, inode, mode, size, modification and change time in
// nanoseconds), next to the entry key the load computed from the bytes and
// everything the scan found in the documents (target namespaces,
// references and where they resolved, global elements). When every file
// still stats the same, the load takes the schema set from the index and
// the engine from the entry, reading no schema document and no catalog.
// Any difference, a missing, damaged or foreign index, or an entry that
// cannot be loaded falls back to the full load, which hashes the bytes as
// before (and writes the index anew).
//
// Why a matching stat may stand for the bytes: the stamp is taken with
// fstat on the open file before its bytes are read, and the change time
// (ctime) cannot be set by a user (touch and tar set only the modification
// time); every write, rename onto the path, chmod or link sets it to the
// kernel's current time, and a replaced file has another inode. So a file
// changed after its stamp was taken shows another stamp — unless the
// change fell into the same clock tick as the stamp's times (the kernel
// stamps files with a coarse clock, a few milliseconds on Linux; FAT has
// two seconds; a network file system has the server's clock). That is
// git's "racily clean" case, and the answer is git's: a stamp whose change
// or modification time is not at least [racyWindow] older than the start
// of the load is not trusted, and then no index is written (the next load
// hashes again and writes it once the files have aged). A change after the
// stamp then sets a time later than the recorded one. The assumption is
// that the clock that stamps the files is within the window of this
// machine's (true for local file systems; for network file systems as
// for make and git). File systems without stable inode numbers or times
// only lose the shortcut: their stamps never match, and every load hashes.
//
// On a load from the index the documents' bytes are not read at all. The
// few users of a document's text (the declaration and code-type indexes
// for hints, code lists and profiles, the helium code-type compile, the
// place of an unsupported construct) read it on first use, decoded as the
// full load does. A document changed between the load and that first use
// is then read as it is (the verdicts still come from the schema as
// loaded); a process that must see one snapshot throughout loads with
// the cache off or reads what it needs right after the load.

// indexMagic starts every stat index; indexSuffix ends its file name.
const (
	indexMagic  = "ozgctl schema index v1\n"
	indexSuffix = ".xsdi"
)

// racyWindow is how much older than the start of a load a file's change
// and modification times must be for its stamp to enter the index: more
// than a kernel clock tick and FAT's two-second resolution, with a margin
// for a file server's clock.
const racyWindow = 3 * time.Second

// fileStamp is what stat says about a file, the part that changes when the
// file's content can have changed.
type fileStamp struct {
	dev, ino     uint64
	mode         uint32
	size         int64
	mtime, ctime int64 // nanoseconds since the epoch
}

// trusted reports whether the stamp, taken after start, tells every later
// change of the file apart (see racyWindow).
func (s fileStamp) trusted(start time.Time) bool {
	lim := start.Add(-racyWindow).UnixNano()
	return s.mtime < lim && s.ctime < lim
}

// stampOf returns the stamp of an open file.
func stampOf(f *os.File) (fileStamp, bool) {
	fi, err := f.Stat()
	if err != nil {
		return fileStamp{}, false
	}
	return statStamp(fi)
}

// stampPath returns the stamp of the file at p (following symbolic links,
// as opening it does).
func stampPath(p string) (fileStamp, bool) {
	fi, err := os.Stat(p)
	if err != nil {
		return fileStamp{}, false
	}
	return statStamp(fi)
}

// readStamped reads a file as os.ReadFile does (with the buffer's pages
// mapped ahead, see prefault) and returns its stamp, taken before the
// bytes were read.
func readStamped(p string) ([]byte, fileStamp, bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fileStamp{}, false, err
	}
	defer f.Close()
	var st fileStamp
	var ok bool
	size := 512
	if fi, err := f.Stat(); err == nil {
		st, ok = statStamp(fi)
		if n := fi.Size(); n > 0 && int64(int(n)) == n {
			size = int(n) + 1 // one more byte, to see EOF at once
		}
	}
	data := make([]byte, 0, size)
	prefault(data[:cap(data)])
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, st, ok, nil
		}
		if err != nil {
			return nil, fileStamp{}, false, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// stampedFile is a file a load read, with its stamp.
type stampedFile struct {
	path  string
	stamp fileStamp
}

// indexKey names the stat index of a load request: everything besides the
// files' content that decides what the load reads and how references
// resolve.
func (c *SchemaCache) indexKey(abs string, opts LoadOptions) string {
	format, err := xsd.EngineFormat()
	if err != nil {
		return ""
	}
	h := sha256.New()
	field := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	field(indexMagic)
	field(c.Build)
	field(runtime.Version())
	field(string(format[:]))
	field(executableIdentity())
	field(abs)
	for _, cp := range opts.Catalogs {
		a, err := filepath.Abs(cp)
		if err != nil {
			return ""
		}
		field("catalog " + a)
	}
	for _, r := range opts.Roots {
		a, err := filepath.Abs(r)
		if err != nil {
			return ""
		}
		field("root " + a)
	}
	if opts.AllowNetwork {
		field("allow-network")
	}
	field("engine " + opts.Engine)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *SchemaCache) indexPath(key string) string {
	return filepath.Join(c.Dir, key+indexSuffix)
}

// schemaIndex is the content of a stat index.
type schemaIndex struct {
	entry string // the entry key
	docs  []*SchemaDoc
	files []stampedFile // the documents', then the catalogs'
}

// loadIndexed loads the set through the stat index, or returns nil when
// the index is missing, does not match the files or its entry cannot be
// loaded (the caller then loads in full, which also says why).
func (c *SchemaCache) loadIndexed(ctx context.Context, path, abs string, opts LoadOptions) *SchemaSet {
	if ctx.Err() != nil {
		return nil
	}
	start := time.Now()
	key := c.indexKey(abs, opts)
	if key == "" {
		return nil
	}
	data, err := os.ReadFile(c.indexPath(key))
	if err != nil {
		return nil
	}
	ix, ok := decodeIndex(data)
	if !ok || len(ix.docs) == 0 || ix.docs[0].Path != abs {
		return nil
	}
	for _, f := range ix.files {
		if st, ok := stampPath(f.path); !ok || st != f.stamp {
			return nil
		}
	}
	eng, _ := c.load(ix.entry)
	if eng == nil {
		return nil
	}
	c.touch(ix.entry)
	c.touchPath(c.indexPath(key))
	return &SchemaSet{Path: path, Docs: ix.docs, Engine: EngineJacoelho, Cached: true, CompileTime: time.Since(start),
		targetNamespace: ix.docs[0].TargetNamespace, limits: opts.Limits.Effective(), cache: c, jac: eng}
}

// storeIndex writes the stat index of a load that read docs and catalogs
// (stamped after start) and found or wrote the entry. A file whose stamp is
// missing or too recent to be trusted means no index.
func (c *SchemaCache) storeIndex(abs string, opts LoadOptions, entry string, docs []*SchemaDoc, catalogs []stampedFile, start time.Time) {
	key := c.indexKey(abs, opts)
	if key == "" || entry == "" {
		return
	}
	for _, d := range docs {
		if !d.stamped || !d.stamp.trusted(start) {
			return
		}
	}
	for _, f := range catalogs {
		if !f.stamp.trusted(start) {
			return
		}
	}
	_ = writeAtomic(c.indexPath(key), encodeIndex(entry, docs, catalogs))
}

// encodeIndex gives the bytes of a stat index: the magic, the SHA-256 of
// the rest, then the entry key, the documents and the catalogs.
func encodeIndex(entry string, docs []*SchemaDoc, catalogs []stampedFile) []byte {
	b := make([]byte, len(indexMagic)+sha256.Size, 4096)
	copy(b, indexMagic)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(v uint64) { b = binary.AppendUvarint(b, v) }
	stamp := func(s fileStamp) {
		num(s.dev)
		num(s.ino)
		num(uint64(s.mode))
		b = binary.AppendVarint(b, s.size)
		b = binary.AppendVarint(b, s.mtime)
		b = binary.AppendVarint(b, s.ctime)
	}
	str(entry)
	num(uint64(len(docs)))
	for _, d := range docs {
		str(d.Path)
		stamp(d.stamp)
		str(d.TargetNamespace)
		if d.Doctype {
			num(1)
		} else {
			num(0)
		}
		num(uint64(len(d.refs)))
		for _, r := range d.refs {
			str(r.kind)
			str(r.namespace)
			str(r.location)
			num(uint64(r.line))
			num(uint64(r.col))
			str(r.resolved)
		}
		num(uint64(len(d.elements)))
		for _, e := range d.elements {
			str(e)
		}
	}
	num(uint64(len(catalogs)))
	for _, f := range catalogs {
		str(f.path)
		stamp(f.stamp)
	}
	sum := sha256.Sum256(b[len(indexMagic)+sha256.Size:])
	copy(b[len(indexMagic):], sum[:])
	return b
}

// indexReader reads the fields encodeIndex wrote; a short or malformed
// field sets bad. Strings point into the bytes read (some thousand element
// names for UBL 2.1), which the reader's caller must not change.
type indexReader struct {
	b   []byte
	bad bool
}

func (r *indexReader) num() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

// signed reads what binary.AppendVarint wrote: the zig-zag form as an
// unsigned number.
func (r *indexReader) signed() int64 {
	u := r.num()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count reads a length that must fit in the bytes left, at least min
// bytes an item.
func (r *indexReader) count(min int) int {
	n := r.num()
	if n > uint64(len(r.b)/min) {
		r.bad = true
		return 0
	}
	return int(n)
}

func (r *indexReader) str() string {
	n := r.count(1)
	if r.bad {
		return ""
	}
	s := unsafe.String(unsafe.SliceData(r.b), n) // the index's bytes are the load's own and never change
	r.b = r.b[n:]
	return s
}

func (r *indexReader) stamp() fileStamp {
	return fileStamp{dev: r.num(), ino: r.num(), mode: uint32(r.num()), size: r.signed(), mtime: r.signed(), ctime: r.signed()}
}

// decodeIndex reads a stat index; false when it is damaged or foreign.
// The strings it returns point into data, which must not change afterwards.
func decodeIndex(data []byte) (*schemaIndex, bool) {
	head := len(indexMagic) + sha256.Size
	if len(data) < head || !bytes.HasPrefix(data, []byte(indexMagic)) {
		return nil, false
	}
	if sum := sha256.Sum256(data[head:]); !bytes.Equal(sum[:], data[len(indexMagic):head]) {
		return nil, false
	}
	r := &indexReader{b: data[head:]}
	ix := &schemaIndex{entry: r.str()}
	ndocs := r.count(8)
	for range ndocs {
		d := &SchemaDoc{Path: r.str(), lazy: true}
		st := r.stamp()
		d.TargetNamespace = r.str()
		d.Doctype = r.num() == 1
		nrefs := r.count(6)
		if nrefs > 0 {
			d.refs = make([]schemaRef, nrefs)
		}
		for i := range d.refs {
			d.refs[i] = schemaRef{kind: r.str(), namespace: r.str(), location: r.str(), line: int(r.num()), col: int(r.num()), resolved: r.str()}
		}
		nel := r.count(1)
		if nel > 0 {
			d.elements = make([]string, nel)
		}
		for i := range d.elements {
			d.elements[i] = r.str()
		}
		if r.bad {
			return nil, false
		}
		ix.docs = append(ix.docs, d)
		ix.files = append(ix.files, stampedFile{d.Path, st})
	}
	ncat := r.count(8)
	for range ncat {
		ix.files = append(ix.files, stampedFile{r.str(), r.stamp()})
	}
	if r.bad || len(r.b) != 0 {
		return nil, false
	}
	return ix, true
}

// bytes returns the document's text after charset decoding and DOCTYPE
// expansion. A document loaded through the stat index reads it on first
// use (see the notes on the stat index above).
func (d *SchemaDoc) bytes() []byte {
	if !d.lazy {
		return d.data
	}
	d.once.Do(func() {
		data, err := os.ReadFile(d.Path)
		if err != nil {
			return
		}
		if data, _, err = xmlcharset.Decode(data); err != nil {
			return
		}
		data, _, err = applyDoctype(d.Path, data)
		if err != nil {
			return
		}
		d.data = data
	})
	return d.data
}
