package kosit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// The rules of the verdict findings.
const (
	RuleAccept     = "kosit:accept"
	RuleReject     = "kosit:reject"
	RuleNoScenario = "kosit:no-scenario"
	RuleTimeout    = "kosit:timeout"
	RuleAcceptEval = "kosit:accept-match"
	RuleMatchEval  = "kosit:match-error"
)

const (
	msgAccept              finding.Key = "kosit.accept"
	msgRejectSchema        finding.Key = "kosit.reject.schema"
	msgRejectLevel         finding.Key = "kosit.reject.errors"
	msgRejectAcceptMatch   finding.Key = "kosit.reject.accept-match"
	msgRejectAsserts       finding.Key = "kosit.reject.asserts"
	msgRejectNotWellFormed finding.Key = "kosit.reject.not-well-formed"
	msgNoScenario          finding.Key = "kosit.no-scenario"
	msgAmbiguous           finding.Key = "kosit.ambiguous-scenario"
	msgMatchError          finding.Key = "kosit.match-error"
	msgAcceptMatchError    finding.Key = "kosit.accept-match-error"
	titleAccept            finding.Key = "kosit.title.accept"
	titleReject            finding.Key = "kosit.title.reject"
	titleNoScenario        finding.Key = "kosit.title.no-scenario"
	titleMatchEval         finding.Key = "kosit.title.match-error"
	titleAcceptEval        finding.Key = "kosit.title.accept-match"
	titleTimeout           finding.Key = "kosit.title.timeout"
	msgTimeout             finding.Key = "kosit.timeout"
)

// stageForms holds the message forms of the keys above.
var stageForms = []finding.Form{
	{Key: msgAccept,
		DE: "Szenario %q: Annahme empfohlen (KoSIT-Prüftool: accept)",
		EN: "scenario %q: acceptance recommended (KoSIT validator: accept)"},
	{Key: msgAcceptMatchError,
		DE: "Szenario %q: acceptMatch konnte nicht ausgewertet werden (%v)",
		EN: "scenario %q: acceptMatch could not be evaluated (%v)"},
	{Key: msgAmbiguous,
		DE: "mehrere Szenarien der Konfiguration %q passen auf die Nachricht: %s; das KoSIT-Prüftool weist sie dann zurück (Rückfallregel)",
		EN: "several scenarios of the configuration %q match the message: %s; the KoSIT validator then rejects it (fallback)"},
	{Key: msgMatchError,
		DE: "Szenario %q: match-Ausdruck konnte nicht ausgewertet werden (%v); das Szenario gilt als nicht passend",
		EN: "scenario %q: the match expression could not be evaluated (%v); the scenario counts as not matching"},
	{Key: msgNoScenario,
		DE: "kein Szenario der Konfiguration %q passt auf die Nachricht (Wurzelelement {%s}%s; %d Szenarien geprüft); die Rückfallregel weist sie zurück (KoSIT-Prüftool: reject)",
		EN: "no scenario of the configuration %q matches the message (root element {%s}%s; %d scenarios tried); the fallback rejects it (KoSIT validator: reject)"},
	{Key: msgRejectAcceptMatch,
		DE: "Szenario %q: Zurückweisung empfohlen, acceptMatch %q trifft auf den Prüfbericht nicht zu (KoSIT-Prüftool: reject)",
		EN: "scenario %q: rejection recommended, acceptMatch %q does not hold on the validation report (KoSIT validator: reject)"},
	{Key: msgRejectAsserts,
		DE: "Szenario %q: Zurückweisung empfohlen, %d Schematron-Zusicherung(en) verletzt (ohne acceptMatch zählt jede; KoSIT-Prüftool: reject)",
		EN: "scenario %q: rejection recommended, %d Schematron assertion(s) failed (without acceptMatch every one counts; KoSIT validator: reject)"},
	{Key: msgRejectLevel,
		DE: "Szenario %q: Zurückweisung empfohlen, %d Meldung(en) mit Stufe error nach customLevel (KoSIT-Prüftool: reject)",
		EN: "scenario %q: rejection recommended, %d message(s) at level error after customLevel (KoSIT validator: reject)"},
	{Key: msgRejectNotWellFormed,
		DE: "Zurückweisung empfohlen: die Nachricht ist kein wohlgeformtes XML, kein Szenario kann gewählt werden (KoSIT-Prüftool: reject)",
		EN: "rejection recommended: the message is not well-formed XML, no scenario can be chosen (KoSIT validator: reject)"},
	{Key: msgRejectSchema,
		DE: "Szenario %q: Zurückweisung empfohlen, die Nachricht ist nicht schemakonform (KoSIT-Prüftool: reject)",
		EN: "scenario %q: rejection recommended, the message is not schema-valid (KoSIT validator: reject)"},
	{Key: msgTimeout,
		DE: "Szenario %q: die Schematron-Regeln %s brauchten länger als %s; die Prüfung dieser Nachricht ist unvollständig",
		EN: "scenario %q: the Schematron rules %s took longer than %s; this message was not fully checked"},
	{Key: titleAccept, DE: "KoSIT-Prüftool empfiehlt Annahme", EN: "the KoSIT validator recommends acceptance"},
	{Key: titleAcceptEval, DE: "acceptMatch eines Szenarios nicht auswertbar", EN: "a scenario's acceptMatch cannot be evaluated"},
	{Key: titleMatchEval, DE: "match-Ausdruck eines Szenarios nicht auswertbar", EN: "a scenario's match expression cannot be evaluated"},
	{Key: titleNoScenario, DE: "kein (eindeutiges) Szenario der KoSIT-Konfiguration passt", EN: "no (single) scenario of the KoSIT configuration matches"},
	{Key: titleReject, DE: "KoSIT-Prüftool empfiehlt Zurückweisung", EN: "the KoSIT validator recommends rejection"},
	{Key: titleTimeout, DE: "Schematron-Regeln eines Szenarios überschreiten --rule-timeout", EN: "a scenario's Schematron rules exceed --rule-timeout"},
}

