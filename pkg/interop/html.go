package interop

import (
	_ "embed"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	"github.com/ozgctl/stdtemplate/html/template"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

//go:embed html.tmpl
var htmlSource string

// htmlTemplate is parsed on first use, not at start-up.
var htmlTemplate = lazy.Value[*template.Template]{F: func() *template.Template {
	return template.Must(template.New("interop").Parse(htmlSource))
}}

type htmlDiff struct {
	Spread  string
	Kind    string
	What    string
	Groups  string
	Example string
}

type htmlData struct {
	Lang        string
	T           map[string]string
	Summary     string
	Settings    string
	Matrix      template.HTML
	Findings    []htmlChart
	Differences []htmlDiff
	Heat        []htmlChart
}

type htmlChart struct {
	Title string
	SVG   template.HTML
}

// renderHTML renders one self-contained page: the conformance matrix group ×
// message type, the top findings per group, the differences ranked by
// spread with an example file:line, and a code-value heat map per code
// element. Charts are inline SVG drawn here; the tables sort on a click
// on their heading by a few lines of inline script. Nothing is loaded
// from elsewhere.
func renderHTML(w io.Writer, r *Result, opts RenderOptions) error {
	l := opts.Lang
	if l != "en" {
		l = "de"
	}
	d := htmlData{Lang: l, T: map[string]string{}}
	for k := range texts.Get() {
		d.T[strings.ReplaceAll(k, ":", "_")] = tr(l, k)
	}
	d.Summary = fmt.Sprintf(tr(l, "summary"), r.Summary.Groups, r.Summary.Messages, r.Summary.Valid, r.Summary.Invalid)
	d.Settings = fmt.Sprintf(tr(l, "settings"), r.Settings.MinMessages, r.Settings.MinDiff)
	d.Matrix = matrixSVG(r, l)
	for _, g := range r.Groups {
		d.Findings = append(d.Findings, htmlChart{Title: g.Name, SVG: rulesSVG(g, l)})
	}
	ds := ranked(r.Differences)
	for i := range ds {
		x := &ds[i]
		d.Differences = append(d.Differences, htmlDiff{Spread: fmt.Sprintf("%.2f", x.spread()), Kind: tr(l, "k:"+x.Kind),
			What: what(x), Groups: groupCounts(x), Example: diffExample(r, x)})
	}
	d.Heat = heatMaps(r, l)
	return htmlTemplate.Get().Execute(w, d)
}

// diffExample names where a path or code value of a difference occurs,
// from the first group (by name) that uses it.
func diffExample(r *Result, d *Difference) string {
	for _, g := range r.Groups {
		switch d.Kind {
		case "path":
			for _, u := range g.Usage {
				if u.Root == d.Root && u.Path == d.Path && u.Example != nil {
					return u.Example.String()
				}
			}
		case "code":
			for _, c := range g.Codes {
				if c.Root == d.Root && c.Path == d.Path && c.Value == d.Value && c.Example != nil {
					return c.Example.String()
				}
			}
		}
	}
	return ""
}

func esc(s string) string { return html.EscapeString(s) }

// localName returns the local part of a Clark name.
func localName(clark string) string {
	if i := strings.LastIndexByte(clark, '}'); i >= 0 {
		return clark[i+1:]
	}
	return clark
}

// rateColor is red below half, amber below 90 %, green above.
func rateColor(rate float64) string {
	switch {
	case rate >= 0.9:
		return "#2e7d32"
	case rate >= 0.5:
		return "#f9a825"
	}
	return "#c62828"
}

func matrixSVG(r *Result, lang string) template.HTML {
	var roots []string
	for _, g := range r.Groups {
		for _, mt := range g.MessageTypes {
			if !slices.Contains(roots, mt.Root) {
				roots = append(roots, mt.Root)
			}
		}
	}
	slices.Sort(roots)
	const cw, ch, left, top = 150, 34, 180, 40
	width, height := left+cw*max(len(roots), 1)+10, top+ch*max(len(r.Groups), 1)+10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart matrix" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="%s">`, width, height, esc(tr(lang, "matrix")))
	for j, root := range roots {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-weight="bold"><title>%s</title>%s</text>`, left+cw*j+cw/2, top-12, esc(root), esc(localName(root)))
	}
	for i, g := range r.Groups {
		y := top + ch*i
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-8, y+ch/2+5, esc(g.Name))
		for j, root := range roots {
			n, v := 0, 0
			for _, mt := range g.MessageTypes {
				if mt.Root == root {
					n += mt.Messages
					v += mt.Valid
				}
			}
			x := left + cw*j
			if n == 0 {
				fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#eeeeee" stroke="#fff"/><text x="%d" y="%d" text-anchor="middle" fill="#777">–</text>`,
					x, y, cw, ch, x+cw/2, y+ch/2+5)
				continue
			}
			rate := share(v, n)
			fmt.Fprintf(&b, `<rect class="cell" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#fff"><title>%s × %s: %d/%d</title></rect><text x="%d" y="%d" text-anchor="middle" fill="#fff">%.0f %% (%d/%d)</text>`,
				x, y, cw, ch, rateColor(rate), esc(g.Name), esc(root), v, n, x+cw/2, y+ch/2+5, rate*100, v, n)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// rulesSVG draws the ten rules that affect most of a group's messages.
func rulesSVG(g Group, lang string) template.HTML {
	rules := slices.Clone(g.Rules)
	slices.SortStableFunc(rules, func(a, b RuleCount) int { return b.Messages - a.Messages })
	rules = rules[:min(len(rules), 10)]
	if len(rules) == 0 {
		return template.HTML(`<p class="none">` + esc(tr(lang, "none")) + `</p>`)
	}
	const left, bw, bh = 200, 400, 22
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">`, left+bw+120, bh*len(rules)+8)
	for i, rc := range rules {
		y := 4 + bh*i
		w := int(float64(bw) * share(rc.Messages, g.Messages))
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text><rect class="bar" x="%d" y="%d" width="%d" height="%d" fill="#1565c0"><title>%s: %d/%d</title></rect><text x="%d" y="%d">%d/%d</text>`,
			left-8, y+bh-7, esc(rc.Rule), left, y, max(w, 1), bh-4, esc(rc.Rule), rc.Messages, g.Messages, left+max(w, 1)+6, y+bh-7, rc.Messages, g.Messages)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// heatMaps draws, per code element, the share of each group's messages
// of the type that use each value.
func heatMaps(r *Result, lang string) []htmlChart {
	type elem struct{ root, path string }
	values := map[elem][]string{}
	var elems []elem
	for _, g := range r.Groups {
		for _, c := range g.Codes {
			e := elem{c.Root, c.Path}
			if _, ok := values[e]; !ok {
				elems = append(elems, e)
			}
			if !slices.Contains(values[e], c.Value) {
				values[e] = append(values[e], c.Value)
			}
		}
	}
	slices.SortFunc(elems, func(a, b elem) int {
		if c := strings.Compare(a.root, b.root); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})
	per := typeCounts(r.Groups)
	var out []htmlChart
	for _, e := range elems {
		vals := values[e]
		slices.Sort(vals)
		const left, cw, ch, top = 160, 110, 24, 28
		var b strings.Builder
		fmt.Fprintf(&b, `<svg class="chart heat" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">`, left+cw*len(r.Groups)+10, top+ch*len(vals)+6)
		for j, g := range r.Groups {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-weight="bold">%s</text>`, left+cw*j+cw/2, top-10, esc(g.Name))
		}
		for i, v := range vals {
			y := top + ch*i
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-8, y+ch/2+5, esc(v))
			for j, g := range r.Groups {
				n := 0
				for _, c := range g.Codes {
					if c.Root == e.root && c.Path == e.path && c.Value == v {
						n = c.Messages
					}
				}
				of := per[j][e.root]
				s := share(n, of)
				fmt.Fprintf(&b, `<rect class="cell" x="%d" y="%d" width="%d" height="%d" fill="#6a1b9a" fill-opacity="%.2f" stroke="#ddd"><title>%s %s = %s: %d/%d</title></rect><text x="%d" y="%d" text-anchor="middle" fill="%s">%d/%d</text>`,
					left+cw*j, y, cw, ch, 0.08+0.92*s, esc(g.Name), esc(e.path), esc(v), n, of, left+cw*j+cw/2, y+ch/2+5, map[bool]string{true: "#fff", false: "#333"}[s > 0.5], n, of)
			}
		}
		b.WriteString(`</svg>`)
		out = append(out, htmlChart{Title: localName(e.root) + " " + e.path, SVG: template.HTML(b.String())})
	}
	return out
}
