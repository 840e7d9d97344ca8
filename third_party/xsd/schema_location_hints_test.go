package xsd_test

// ozgctl patch (PATCHES.md, item 9): ValidateOptions.IgnoreSchemaLocationHints.

import (
	"errors"
	"strings"
	"testing"

	"github.com/jacoelho/xsd"
	"github.com/jacoelho/xsd/xsderrors"
)

func TestIgnoreSchemaLocationHints(t *testing.T) {
	t.Parallel()

	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
  <xs:element name="root">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="item" type="xs:string" minOccurs="0"/>
        <xs:element name="lax" minOccurs="0"><xs:complexType><xs:sequence>
          <xs:any namespace="##any" processContents="lax" minOccurs="0"/>
        </xs:sequence></xs:complexType></xs:element>
        <xs:element name="strict" minOccurs="0"><xs:complexType><xs:sequence>
          <xs:any namespace="##any" processContents="strict" minOccurs="0"/>
        </xs:sequence></xs:complexType></xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`
	engine, err := xsd.Compile(xsd.Bytes("schema.xsd", []byte(schema)))
	if err != nil {
		t.Fatalf("Compile() error = %v", err)
	}
	const hints = ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:t t.xsd urn:o o.xsd"`
	for _, test := range []struct {
		name     string
		doc      string
		upstream xsderrors.Code // "" for valid
		ignoring xsderrors.Code
	}{
		{
			name:     "undeclared root",
			doc:      `<other xmlns="urn:t"` + hints + `/>`,
			upstream: xsderrors.CodeUnsupportedSchemaHint,
			ignoring: xsderrors.CodeValidationRoot,
		},
		{
			name:     "unknown xsi:type",
			doc:      `<root xmlns="urn:t"` + hints + `><item xsi:type="T">x</item></root>`,
			upstream: xsderrors.CodeUnsupportedSchemaHint,
			ignoring: xsderrors.CodeValidationType,
		},
		{
			name:     "strict wildcard",
			doc:      `<root xmlns="urn:t"` + hints + `><strict><o:x xmlns:o="urn:o"/></strict></root>`,
			upstream: xsderrors.CodeUnsupportedSchemaHint,
			ignoring: xsderrors.CodeValidationElement,
		},
		{
			name: "lax wildcard",
			doc:  `<root xmlns="urn:t"` + hints + `><lax><o:x xmlns:o="urn:o"/></lax></root>`,
		},
		{
			name: "declared content",
			doc:  `<root xmlns="urn:t"` + hints + `><item>x</item></root>`,
		},
		{
			name:     "hint syntax is still checked",
			doc:      `<root xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:t"/>`,
			upstream: xsderrors.CodeValidationAttribute,
			ignoring: xsderrors.CodeValidationAttribute,
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			t.Parallel()
			for _, mode := range []struct {
				opts xsd.ValidateOptions
				want xsderrors.Code
			}{
				{xsd.ValidateOptions{}, test.upstream},
				{xsd.ValidateOptions{IgnoreSchemaLocationHints: true}, test.ignoring},
			} {
				session, err := engine.NewSession(mode.opts)
				if err != nil {
					t.Fatal(err)
				}
				err = session.Validate(strings.NewReader(test.doc))
				if mode.want == "" {
					if err != nil {
						t.Errorf("ignore=%v: Validate() error = %v", mode.opts.IgnoreSchemaLocationHints, err)
					}
					continue
				}
				if err == nil {
					t.Errorf("ignore=%v: Validate() accepted the document, want %s", mode.opts.IgnoreSchemaLocationHints, mode.want)
					continue
				}
				if got := firstCode(err); got != mode.want {
					t.Errorf("ignore=%v: Validate() error = %v, want %s", mode.opts.IgnoreSchemaLocationHints, err, mode.want)
				}
			}
		})
	}
}

func firstCode(err error) xsderrors.Code {
	var list xsderrors.Errors
	if errors.As(err, &list) {
		if errs := list.Unwrap(); len(errs) != 0 {
			err = errs[0]
		}
	}
	if x, ok := errors.AsType[*xsderrors.Error](err); ok {
		return x.Code()
	}
	return ""
}
