package bpmn

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// SVGOptions tune [SVG].
type SVGOptions struct {
	// Diagram selects the diagram by index (default the first); ignored
	// when the document has no DI and is laid out automatically.
	Diagram int
	// Title is the document title; default the diagram's or process's name.
	Title string
}

// SVG draws the document: from its diagram interchange when it has one,
// otherwise from an automatic layered layout (layout). Shapes follow the
// BPMN notation: tasks with type markers, collapsed and expanded
// sub-processes, events with their definitions, gateways with markers,
// pools and lanes, data objects and stores, annotations; sequence, message
// and association edges with their arrow heads; labels wrapped. Every flow
// node drawn is a <g class="bpmn-node" data-element-id=… data-kind=…>.
// The output is deterministic.
func SVG(d *Definitions, opts SVGOptions) []byte {
	var dg *Diagram
	if d.hasDI() {
		i := opts.Diagram
		if i < 0 || i >= len(d.Diagrams) {
			i = 0
		}
		dg = d.Diagrams[i]
	} else {
		dg = layout(d)
	}
	title := opts.Title
	if title == "" {
		title = dg.Name
	}
	if title == "" {
		for _, p := range d.Processes {
			if p.Name != "" {
				title = p.Name
				break
			}
		}
	}
	s := &svgWriter{d: d}
	return s.render(dg, title)
}

type svgWriter struct {
	d     *Definitions
	buf   bytes.Buffer
	drawn map[string]bool
}

// expanded reports whether a sub-process is drawn open: marked expanded
// and with some of its content drawn in the same plane (ADONIS marks empty
// sub-processes expanded).
func (s *svgWriter) expanded(sh *Shape, n *Node) bool {
	if n.Children == nil || sh.Expanded == nil || !*sh.Expanded {
		return false
	}
	for _, c := range n.Children.Nodes {
		if s.drawn[c.ID] {
			return true
		}
	}
	return false
}

func (s *svgWriter) p(format string, args ...any) { fmt.Fprintf(&s.buf, format, args...) }

