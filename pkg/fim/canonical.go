package fim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// CanonicalJSON returns the content of doc as indented JSON, without what
// only says where the content came from: the file name, positions, and how
// an anzahl was spelled (" 1 : 1" is 1:1). Groups, fields and rules are
// sorted by identifier, so documents that hold the same elements in another
// order give the same bytes. Two documents have the same canonical model
// when their CanonicalJSON is equal; the round-trip tests of the writers
// and migrations compare it.
func CanonicalJSON(doc *Document) ([]byte, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("canonical model: %w", err)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("canonical model: %w", err)
	}
	m, _ := v.(map[string]any)
	delete(m, "file")
	v = canonical(v)
	for _, k := range []string{"groups", "fields", "rules"} {
		if list, ok := m[k].([]any); ok {
			sort.SliceStable(list, func(i, j int) bool { return identKey(list[i]) < identKey(list[j]) })
		}
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("canonical model: %w", err)
	}
	return append(out, '\n'), nil
}

func identKey(v any) string {
	m, _ := v.(map[string]any)
	id, _ := m["identifier"].(map[string]any)
	s, _ := id["id"].(string)
	ver, _ := id["version"].(string)
	return s + "\x00" + ver
}

// canonical drops positions and normalises anzahl, recursively.
func canonical(v any) any {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "pos")
		if a, ok := x["anzahl"].(map[string]any); ok {
			raw, _ := a["raw"].(string)
			if c, ok := ParseCardinality(raw); ok {
				a["raw"] = c.String()
			} else if raw == "" {
				// A place without anzahl is read as 1:1 with no text.
				mn, _ := a["min"].(json.Number).Int64()
				mx, _ := a["max"].(json.Number).Int64()
				a["raw"] = Cardinality{Min: int(mn), Max: int(mx)}.String()
			}
		}
		for k, e := range x {
			x[k] = canonical(e)
		}
	case []any:
		for i, e := range x {
			x[i] = canonical(e)
		}
	}
	return v
}
