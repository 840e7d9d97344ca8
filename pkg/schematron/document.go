package schematron

import (
	"context"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/internal/xmllimit"
	"github.com/ozgctl/ozgctl/internal/xmlmsg"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// ParseDocument parses an instance for evaluation, with the default
// limits (a text node up to 64 MiB, 256 levels). Entities are not loaded
// from outside the document and nothing is fetched.
func ParseDocument(ctx context.Context, data []byte) (*helium.Document, error) {
	return ParseDocumentLimits(ctx, data, xmllimit.Limits{})
}

// ParseDocumentLimits is [ParseDocument] with the limits of a run
// (--max-text-size, --max-depth); [ParseFailure] turns its error into the
// finding.
func ParseDocumentLimits(ctx context.Context, data []byte, lim xmllimit.Limits) (*helium.Document, error) {
	doc, err := lim.HeliumParser().SuppressErrors(true).SuppressWarnings(true).Parse(ctx, data)
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

// NotWellFormed turns an error of [ParseDocument] into its finding; see
// [ParseFailure].
func NotWellFormed(err error) finding.Finding {
	return ParseFailure(err, xmllimit.Limits{})
}

// ParseFailure turns a parse error into the finding, in the words and at
// the place the XSD stage uses for the same problem: xml:limit naming the
// limit, its value and its flag when one of lim stopped the parser (the
// message may well be well-formed), else xml:not-well-formed with the
// parser's detail; the parser's line and column are the finding's
// position. The message is rendered in the run's language by the reporter.
func ParseFailure(err error, lim xmllimit.Limits) finding.Finding {
	return xmlmsg.HeliumFinding(err, lim)
}