func init() { finding.Forms(stageForms) }

// StageOptions bound the work of the stages on one message and say how
// they describe their rules.
type StageOptions struct {
	// RuleTimeout bounds each Schematron evaluation; 0 means no limit.
	RuleTimeout time.Duration
	// Reading bounds the text nodes and nesting of the messages.
	Reading xoev.Limits
	// Now is the clock of the report timestamp; nil means time.Now.
	Now func() time.Time
	// Lang is the language of the rule descriptions ("de" or "en").
	Lang string
}

// state is what the stages of one message share.
type state struct {
	scenario *Scenario
	matched  []*Scenario
	schSteps []finding.AssessmentStep
	failed   int // failed assertions (not successful reports)
	parsed   bool
}

var stateKey = batch.NewKey[*state]("kosit")

// Stages returns the stages that check each message with cfg: scenario
// selection, the scenario's XML Schemas (the stage "check --xsd" uses),
// its Schematron rules, and the verdict.
func Stages(cfg *Config, lim StageOptions) []batch.Stage {
	n := 0
	for _, s := range cfg.Scenarios {
		n = max(n, len(s.schemaSets))
	}
	stages := []batch.Stage{SelectStage{Config: cfg, Options: lim}}
	for i := range n {
		stages = append(stages, xoev.XSDStage{Pick: func(_ context.Context, msg *batch.Message) (*xoev.SchemaSet, error) {
			st, ok := stateKey.Get(msg)
			if !ok || st.scenario == nil || i >= len(st.scenario.schemaSets) {
				return nil, nil
			}
			return st.scenario.schemaSets[i], nil
		}})
	}
	return append(stages, rulesStage{Config: cfg, Options: lim}, assessStage{Config: cfg, Options: lim})
}

// SelectStage picks the scenario of each message: the one whose match is
// true; none or several leave the message to the fallback.
type SelectStage struct {
	Config  *Config
	Options StageOptions
}

// Name implements [batch.Stage].
func (SelectStage) Name() string { return "kosit-select" }

