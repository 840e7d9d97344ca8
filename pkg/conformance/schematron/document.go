package schematron

import (
	"context"
	"fmt"
	"io"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/pkg/conformance/finding"
)

// ParseDocument parses an instance for evaluation. Entities are not
// loaded from outside the document and nothing is fetched.
func ParseDocument(ctx context.Context, data []byte) (*helium.Document, error) {
	doc, err := helium.NewParser().SuppressErrors(true).SuppressWarnings(true).Parse(ctx, data)
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// Check parses data and evaluates the rules on it. A document that is not
// well-formed yields a single finding with rule "xml:not-well-formed"; the
// error return is for cancellation only.
func (r *Rules) Check(ctx context.Context, data []byte) ([]finding.Finding, *Result, error) {
	doc, err := ParseDocument(ctx, data)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return []finding.Finding{NotWellFormed(err)}, nil, nil
	}
	res, err := r.Evaluate(ctx, doc)
	if err != nil {
		return nil, nil, err
	}
	return res.Findings(), res, nil
}

// CheckReader is [Rules.Check] on a reader.
func (r *Rules) CheckReader(ctx context.Context, rd io.Reader) ([]finding.Finding, *Result, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, nil, fmt.Errorf("read document: %w", err)
	}
	return r.Check(ctx, data)
}

// NotWellFormed turns a parse error into the xml:not-well-formed finding.
func NotWellFormed(err error) finding.Finding {
	f := finding.Finding{Rule: "xml:not-well-formed", Severity: finding.Error, Message: "Das Dokument ist kein wohlgeformtes XML: " + err.Error(), Source: "xml"}
	type liner interface{ LineNumber() int }
	if l, ok := err.(liner); ok {
		f.Line = l.LineNumber()
	}
	return f
}
