package interop

import (
	"io"
)

// HTML renders one self-contained page.
func HTML(w io.Writer, r *Result, opts RenderOptions) error {
	return Markdown(w, r, opts) // TODO replaced below
}
