package fim

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"testing"
)

// BenchmarkReadS00000186 reads the largest real schema (351 KB) in process.
func BenchmarkReadS00000186(b *testing.B) {
	data, err := os.ReadFile("testdata/xdf2/S00000186v1.0_xdf2.xml")
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := ReadBytes(data, "S00000186", ReadOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := ReadBytes(data, "S00000186", ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkTokenizeS00000186 is the floor: encoding/xml tokenising alone.
func BenchmarkTokenizeS00000186(b *testing.B) {
	data, err := os.ReadFile("testdata/xdf2/S00000186v1.0_xdf2.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.RawToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
