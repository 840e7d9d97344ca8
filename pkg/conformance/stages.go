package conformance

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/conformance/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// ValueSchemaSet is the [Message.Values] key under which the XSD stage
// leaves the *xoev.SchemaSet it validated with.
const ValueSchemaSet = "xoev.schemaset"

// IdentifyStage reads the message's root element and header into
// [Message.Identity]. A message that breaks before its root element is
// left to the XSD stage, which reports where.
type IdentifyStage struct{}

// Name implements [Stage].
func (IdentifyStage) Name() string { return "identify" }

// Check implements [Stage].
func (IdentifyStage) Check(ctx context.Context, msg *Message, res *finding.FileResult) error {
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	id, err := xoev.Identify(rc)
	if err == nil {
		msg.Identity = id
	}
	return nil
}

// XSDStage validates the message against one schema set, or against the
// set a [xoev.SchemaDir] selects by root element and namespace.
type XSDStage struct {
	Set *xoev.SchemaSet
	Dir *xoev.SchemaDir
}

// Name implements [Stage].
func (XSDStage) Name() string { return "xsd" }

// Check implements [Stage].
func (s XSDStage) Check(ctx context.Context, msg *Message, res *finding.FileResult) error {
	set := s.Set
	if set == nil {
		if msg.Identity == nil {
			// Not even a root element: report why, no schema to pick.
			return s.notWellFormed(msg, res)
		}
		var err error
		set, err = s.Dir.Select(ctx, msg.Identity.Namespace, msg.Identity.Root)
		if err != nil {
			return err
		}
	}
	msg.Values[ValueSchemaSet] = set
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	fs, err := set.Validate(ctx, msg.Input.Name, rc)
	if err != nil {
		return fmt.Errorf("read %s: %w", msg.Input.Name, err)
	}
	res.Engines = append(res.Engines, set.Engine)
	markWellFormed(msg, fs)
	res.Findings = append(res.Findings, fs...)
	return nil
}

func markWellFormed(msg *Message, fs []finding.Finding) {
	for _, f := range fs {
		if f.Severity == finding.Error && (f.Rule == xoev.RuleNotWellFormed || f.Rule == xoev.RuleEncoding || f.Rule == xoev.RuleDoctype) {
			msg.WellFormed = false
		}
	}
}

// notWellFormed re-reads the message to say where it breaks.
func (s XSDStage) notWellFormed(msg *Message, res *finding.FileResult) error {
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = xoev.Identify(rc)
	text := "no root element"
	if err != nil {
		text = err.Error()
	}
	msg.WellFormed = false
	res.Findings = append(res.Findings, finding.Finding{Rule: xoev.RuleNotWellFormed, Severity: finding.Error, Source: "xml",
		Message: "message is not well-formed XML: " + text})
	return nil
}
