package conformance

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/finding"
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
	// Lang is the language of finding messages: "de" (default) or "en".
	Lang string
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
	if len(fs) > 0 {
		if rc2, err := msg.Input.Open(); err == nil {
			xoev.Annotate(rc2, fs)
			rc2.Close()
		}
	}
	xoev.Localize(fs, s.Lang)
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
	fs := []finding.Finding{{Rule: xoev.RuleNotWellFormed, Severity: finding.Error, Source: "xml",
		Message: "message is not well-formed XML: " + text}}
	xoev.Localize(fs, s.Lang)
	res.Findings = append(res.Findings, fs...)
	return nil
}

// CodeListStage checks XÖV code elements against genericode lists (see
// [xoev.CheckCodes]). It uses the schema set the XSD stage chose, for the
// fixed listURI/listVersionID of Typ 2 and 3 codes; without one it checks
// the elements that carry listURI themselves.
type CodeListStage struct {
	Options xoev.CodeCheckOptions
	// Lang is the language of finding messages: "de" (default) or "en".
	Lang string
}

// Name implements [Stage].
func (CodeListStage) Name() string { return "codelist" }

// Check implements [Stage].
func (s CodeListStage) Check(ctx context.Context, msg *Message, res *finding.FileResult) error {
	if !msg.WellFormed {
		return nil
	}
	set, _ := msg.Values[ValueSchemaSet].(*xoev.SchemaSet)
	rc, err := msg.Input.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	fs, err := xoev.CheckCodes(ctx, set, rc, s.Options)
	if err != nil {
		return err
	}
	res.Engines = append(res.Engines, "codelist:genericode")
	xoev.Localize(fs, s.Lang)
	res.Findings = append(res.Findings, fs...)
	return nil
}
