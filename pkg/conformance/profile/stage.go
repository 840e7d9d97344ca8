package profile

import (
	"context"
	"fmt"
	"io"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/internal/membudget"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// ValueDocument is the [conformance.Message.Values] key of the parsed
// *helium.Document, shared by the Schematron and sharpening stages so a
// message is parsed into a tree once.
const ValueDocument = "helium.document"

// EngineSchematron names the Schematron engine in FileResult.Engines.
const EngineSchematron = "schematron:helium-xpath3"

// SchematronStage evaluates compiled Schematron rules on each message.
type SchematronStage struct {
	RuleSets []*schematron.Rules
	// Severity overrides the severity of findings by rule id.
	Severity map[string]finding.Severity
}

// Name implements [conformance.Stage].
func (SchematronStage) Name() string { return "schematron" }

// Check implements [conformance.Stage].
func (s SchematronStage) Check(ctx context.Context, msg *conformance.Message, res *finding.FileResult) error {
	doc, ok, err := Document(ctx, msg, res)
	if err != nil || !ok {
		return err
	}
	for _, r := range s.RuleSets {
		out, err := r.Evaluate(ctx, doc)
		if err != nil {
			return err
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

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Document returns the message parsed into a tree, parsing it on first
// use. A message that is not well-formed is reported once (rule
// xml:not-well-formed) and ok is false; so is a message an earlier stage
// already found broken.
func Document(ctx context.Context, msg *conformance.Message, res *finding.FileResult) (*helium.Document, bool, error) {
	if !msg.WellFormed {
		return nil, false, nil
	}
	if d, ok := msg.Values[ValueDocument].(*helium.Document); ok {
		return d, true, nil
	}
	rc, err := msg.Input.Open()
	if err != nil {
		return nil, false, err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", msg.Input.Name, err)
	}
	release, err := membudget.AcquireTree(ctx, int64(len(data)))
	if err != nil {
		return nil, false, err
	}
	msg.OnDone(release)
	doc, err := schematron.ParseDocument(ctx, data)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		msg.WellFormed = false
		res.Findings = append(res.Findings, schematron.NotWellFormed(err))
		return nil, false, nil
	}
	msg.Values[ValueDocument] = doc
	return doc, true, nil
}

// SchematronCheck returns a [CheckFunc] that runs rules on an instance.
func SchematronCheck(rules ...*schematron.Rules) CheckFunc {
	return func(ctx context.Context, name string, data []byte) ([]finding.Finding, error) {
		release, err := membudget.AcquireTree(ctx, int64(len(data)))
		if err != nil {
			return nil, err
		}
		defer release()
		doc, err := schematron.ParseDocument(ctx, data)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return []finding.Finding{schematron.NotWellFormed(err)}, nil
		}
		var all []finding.Finding
		for _, r := range rules {
			res, err := r.Evaluate(ctx, doc)
			if err != nil {
				return nil, err
			}
			all = append(all, res.Findings()...)
		}
		return finding.Normalize(all), nil
	}
}
