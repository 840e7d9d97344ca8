package xmlcharset

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name, doc, want string
		wantErr         bool
	}{
		{"utf-8", `<?xml version="1.0" encoding="UTF-8"?><a>Straße</a>`, "Straße", false},
		{"latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Stra\xdfe</a>", "Straße", false},
		{"windows-1252", "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\x80</a>", "€", false},
		{"unknown", `<?xml version="1.0" encoding="x-klingon"?><a/>`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := xml.NewDecoder(strings.NewReader(tt.doc))
			d.CharsetReader = Reader
			var v struct {
				Text string `xml:",chardata"`
			}
			err := d.Decode(&v)
			if (err != nil) != tt.wantErr || v.Text != tt.want {
				t.Fatalf("got %q, %v; want %q, error %v", v.Text, err, tt.want, tt.wantErr)
			}
		})
	}
}
