package xoev

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/jacoelho/xsd"
)

// SchemaCache is an on-disk cache of compiled schema sets (the jacoelho
// engine's compiled form). Compiling a large schema set (UBL 2.1: some
// hundred milliseconds) costs more than checking a few messages; a cached
// set loads in a few milliseconds.
//
// An entry is found by a key over everything the compiled schema depends
// on: this build ([SchemaCache.Build], the executable's size and time, the
// Go version and the engine's encoded format) and the schema documents of
// the set in compile order — each path, its bytes (after charset decoding
// and DOCTYPE expansion) and where each of its references resolved to. The
// catalogs enter through what they resolved. Any change of a document, of a
// catalog mapping or of the binary gives another key; an entry is never
// rewritten in place.
//
// Reading and writing never fail a load: a missing, unreadable, damaged,
// truncated or foreign entry is ignored (the set is compiled and the entry
// written anew), and a directory that cannot be written means no cache.
// Entries are written to a temporary file and renamed, so concurrent
// writers of the same entry leave one whole entry.
type SchemaCache struct {
	// Dir is the cache directory (for the CLI: ozgctl below the user's
	// cache directory, $XDG_CACHE_HOME/ozgctl).
	Dir string
	// Build names the binary (version and commit): entries of other
	// builds are never read.
	Build string

	// clock, when set, stands for time.Now where the stat index judges
	// whether a file is old enough to trust its stamp (tests).
	clock func() time.Time
}

func (c *SchemaCache) now() time.Time {
	if c.clock != nil {
		return c.clock()
	}
	return time.Now()
}

// cacheMagic starts every entry; cacheSuffix ends its file name. After
// the magic come the payload's CRC-32 (IEEE) and length (little endian, 4 bytes
// each), then the payload, the encoded engine. The header takes 32 bytes,
// so the payload starts 8-aligned in the bytes read and its tables can
// point into them (see xsd.LoadEngineOwned).
//
// The checksum guards against damage (a torn or corrupted file, another
// program's bytes), not against someone who can write the cache directory
// (they could write a matching checksum too): CRC-32 finds every burst
// of up to 32 bits and random damage but for a chance of 2^-32, at some
// twenty times the speed of SHA-256 (which took a millisecond for UBL
// 2.1's entry). The IEEE polynomial rather than Castagnoli's: its table
// is built when hash/crc32 initialises (which other packages of the
// binary import anyway) and it runs on CLMUL, while a Castagnoli table
// cost some 300 µs to build in every process, also those that never
// touch the cache. v04 is the first format with the IEEE sum; v03 entries
// (CRC-32C) have another name and age out.
const (
	cacheMagic  = "ozgctl compiled XSD v04\n"
	cacheHead   = len(cacheMagic) + 8
	cacheSuffix = ".xsdc"
)

// sealEntry fills in the header of an entry whose payload follows it.
func sealEntry(entry []byte) {
	copy(entry, cacheMagic)
	payload := entry[cacheHead:]
	binary.LittleEndian.PutUint32(entry[len(cacheMagic):], crc32.ChecksumIEEE(payload))
	binary.LittleEndian.PutUint32(entry[len(cacheMagic)+4:], uint32(len(payload)))
}

// cacheMaxAge is how long an entry that was not read stays: older entries
// are removed when a new entry is written.
const cacheMaxAge = 30 * 24 * time.Hour

// key returns the entry name of the set's documents, "" when the build
// cannot be identified.
func (c *SchemaCache) key(docs []*SchemaDoc) string {
	format, err := xsd.EngineFormat()
	if err != nil {
		return ""
	}
	h := sha256.New()
	field := func(b []byte) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
		h.Write(b)
	}
	field([]byte(cacheMagic))
	field([]byte(c.Build))
	field([]byte(runtime.Version()))
	field(format[:])
	field([]byte(executableIdentity()))
	for _, d := range docs {
		field([]byte(d.Path))
		sum := sha256.Sum256(d.data)
		field(sum[:])
		for _, r := range d.refs {
			field([]byte(r.location))
			field([]byte(r.resolved))
		}
		field(nil) // end of the document's references
	}
	return hex.EncodeToString(h.Sum(nil))
}

// executableIdentity tells two builds with the same version apart (a
// development build, a rebuilt tree): the executable's path, size and
// modification time.
func executableIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return exe
	}
	return exe + "\x00" + st.ModTime().UTC().Format(time.RFC3339Nano) + "\x00" + string(binary.AppendUvarint(nil, uint64(st.Size())))
}

func (c *SchemaCache) path(key string) string {
	return filepath.Join(c.Dir, key+cacheSuffix)
}

// load returns the engine of the entry key, or nil and why there is none
// that can be used ("" when there is no entry).
func (c *SchemaCache) load(key string) (*xsd.Engine, string) {
	data, _, _, err := readStamped(c.path(key))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil, "" // no entry; a directory that is no directory shows when writing
	}
	if err != nil {
		return nil, "entry not read: " + err.Error()
	}
	payload, ok := cachePayload(data)
	if !ok {
		return nil, "entry damaged (checksum), compiled anew"
	}
	eng, err := xsd.LoadEngineOwned(payload) // data is this load's: the engine keeps it
	if err != nil {
		return nil, "entry not loaded (" + err.Error() + "), compiled anew"
	}
	return eng, ""
}

// cachePayload checks an entry's magic and checksum and returns the
// encoded engine.
func cachePayload(data []byte) ([]byte, bool) {
	if len(data) < cacheHead || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return nil, false
	}
	payload := data[cacheHead:]
	if binary.LittleEndian.Uint32(data[len(cacheMagic)+4:]) != uint32(len(payload)) ||
		binary.LittleEndian.Uint32(data[len(cacheMagic):]) != crc32.ChecksumIEEE(payload) {
		return nil, false
	}
	return payload, true
}

// store writes the entry key. An error only means that the next run
// compiles again: the caller reports it at most as a note.
func (c *SchemaCache) store(key string, eng *xsd.Engine) error {
	buf, err := eng.AppendBinary(make([]byte, cacheHead, 1<<20))
	if err != nil {
		return err
	}
	sealEntry(buf)
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	if err := writeAtomic(c.path(key), buf); err != nil {
		return err
	}
	c.prune(key)
	return nil
}

// writeAtomic writes data to a temporary file in the target's directory
// and renames it over the target, so a reader sees no entry or a whole one.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	return nil
}

// prune removes entries (and temporary files of writers that died) not
// touched for [cacheMaxAge], so the directory does not grow with every
// build and schema version ever used.
func (c *SchemaCache) prune(keep string) {
	entries, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	cutoff := time.Now().Add(-cacheMaxAge)
	for _, e := range entries {
		name := e.Name()
		if name == keep+cacheSuffix || !(strings.HasSuffix(name, cacheSuffix) || strings.HasSuffix(name, indexSuffix) || strings.HasSuffix(name, ".tmp")) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			_ = os.Remove(filepath.Join(c.Dir, name))
		}
	}
}

// touch marks an entry as used, so that pruning keeps it.
func (c *SchemaCache) touch(key string) { c.touchPath(c.path(key)) }

// touchPath marks a file of the cache as used, at most once a day.
func (c *SchemaCache) touchPath(p string) {
	now := time.Now()
	if info, err := os.Stat(p); err == nil && now.Sub(info.ModTime()) > 24*time.Hour {
		_ = os.Chtimes(p, now, now)
	}
}
