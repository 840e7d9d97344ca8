package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/editdist"
	"github.com/ozgctl/ozgctl/pkg/baseline"
)

// ConfigError is a problem in the config file or an OZGCTL_* variable:
// At names the file and line ("ozgctl.yaml:3") or the variable. It exits 2
// and prints one line, without the usage text: the command line was fine.
type ConfigError struct {
	At  string
	Err error
}

// Error implements error.
func (e *ConfigError) Error() string { return e.At + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ConfigError) Unwrap() error { return e.Err }

// config is what was read from the config file, for applying it to the
// command that runs and for naming where a value came from.
type config struct {
	v *viper.Viper
	// file is the config file read, "" if none.
	file string
	// lines maps each key path ("fim.lint.fail-on") to its line in file.
	lines map[string]int
	// origin maps the flags set from the config file or the environment
	// to where their value came from ("ozgctl.yaml:3", "OZGCTL_FAIL_ON").
	origin map[string]string
	// ignores are the entries of the top-level key "ignore".
	ignores []baseline.Ignore
	// sections holds the mappings under the keys that a command declares
	// as its own sections ([cmdutil.ConfigSections]), by key path
	// ("serve.profiles"); the command checks their content.
	sections map[string]*yaml.Node
	// fullTree adds the commands that were not built for this run; the
	// keys of a config file are checked against the whole tree.
	fullTree func()
}

// section returns the mapping at the key path and the file it is in; nil
// when the config file has none.
func (c *config) section(path ...string) (*yaml.Node, string) {
	return c.sections[strings.Join(path, ".")], c.file
}

// ignoreKey is the top-level key of the config file that holds the
// ignore entries (package baseline); it is no flag.
const ignoreKey = "ignore"

// configDirs are the directories searched for ozgctl.yaml, in order.
func configDirs() []string {
	dirs := []string{"."}
	if dir := os.Getenv("XDG_CONFIG_HOME"); dir != "" {
		dirs = append(dirs, filepath.Join(dir, "ozgctl"))
	} else if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".config", "ozgctl"))
	}
	return dirs
}

// loadConfig reads the config file named by --config (path) or found in
// [configDirs], and checks its keys against the command tree of root.
func loadConfig(c *config, root *cobra.Command, path string) error {
	v := c.v
	v.SetEnvPrefix("OZGCTL")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	if path == "" {
		// Look for the config file by its full name only: viper's own search
		// would also take an extensionless "ozgctl" (the binary itself).
	search:
		for _, dir := range configDirs() {
			for _, name := range []string{"ozgctl.yaml", "ozgctl.yml"} {
				p := filepath.Join(dir, name)
				if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
					path = p
					v.SetConfigType("yaml")
					break search
				}
			}
		}
		if path == "" {
			return nil
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return &ConfigError{At: path, Err: fmt.Errorf("read config: %w", unwrapPath(err))}
	}
	v.SetConfigFile(path)
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return &ConfigError{At: path, Err: fmt.Errorf("read config: %w", err)}
	}
	c.file = path
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return &ConfigError{At: path, Err: fmt.Errorf("read config: %w", err)}
	}
	c.lines = map[string]int{}
	if len(doc.Content) == 0 {
		return nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return &ConfigError{At: fmt.Sprintf("%s:%d", path, top.Line), Err: errors.New("want a mapping of flag names to values")}
	}
	if c.fullTree != nil {
		c.fullTree()
	}
	return c.checkKeys(top, root, nil, allFlags(root))
}

// checkKeys checks the keys of m, the mapping at the command path scope:
// each is a flag of the scope's commands or a subcommand holding a mapping.
func (c *config) checkKeys(m *yaml.Node, cmd *cobra.Command, scope []string, flags map[string]bool) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, val := m.Content[i], m.Content[i+1]
		key := strings.Join(append(slices.Clone(scope), k.Value), ".")
		c.lines[key] = k.Line
		at := fmt.Sprintf("%s:%d", c.file, k.Line)
		if len(scope) == 0 && k.Value == ignoreKey {
			igs, err := baseline.ParseIgnores(val, c.file)
			if err != nil {
				var ce *baseline.ConfigError
				if errors.As(err, &ce) {
					return &ConfigError{At: fmt.Sprintf("%s:%d", ce.File, ce.Line), Err: ce.Err}
				}
				return &ConfigError{At: at, Err: err}
			}
			c.ignores = igs
			continue
		}
		if sub := subcommand(cmd, k.Value); sub != nil && val.Kind == yaml.MappingNode {
			if err := c.checkKeys(val, sub, append(slices.Clone(scope), k.Value), commandFlags(sub)); err != nil {
				return err
			}
			continue
		}
		if slices.Contains(cmdutil.ConfigSections(cmd), k.Value) {
			if val.Kind != yaml.MappingNode {
				return &ConfigError{At: at, Err: fmt.Errorf("%s: want a mapping of names to entries", key)}
			}
			if c.sections == nil {
				c.sections = map[string]*yaml.Node{}
			}
			c.sections[key] = val
			continue
		}
		if flags[k.Value] {
			if val.Kind == yaml.MappingNode {
				return &ConfigError{At: at, Err: fmt.Errorf("%s: want a value for --%s, not a mapping", key, k.Value)}
			}
			continue
		}
		if subcommand(cmd, k.Value) != nil {
			return &ConfigError{At: at, Err: fmt.Errorf("%s: want a mapping of the flags of %q", key, strings.TrimSpace(cmd.CommandPath()+" "+k.Value))}
		}
		valid := slices.Collect(func(yield func(string) bool) {
			for f := range flags {
				if !yield(f) {
					return
				}
			}
			for _, sc := range cmd.Commands() {
				if !yield(sc.Name()) {
					return
				}
			}
		})
		msg := fmt.Sprintf("unknown key %q", key)
		if near := nearest(k.Value, valid); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", strings.Join(append(slices.Clone(scope), near), "."))
		}
		where := "ozgctl"
		if len(scope) > 0 {
			where += " " + strings.Join(scope, " ")
		}
		return &ConfigError{At: at, Err: fmt.Errorf("%s (keys are the flag names of %q and its subcommands)", msg, where)}
	}
	return nil
}

