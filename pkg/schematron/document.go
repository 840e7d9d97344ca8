package schematron

import (
	"context"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/internal/xmlmsg"
	"github.com/ozgctl/ozgctl/pkg/finding"
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

// NotWellFormed turns a parse error into the xml:not-well-formed finding,
// in the words and at the place the XSD stage uses for the same problem:
// the parser's detail as a message key, its line and column as the
// finding's position. The message is rendered in the run's language by
// the reporter.
func NotWellFormed(err error) finding.Finding {
	detail, line, col := xmlmsg.Helium(err)
	return xmlmsg.Finding(detail, line, col)
}
