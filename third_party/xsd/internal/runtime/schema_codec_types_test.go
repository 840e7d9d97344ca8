package runtime

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"reflect"
	goruntime "runtime"
	"strings"
	"testing"
)

var updateCodecTypes = flag.Bool("update-codec-types", false, "write "+codecTypesFile+" anew from the published tables' types")

const codecTypesFile = "schema_codec_types_amd64.go"

// TestSchemaCodecTypesGenerated: the codec of the published tables is
// built from the description reflection gives (on amd64 from the
// generated one, which must be what the generator writes for the types as
// they are). When a table's type changes, run
//
//	go test -run TestSchemaCodecTypesGenerated -update-codec-types ./internal/runtime
//
// (on amd64) and bump the codec version if the format changed.
func TestSchemaCodecTypesGenerated(t *testing.T) {
	want, wantRTs, fingerprint, err := describeCodecTypes(reflect.TypeFor[schemaRuntime]())
	if err != nil {
		t.Fatal(err)
	}
	got, gotRTs, gotFingerprint, err := schemaRuntimeCodecTypes()
	if err != nil {
		t.Fatal(err)
	}
	src, err := generateCodecTypes(want, wantRTs, fingerprint)
	if err != nil {
		t.Fatal(err)
	}
	if *updateCodecTypes {
		if goruntime.GOARCH != "amd64" {
			t.Fatalf("%s describes amd64's layout: generate it on amd64", codecTypesFile)
		}
		if err := os.WriteFile(codecTypesFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if gotFingerprint != fingerprint {
		t.Errorf("fingerprint %x, reflection gives %x (run with -update-codec-types)", gotFingerprint, fingerprint)
	}
	if len(got) != len(want) || len(gotRTs) != len(wantRTs) {
		t.Fatalf("%d types described (%d reflect.Types), reflection gives %d (run with -update-codec-types)", len(got), len(gotRTs), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) || gotRTs[i] != wantRTs[i] {
			t.Errorf("type %d: %s %+v, reflection gives %s %+v (run with -update-codec-types)", i, gotRTs[i], got[i], wantRTs[i], want[i])
		}
	}
	if goruntime.GOARCH == "amd64" {
		current, err := os.ReadFile(codecTypesFile)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(current, src) {
			t.Errorf("%s is not what the generator writes (run with -update-codec-types)", codecTypesFile)
		}
	}
}

// TestSchemaCodecTypesGeneratorNames: the generator writes a type as the
// Go expression that names it in this package.
func TestSchemaCodecTypesGeneratorNames(t *testing.T) {
	for _, c := range []struct {
		t    reflect.Type
		want string
	}{
		{reflect.TypeFor[uint32](), "uint32"},
		{reflect.TypeFor[[]QName](), "[]QName"},
		{reflect.TypeFor[map[QName][]CompiledIdentityField](), "map[QName][]CompiledIdentityField"},
		{reflect.TypeFor[*regexp_Regexp](), "*regexp_Regexp"},
		{reflect.TypeFor[[4]*stringPatternRead](), "[4]*stringPatternRead"},
	} {
		if got, err := goTypeExpr(c.t); err != nil || got != c.want {
			t.Errorf("%s: %q, %v; want %q", c.t, got, err, c.want)
		}
	}
	if got, err := goTypeExpr(reflect.TypeFor[bytes.Buffer]()); err == nil {
		t.Errorf("bytes.Buffer written as %q", got)
	}
	if got, err := goTypeExpr(reflect.TypeFor[struct{ A int }]()); err == nil {
		t.Errorf("an unnamed struct written as %q", got)
	}
}

// regexp_Regexp stands for a type of this package whose name contains an
// underscore.
type regexp_Regexp struct{}

// goTypeExpr writes t as a Go type expression in this package.
func goTypeExpr(t reflect.Type) (string, error) {
	if t.Name() != "" {
		switch t.PkgPath() {
		case "", reflect.TypeFor[schemaRuntime]().PkgPath():
			return t.Name(), nil
		case "regexp":
			return "regexp." + t.Name(), nil
		}
		return "", fmt.Errorf("type %s of package %s", t, t.PkgPath())
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer, reflect.Array:
		elem, err := goTypeExpr(t.Elem())
		switch t.Kind() {
		case reflect.Slice:
			return "[]" + elem, err
		case reflect.Pointer:
			return "*" + elem, err
		}
		return fmt.Sprintf("[%d]%s", t.Len(), elem), err
	case reflect.Map:
		key, err := goTypeExpr(t.Key())
		if err != nil {
			return "", err
		}
		elem, err := goTypeExpr(t.Elem())
		return "map[" + key + "]" + elem, err
	}
	return "", fmt.Errorf("type %s has no name", t)
}

// underlyingExpr writes the underlying type of the named type t, when it
// is not a struct.
func underlyingExpr(t reflect.Type) (string, error) {
	switch t.Kind() {
	case reflect.Slice:
		return goTypeExpr(reflect.SliceOf(t.Elem()))
	case reflect.Pointer:
		return goTypeExpr(reflect.PointerTo(t.Elem()))
	case reflect.Array:
		return goTypeExpr(reflect.ArrayOf(t.Len(), t.Elem()))
	case reflect.Map:
		return goTypeExpr(reflect.MapOf(t.Key(), t.Elem()))
	case reflect.Struct, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return "", fmt.Errorf("type %s: no underlying expression", t)
	}
	return t.Kind().String(), nil
}

var codecKindNames = [...]string{codecPlain: "codecPlain", codecString: "codecString", codecSlice: "codecSlice", codecArray: "codecArray", codecStruct: "codecStruct", codecPointer: "codecPointer", codecMap: "codecMap"}

// generateCodecTypes writes the Go source of schemaRuntimeCodecTypes,
// returning types and fingerprint, and of checks that break the build
// when a described type changes.
func generateCodecTypes(types []codecType, rts []reflect.Type, fingerprint [32]byte) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`// Code generated by TestSchemaCodecTypesGenerated; DO NOT EDIT.
// go test -run TestSchemaCodecTypesGenerated -update-codec-types ./internal/runtime

package runtime

import (
	"reflect"
	"regexp"
	"unsafe"
)

// schemaRuntimeCodecTypes returns the description of the published
// tables' types, their reflect.Types and the fingerprint that
// describeCodecTypes gives on amd64, without reflection over the types.
func schemaRuntimeCodecTypes() ([]codecType, []reflect.Type, [32]byte, error) {
	return schemaRuntimeCodecTable, []reflect.Type{
`)
	for _, rt := range rts {
		expr, err := goTypeExpr(rt)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "\t\treflect.TypeFor[%s](),\n", expr)
	}
	b.WriteString("\t}, schemaRuntimeCodecFingerprint, nil\n}\n\n")
	b.WriteString("// schemaRuntimeCodecTable is the description, data laid out by the compiler.\n")
	b.WriteString("var schemaRuntimeCodecTable = []codecType{\n")
	for i, t := range types {
		fmt.Fprintf(&b, "\t%d: {kind: %s, size: %d, align: %d, elem: %d, key: %d, len: %d, pool: %d", i, codecKindNames[t.kind], t.size, t.align, t.elem, t.key, t.len, t.pool)
		if t.fields != nil {
			b.WriteString(", fields: []codecField{")
			for j, f := range t.fields {
				if j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "{%d, %d, %d}", f.off, f.size, f.typ)
			}
			b.WriteString("}")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n// schemaRuntimeCodecFingerprint is the description's fingerprint.\nvar schemaRuntimeCodecFingerprint = [32]byte{")
	for i, c := range fingerprint {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%#02x", c)
	}
	b.WriteString(`}

// The checks below break the build when a described type changes: its
// size, the number, order, types or offsets of a struct's fields, the
// underlying type of another named type.
func _() {
`)
	checked := map[reflect.Type]bool{}
	var check func(t reflect.Type) error
	check = func(t reflect.Type) error {
		if checked[t] || t.Name() == "" || t.PkgPath() != reflect.TypeFor[schemaRuntime]().PkgPath() {
			return nil
		}
		checked[t] = true
		fmt.Fprintf(&b, "\t{\n\t\tvar x %s\n\t\t_ = [1]struct{}{}[unsafe.Sizeof(x)-%d]\n", t.Name(), t.Size())
		if t.Kind() != reflect.Struct {
			u, err := underlyingExpr(t)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "\t\t_ = %s(*new(%s))\n\t}\n", t.Name(), u)
			return nil
		}
		var literal []string
		var nested []reflect.Type
		for i := range t.NumField() {
			f := t.Field(i)
			expr, err := goTypeExpr(f.Type)
			if err != nil {
				return fmt.Errorf("field %s.%s: %w", t, f.Name, err)
			}
			literal = append(literal, "*new("+expr+")")
			fmt.Fprintf(&b, "\t\t_ = [1]struct{}{}[unsafe.Offsetof(x.%s)-%d]\n", f.Name, f.Offset)
			nested = append(nested, f.Type)
		}
		fmt.Fprintf(&b, "\t\t_ = %s{%s}\n\t}\n", t.Name(), strings.Join(literal, ", "))
		for _, n := range nested {
			// A struct copied as memory is described with its fields,
			// whose types the table does not list.
			for n.Kind() == reflect.Array {
				n = n.Elem()
			}
			if err := check(n); err != nil {
				return err
			}
		}
		return nil
	}
	for _, rt := range rts {
		if err := check(rt); err != nil {
			return nil, err
		}
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