// Check implements [batch.Stage].
func (s SelectStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	st := &state{}
	stateKey.Set(msg, st)
	doc, ok, err := profile.Document(ctx, msg, res, s.Options.Reading)
	if err != nil || !ok {
		return err
	}
	st.parsed = true
	for _, sc := range s.Config.Scenarios {
		ok, err := ebv(ctx, sc.match, sc.Namespaces, doc)
		if err != nil {
			res.Findings = append(res.Findings, finding.Finding{Rule: RuleMatchEval, Severity: finding.Warning, Source: "kosit",
				Msg: msgMatchError.With(sc.Name, err)})
			continue
		}
		if ok {
			st.matched = append(st.matched, sc)
		}
	}
	if len(st.matched) == 1 {
		st.scenario = st.matched[0]
		root := doc.DocumentElement()
		if msg.Identity == nil && root != nil {
			msg.Identity = &finding.Identity{Root: root.LocalName(), Namespace: root.URI()}
		}
		if msg.Identity != nil {
			msg.Identity.Profile = st.scenario.Name
		}
	}
	return nil
}

func ebv(ctx context.Context, e *xpath3.Expression, ns map[string]string, doc *helium.Document) (bool, error) {
	r, err := xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).Namespaces(ns).Evaluate(ctx, e, doc)
	if err != nil {
		return false, err
	}
	return xpath3.EBV(r.Sequence())
}

// rulesStage evaluates the Schematron rules of the message's scenario, one
// validation step per rule file, with the configuration's customLevels.
type rulesStage struct {
	Config  *Config
	Options StageOptions
}

// Rules implements [batch.RuleSource]: the assertions of every
// scenario's Schematron, with the severity of their level after the
// scenario's customLevel (the first scenario naming a rule wins).
func (s rulesStage) Rules() []finding.RuleInfo {
	var out []finding.RuleInfo
	for _, sc := range s.Config.Scenarios {
		for i, rs := range sc.rules {
			for _, a := range rs.Assertions() {
				lvl := Level(a.Flag, a.Role)
				if c, ok := sc.CustomLevels[a.ID]; ok {
					lvl = c
				}
				out = append(out, finding.RuleInfo{ID: a.ID, Title: a.Text, Severity: Severity(lvl),
					Help: fmt.Sprintf("%s %s (%s:%d; scenario %q, %s)", map[bool]string{false: "assert", true: "report"}[a.Report], a.Test, filepath.ToSlash(a.File), a.Line, sc.Name, sc.Schematron[i].Location)})
			}
		}
	}
	return out
}

// Name implements [batch.Stage].
func (rulesStage) Name() string { return "kosit-schematron" }

// Check implements [batch.Stage].
func (s rulesStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	st, ok := stateKey.Get(msg)
	if !ok || st.scenario == nil || len(st.scenario.rules) == 0 {
		return nil
	}
	// As the KoSIT validator: a message that is not schema-valid is not
	// given to Schematron (its rules assume the structure).
	for _, f := range res.Findings {
		if (f.Source == "xsd" || f.Source == "xml") && f.Severity == finding.Error {
			return nil
		}
	}
	doc, ok, err := profile.Document(ctx, msg, res, s.Options.Reading)
	if err != nil || !ok {
		return err
	}
	sc := st.scenario
	for i, rs := range sc.rules {
		step := finding.AssessmentStep{ID: fmt.Sprintf("val-sch.%d", i+1), Valid: true,
			Resources: []finding.AssessmentResource{{Name: sc.Schematron[i].Name, Location: sc.Schematron[i].Location}}}
		rctx, cancel := ctx, context.CancelFunc(func() {})
		if s.Options.RuleTimeout > 0 {
			rctx, cancel = context.WithTimeout(ctx, s.Options.RuleTimeout)
		}
		out, err := rs.Evaluate(rctx, doc)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, context.DeadlineExceeded) {
				f := finding.Finding{Rule: RuleTimeout, Severity: finding.Error, Source: "kosit",
					Msg: msgTimeout.With(sc.Name, sc.Schematron[i].Location, s.Options.RuleTimeout)}
				res.Findings = append(res.Findings, f)
				step.Valid = false
				step.Messages = append(step.Messages, finding.AssessmentMessage{Level: "error", CustomLevel: "error", Finding: f})
				st.schSteps = append(st.schSteps, step)
				continue
			}
			return fmt.Errorf("scenario %q: Schematron %s: %w", sc.Name, sc.Schematron[i].Path, err)
		}
		// One finding per fired assertion, in the order the rules fired
		// (duplicates kept: KoSIT's report lists every failed assertion).
		for _, fired := range out.Fired {
			f := (&schematron.Result{Fired: []schematron.Fired{fired}}).Findings()[0]
			level := Level(fired.Flag, fired.Role)
			if fired.Err != nil {
				level = "error"
			}
			if !fired.Report {
				st.failed++
			}
			custom := level
			if c, ok := sc.CustomLevels[f.Rule]; ok {
				custom = c
			}
			f.Severity = Severity(custom)
			f.Source = "schematron"
			if level == "warning" || level == "error" {
				step.Valid = false
			}
			step.Messages = append(step.Messages, finding.AssessmentMessage{Level: level, CustomLevel: custom, Finding: f})
			res.Findings = append(res.Findings, f)
		}
		st.schSteps = append(st.schSteps, step)
	}
	res.Engines = append(res.Engines, profile.EngineSchematron)
	return nil
}

