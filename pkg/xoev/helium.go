package xoev

import (
	"context"
	"errors"
	"io"

	"github.com/ozgctl/ozgctl/pkg/conformance/finding"
)

// heliumSchema is the fallback engine for schema sets jacoelho cannot compile.
type heliumSchema struct{}

func (s *SchemaSet) compileHelium(ctx context.Context) error {
	return errors.New("helium fallback not implemented yet")
}

func (h *heliumSchema) validate(ctx context.Context, name string, r io.Reader) ([]finding.Finding, error) {
	return nil, errors.New("helium fallback not implemented yet")
}
