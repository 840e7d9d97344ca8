package finding

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// Message forms come in package-level tables of constants, each sorted by
// key in the source (a test fails otherwise, see [Keys]), which the
// compiler lays out in the binary: a package's init adds its tables with
// one [Forms] call, and a lookup searches each table whose key range
// holds the key. Nothing is copied, sorted or hashed at run time: a map
// built on the first lookup cost a short run with one finding ~56 KB of
// fresh heap, and one sorted copy of every form a few dozen page faults.
var (
	mu sync.RWMutex
	// tables are the tables passed to [Forms]; registered the forms passed
	// to [Register], sorted by key.
	tables     = make([][]Form, 0, 32)
	registered []Form
	// later are the functions passed to [RegisterFunc].
	later []*laterFunc
)

// laterFunc registers the forms of the keys starting with prefix, once.
type laterFunc struct {
	prefix string
	once   sync.Once
	fn     func()
}

// runLater runs the functions passed to [RegisterFunc] whose prefix key
// starts with; all of them for "".
func runLater(key Key) {
	mu.RLock()
	fns := later
	mu.RUnlock()
	for _, l := range fns {
		if strings.HasPrefix(string(key), l.prefix) || key == "" {
			l.once.Do(l.fn)
		}
	}
}

// formKey orders a form against a key.
func formKey(f Form, k Key) int { return strings.Compare(string(f.Key), string(k)) }

// search returns the form of key; mu is held.
func search(key Key) (Form, bool) {
	for _, t := range tables {
		if len(t) == 0 || key < t[0].Key || key > t[len(t)-1].Key {
			continue
		}
		if i, ok := slices.BinarySearchFunc(t, key, formKey); ok {
			return t[i], true
		}
	}
	if i, ok := slices.BinarySearchFunc(registered, key, formKey); ok {
		return registered[i], true
	}
	return Form{}, false
}

// lookup returns the forms of key.
func lookup(key Key) (Text, bool) {
	runLater(key)
	mu.RLock()
	defer mu.RUnlock()
	f, ok := search(key)
	return Text{DE: f.DE, EN: f.EN}, ok
}

// Forms adds tables of message forms; a package calls it from init with
// its package-level tables, each sorted by key. A test walks [Keys], which
// panics on a table out of order or a key in two tables, and fails when a
// language is missing or the two forms disagree.
func Forms(t ...[]Form) {
	mu.Lock()
	defer mu.Unlock()
	tables = append(tables, t...)
}

// Register adds a message form under key and returns the key, for forms
// computed at run time (see [RegisterFunc]); constant forms go in a table
// passed to [Forms]. A key registered before panics.
func Register(key, de, en string) Key {
	k := Key(key)
	mu.Lock()
	defer mu.Unlock()
	if _, dup := search(k); dup {
		panic("finding: duplicate message key " + key)
	}
	i, _ := slices.BinarySearchFunc(registered, k, formKey)
	registered = slices.Insert(registered, i, Form{Key: k, DE: de, EN: en})
	return k
}

// RegisterFunc is for a package whose message forms are computed (from a
// table of rules, say): fn registers them with [Register], and runs before
// the first lookup of a key that starts with prefix rather than while the
// package initialises, so that a run that reads none of them does not pay
// for it. Call it from a package-level var declaration or init.
func RegisterFunc(prefix string, fn func()) {
	mu.Lock()
	defer mu.Unlock()
	later = append(later, &laterFunc{prefix: prefix, fn: fn})
}

// Lookup returns the forms registered under key.
func Lookup(key Key) (Text, bool) {
	return lookup(key)
}

// Keys lists every registered key, sorted; tests walk it. It panics on a
// table passed to [Forms] that is not sorted by key and on a key
// registered twice.
func Keys() []Key {
	runLater("")
	mu.RLock()
	defer mu.RUnlock()
	var keys []Key
	for _, t := range tables {
		for i, f := range t {
			if i > 0 && f.Key <= t[i-1].Key {
				panic(fmt.Sprintf("finding: message table out of order: %q after %q", f.Key, t[i-1].Key))
			}
			keys = append(keys, f.Key)
		}
	}
	for _, f := range registered {
		keys = append(keys, f.Key)
	}
	slices.Sort(keys)
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			panic("finding: duplicate message key " + string(keys[i]))
		}
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
	format, args, ok := m.form(lang)
	if !ok {
		return strings.TrimSuffix(fmt.Sprintln(args...), "\n")
	}
	return fmt.Sprintf(format, args...)
}

// AppendText appends [Msg.Text] to dst without making the string, for a
// reporter that writes many messages.
func (m Msg) AppendText(dst []byte, lang string) []byte {
	format, args, ok := m.form(lang)
	if !ok {
		line := fmt.Appendln(dst, args...)
		return line[:len(line)-1]
	}
	return fmt.Appendf(dst, format, args...)
}

// form returns m's format in lang and its arguments, those that are a
// [Msg] rendered; for an unregistered key no format, and the key before
// the arguments.
func (m Msg) form(lang string) (format string, args []any, ok bool) {
	args, copied := m.Args, false
	for i, a := range m.Args {
		sub, ok := a.(Msg)
		if !ok {
			continue
		}
		if !copied {
			args, copied = slices.Clone(m.Args), true
		}
		args[i] = sub.Text(lang)
	}
	t, ok := lookup(m.Key)
	if !ok {
		return "", append([]any{string(m.Key)}, args...), false
	}
	return t.In(lang), args, true
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
