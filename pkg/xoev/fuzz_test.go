package xoev

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/fim/genericode"
)

// FuzzApplyDoctype: no panic; an error is a DoctypeError with a line.
func FuzzApplyDoctype(f *testing.F) {
	f.Add([]byte(dsigLike))
	f.Add([]byte(`<!DOCTYPE a [<!ATTLIST a b CDATA "c" d CDATA #FIXED 'e'>]><a x="&amp;"/>`))
	f.Add([]byte(`<?xml version="1.0"?><!-- c --><a/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := applyDoctype("f.xsd", data)
		var de *DoctypeError
		if err != nil && (!errors.As(err, &de) || de.Line < 1) {
			t.Fatalf("error without position: %v", err)
		}
	})
}

// FuzzIdentify: no panic on any input.
func FuzzIdentify(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<x:n xmlns:x="http://www.xjustiz.de"><x:nachrichtenkopf xjustizVersion="3.5.1"/></x:n>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Identify(strings.NewReader(string(data)))
	})
}

// FuzzValidate: messages never panic the validator or the code check and
// problems are findings, not errors.
func FuzzValidate(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe4</a>"))
	set, err := LoadSchemaSet(context.Background(), filepath.Join(exampleDir, "xsd/demo.xsd"), LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")}})
	if err != nil {
		f.Fatal(err)
	}
	res := genericode.NewDirResolver(filepath.Join(exampleDir, "codelists"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := set.Validate(context.Background(), "f.xml", strings.NewReader(string(data))); err != nil {
			t.Fatalf("validate error (should be a finding): %v", err)
		}
		if _, err := CheckCodes(context.Background(), set, strings.NewReader(string(data)), CodeCheckOptions{Resolver: res}); err != nil {
			t.Fatalf("code check error: %v", err)
		}
	})
}
