package conformance

import (
	"context"
	"fmt"
	"time"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/kosit"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// Config says what a check pipeline checks messages against. The zero
// Config identifies messages and checks nothing else.
type Config struct {
	// XSD is the main schema of every message; SchemaDir a directory whose
	// *.xsd files are picked by each message's root element and namespace.
	// At most one of them is set.
	XSD       string
	SchemaDir string
	// Schema holds the catalogs, extra roots and engine for XSD and SchemaDir;
	// its Cache also serves the schema sets of profiles and KoSIT scenarios.
	Schema xoev.LoadOptions

	// CodeLists are directories of genericode lists; StrictCodeLists makes
	// an unknown list or version an error.
	CodeLists       []string
	StrictCodeLists bool

	// Schematron files run on every message, Profile (a file or a
	// directory of profiles) on the messages it matches; Phase applies to
	// both.
	Schematron []string
	Profile    string
	Phase      string
	// Kosit is a KoSIT validator configuration (a scenarios.xml or its
	// directory): every message goes through the scenario that matches
	// it and gets the validator's verdict. KositOptions fill its
	// placeholders and say where its resources are.
	Kosit        string
	KositOptions kosit.Options
	// Now is the clock of the KoSIT reports' timestamps; nil means time.Now.
	Now func() time.Time
	// RuleTimeout bounds the time the rules (Schematron and profile
	// sharpenings) may take on one message; 0 means no limit.
	RuleTimeout time.Duration

	// Lang is the language of the rule descriptions in [Pipeline.Rules]:
	// "de" (default) or "en". Findings carry message keys and are rendered
	// by the reporters.
	Lang string
	// Reading bounds the text nodes and nesting of the messages for every
	// stage that reads them (--max-text-size, --max-depth); Schema.Limits
	// is set from it. Zero: the defaults.
	Reading xoev.Limits
	// Notef, if set, receives notes worth telling the user that do not
	// stop the run (a fallback engine, a code list file skipped), each
	// starting with "note:" or "warning:".
	Notef func(format string, args ...any)
	// Debugf, if set, receives what --verbose shows: how the schema set of
	// XSD was loaded (compiled or from the cache, and how long it took).
	Debugf func(format string, args ...any)
}

// LoadError says which part of a [Config] could not be loaded: What is
// "schema", "schema directory", "code lists", "rules" or "kosit configuration"; Err is the loader's own error
// (*xoev.LoadError, *schematron.LoadError, *profile.ProfileError …).
type LoadError struct {
	What string
	Err  error
}

// Error implements error.
func (e *LoadError) Error() string { return "load " + e.What + ": " + e.Err.Error() }

// Unwrap returns the loader's error.
func (e *LoadError) Unwrap() error { return e.Err }

// Pipeline is a built check pipeline: its stages, to hand to [batch.Run],
// and the rules its findings may use, for reporters that list rules.
type Pipeline struct {
	Stages []batch.Stage
	Rules  []finding.RuleInfo
}

// HasRules reports whether the pipeline evaluates Schematron or profile
// rules, which build a tree per message.
func (p *Pipeline) HasRules() bool {
	for _, st := range p.Stages {
		switch st.(type) {
		case profile.SchematronStage, profile.SelectStage, kosit.SelectStage:
			return true
		}
	}
	return false
}

// Build loads every schema set, code list, profile and rule file that cfg
// names, once, and assembles the stages that check a message:
//
//	prolog → identify → XSD → code lists → profile (select → XSD → code lists → rules) → Schematron
//
// Every command that checks messages builds its pipeline here. A load
// error is a [*LoadError].
func Build(ctx context.Context, cfg Config) (*Pipeline, error) {
	if cfg.XSD != "" && cfg.SchemaDir != "" {
		return nil, fmt.Errorf("build pipeline: give an XSD or a schema directory, not both")
	}
	notef := cfg.Notef
	if notef == nil {
		notef = func(string, ...any) {}
	}
	cfg.Schema.Limits = cfg.Reading
	stages := []batch.Stage{xoev.PrologStage{}, xoev.IdentifyStage{}}
	switch {
	case cfg.XSD != "":
		set, err := xoev.LoadSchemaSet(ctx, cfg.XSD, cfg.Schema)
		if err != nil {
			return nil, &LoadError{What: "schema", Err: err}
		}
		if cfg.Debugf != nil {
			how := "compiled"
			if set.Cached {
				how = "loaded from the cache"
			} else if cfg.Schema.Cache == nil {
				how = "compiled (no cache)"
			}
			note := ""
			if set.CacheNote != "" {
				note = "; cache: " + set.CacheNote
			}
			cfg.Debugf("schema: %s: %s in %s (%s)%s", cfg.XSD, how, set.CompileTime.Round(time.Millisecond), set.Engine, note)
		}
		if set.FallbackReason != "" && cfg.Schema.Engine == "" {
			notef("note: %s: validating with helium (slower, builds a tree per message); jacoelho/xsd cannot compile this schema set: %s", cfg.XSD, set.FallbackReason)
		}
		if len(cfg.CodeLists) > 0 {
			if note := set.PrepareCodeTypes(ctx); note != "" {
				notef("note: %s: %s", cfg.XSD, note)
			}
		}
		stages = append(stages, xoev.XSDStage{Pick: set.Picker()})
	case cfg.SchemaDir != "":
		dir, err := xoev.LoadSchemaDir(cfg.SchemaDir, cfg.Schema)
		if err != nil {
			return nil, &LoadError{What: "schema directory", Err: err}
		}
		stages = append(stages, xoev.XSDStage{Pick: dir.Picker()})
	}
	if len(cfg.CodeLists) > 0 {
		res := codelist.NewDirResolver(cfg.CodeLists...)
		if len(res.All()) == 0 {
			return nil, &LoadError{What: "code lists", Err: fmt.Errorf("no genericode code list found in %v", cfg.CodeLists)}
		}
		for _, p := range res.Problems() {
			notef("warning: code list skipped: %v", p)
		}
		opts := &xoev.CodeCheckOptions{Resolver: res, Strict: cfg.StrictCodeLists}
		stages = append(stages, xoev.CodeListStage{Pick: func(*batch.Message) *xoev.CodeCheckOptions { return opts }})
	}
	if cfg.Profile != "" {
		set, err := profile.LoadSet(cfg.Profile, profile.LoadOptions{Phase: cfg.Phase, Limits: cfg.Reading, Cache: cfg.Schema.Cache})
		if err != nil {
			return nil, &LoadError{What: "rules", Err: err}
		}
		stages = append(stages, profile.Stages(set, profile.RuleLimits{Timeout: cfg.RuleTimeout})...)
	}
	if len(cfg.Schematron) > 0 {
		var rules []*schematron.Rules
		for _, f := range cfg.Schematron {
			r, err := schematron.Compile(f, schematron.Options{Phase: cfg.Phase})
			if err != nil {
				return nil, &LoadError{What: "rules", Err: err}
			}
			rules = append(rules, r)
		}
		stages = append(stages, profile.SchematronStage{RuleSets: rules, Lang: cfg.Lang, Limits: profile.RuleLimits{Timeout: cfg.RuleTimeout}, Reading: cfg.Reading})
	}
	if cfg.Kosit != "" {
		opts := cfg.KositOptions
		opts.Schema.Limits = cfg.Reading
		if opts.Schema.Cache == nil {
			opts.Schema.Cache = cfg.Schema.Cache
		}
		kc, err := kosit.Load(ctx, cfg.Kosit, opts)
		if err != nil {
			return nil, &LoadError{What: "kosit configuration", Err: err}
		}
		stages = append(stages, kosit.Stages(kc, kosit.StageOptions{RuleTimeout: cfg.RuleTimeout, Reading: cfg.Reading, Now: cfg.Now, Lang: cfg.Lang})...)
	}
	return &Pipeline{Stages: stages, Rules: batch.CollectRules(stages, xoev.Rules(cfg.Lang)...)}, nil
}