// f formats a coordinate: integers without decimals, others with two.
func f(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func esc(t string) string {
	var b strings.Builder
	for _, r := range t {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 && r != '\n' && r != '\t' {
				continue
			}
			if r == 0xFFFE || r == 0xFFFF {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// layer orders shapes so that containers are drawn below their content.
func (s *svgWriter) layer(sh *Shape) int {
	switch v := s.d.Lookup(sh.Element).(type) {
	case *Participant:
		return 0
	case *Lane:
		return 1
	case *Group:
		return 2
	case *Node:
		if s.expanded(sh, v) {
			return 3
		}
		if v.Kind == "boundaryEvent" {
			return 6
		}
		return 4
	}
	return 5
}

func (s *svgWriter) render(dg *Diagram, title string) []byte {
	pl := dg.Plane
	s.drawn = map[string]bool{}
	for _, sh := range pl.Shapes {
		s.drawn[sh.Element] = true
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	grow := func(x, y float64) {
		minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
	}
	for _, sh := range pl.Shapes {
		grow(sh.Bounds.X, sh.Bounds.Y)
		grow(sh.Bounds.X+sh.Bounds.Width, sh.Bounds.Y+sh.Bounds.Height)
		if sh.Label != nil {
			grow(sh.Label.X, sh.Label.Y)
			grow(sh.Label.X+sh.Label.Width, sh.Label.Y+sh.Label.Height)
		} else if n, ok := s.d.Lookup(sh.Element).(*Node); ok && n.Category != Activity {
			grow(sh.Bounds.X+sh.Bounds.Width/2, sh.Bounds.Y+sh.Bounds.Height+30)
		}
	}
	for _, e := range pl.Edges {
		for _, w := range e.Waypoints {
			grow(w.X, w.Y)
		}
	}
	if math.IsInf(minX, 1) {
		minX, minY, maxX, maxY = 0, 0, 100, 100
	}
	const margin = 20
	minX, minY, maxX, maxY = minX-margin, minY-margin, maxX+margin, maxY+margin
	w, h := maxX-minX, maxY-minY
	s.p(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="%s %s %s %s" font-family="Arial, Helvetica, sans-serif" font-size="11">`+"\n",
		f(w), f(h), f(minX), f(minY), f(w), f(h))
	if title != "" {
		s.p("<title>%s</title>\n", esc(title))
	}
	s.p(`<defs>
<marker id="seq-end" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker>
<marker id="cond-start" viewBox="0 0 20 10" refX="0" refY="5" markerWidth="14" markerHeight="7" orient="auto"><path d="M0,5 L10,0 L20,5 L10,10 z" fill="#fff" stroke="#000"/></marker>
<marker id="msg-start" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" orient="auto"><circle cx="5" cy="5" r="4" fill="#fff" stroke="#000"/></marker>
<marker id="msg-end" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#fff" stroke="#000"/></marker>
<marker id="assoc-end" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10" fill="none" stroke="#000"/></marker>
</defs>
`)
	s.p(`<rect x="%s" y="%s" width="%s" height="%s" fill="#fff"/>`+"\n", f(minX), f(minY), f(w), f(h))
	shapes := slices.Clone(pl.Shapes)
	slices.SortStableFunc(shapes, func(a, b *Shape) int {
		if c := cmp.Compare(s.layer(a), s.layer(b)); c != 0 {
			return c
		}
		// larger containers first
		return cmp.Compare(b.Bounds.Width*b.Bounds.Height, a.Bounds.Width*a.Bounds.Height)
	})
	split := len(shapes)
	for i, sh := range shapes {
		if s.layer(sh) == 6 {
			split = i
			break
		}
	}
	for _, sh := range shapes[:split] {
		s.shape(sh)
	}
	for _, e := range pl.Edges {
		s.edge(e)
	}
	for _, sh := range shapes[split:] {
		s.shape(sh)
	}
	s.p("</svg>\n")
	return s.buf.Bytes()
}

const stroke = `stroke="#000" stroke-width="1.5"`

func (s *svgWriter) shape(sh *Shape) {
	b := sh.Bounds
	switch v := s.d.Lookup(sh.Element).(type) {
	case *Participant:
		s.pool(sh, v.ID, "participant", v.Name, 30)
	case *Lane:
		s.pool(sh, v.ID, "lane", v.Name, 30)
	case *Node:
		s.p(`<g class="bpmn-node %s" data-element-id="%s" data-kind="%s">`, v.Category, esc(v.ID), v.Kind)
		s.p("<title>%s</title>", esc(nodeTitle(v)))
		switch v.Category {
		case Activity:
			s.activity(sh, v)
		case Event:
			s.event(sh, v)
		case Gateway:
			s.gateway(sh, v)
		}
		s.p("</g>\n")
	case *DataNode:
		s.p(`<g class="bpmn-data" data-element-id="%s" data-kind="%s">`, esc(v.ID), v.Kind)
		s.data(sh, v)
		s.p("</g>\n")
	case *Annotation:
		s.p(`<g class="bpmn-annotation" data-element-id="%s">`, esc(v.ID))
		s.p(`<path d="M%s,%s h-%s v%s h%s" fill="none" %s/>`, f(b.X+15), f(b.Y), "15", f(b.Height), "15", stroke)
		s.text(b.X+5, b.Y+4, b.Width-5, b.Height, v.Text, "start", false)
		s.p("</g>\n")
	case *Group:
		s.p(`<rect class="bpmn-group" data-element-id="%s" x="%s" y="%s" width="%s" height="%s" rx="10" fill="none" stroke="#000" stroke-dasharray="10,4,2,4"/>`+"\n",
			esc(v.ID), f(b.X), f(b.Y), f(b.Width), f(b.Height))
	default:
		// shapes of elements the model does not know (dangling): outline only
		s.p(`<rect class="bpmn-unknown" data-element-id="%s" x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#999" stroke-dasharray="4,4"/>`+"\n",
			esc(sh.Element), f(b.X), f(b.Y), f(b.Width), f(b.Height))
	}
}

func nodeTitle(n *Node) string {
	if n.Name != "" {
		return n.Name + " (" + n.Kind + ")"
	}
	return n.Kind + " " + n.ID
}

func (s *svgWriter) pool(sh *Shape, id, class, name string, band float64) {
	b := sh.Bounds
	horizontal := sh.Horizontal == nil || *sh.Horizontal
	s.p(`<g class="bpmn-%s" data-element-id="%s">`, class, esc(id))
	s.p(`<rect x="%s" y="%s" width="%s" height="%s" fill="none" %s/>`, f(b.X), f(b.Y), f(b.Width), f(b.Height), stroke)
	if horizontal {
		band = min(band, b.Width)
		s.p(`<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`, f(b.X+band), f(b.Y), f(b.X+band), f(b.Y+b.Height), stroke)
		cx, cy := b.X+band/2, b.Y+b.Height/2
		s.p(`<text transform="rotate(-90 %s %s)" x="%s" y="%s" text-anchor="middle" dominant-baseline="middle">%s</text>`,
			f(cx), f(cy), f(cx), f(cy), esc(truncate(oneLine(name), int(b.Height/6.5))))
	} else {
		band = min(band, b.Height)
		s.p(`<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`, f(b.X), f(b.Y+band), f(b.X+b.Width), f(b.Y+band), stroke)
		s.p(`<text x="%s" y="%s" text-anchor="middle" dominant-baseline="middle">%s</text>`, f(b.X+b.Width/2), f(b.Y+band/2), esc(truncate(oneLine(name), int(b.Width/6.5))))
	}
	s.p("</g>\n")
}

func oneLine(t string) string { return strings.Join(strings.Fields(t), " ") }

func truncate(t string, n int) string {
	r := []rune(t)
	if n < 4 {
		n = 4
	}
	if len(r) <= n {
		return t
	}
	return string(r[:n-1]) + "…"
}

// wrap breaks text into lines of at most width pixels at the given
// character width, at most maxLines lines (the last one cut with "…").
func wrap(t string, width, charW float64, maxLines int) []string {
	maxChars := max(int(width/charW), 4)
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(t, "\r", ""), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for len([]rune(word)) > maxChars {
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				r := []rune(word)
				lines = append(lines, string(r[:maxChars]))
				word = string(r[maxChars:])
			}
			switch {
			case line == "":
				line = word
			case len([]rune(line))+1+len([]rune(word)) <= maxChars:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = truncate(lines[maxLines-1]+"…", maxChars)
	}
	return lines
}

const charW, lineH = 6.2, 13.0

// text writes wrapped text in the box; anchor "middle" centres it
// horizontally, vcenter centres it vertically.
func (s *svgWriter) text(x, y, w, h float64, t, anchor string, vcenter bool) {
	if strings.TrimSpace(t) == "" {
		return
	}
	maxLines := 0
	if h > 0 {
		maxLines = max(int(h/lineH), 1)
	}
	lines := wrap(t, max(w-4, 24), charW, maxLines)
	tx := x + 2
	if anchor == "middle" {
		tx = x + w/2
	}
	ty := y + lineH - 2
	if vcenter {
		ty = y + h/2 - float64(len(lines)-1)*lineH/2 + 4
	}
	s.p(`<text x="%s" y="%s" text-anchor="%s">`, f(tx), f(ty), anchor)
	for i, l := range lines {
		if i == 0 {
			s.p(`<tspan x="%s">%s</tspan>`, f(tx), esc(l))
		} else {
			s.p(`<tspan x="%s" dy="%s">%s</tspan>`, f(tx), f(lineH), esc(l))
		}
	}
	s.p("</text>")
}

func (s *svgWriter) label(sh *Shape, n *Node) {
	if n.Name == "" {
		return
	}
	if l := sh.Label; l != nil && l.Width > 0 {
		w := max(l.Width, 90)
		s.text(l.X+l.Width/2-w/2, l.Y, w, 0, n.Name, "middle", false)
		return
	}
	b := sh.Bounds
	s.text(b.X+b.Width/2-50, b.Y+b.Height+4, 100, 0, n.Name, "middle", false)
}

func (s *svgWriter) activity(sh *Shape, n *Node) {
	b := sh.Bounds
	expanded := s.expanded(sh, n)
	dash := ""
	if n.TriggeredByEvent {
		dash = ` stroke-dasharray="2,3"`
	}
	sw := "1.5"
	if n.Kind == "callActivity" {
		sw = "4"
	}
	fill := "#fff"
	if expanded {
		fill = "none"
	}
	s.p(`<rect x="%s" y="%s" width="%s" height="%s" rx="10" fill="%s" stroke="#000" stroke-width="%s"%s/>`, f(b.X), f(b.Y), f(b.Width), f(b.Height), fill, sw, dash)
	if n.Kind == "transaction" {
		s.p(`<rect x="%s" y="%s" width="%s" height="%s" rx="7" fill="none" %s/>`, f(b.X+3), f(b.Y+3), f(max(b.Width-6, 0)), f(max(b.Height-6, 0)), stroke)
	}
	if expanded {
		s.text(b.X+6, b.Y+4, b.Width-12, 0, n.Name, "start", false)
	} else {
		s.text(b.X+4, b.Y, b.Width-8, b.Height-14, n.Name, "middle", true)
	}
	s.taskMarker(b.X+6, b.Y+6, n.Kind)
	// bottom markers, centred
	var marks []string
	if n.Children != nil && !expanded {
		marks = append(marks, "collapsed")
	}
	if n.Kind == "adHocSubProcess" {
		marks = append(marks, "adhoc")
	}
	if n.Loop != "" {
		marks = append(marks, n.Loop)
	}
	if n.ForCompensation {
		marks = append(marks, "compensation")
	}
	x := b.X + b.Width/2 - float64(len(marks))*7
	y := b.Y + b.Height - 16
	for _, m := range marks {
		s.bottomMarker(x, y, m)
		x += 14
	}
}

func (s *svgWriter) bottomMarker(x, y float64, m string) {
	switch m {
	case "collapsed":
		s.p(`<rect x="%s" y="%s" width="12" height="12" fill="none" stroke="#000"/><path d="M%s,%s h8 M%s,%s v8" stroke="#000"/>`, f(x), f(y), f(x+2), f(y+6), f(x+6), f(y+2))
	case "adhoc":
		s.p(`<path d="M%s,%s q3,-4 6,0 t6,0" fill="none" stroke="#000" stroke-width="1.5"/>`, f(x), f(y+6))
	case "standard":
		s.p(`<path d="M%s,%s a5,5 0 1,1 4,0" fill="none" stroke="#000"/><path d="M%s,%s l0,-3 l3,2 z" fill="#000"/>`, f(x+4), f(y+11), f(x+8), f(y+11))
	case "parallel":
		s.p(`<path d="M%s,%s v12 M%s,%s v12 M%s,%s v12" stroke="#000" stroke-width="2"/>`, f(x+2), f(y), f(x+6), f(y), f(x+10), f(y))
	case "sequential":
		s.p(`<path d="M%s,%s h12 M%s,%s h12 M%s,%s h12" stroke="#000" stroke-width="2"/>`, f(x), f(y+2), f(x), f(y+6), f(x), f(y+10))
	case "compensation":
		s.p(`<path d="M%s,%s l6,-5 v10 z M%s,%s l6,-5 v10 z" fill="none" stroke="#000"/>`, f(x), f(y+6), f(x+6), f(y+6))
	}
}

func (s *svgWriter) taskMarker(x, y float64, kind string) {
	switch kind {
	case "userTask":
		s.p(`<g class="marker"><circle cx="%s" cy="%s" r="3.5" fill="none" stroke="#000"/><path d="M%s,%s c0,-6 12,-6 12,0 z" fill="none" stroke="#000"/></g>`, f(x+6), f(y+4), f(x), f(y+15))
	case "serviceTask":
		s.p(`<g class="marker"><circle cx="%s" cy="%s" r="6" fill="none" stroke="#000" stroke-width="3" stroke-dasharray="2.5,2"/><circle cx="%s" cy="%s" r="2.5" fill="none" stroke="#000"/></g>`, f(x+7), f(y+7), f(x+7), f(y+7))
	case "sendTask":
		s.p(`<g class="marker"><rect x="%s" y="%s" width="16" height="11" fill="#000"/><path d="M%s,%s l8,6 l8,-6" fill="none" stroke="#fff"/></g>`, f(x), f(y+2), f(x), f(y+2))
	case "receiveTask":
		s.p(`<g class="marker"><rect x="%s" y="%s" width="16" height="11" fill="#fff" stroke="#000"/><path d="M%s,%s l8,6 l8,-6" fill="none" stroke="#000"/></g>`, f(x), f(y+2), f(x), f(y+2))
	case "manualTask":
		s.p(`<g class="marker"><path d="M%s,%s h8 a1.5,1.5 0 0,1 0,3 h-3 h6 a1.5,1.5 0 0,1 0,3 h-6 h5 a1.5,1.5 0 0,1 0,3 h-5 h4 a1.5,1.5 0 0,1 0,3 h-9 q-3,0 -3,-3 v-6 q0,-3 3,-3 z" fill="none" stroke="#000"/></g>`, f(x+2), f(y+3))
	case "businessRuleTask":
		s.p(`<g class="marker"><rect x="%s" y="%s" width="16" height="12" fill="#fff" stroke="#000"/><rect x="%s" y="%s" width="16" height="3" fill="#000"/><path d="M%s,%s h16 M%s,%s v9" stroke="#000"/></g>`, f(x), f(y+2), f(x), f(y+2), f(x), f(y+9), f(x+5), f(y+5))
	case "scriptTask":
		s.p(`<g class="marker"><path d="M%s,%s h10 q-4,4 0,8 t0,8 h-10 q-4,-4 0,-8 t0,-8 z M%s,%s h6 M%s,%s h6 M%s,%s h6" fill="#fff" stroke="#000"/></g>`, f(x+3), f(y), f(x+3), f(y+4), f(x+3), f(y+8), f(x+3), f(y+12))
	}
}

func (s *svgWriter) event(sh *Shape, n *Node) {
	b := sh.Bounds
	cx, cy := b.X+b.Width/2, b.Y+b.Height/2
	r := min(b.Width, b.Height) / 2
	dash := ""
	if (n.Kind == "boundaryEvent" && !n.CancelActivity) || (n.Kind == "startEvent" && !n.Interrupting) {
		dash = ` stroke-dasharray="5,3"`
	}
	switch n.Kind {
	case "startEvent":
		s.p(`<circle cx="%s" cy="%s" r="%s" fill="#fff" stroke="#000" stroke-width="1.5"%s/>`, f(cx), f(cy), f(r), dash)
	case "endEvent":
		s.p(`<circle cx="%s" cy="%s" r="%s" fill="#fff" stroke="#000" stroke-width="4"/>`, f(cx), f(cy), f(r))
	default:
		s.p(`<circle cx="%s" cy="%s" r="%s" fill="#fff" stroke="#000" stroke-width="1.5"%s/><circle cx="%s" cy="%s" r="%s" fill="none" stroke="#000"%s/>`,
			f(cx), f(cy), f(r), dash, f(cx), f(cy), f(max(r-3, 1)), dash)
	}
	filled := n.Kind == "endEvent" || n.Kind == "intermediateThrowEvent" || n.Kind == "implicitThrowEvent"
	if len(n.EventDefinitions) > 1 {
		// multiple: a pentagon
		s.p(`<path d="%s" fill="%s" stroke="#000"/>`, polygon(cx, cy, r*0.55, 5), fillOf(filled))
	} else if len(n.EventDefinitions) == 1 {
		s.eventMarker(cx, cy, r, n.EventDefinitions[0], filled)
	}
	s.label(sh, n)
}

func fillOf(filled bool) string {
	if filled {
		return "#000"
	}
	return "#fff"
}

func polygon(cx, cy, r float64, k int) string {
	var b strings.Builder
	for i := range k {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(k)
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString(" L")
		}
		b.WriteString(f(math.Round((cx+r*math.Cos(a))*100)/100) + "," + f(math.Round((cy+r*math.Sin(a))*100)/100))
	}
	b.WriteString(" z")
	return b.String()
}

func (s *svgWriter) eventMarker(cx, cy, r float64, def string, filled bool) {
	k := r / 18 // markers are drawn for a radius of 18
	fill := fillOf(filled)
	inv := "#000"
	if filled {
		inv = "#fff"
	}
	t := func(format string, args ...any) {
		s.p(`<g class="marker" transform="translate(%s %s) scale(%s)">`, f(cx), f(cy), strconv.FormatFloat(math.Round(k*1000)/1000, 'f', -1, 64))
		s.p(format, args...)
		s.p(`</g>`)
	}
	switch def {
	case "message":
		t(`<rect x="-9" y="-6" width="18" height="12" fill="%s" stroke="#000"/><path d="M-9,-6 l9,6 l9,-6" fill="none" stroke="%s"/>`, fill, inv)
	case "timer":
		t(`<circle r="10" fill="#fff" stroke="#000" stroke-width="1.5"/><path d="M0,-10 v3 M0,10 v-3 M-10,0 h3 M10,0 h-3 M0,0 l0,-7 M0,0 l5,3" stroke="#000"/>`)
	case "signal":
		t(`<path d="M0,-10 L9,6 L-9,6 z" fill="%s" stroke="#000"/>`, fill)
	case "error":
		t(`<path d="M-9,8 L-4,-8 L2,2 L7,-8 L4,9 L-1,-1 z" fill="%s" stroke="#000"/>`, fill)
	case "escalation":
		t(`<path d="M0,-10 L7,8 L0,2 L-7,8 z" fill="%s" stroke="#000"/>`, fill)
	case "conditional":
		t(`<rect x="-7" y="-9" width="14" height="18" fill="#fff" stroke="#000"/><path d="M-4,-5 h8 M-4,-1 h8 M-4,3 h8 M-4,7 h8" stroke="#000"/>`)
	case "link":
		t(`<path d="M-8,-3 h8 v-5 l8,8 l-8,8 v-5 h-8 z" fill="%s" stroke="#000"/>`, fill)
	case "compensate":
		t(`<path d="M-10,0 l8,-6 v12 z M-2,0 l8,-6 v12 z" fill="%s" stroke="#000"/>`, fill)
	case "cancel":
		t(`<path d="M-7,-7 L7,7 M7,-7 L-7,7" stroke="#000" stroke-width="4"/>`)
	case "terminate":
		t(`<circle r="10" fill="#000"/>`)
	}
}

func (s *svgWriter) gateway(sh *Shape, n *Node) {
	b := sh.Bounds
	cx, cy := b.X+b.Width/2, b.Y+b.Height/2
	s.p(`<path d="M%s,%s L%s,%s L%s,%s L%s,%s z" fill="#fff" %s/>`, f(cx), f(b.Y), f(b.X+b.Width), f(cy), f(cx), f(b.Y+b.Height), f(b.X), f(cy), stroke)
	k := min(b.Width, b.Height) / 50
	g := func(body string) {
		s.p(`<g class="marker" transform="translate(%s %s) scale(%s)">%s</g>`, f(cx), f(cy), strconv.FormatFloat(math.Round(k*1000)/1000, 'f', -1, 64), body)
	}
	switch n.Kind {
	case "exclusiveGateway":
		if sh.MarkerVisible != nil && *sh.MarkerVisible {
			g(`<path d="M-8,-10 L8,10 M8,-10 L-8,10" stroke="#000" stroke-width="4"/>`)
		}
	case "parallelGateway":
		g(`<path d="M0,-12 V12 M-12,0 H12" stroke="#000" stroke-width="4"/>`)
	case "inclusiveGateway":
		g(`<circle r="10" fill="none" stroke="#000" stroke-width="3"/>`)
	case "complexGateway":
		g(`<path d="M0,-12 V12 M-12,0 H12 M-8,-8 L8,8 M8,-8 L-8,8" stroke="#000" stroke-width="3"/>`)
	case "eventBasedGateway":
		g(`<circle r="12" fill="none" stroke="#000"/><circle r="9" fill="none" stroke="#000"/><path d="` + polygon(0, 0, 6, 5) + `" fill="none" stroke="#000"/>`)
	}
	s.label(sh, n)
}

func (s *svgWriter) data(sh *Shape, v *DataNode) {
	b := sh.Bounds
	switch v.Kind {
	case "dataStoreReference":
		ry := min(b.Height/6, 8)
		s.p(`<path d="M%s,%s a%s,%s 0 0,0 %s,0 a%s,%s 0 0,0 -%s,0 v%s a%s,%s 0 0,0 %s,0 v-%s" fill="#fff" %s/>`,
			f(b.X), f(b.Y+ry), f(b.Width/2), f(ry), f(b.Width), f(b.Width/2), f(ry), f(b.Width), f(b.Height-2*ry), f(b.Width/2), f(ry), f(b.Width), f(b.Height-2*ry), stroke)
	default:
		c := min(b.Width, b.Height) / 3
		s.p(`<path d="M%s,%s h%s l%s,%s v%s h-%s z M%s,%s v%s h%s" fill="#fff" %s/>`,
			f(b.X), f(b.Y), f(b.Width-c), f(c), f(c), f(b.Height-c), f(b.Width), f(b.X+b.Width-c), f(b.Y), f(c), f(c), stroke)
		if v.Kind == "dataInput" || v.Kind == "dataOutput" {
			fill := "#fff"
			if v.Kind == "dataOutput" {
				fill = "#000"
			}
			s.p(`<path d="M%s,%s h5 v-3 l5,5 l-5,5 v-3 h-5 z" fill="%s" stroke="#000"/>`, f(b.X+3), f(b.Y+7), fill)
		}
		if v.Collection {
			s.bottomMarker(b.X+b.Width/2-6, b.Y+b.Height-14, "parallel")
		}
	}
	if v.Name != "" {
		s.text(b.X+b.Width/2-50, b.Y+b.Height+4, 100, 0, v.Name, "middle", false)
	}
}

func (s *svgWriter) edge(e *Edge) {
	if len(e.Waypoints) < 2 {
		return
	}
	var pts strings.Builder
	for i, w := range e.Waypoints {
		if i > 0 {
			pts.WriteByte(' ')
		}
		pts.WriteString(f(w.X) + "," + f(w.Y))
	}
	var class, attrs, name string
	switch v := s.d.Lookup(e.Element).(type) {
	case *SequenceFlow:
		class, name = "sequence-flow", v.Name
		attrs = ` stroke="#000" stroke-width="1.5" marker-end="url(#seq-end)"`
		if src := s.d.Node(v.Source); src != nil && v.HasCondition && src.Category == Activity {
			attrs += ` marker-start="url(#cond-start)"`
		}
		if src := s.d.Node(v.Source); src != nil && src.Default == v.ID {
			a, b := e.Waypoints[0], e.Waypoints[1]
			l := math.Hypot(b.X-a.X, b.Y-a.Y)
			if l > 0 {
				ux, uy := (b.X-a.X)/l, (b.Y-a.Y)/l
				mx, my := a.X+ux*10, a.Y+uy*10
				s.p(`<path class="default-marker" d="M%s,%s L%s,%s" stroke="#000" stroke-width="1.5"/>`,
					f(mx-uy*5-ux*3), f(my+ux*5-uy*3), f(mx+uy*5+ux*3), f(my-ux*5+uy*3))
			}
		}
	case *MessageFlow:
		class, name = "message-flow", v.Name
		attrs = ` stroke="#000" stroke-width="1.5" stroke-dasharray="6,4" marker-start="url(#msg-start)" marker-end="url(#msg-end)"`
	case *Association:
		class = "association"
		attrs = ` stroke="#000" stroke-dasharray="2,3"`
		if v.Direction == "One" || v.Direction == "Both" {
			attrs += ` marker-end="url(#assoc-end)"`
		}
	case *DataAssociation:
		class = "data-association"
		attrs = ` stroke="#000" stroke-dasharray="2,3" marker-end="url(#assoc-end)"`
	default:
		class = "unknown-edge"
		attrs = ` stroke="#999" stroke-dasharray="4,4"`
	}
	s.p(`<polyline class="bpmn-edge %s" data-element-id="%s" points="%s" fill="none"%s/>`, class, esc(e.Element), pts.String(), attrs)
	if name = oneLine(name); name != "" {
		if l := e.Label; l != nil && l.Width > 0 {
			w := max(l.Width, 90)
			s.text(l.X+l.Width/2-w/2, l.Y, w, 0, name, "middle", false)
		} else {
			a, b := midSegment(e.Waypoints)
			s.text((a.X+b.X)/2-50, (a.Y+b.Y)/2-16, 100, 0, name, "middle", false)
		}
		s.p("\n")
	}
	s.p("\n")
}

func midSegment(ws []Point) (Point, Point) {
	i := (len(ws) - 1) / 2
	return ws[i], ws[i+1]
}
