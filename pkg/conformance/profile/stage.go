package profile

import (
	"context"
	"fmt"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/internal/membudget"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// DocumentKey is where [Document] keeps the parsed tree of a message, so
// that the profile selection, sharpening and Schematron stages parse it once.
var DocumentKey = batch.NewKey[*helium.Document]("helium.document")

// Key is where [SelectStage] leaves the profile it picked for a message.
var Key = batch.NewKey[*Compiled]("profile")

// EngineSchematron names the Schematron engine in FileResult.Engines.
const EngineSchematron = "schematron:helium-xpath3"

// Stages returns the stages that check each message with the profile of
// set that matches it, for a pipeline that identifies messages first:
// selection, the profile's XSD and code lists (the stages "check --xsd"
// uses, so findings read the same), then its sharpenings and Schematron.
func Stages(set *Set, limits RuleLimits) []batch.Stage {
	return []batch.Stage{
		SelectStage{Set: set},
		xoev.XSDStage{Pick: pickSchema},
		xoev.CodeListStage{Pick: pickCodes},
		RulesStage{Limits: limits, Reading: set.Limits},
	}
}

func pickSchema(ctx context.Context, msg *batch.Message) (*xoev.SchemaSet, error) {
	c, ok := Key.Get(msg)
	if !ok {
		return nil, nil
	}
	set, _, err := c.load(ctx)
	return set, err
}

func pickCodes(msg *batch.Message) *xoev.CodeCheckOptions {
	c, ok := Key.Get(msg)
	if !ok {
		return nil
	}
	// load ran in pickSchema already; its error ended the message there.
	_, codes, _ := c.load(context.Background())
	return codes
}

// SelectStage picks each message's profile from Set (see Set.choose)
// and records it in the message's identity.
type SelectStage struct {
	Set *Set
}

// Name implements [batch.Stage].
func (SelectStage) Name() string { return "profile" }

// Check implements [batch.Stage].
func (s SelectStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	doc, ok, err := Document(ctx, msg, res, s.Set.Limits)
	if err != nil || !ok {
		return err
	}
	c, err := s.Set.choose(ctx, doc)
	if err != nil {
		return err
	}
	if msg.Identity == nil {
		root := doc.DocumentElement()
		msg.Identity = &finding.Identity{Root: root.LocalName(), Namespace: root.URI()}
	}
	msg.Identity.Profile = c.ID
	if msg.Identity.Standard == "" {
		msg.Identity.Standard = c.Standard
	}
	if msg.Identity.Version == "" {
		msg.Identity.Version = c.Version
	}
	Key.Set(msg, c)
	return nil
}

// Rules implements [batch.RuleSource]: the rules of every profile.
func (s SelectStage) Rules() []finding.RuleInfo {
	var out []finding.RuleInfo
	for _, c := range s.Set.Profiles {
		out = append(out, ruleInfos(c.Rules(), c.Severity)...)
	}
	return append(out, timeoutRuleInfo(""))
}

// RulesStage evaluates the sharpenings and Schematron of the message's
// profile.
type RulesStage struct {
	Limits RuleLimits
	// Reading bounds the text nodes and nesting of the messages (zero:
	// the defaults).
	Reading xoev.Limits
}

// Name implements [batch.Stage].
func (RulesStage) Name() string { return "profile-rules" }

// Check implements [batch.Stage].
func (s RulesStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	c, ok := Key.Get(msg)
	if !ok {
		return nil
	}
	doc, ok, err := Document(ctx, msg, res, s.Reading)
	if err != nil || !ok {
		return err
	}
	if c.Sharpened != nil {
		rctx, cancel, ok := s.Limits.start(ctx, msg)
		if !ok {
			return nil
		}
		out, err := c.Sharpened.Evaluate(rctx, doc)
		cancel()
		if err != nil {
			return s.Limits.timedOut(ctx, msg, res, err)
		}
		fs := out.Findings()
		for i := range fs {
			fs[i].Source = "profile"
			// The rules were generated: point at the sharpening in the
			// profile instead.
			fs[i].Related = nil
			if file, line := c.Profile.rulePos(fs[i].Rule); line > 0 {
				fs[i].Related = []finding.Position{{File: file, Line: line}}
			}
		}
		res.Findings = append(res.Findings, fs...)
		res.Engines = appendOnce(res.Engines, "profile:"+c.ID)
	}
	if len(c.Schematron) > 0 {
		return SchematronStage{RuleSets: c.Schematron, Severity: c.Severity, Limits: s.Limits, Reading: s.Reading}.Check(ctx, msg, res)
	}
	return nil
}

// SchematronStage evaluates compiled Schematron rules on each message.
type SchematronStage struct {
	RuleSets []*schematron.Rules
	// Severity overrides the severity of findings by rule id.
	Severity map[string]finding.Severity
	// Lang is the language of the rule descriptions of [SchematronStage.Rules].
	Lang   string
	Limits RuleLimits
	// Reading bounds the text nodes and nesting of the messages (zero:
	// the defaults).
	Reading xoev.Limits
}

// Name implements [batch.Stage].
func (SchematronStage) Name() string { return "schematron" }

// Check implements [batch.Stage].
func (s SchematronStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	doc, ok, err := Document(ctx, msg, res, s.Reading)
	if err != nil || !ok {
		return err
	}
	for _, r := range s.RuleSets {
		rctx, cancel, ok := s.Limits.start(ctx, msg)
		if !ok {
			break
		}
		out, err := r.Evaluate(rctx, doc)
		cancel()
		if err != nil {
			if err := s.Limits.timedOut(ctx, msg, res, err); err != nil {
				return err
			}
			break
		}
		fs := out.Findings()
		for i := range fs {
			if sev, ok := s.Severity[fs[i].Rule]; ok {
				fs[i].Severity = sev
			}
		}
		res.Findings = append(res.Findings, fs...)
	}
	res.Engines = appendOnce(res.Engines, EngineSchematron)
	return nil
}

// Rules implements [batch.RuleSource].
func (s SchematronStage) Rules() []finding.RuleInfo {
	return append(ruleInfos(s.RuleSets, s.Severity), timeoutRuleInfo(s.Lang))
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Document returns the message parsed into a tree, parsing it on first
// use with the limits lim. A message that is not well-formed, or beyond a
// limit, is reported once (rule xml:not-well-formed or xml:limit) and ok
// is false; so is a message an earlier stage already found so.
func Document(ctx context.Context, msg *batch.Message, res *finding.FileResult, lim xoev.Limits) (*helium.Document, bool, error) {
	if !msg.WellFormed {
		return nil, false, nil
	}
	if d, ok := DocumentKey.Get(msg); ok {
		return d, true, nil
	}
	rc, err := msg.Input.Open()
	if err != nil {
		return nil, false, err
	}
	data, err := batch.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", msg.Input.Name, err)
	}
	release, err := membudget.AcquireTree(ctx, int64(len(data)))
	if err != nil {
		return nil, false, err
	}
	msg.OnDone(release)
	doc, err := schematron.ParseDocumentLimits(ctx, data, lim)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		msg.WellFormed = false
		res.Findings = append(res.Findings, schematron.ParseFailure(err, lim))
		return nil, false, nil
	}
	DocumentKey.Set(msg, doc)
	return doc, true, nil
}
