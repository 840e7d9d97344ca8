package xprozess

import (
	"bytes"
	"testing"
)

// FuzzRead: the reader never panics and keeps to its limits.
func FuzzRead(f *testing.F) {
	f.Add(doc(model("")))
	f.Add(doc(`<x:prozesssteckbrief><x:ausloeser><x:formularID>D00000094</x:formularID></x:ausloeser></x:prozesssteckbrief>`))
	f.Add(doc(model("UEsDBBQACAgIADZ9hFQAAAAAAAAAAAAAAAASAAAAQlBNTiBESS1FeHBvcnQueG1s")))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := Read(bytes.NewReader(data), "fuzz", ReadOptions{MaxBytes: 1 << 20, Limits: Limits{MaxUnpacked: 4 << 20}})
		if err != nil {
			return
		}
		if d.Bibliothek != nil {
			for _, p := range d.Bibliothek.Prozesse {
				LoadForms().Resolve(p)
			}
		}
	})
}