func subcommand(cmd *cobra.Command, name string) *cobra.Command {
	for _, sc := range cmd.Commands() {
		if sc.Name() == name {
			return sc
		}
	}
	return nil
}

// commandFlags are the flags of cmd and every command below it, and the
// persistent flags of its parents: what a key under cmd's path may name.
func commandFlags(cmd *cobra.Command) map[string]bool {
	out := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { out[f.Name] = true })
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) { out[f.Name] = true })
		for _, sc := range c.Commands() {
			walk(sc)
		}
	}
	walk(cmd)
	delete(out, "help")
	delete(out, "config")
	return out
}

// allFlags are the flags a top-level key may name: those of any command.
func allFlags(root *cobra.Command) map[string]bool {
	out := commandFlags(root)
	root.PersistentFlags().VisitAll(func(f *pflag.Flag) { out[f.Name] = true })
	delete(out, "config")
	return out
}

// nearest returns the candidate closest to s by edit distance (ignoring
// case and treating "_" as "-"), or "" when none is plausibly meant.
func nearest(s string, candidates []string) string {
	norm := strings.ReplaceAll(strings.ToLower(s), "_", "-")
	best, bestD := "", len(norm)/2+2
	slices.Sort(candidates)
	for _, c := range candidates {
		if d := editdist.Distance(norm, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// applyConfig gives every flag the user did not set the value from the
// environment (OZGCTL_FLAG_NAME) or the config file, where the key is the
// flag name, optionally under the command path ("fim.lint.fail-on"). The
// precedence is flag > environment > config file > default. A value the
// flag refuses is an error naming the file and line, or the variable.
// envRune maps a flag name's rune to its environment variable's: "-" and
// "." become "_".
func envRune(r rune) rune {
	if r == '-' || r == '.' {
		return '_'
	}
	return r
}

func applyConfig(c *config, cmd *cobra.Command) error {
	v := c.v
	path := append(strings.Fields(cmd.CommandPath()), "")
	if c.origin == nil {
		c.origin = map[string]string{}
	}
	var err error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if err != nil || fl.Changed || fl.Name == "config" || fl.Name == "help" {
			return
		}
		var val any
		var at string
		envKey := "OZGCTL_" + strings.ToUpper(strings.Map(envRune, fl.Name))
		if s, ok := os.LookupEnv(envKey); ok && s != "" {
			val, at = s, envKey
		} else if c.file != "" { // without a config file nothing is in v
			// The most specific scope wins: fim.lint.jobs, fim.jobs, jobs.
			for i := len(path) - 1; i >= 1; i-- {
				key := strings.Join(append(slices.Clone(path[1:i]), fl.Name), ".")
				if v.InConfig(key) {
					if _, isMap := v.Get(key).(map[string]any); isMap {
						continue
					}
					val, at = v.Get(key), fmt.Sprintf("%s:%d", c.file, c.lines[key])
					break
				}
			}
		}
		if _, isMap := val.(map[string]any); val == nil || isMap {
			// A mapping under a flag's name is a command scope ("profile:
			// {test: …}"), not a value of "check --profile".
			return
		}
		var values []string
		switch x := val.(type) {
		case []any:
			for _, e := range x {
				values = append(values, fmt.Sprint(e))
			}
		default:
			values = []string{fmt.Sprint(x)}
			if _, ok := fl.Value.(pflag.SliceValue); ok {
				values = strings.Split(values[0], ",")
			}
		}
		var e error
		if sv, ok := fl.Value.(pflag.SliceValue); ok {
			e = sv.Replace(values)
		} else {
			e = fl.Value.Set(strings.Join(values, ","))
		}
		if e != nil {
			err = &ConfigError{At: at, Err: fmt.Errorf("value for --%s: %w", fl.Name, e)}
			return
		}
		c.origin[fl.Name] = at
	})
	return err
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// originOf returns where the value of the flag that msg (a flag error,
// "--fail-on: …") is about was set, if it came from the config file or the
// environment; "" otherwise.
func (c *config) originOf(msg string) string {
	if c == nil {
		return ""
	}
	name, ok := strings.CutPrefix(msg, "--")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(name, " :="); i >= 0 {
		name = name[:i]
	}
	return c.origin[name]
}

// describe tells on w which config file was read (or where none was
// found) and which flags it or the environment set: --verbose.
func (c *config) describe(w io.Writer, explicit string) {
	switch {
	case c.file != "":
		fmt.Fprintf(w, "config: read %s\n", c.file)
	case explicit == "":
		var tried []string
		for _, d := range configDirs() {
			tried = append(tried, filepath.Join(d, "ozgctl.yaml"))
		}
		fmt.Fprintf(w, "config: none (looked for %s)\n", strings.Join(tried, ", "))
	}
	names := slices.Sorted(maps.Keys(c.origin))
	for _, n := range names {
		fmt.Fprintf(w, "config: --%s from %s\n", n, c.origin[n])
	}
}
