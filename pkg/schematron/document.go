package schematron

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
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
// the parser's first line, its line and column as the finding's position.
func NotWellFormed(err error) finding.Finding {
	detail, _, _ := strings.Cut(err.Error(), "\n")
	f := finding.Finding{Rule: xoev.RuleNotWellFormed, Severity: finding.Error, Source: "xml"}
	if m := parserPlace.FindStringSubmatchIndex(detail); m != nil {
		f.Line, _ = strconv.Atoi(detail[m[2]:m[3]])
		f.Column, _ = strconv.Atoi(detail[m[4]:m[5]])
		detail = detail[:m[0]]
	}
	type liner interface{ LineNumber() int }
	if l, ok := err.(liner); ok && f.Line == 0 {
		f.Line = l.LineNumber()
	}
	f.Message = "message is not well-formed XML: " + detail
	fs := []finding.Finding{f}
	xoev.Localize(fs, "de")
	return fs[0]
}

// parserPlace is how helium's parser ends a message with its position.
var parserPlace = regexp.MustCompile(` at line (\d+), column (\d+)$`)
