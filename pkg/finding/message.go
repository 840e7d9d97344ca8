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

// Form is one message form of a package's table (see [Forms]): DE and EN
// are fmt formats taking the same arguments.
type Form struct {
	Key    Key
	DE, EN string
}

// Message forms come in package-level tables of constants, which the
// compiler lays out in the binary, so that a package's init adds a table
// with one [Forms] call instead of running a Register call per form (~400
// calls filling a 25 KB slice in every run). The first lookups scan the
// tables and the forms added by [Register]; after [scanLookups] of them
// every form is copied into one slice sorted by key and searched. A map
// built on the first lookup cost a short run with one finding ~56 KB of
// fresh heap, and sorting at once about as much time as the run's scans.
var (
	mu sync.Mutex
	// tables are the tables passed to [Forms], registered the forms passed
	// to [Register], before the forms are sorted.
	tables     = make([][]Form, 0, 32)
	registered []Form
	// later are the functions passed to [RegisterFunc] before the first
	// lookup; looked is set when that lookup runs them.
	later     []func()
	looked    bool
	laterOnce sync.Once
	// scans counts the lookups that scanned the unsorted forms.
	scans atomic.Int32
	// built is every form, sorted by key, once sorted.
	built     atomic.Pointer[[]Form]
	buildOnce sync.Once
)

// scanLookups is how many lookups scan the unsorted forms before they are
// sorted.
const scanLookups = 16

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

// catalogue returns every form, sorted by key.
func catalogue() []Form {
	if m := built.Load(); m != nil {
		return *m
	}
	laterOnce.Do(runLater)
	buildOnce.Do(build)
	return *built.Load()
}

// formKey orders a form against a key.
func formKey(f Form, k Key) int { return strings.Compare(string(f.Key), string(k)) }

// scan returns the unsorted form of key; mu is held.
func scan(key Key) (Form, bool) {
	for _, t := range tables {
		for _, f := range t {
			if f.Key == key {
				return f, true
			}
		}
	}
	for _, f := range registered {
		if f.Key == key {
			return f, true
		}
	}
	return Form{}, false
}

// lookup returns the forms of key.
func lookup(key Key) (Text, bool) {
	if m := built.Load(); m == nil {
		laterOnce.Do(runLater)
		if scans.Add(1) <= scanLookups {
			mu.Lock()
			defer mu.Unlock()
			if built.Load() == nil {
				f, ok := scan(key)
				return Text{DE: f.DE, EN: f.EN}, ok
			}
		}
	}
	forms := catalogue()
	i, ok := slices.BinarySearchFunc(forms, key, formKey)
	if !ok {
		return Text{}, false
	}
	return Text{DE: forms[i].DE, EN: forms[i].EN}, true
}

// build sorts the forms. It panics on a duplicate key.
func build() {
	mu.Lock()
	defer mu.Unlock()
	n := len(registered)
	for _, t := range tables {
		n += len(t)
	}
	forms := make([]Form, 0, n)
	for _, t := range tables {
		forms = append(forms, t...)
	}
	forms = append(forms, registered...)
	slices.SortFunc(forms, func(a, b Form) int { return formKey(a, b.Key) })
	for i := 1; i < len(forms); i++ {
		if forms[i].Key == forms[i-1].Key {
			panic("finding: duplicate message key " + string(forms[i].Key))
		}
	}
	tables, registered = nil, nil
	built.Store(&forms)
}

// add adds f; mu is held. A duplicate key panics once a lookup has been
// made; before, sorting the forms finds it.
func add(f Form) {
	m := built.Load()
	if m == nil {
		if looked {
			if _, dup := scan(f.Key); dup {
				panic("finding: duplicate message key " + string(f.Key))
			}
		}
		registered = append(registered, f)
		return
	}
	i, dup := slices.BinarySearchFunc(*m, f.Key, formKey)
	if dup {
		panic("finding: duplicate message key " + string(f.Key))
	}
	next := slices.Insert(slices.Clip(*m), i, f)
	built.Store(&next)
}

// Forms adds tables of message forms; a package calls it from init with
// its package-level tables. A test walks [Keys] and fails when a language
// is missing or the two forms disagree. A duplicate key is a programming
// error: it panics when the forms are sorted (see [scanLookups]; [Keys]
// sorts them), or at once after the first lookup.
func Forms(t ...[]Form) {
	mu.Lock()
	defer mu.Unlock()
	for _, forms := range t {
		if !looked {
			tables = append(tables, forms)
			continue
		}
		for _, f := range forms {
			add(f)
		}
	}
}

// Register adds a message form under key and returns the key, for forms
// computed at run time (see [RegisterFunc]); constant forms go in a table
// passed to [Forms]. Duplicate keys are treated as in [Forms].
func Register(key, de, en string) Key {
	k := Key(key)
	mu.Lock()
	defer mu.Unlock()
	add(Form{Key: k, DE: de, EN: en})
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
	forms := catalogue()
	keys := make([]Key, len(forms))
	for i, f := range forms {
		keys[i] = f.Key
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
