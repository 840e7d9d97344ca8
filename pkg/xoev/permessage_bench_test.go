package xoev

import (
	"bytes"
	"context"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/batch"
)

// BenchmarkCheckMessage measures what one message costs once its schema
// set is compiled: the stages of `check --xsd` (prolog, identify, XSD with
// annotation) over messages of the shared corpus held in memory. XHS
// messages have findings (a pattern error, an odd schemaLocation), the
// others few or none.
func BenchmarkCheckMessage(b *testing.B) {
	corpus := corpusDir(b)
	for _, tc := range []struct {
		name, xsd, catalog string
		msgs               []string
	}{
		{"xhs", "xbildung/artefacts/xhochschule/1.1/xhochschule.xsd", "xbildung/catalog.xml",
			[]string{"xbildung/samples/1_1_XHS_Immatrikulationsbescheinigung.xml", "xbildung/samples/1_1_XHS_Hochschulabschlusszeugnis.xml"}},
		{"cii", "xrechnung/en16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd", "",
			[]string{"xrechnung/en16931/cii/examples/CII_business_example_01.xml"}},
		{"ubl", "xrechnung/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd", "",
			[]string{"xrechnung/en16931/test/testfiles/BIS_Billing_30-DataIT.xml"}},
		{"xbet", "xbeteiligung/1.2/xsd/xbeteiligung.xsd", "",
			[]string{"xbeteiligung/instances/example402FromCockpit.xml"}},
		{"xdomea", "xdomea/schemes/xdomea_3.0.0/xdomea-Nachrichten-AussonderungDurchfuehren.xsd", "",
			[]string{"xdomea/examples/v3.0.0/9fde4e7a-b41b-11ec-9225-005056871b7c_Aussonderung.Aussonderung.0503.xml"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			opts := LoadOptions{}
			if tc.catalog != "" {
				opts.Catalogs = []string{filepath.Join(corpus, tc.catalog)}
			}
			set, err := LoadSchemaSet(context.Background(), filepath.Join(corpus, tc.xsd), opts)
			if err != nil {
				b.Fatal(err)
			}
			stages := []batch.Stage{PrologStage{}, IdentifyStage{}, XSDStage{Pick: set.Picker()}}
			var inputs []batch.Input
			size := 0
			for _, m := range tc.msgs {
				data, err := os.ReadFile(filepath.Join(corpus, m))
				if err != nil {
					b.Fatal(err)
				}
				inputs = append(inputs, batch.FromBytes(m, data))
				size += len(data)
			}
			b.SetBytes(int64(size / len(inputs)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if res := batch.CheckOne(context.Background(), inputs[i%len(inputs)], stages); res.Err != nil {
					b.Fatal(res.Err)
				}
				i++
			}
		})
	}
}

// BenchmarkAnnotateSamples measures annotate alone on the XHS samples,
// with the findings the validator gives them.
func BenchmarkAnnotateSamples(b *testing.B) {
	corpus := corpusDir(b)
	set, err := LoadSchemaSet(context.Background(), filepath.Join(corpus, "xbildung/artefacts/xhochschule/1.1/xhochschule.xsd"),
		LoadOptions{Catalogs: []string{filepath.Join(corpus, "xbildung/catalog.xml")}})
	if err != nil {
		b.Fatal(err)
	}
	type sample struct {
		data []byte
		fs   []finding.Finding
	}
	var samples []sample
	for _, m := range []string{"xbildung/samples/1_1_XHS_Immatrikulationsbescheinigung.xml", "xbildung/samples/1_1_XHS_Hochschulabschlusszeugnis.xml"} {
		data, err := os.ReadFile(filepath.Join(corpus, m))
		if err != nil {
			b.Fatal(err)
		}
		fs, err := set.Validate(context.Background(), m, bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		samples = append(samples, sample{data, fs})
	}
	b.ReportAllocs()
	fs := make([]finding.Finding, 0, 8)
	i := 0
	for b.Loop() {
		s := samples[i%len(samples)]
		fs = append(fs[:0], s.fs...)
		br := pooledReader(bytes.NewReader(s.data))
		annotate(br, fs)
		releaseReader(br)
		i++
	}
}
