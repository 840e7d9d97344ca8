package profile

import (
	"context"
	"errors"
	"time"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// ruleTimeout is the rule id of the finding that a message's rules did
// not finish within [RuleLimits.Timeout].
const ruleTimeout = "schematron:timeout"

// RuleLimits bound the evaluation of one message's rules: its profile's
// sharpenings and Schematron and every --schematron file, together.
type RuleLimits struct {
	// Timeout is the budget of one message; 0 means no limit. A message
	// whose rules run longer gets a ruleTimeout finding and the run goes
	// on with the next message.
	Timeout time.Duration
}

// deadlineKey holds the message's rule deadline, set by the first rule
// stage, so that all rule stages of a message share one budget.
var deadlineKey = batch.NewKey[time.Time]("rules.deadline")

// timedOutKey marks a message whose budget is spent and reported.
var timedOutKey = batch.NewKey[bool]("rules.timedout")

// start returns the context the next rule evaluation of msg runs under;
// ok is false once the message's budget was spent.
func (l RuleLimits) start(ctx context.Context, msg *batch.Message) (context.Context, context.CancelFunc, bool) {
	if done, _ := timedOutKey.Get(msg); done {
		return nil, nil, false
	}
	if l.Timeout <= 0 {
		return ctx, func() {}, true
	}
	dl, ok := deadlineKey.Get(msg)
	if !ok {
		dl = time.Now().Add(l.Timeout)
		deadlineKey.Set(msg, dl)
	}
	rctx, cancel := context.WithDeadline(ctx, dl)
	return rctx, cancel, true
}

// timedOut turns err of a rule evaluation under the message's budget into
// the ruleTimeout finding when the budget ran out; any other error (the
// run being interrupted) is returned.
func (l RuleLimits) timedOut(ctx context.Context, msg *batch.Message, res *finding.FileResult, err error) error {
	if ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	timedOutKey.Set(msg, true)
	res.Findings = append(res.Findings, finding.Finding{Rule: ruleTimeout, Severity: finding.Error,
		Source: "schematron", Msg: msgTimeout.With(l.Timeout.String())})
	return nil
}

// timeoutRuleInfo documents ruleTimeout for reporters that list rules.
func timeoutRuleInfo(lang string) finding.RuleInfo {
	return finding.RuleInfo{ID: ruleTimeout, Title: msgTimeoutTitle.With().Text(lang), Severity: finding.Error}
}

// Texts of this package's own rule, in German and English; the argument is
// the budget.
const (
	msgTimeout      finding.Key = "schematron.timeout"
	msgTimeoutTitle finding.Key = "schematron.timeout-title"
)

// limitsForms holds the message forms of the keys above.
var limitsForms = []finding.Form{
	{Key: msgTimeout,
		DE: "Regelauswertung nach %s abgebrochen: die Regeln dieser Nachricht brauchen länger als --rule-timeout erlaubt (eine Funktion, die endlos rechnet?); die Nachricht ist nicht vollständig geprüft",
		EN: "rule evaluation stopped after %s: the rules of this message take longer than --rule-timeout allows (a function that computes without end?); the message is not fully checked"},
	{Key: msgTimeoutTitle,
		DE: "Regelauswertung überschreitet --rule-timeout",
		EN: "rule evaluation exceeds --rule-timeout"},
}

func init() { finding.Forms(limitsForms) }