// Level is the level KoSIT's report gives a Schematron finding with this
// flag and role (default-report.xsl): fatal/error → error, warning/warn
// → warning, information/info → information, anything else → error.
func Level(flag, role string) string {
	for _, v := range []string{flag, role} {
		switch v {
		case "fatal", "error":
			return "error"
		}
	}
	for _, v := range []string{flag, role} {
		switch v {
		case "warning", "warn":
			return "warning"
		}
	}
	for _, v := range []string{flag, role} {
		switch v {
		case "information", "info":
			return "information"
		}
	}
	return "error"
}

// Rules implements [batch.RuleSource]: the rules of the verdict.
func (s assessStage) Rules() []finding.RuleInfo {
	lang := s.Options.Lang
	return []finding.RuleInfo{
		{ID: RuleAccept, Title: titleAccept.With().Text(lang), Severity: finding.Info},
		{ID: RuleReject, Title: titleReject.With().Text(lang), Severity: finding.Error},
		{ID: RuleNoScenario, Title: titleNoScenario.With().Text(lang), Severity: finding.Error},
		{ID: RuleMatchEval, Title: titleMatchEval.With().Text(lang), Severity: finding.Warning},
		{ID: RuleAcceptEval, Title: titleAcceptEval.With().Text(lang), Severity: finding.Error},
		{ID: RuleTimeout, Title: titleTimeout.With().Text(lang), Severity: finding.Error},
	}
}

// assessStage gives each message its verdict (see the package
// documentation) and records the steps in the FileResult's Assessment.
type assessStage struct {
	Config  *Config
	Options StageOptions
}

// Name implements [batch.Stage].
func (assessStage) Name() string { return "kosit-assess" }

