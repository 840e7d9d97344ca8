package convert

import (
	"regexp"
	"testing"
)

// TestHTMLStructure checks every corpus form without a browser: ids are
// unique, every control has a <label for>, every aria-describedby target
// exists, and nothing is loaded from elsewhere.
func TestHTMLStructure(t *testing.T) {
	idRE := regexp.MustCompile(` id="([^"]+)"`)
	ctlRE := regexp.MustCompile(`<(?:input|select|textarea)[^>]* id="([^"]+)"`)
	forRE := regexp.MustCompile(`<label for="([^"]+)"`)
	descRE := regexp.MustCompile(`aria-describedby="([^"]+)"`)
	extRE := regexp.MustCompile(`(?i)(src|href)="(https?:)?//`)
	for _, in := range corpusInputs(t) {
		c, ok := load(t, in, Options{})
		if !ok {
			continue
		}
		t.Run(in.name, func(t *testing.T) {
			out, err := c.Convert("html")
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			ids := map[string]bool{}
			for _, m := range idRE.FindAllStringSubmatch(s, -1) {
				if ids[m[1]] {
					t.Errorf("duplicate id %q", m[1])
				}
				ids[m[1]] = true
			}
			labels := map[string]bool{}
			for _, m := range forRE.FindAllStringSubmatch(s, -1) {
				labels[m[1]] = true
			}
			for _, m := range ctlRE.FindAllStringSubmatch(s, -1) {
				if !labels[m[1]] {
					t.Errorf("control %q has no label", m[1])
				}
			}
			for _, m := range descRE.FindAllStringSubmatch(s, -1) {
				for _, id := range regexp.MustCompile(`\S+`).FindAllString(m[1], -1) {
					if !ids[id] {
						t.Errorf("aria-describedby points at missing %q", id)
					}
				}
			}
			if m := extRE.FindString(s); m != "" {
				t.Errorf("form loads something from elsewhere: %s", m)
			}
		})
	}
}
