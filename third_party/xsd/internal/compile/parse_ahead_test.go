package compile_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/jacoelho/xsd/internal/compile"
	"github.com/jacoelho/xsd/internal/source"
)

// ozgctl patch: Options.ParseAhead must never change what a compile gives.

var aheadDocs = map[string]string{
	"main.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:b="urn:b" targetNamespace="urn:m" xmlns="urn:m" elementFormDefault="qualified">
  <xs:include schemaLocation="a.xsd"/>
  <xs:import namespace="urn:b" schemaLocation="b.xsd"/>
  <xs:element name="root"><xs:complexType><xs:sequence>
    <xs:element ref="a"/><xs:element ref="b:b" maxOccurs="3"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
	"a.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:m" xmlns="urn:m" elementFormDefault="qualified">
  <xs:element name="a"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Z]+"/></xs:restriction></xs:simpleType></xs:element>
</xs:schema>`,
	"b.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b" elementFormDefault="qualified">
  <xs:element name="b" type="xs:int"/>
</xs:schema>`,
}

func aheadCompile(opts compile.Options, docs map[string]string) (any, error) {
	resolver := source.Resolver(func(base, location string) (source.Source, error) {
		data, ok := docs[location]
		if !ok {
			return source.Source{}, fmt.Errorf("%s not found", location)
		}
		return source.Bytes(location, []byte(data)), nil
	})
	return compile.Compile(opts, []source.Source{source.Bytes("main.xsd", []byte(docs["main.xsd"])).WithResolver(resolver)})
}

func aheadSources(docs map[string]string) []source.Source {
	var out []source.Source
	for _, name := range []string{"main.xsd", "a.xsd", "b.xsd"} {
		out = append(out, source.Bytes(name, []byte(docs[name])))
	}
	return out
}

func TestParseAheadSameSchema(t *testing.T) {
	want, err := aheadCompile(compile.Options{}, aheadDocs)
	if err != nil {
		t.Fatal(err)
	}
	stale := map[string]string{}
	for k, v := range aheadDocs {
		stale[k] = v
	}
	stale["a.xsd"] = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:m"><xs:element name="a" type="xs:int"/></xs:schema>`
	for name, ahead := range map[string][]source.Source{
		"every document":                     aheadSources(aheadDocs),
		"a document with other bytes":        aheadSources(stale),
		"a document the compile never reads": append(aheadSources(aheadDocs), source.Bytes("unused.xsd", []byte("<not-a-schema/>"))),
		"a broken document":                  {source.Bytes("a.xsd", []byte("<xs:schema"))},
	} {
		got, err := aheadCompile(compile.Options{ParseAhead: ahead}, aheadDocs)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the compiled schema differs from the one without parse-ahead", name)
		}
	}
}

// TestParseAheadNodeBudget: under every node budget, the compile fails or
// succeeds as without parse-ahead, with the same error.
func TestParseAheadNodeBudget(t *testing.T) {
	failed, passed := 0, 0
	defer func() {
		if failed == 0 || passed == 0 {
			t.Errorf("budgets tried: %d fail, %d pass; want both", failed, passed)
		}
	}()
	for limit := 1; limit <= 40; limit++ {
		_, want := aheadCompile(compile.Options{MaxSchemaInstantiatedNodes: limit}, aheadDocs)
		if want != nil {
			failed++
		} else {
			passed++
		}
		_, got := aheadCompile(compile.Options{MaxSchemaInstantiatedNodes: limit, ParseAhead: aheadSources(aheadDocs)}, aheadDocs)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("limit %d: error %v, without parse-ahead %v", limit, got, want)
		}
	}
}