// Check implements [batch.Stage].
func (s assessStage) Check(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
	st, ok := stateKey.Get(msg)
	if !ok {
		return nil
	}
	now := time.Now
	if s.Options.Now != nil {
		now = s.Options.Now
	}
	a := &finding.Assessment{Time: now()}
	if h, err := hashInput(msg.Input); err == nil {
		a.DocumentHash = h
	} else {
		return err
	}
	res.Assessment = a
	verdict := func(accept bool, rule string, m finding.Msg) {
		a.Accept = accept
		sev := finding.Error
		if accept {
			sev = finding.Info
		}
		res.Findings = append(res.Findings, finding.Finding{Rule: rule, Severity: sev, Source: "kosit", Msg: m})
	}
	sc := st.scenario
	if sc == nil {
		// Not well-formed, or no scenario or several: the fallback.
		if !msg.WellFormed || !st.parsed {
			step := finding.AssessmentStep{ID: "val-xml", Valid: false}
			for _, f := range res.Findings {
				if f.Source == "xml" {
					step.Messages = append(step.Messages, finding.AssessmentMessage{Level: "error", CustomLevel: "error", Finding: f})
				}
			}
			a.Steps = append(a.Steps, step)
			verdict(false, RuleReject, msgRejectNotWellFormed.With())
			return nil
		}
		ns, root := "", ""
		if msg.Identity != nil {
			ns, root = msg.Identity.Namespace, msg.Identity.Root
		}
		if len(st.matched) > 1 {
			names := make([]string, len(st.matched))
			for i, m := range st.matched {
				names[i] = fmt.Sprintf("%q", m.Name)
			}
			verdict(false, RuleNoScenario, msgAmbiguous.With(s.Config.Name, strings.Join(names, ", ")))
			return nil
		}
		verdict(false, RuleNoScenario, msgNoScenario.With(s.Config.Name, ns, root, len(s.Config.Scenarios)))
		return nil
	}
	a.Scenario, a.ScenarioXML = sc.Name, sc.xml
	// The XSD step: what the XSD stages found (jacoelho's or helium's
	// messages), with the customLevels applied as KoSIT's report does.
	xsd := finding.AssessmentStep{ID: "val-xsd", Valid: true}
	for _, r := range sc.Schemas {
		xsd.Resources = append(xsd.Resources, finding.AssessmentResource{Name: r.Name, Location: r.Location})
	}
	schemaValid := true
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Source != "xsd" && f.Source != "xml" {
			continue
		}
		level := "error"
		if f.Severity == finding.Warning {
			level = "warning"
		}
		if level == "error" {
			schemaValid = false
		}
		custom := level
		if c, ok := sc.CustomLevels[strings.TrimPrefix(f.Rule, "xsd:")]; ok {
			custom = c
			f.Severity = Severity(c)
		}
		xsd.Valid = false
		xsd.Messages = append(xsd.Messages, finding.AssessmentMessage{Level: level, CustomLevel: custom, Finding: *f})
	}
	a.Steps = append(a.Steps, xsd)
	a.Steps = append(a.Steps, st.schSteps...)
	a.Valid = true
	errs := 0
	for _, step := range a.Steps {
		a.Valid = a.Valid && step.Valid
		for _, m := range step.Messages {
			if m.CustomLevel == "error" {
				errs++
			}
		}
	}
	// The report's own assessment (default-report.xsl): reject when any
	// message is an error after customLevel.
	a.Accept = errs == 0
	switch {
	case !schemaValid:
		verdict(false, RuleReject, msgRejectSchema.With(sc.Name))
	case sc.acceptMatch != nil:
		ok, err := s.acceptMatch(ctx, sc, res)
		if err != nil {
			res.Findings = append(res.Findings, finding.Finding{Rule: RuleAcceptEval, Severity: finding.Error, Source: "kosit",
				Msg: msgAcceptMatchError.With(sc.Name, err)})
			verdict(false, RuleReject, msgRejectAcceptMatch.With(sc.Name, sc.AcceptMatch))
			return nil
		}
		switch {
		case ok:
			verdict(true, RuleAccept, msgAccept.With(sc.Name))
		case errs > 0:
			verdict(false, RuleReject, msgRejectLevel.With(sc.Name, errs))
		default:
			verdict(false, RuleReject, msgRejectAcceptMatch.With(sc.Name, sc.AcceptMatch))
		}
	case st.failed > 0:
		verdict(false, RuleReject, msgRejectAsserts.With(sc.Name, st.failed))
	default:
		verdict(true, RuleAccept, msgAccept.With(sc.Name))
	}
	return nil
}

// acceptMatch evaluates the scenario's acceptMatch on the message's VARL
// report, as the KoSIT validator evaluates it on the report its
// createReport step wrote (with the German texts of default-report.xsl, so
// that an acceptMatch reading the explanation sees what it would there).
func (s assessStage) acceptMatch(ctx context.Context, sc *Scenario, res *finding.FileResult) (bool, error) {
	var buf bytes.Buffer
	if err := report.VARL(&buf, res, "ozgctl", "de"); err != nil {
		return false, err
	}
	doc, err := schematron.ParseDocument(ctx, buf.Bytes())
	if err != nil {
		return false, fmt.Errorf("parse report: %w", err)
	}
	return ebv(ctx, sc.acceptMatch, sc.Namespaces, doc)
}

func hashInput(in batch.Input) (string, error) {
	rc, err := in.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return "", fmt.Errorf("read %s: %w", in.Name, err)
	}
	return base64.StdEncoding.EncodeToString(h.Sum(nil)), nil
}
