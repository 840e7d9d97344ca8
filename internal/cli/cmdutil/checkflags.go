package cmdutil

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/xmllimit"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// CheckFlags are the flags that say what messages are checked against
// (schema sets, code lists, profiles, Schematron) and how far they are
// read; "check" and "report interop" decide conformance with the same ones.
type CheckFlags struct {
	// XSD is the main schema; SchemaDir a directory to pick schemas from.
	XSD       string
	SchemaDir string
	Catalogs  []string
	// SchemaRoots are further directories schema documents may be read from.
	SchemaRoots  []string
	AllowNetwork bool
	// Engine forces the XSD engine ("jacoelho" or "helium"); hidden flag.
	Engine string

	CodeLists       []string
	StrictCodeLists bool

	// Schematron files and a Profile file or directory add rule stages;
	// Phase applies to both.
	Schematron []string
	Profile    string
	Phase      string
	// RuleTimeout bounds the rule evaluation of one message.
	RuleTimeout time.Duration

	// MaxTextSize (a size such as "64MiB", "0" for no limit) and MaxDepth
	// (0 for no limit) bound the text nodes and nesting of the messages.
	MaxTextSize string
	MaxDepth    int

	// NoCache turns the compiled-schema cache off (--no-cache).
	NoCache bool
}

// AddCheckFlags registers the check flags on cmd.
func AddCheckFlags(cmd *cobra.Command, c *CheckFlags) {
	fl := cmd.Flags()
	fl.StringVar(&c.XSD, "xsd", "", "main XML Schema `FILE` of the messages")
	fl.StringVar(&c.SchemaDir, "schema-dir", "", "pick each message's schema from the *.xsd files below `DIR`")
	fl.StringArrayVar(&c.Catalogs, "catalog", nil, "OASIS XML catalog `FILE` for absolute schema locations (repeatable)")
	fl.StringArrayVar(&c.SchemaRoots, "schema-root", nil, "also allow schema documents below `DIR` (repeatable)")
	fl.BoolVar(&c.AllowNetwork, "allow-network", false, "allow schema locations on the network (this build refuses them with a clear error)")
	fl.StringArrayVar(&c.CodeLists, "codelists", nil, "directory `DIR` of genericode code lists (repeatable)")
	fl.BoolVar(&c.StrictCodeLists, "strict-codelists", false, "an unknown code list or version is an error, not a warning")
	fl.StringArrayVar(&c.Schematron, "schematron", nil, "Schematron `FILE` to apply after the XSD (repeatable)")
	fl.StringVar(&c.Profile, "profile", "", "conformance profile `FILE|DIR`: XSD, code lists, sharpenings and Schematron; with a directory each message gets the one profile that matches it")
	fl.StringVar(&c.Phase, "phase", "", "Schematron `PHASE` to run")
	fl.DurationVar(&c.RuleTimeout, "rule-timeout", DefaultRuleTimeout, "time the Schematron and profile rules may take on one message (finding schematron:timeout); 0 for no limit")
	fl.StringVar(&c.MaxTextSize, "max-text-size", xmllimit.FormatSizeFlag(xoev.DefaultMaxTextSize), "largest text node or attribute value a message may hold, e.g. 256MiB; 0 for no limit (memory grows with it)")
	fl.IntVar(&c.MaxDepth, "max-depth", xoev.DefaultMaxDepth, "deepest element nesting a message may hold; 0 for no limit")
	AddNoCacheFlag(cmd, &c.NoCache)
	fl.StringVar(&c.Engine, "engine", "", "force the XSD engine: jacoelho or helium")
	_ = fl.MarkHidden("engine")
}

// Check reports the first usage error among the check flags.
func (c *CheckFlags) Check() error {
	if c.XSD != "" && c.SchemaDir != "" {
		return FlagErrorf("--xsd and --schema-dir exclude each other")
	}
	if c.Phase != "" && len(c.Schematron) == 0 && c.Profile == "" {
		return FlagErrorf("--phase %q: there is no Schematron to run it on (give --schematron or --profile)", c.Phase)
	}
	if c.Engine != "" && c.Engine != "jacoelho" && c.Engine != "helium" {
		return FlagErrorf("--engine %q: want jacoelho or helium", c.Engine)
	}
	if c.RuleTimeout < 0 {
		return FlagErrorf("--rule-timeout %s: want a positive duration, or 0 for no limit", c.RuleTimeout)
	}
	if _, err := c.limits(); err != nil {
		return FlagErrorf("%v", err)
	}
	return nil
}

// limits returns the limits of --max-text-size and --max-depth.
func (c *CheckFlags) limits() (xoev.Limits, error) {
	return ReadingLimits(c.MaxTextSize, c.MaxDepth)
}

// ReadingLimits returns the reading limits of a --max-text-size value (a
// size such as "64MiB"; "" keeps the default) and a --max-depth value (0
// for no limit), for every command that reads messages.
func ReadingLimits(maxTextSize string, maxDepth int) (xoev.Limits, error) {
	var lim xoev.Limits
	if maxTextSize != "" {
		n, err := xmllimit.ParseSize(maxTextSize)
		if err != nil {
			return lim, fmt.Errorf("--max-text-size: %w", err)
		}
		lim.MaxTextSize = n
	}
	switch {
	case maxDepth < 0:
		return lim, fmt.Errorf("--max-depth %d: want a number of levels, or 0 for no limit", maxDepth)
	case maxDepth == 0:
		lim.MaxDepth = -1
	default:
		lim.MaxDepth = maxDepth
	}
	return lim, nil
}

// Config turns the flags into what the pipeline checks against, with
// finding messages in lang; the limits were checked by [CheckFlags.Check].
func (c *CheckFlags) Config(lang string) conformance.Config {
	lim, _ := c.limits()
	return conformance.Config{
		XSD:       c.XSD,
		SchemaDir: c.SchemaDir,
		Schema: xoev.LoadOptions{Catalogs: c.Catalogs, Roots: c.SchemaRoots,
			AllowNetwork: c.AllowNetwork, Engine: c.Engine, Cache: SchemaCache(c.NoCache)},
		CodeLists:       c.CodeLists,
		StrictCodeLists: c.StrictCodeLists,
		Schematron:      c.Schematron,
		Profile:         c.Profile,
		Phase:           c.Phase,
		RuleTimeout:     c.RuleTimeout,
		Lang:            lang,
		Reading:         lim,
	}
}
