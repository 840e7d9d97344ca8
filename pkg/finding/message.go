package finding

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Text is one text in German and English. As a message form its two
// halves are fmt formats that take the same arguments.
type Text struct {
	DE, EN string
}

// In returns the text in lang ("de" or "en"); German is the default and
// stands in for a missing English form.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.DE
}

// Key names a message form registered with [Register].
type Key string

// Msg is a message key with its arguments. Engines put it on a finding;
// reporters render it in the run's language with [Msg.Text], so that a
// finding never carries finished text in one language.
type Msg struct {
	Key  Key
	Args []any
}

// Message forms are registered while packages initialise (package-level
// Register calls) and read after. Appending them to a slice sized for the
// ~615 keys the ozgctl binary registers is cheaper at start-up than filling
// a map (~50 KB allocated and cleared, hashing). The first lookups scan
// that slice; after [scanLookups] of them it is sorted by key in place and
// searched. A map built on the first lookup cost a short run with one
// finding ~56 KB of fresh heap, and sorting at once about as much time as
// the run's scans.
var (
	mu         sync.Mutex
	registered = make([]entry, 0, 640)
	// later are the functions passed to [RegisterFunc] before the first
	// lookup; looked is set when that lookup runs them.
	later     []func()
	looked    bool
	laterOnce sync.Once
	// scans counts the lookups that scanned registered.
	scans atomic.Int32
	// built is every registered entry, sorted by key, once sorted.
	built     atomic.Pointer[[]entry]
	buildOnce sync.Once
)

// scanLookups is how many lookups scan the unsorted forms before they are
// sorted.
const scanLookups = 16

type entry struct {
	key  Key
	text Text
}

// runLater runs the functions passed to [RegisterFunc] before the first
// lookup.
func runLater() {
	mu.Lock()
	fns := later
	later = nil
	looked = true
	mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// catalogue returns every registered entry, sorted by key.
func catalogue() []entry {
	if m := built.Load(); m != nil {
		return *m
	}
	laterOnce.Do(runLater)
	buildOnce.Do(build)
	return *built.Load()
}

// entryKey orders an entry against a key.
func entryKey(e entry, k Key) int { return strings.Compare(string(e.key), string(k)) }

// lookup returns the forms of key.
func lookup(key Key) (Text, bool) {
	if m := built.Load(); m == nil {
		laterOnce.Do(runLater)
		if scans.Add(1) <= scanLookups {
			mu.Lock()
			defer mu.Unlock()
			if built.Load() == nil {
				for _, e := range registered {
					if e.key == key {
						return e.text, true
					}
				}
				return Text{}, false
			}
		}
	}
	entries := catalogue()
	i, ok := slices.BinarySearchFunc(entries, key, entryKey)
	if !ok {
		return Text{}, false
	}
	return entries[i].text, true
}

// build sorts the entries. It panics on a duplicate key.
func build() {
	mu.Lock()
	defer mu.Unlock()
	entries := registered
	slices.SortFunc(entries, func(a, b entry) int { return entryKey(a, b.key) })
	for i := 1; i < len(entries); i++ {
		if entries[i].key == entries[i-1].key {
			panic("finding: duplicate message key " + string(entries[i].key))
		}
	}
	registered = nil
	built.Store(&entries)
}

// Register adds a message form under key and returns the key. de and en
// are fmt formats taking the same arguments; a test walks [Keys] and fails
// when a language is missing or the two forms disagree. A duplicate key is
// a programming error: Register panics on it once a lookup has been made,
// and sorting the forms (see [scanLookups]; [Keys] sorts them) panics on
// one registered before.
func Register(key, de, en string) Key {
	k := Key(key)
	t := Text{DE: de, EN: en}
	mu.Lock()
	defer mu.Unlock()
	m := built.Load()
	if m == nil {
		if looked && slices.ContainsFunc(registered, func(e entry) bool { return e.key == k }) {
			panic("finding: duplicate message key " + key)
		}
		registered = append(registered, entry{k, t})
		return k
	}
	i, dup := slices.BinarySearchFunc(*m, k, entryKey)
	if dup {
		panic("finding: duplicate message key " + key)
	}
	next := slices.Insert(slices.Clip(*m), i, entry{k, t})
	built.Store(&next)
	return k
}

// RegisterFunc is for a package whose message forms are computed (from a
// table of rules, say): fn registers them with [Register], and runs before
// the first lookup rather than while the package initialises, so that a run
// that reads no message does not pay for it. Call it from a package-level
// var declaration or init.
func RegisterFunc(fn func()) {
	mu.Lock()
	if !looked {
		later = append(later, fn)
		mu.Unlock()
		return
	}
	mu.Unlock()
	fn()
}

// Lookup returns the forms registered under key.
func Lookup(key Key) (Text, bool) {
	return lookup(key)
}

// Keys lists every registered key, sorted; tests walk it.
func Keys() []Key {
	entries := catalogue()
	keys := make([]Key, len(entries))
	for i, e := range entries {
		keys[i] = e.key
	}
	return keys
}

// With returns the message of k with args.
func (k Key) With(args ...any) Msg { return Msg{Key: k, Args: args} }

// IsZero reports whether m holds no message.
func (m Msg) IsZero() bool { return m.Key == "" }

// Text renders m in lang ("de" or "en"). Arguments that are themselves a
// [Msg] are rendered in the same language first, so a message can embed
// another (a parser's detail inside "not well-formed"). An unregistered
// key renders as the key followed by its arguments, which a test catches.
func (m Msg) Text(lang string) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if sub, ok := a.(Msg); ok {
			a = sub.Text(lang)
		}
		args[i] = a
	}
	t, ok := lookup(m.Key)
	if !ok {
		return strings.TrimSuffix(fmt.Sprintln(append([]any{string(m.Key)}, args...)...), "\n")
	}
	return fmt.Sprintf(t.In(lang), args...)
}

// FormatVerbs returns the verb each argument of the fmt format f is
// formatted with: element i for argument i+1, 0 for an argument no verb
// uses, '*' for a width or precision. Explicit indexes ([n]) are followed.
// Tests use it to check that both forms of a key take the same arguments.
func FormatVerbs(f string) []byte {
	var verbs []byte
	set := func(n int, v byte) {
		for len(verbs) < n {
			verbs = append(verbs, 0)
		}
		verbs[n-1] = v
	}
	next := 1
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			i++
			continue
		}
	verb:
		for i++; i < len(f); i++ {
			switch c := f[i]; {
			case c == '[':
				j := i + 1
				for j < len(f) && f[j] != ']' {
					j++
				}
				if v, err := strconv.Atoi(f[i+1 : j]); err == nil {
					next = v
				}
				i = j
			case c == '*':
				set(next, '*')
				next++
			case c == '+' || c == '-' || c == '#' || c == ' ' || c == '.' || (c >= '0' && c <= '9'):
			default:
				set(next, c)
				next++
				break verb
			}
		}
	}
	return verbs
}
