package xsd_test

// ozgctl patch (PATCHES.md, item 8): a complex type whose content declares an
// element of a type derived from it. xdomea 3.0.0's DokumentType, whose
// AnlageDokument element has the type AnlageDokumentType, an extension of
// DokumentType, was rejected as "cyclic complex type" whenever DokumentType
// was compiled before AnlageDokumentType (global types compile in name order).

import (
	"strings"
	"testing"

	"github.com/jacoelho/xsd"
	"github.com/jacoelho/xsd/xsderrors"
)

type recursiveDerivationInstance struct {
	name string
	doc  string
	code xsderrors.Code // "" for a valid instance
}

func TestElementOfDerivedTypeInsideBase(t *testing.T) {
	t.Parallel()

	const extension = `
  <xs:complexType name="BASE">
    <xs:sequence>
      <xs:element name="id" type="xs:int"/>
      <xs:element name="part" type="DERIVED" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="v" type="xs:int"/>
  </xs:complexType>
  <xs:complexType name="DERIVED">
    <xs:complexContent>
      <xs:extension base="BASE">
        <xs:sequence><xs:element name="kind" type="xs:string"/></xs:sequence>
        <xs:attribute name="w" type="xs:int" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>`
	extensionInstances := []recursiveDerivationInstance{
		{name: "valid", doc: `<root><id>1</id><part w="1"><id>2</id><part w="2"><id>3</id><kind>x</kind></part><kind>y</kind></part></root>`},
		{name: "derived content missing", doc: `<root><id>1</id><part w="1"><id>2</id><part w="2"><id>3</id></part><kind>y</kind></part></root>`, code: xsderrors.CodeValidationContent},
		{name: "base content missing in part", doc: `<root><id>1</id><part w="1"><kind>y</kind></part></root>`, code: xsderrors.CodeValidationElement},
		{name: "derived attribute missing", doc: `<root><id>1</id><part><id>2</id><kind>y</kind></part></root>`, code: xsderrors.CodeValidationAttribute},
		{name: "base attribute inherited", doc: `<root v="1"><id>1</id><part v="x" w="1"><id>2</id><kind>y</kind></part></root>`, code: xsderrors.CodeValidationFacet},
		{name: "derived content outside part", doc: `<root><id>1</id><kind>y</kind></root>`, code: xsderrors.CodeValidationElement},
	}

	const restriction = `
  <xs:complexType name="BASE">
    <xs:sequence>
      <xs:element name="id" type="xs:int"/>
      <xs:element name="part" type="DERIVED" minOccurs="0"/>
      <xs:element name="note" type="xs:string" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="DERIVED">
    <xs:complexContent>
      <xs:restriction base="BASE">
        <xs:sequence>
          <xs:element name="id" type="xs:int"/>
          <xs:element name="part" type="DERIVED" minOccurs="0"/>
        </xs:sequence>
      </xs:restriction>
    </xs:complexContent>
  </xs:complexType>`
	restrictionInstances := []recursiveDerivationInstance{
		{name: "valid", doc: `<root><id>1</id><part><id>2</id><part><id>3</id></part></part><note>n</note></root>`},
		{name: "restricted away", doc: `<root><id>1</id><part><id>2</id><note>n</note></part></root>`, code: xsderrors.CodeValidationElement},
	}

	for _, family := range []struct {
		name      string
		types     string
		instances []recursiveDerivationInstance
	}{
		{name: "extension", types: extension, instances: extensionInstances},
		{name: "restriction", types: restriction, instances: restrictionInstances},
	} {
		// Global types compile in name order: the failing order compiles the
		// base first.
		for _, names := range [][2]string{{"Base", "Derived"}, {"ZBase", "ADerived"}} {
			types := strings.NewReplacer("BASE", names[0], "DERIVED", names[1]).Replace(family.types)
			schema := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root" type="` + names[0] + `"/>` + types + `
</xs:schema>`
			t.Run(family.name+"/"+names[0]+"-"+names[1], func(t *testing.T) {
				t.Parallel()
				checkRecursiveDerivationInstances(t, schema, family.instances)
			})
		}
	}
}

func TestElementOfDerivedTypeInsideBaseIndirect(t *testing.T) {
	t.Parallel()

	instances := []recursiveDerivationInstance{
		{name: "valid", doc: `<root><id>1</id><part><id>2</id><kind>k</kind><more>m</more></part></root>`},
		{name: "chain content missing", doc: `<root><id>1</id><part><id>2</id><kind>k</kind></part></root>`, code: xsderrors.CodeValidationContent},
	}
	for _, test := range []struct {
		name string
		base string // the declaration of part inside Base, and more
	}{
		{
			name: "derived through a chain",
			base: `<xs:element name="part" type="Mid2" minOccurs="0"/>`,
		},
		{
			name: "element reference",
			base: `<xs:element ref="part" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:element name="part" type="Mid2"/>
  <xs:complexType name="Unused"><xs:sequence>`,
		},
		{
			name: "named model group",
			base: `<xs:group ref="parts"/></xs:sequence></xs:complexType>
  <xs:group name="parts"><xs:sequence><xs:element name="part" type="Mid2" minOccurs="0"/></xs:sequence></xs:group>
  <xs:complexType name="Unused"><xs:sequence>`,
		},
		{
			name: "anonymous type derived from the chain",
			base: `<xs:element name="part" minOccurs="0"><xs:complexType><xs:complexContent>
        <xs:extension base="Mid1"><xs:sequence><xs:element name="more" type="xs:string"/></xs:sequence></xs:extension>
      </xs:complexContent></xs:complexType></xs:element>`,
		},
	} {
		schema := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root" type="Base"/>
  <xs:complexType name="Base">
    <xs:sequence>
      <xs:element name="id" type="xs:int"/>
      ` + test.base + `
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Mid1">
    <xs:complexContent>
      <xs:extension base="Base"><xs:sequence><xs:element name="kind" type="xs:string"/></xs:sequence></xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="Mid2">
    <xs:complexContent>
      <xs:extension base="Mid1"><xs:sequence><xs:element name="more" type="xs:string"/></xs:sequence></xs:extension>
    </xs:complexContent>
  </xs:complexType>
</xs:schema>`
		t.Run(test.name, func(t *testing.T) {
			t.Parallel()
			checkRecursiveDerivationInstances(t, schema, instances)
		})
	}
}

func TestMutuallyRecursiveComplexTypes(t *testing.T) {
	t.Parallel()

	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root" type="A"/>
  <xs:complexType name="A">
    <xs:sequence>
      <xs:element name="a" type="xs:int"/>
      <xs:element name="b" type="B" minOccurs="0"/>
      <xs:element name="bx" type="BX" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="B">
    <xs:sequence>
      <xs:element name="b" type="xs:int"/>
      <xs:element name="a" type="A" minOccurs="0"/>
      <xs:element name="ax" type="AX" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="AX">
    <xs:complexContent>
      <xs:extension base="A"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="BX">
    <xs:complexContent>
      <xs:extension base="B"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:extension>
    </xs:complexContent>
  </xs:complexType>
</xs:schema>`
	checkRecursiveDerivationInstances(t, schema, []recursiveDerivationInstance{
		{name: "valid", doc: `<root><a>1</a><b><b>2</b><a><a>3</a></a><ax><a>4</a><bx><b>5</b><x>6</x></bx><x>7</x></ax></b></root>`},
		{name: "extension content missing", doc: `<root><a>1</a><bx><b>5</b></bx></root>`, code: xsderrors.CodeValidationContent},
		{name: "wrong value deep inside", doc: `<root><a>1</a><b><b>2</b><ax><a>x</a><x>7</x></ax></b></root>`, code: xsderrors.CodeValidationFacet},
	})
}

func TestComplexTypeDerivationCyclesRejected(t *testing.T) {
	t.Parallel()

	for _, test := range []struct {
		name   string
		schema string
	}{
		{
			name: "extends itself",
			schema: `<xs:complexType name="A"><xs:complexContent>
  <xs:extension base="A"><xs:sequence><xs:element name="e"/></xs:sequence></xs:extension>
</xs:complexContent></xs:complexType>`,
		},
		{
			name: "restricts itself",
			schema: `<xs:complexType name="A"><xs:complexContent>
  <xs:restriction base="A"><xs:sequence><xs:element name="e"/></xs:sequence></xs:restriction>
</xs:complexContent></xs:complexType>`,
		},
		{
			name: "two types extend each other",
			schema: `<xs:complexType name="A"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>
<xs:complexType name="B"><xs:complexContent><xs:extension base="A"/></xs:complexContent></xs:complexType>`,
		},
		{
			name: "simple content cycle",
			schema: `<xs:complexType name="A"><xs:simpleContent><xs:extension base="B"/></xs:simpleContent></xs:complexType>
<xs:complexType name="B"><xs:simpleContent><xs:extension base="A"/></xs:simpleContent></xs:complexType>`,
		},
		{
			name: "cycle reached through an element of a type being compiled",
			schema: `<xs:complexType name="Base"><xs:sequence><xs:element name="c" type="C" minOccurs="0"/></xs:sequence></xs:complexType>
<xs:complexType name="C"><xs:complexContent><xs:extension base="D"/></xs:complexContent></xs:complexType>
<xs:complexType name="D"><xs:complexContent><xs:extension base="C"/></xs:complexContent></xs:complexType>`,
		},
		{
			name: "cycle through a type that derives from the type being compiled",
			schema: `<xs:complexType name="Base"><xs:complexContent><xs:extension base="Derived"/></xs:complexContent></xs:complexType>
<xs:complexType name="Derived"><xs:complexContent><xs:extension base="Base">
  <xs:sequence><xs:element name="c" type="Derived" minOccurs="0"/></xs:sequence>
</xs:extension></xs:complexContent></xs:complexType>`,
		},
		{
			name: "model group contains itself",
			schema: `<xs:group name="g"><xs:sequence><xs:element name="e"/><xs:group ref="g" minOccurs="0"/></xs:sequence></xs:group>
<xs:complexType name="A"><xs:group ref="g"/></xs:complexType>`,
		},
		{
			name: "attribute groups refer to each other",
			schema: `<xs:attributeGroup name="g1"><xs:attributeGroup ref="g2"/></xs:attributeGroup>
<xs:attributeGroup name="g2"><xs:attribute name="a"/><xs:attributeGroup ref="g1"/></xs:attributeGroup>
<xs:complexType name="A"><xs:attributeGroup ref="g1"/></xs:complexType>`,
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			t.Parallel()
			schema := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">` + test.schema + `</xs:schema>`
			_, err := xsd.Compile(xsd.Bytes("schema.xsd", []byte(schema)))
			expectCategoryCode(t, err, xsderrors.CategorySchemaCompile, xsderrors.CodeSchemaReference)
		})
	}
}

func checkRecursiveDerivationInstances(t *testing.T, schema string, instances []recursiveDerivationInstance) {
	t.Helper()
	engine, err := xsd.Compile(xsd.Bytes("schema.xsd", []byte(schema)))
	if err != nil {
		t.Fatalf("Compile() error = %v", err)
	}
	for _, instance := range instances {
		err := engine.Validate(strings.NewReader(instance.doc))
		if instance.code == "" {
			if err != nil {
				t.Errorf("%s: Validate() error = %v", instance.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: Validate() accepted %s", instance.name, instance.doc)
			continue
		}
		expectCategoryCode(t, err, xsderrors.CategoryValidation, instance.code)
	}
}
