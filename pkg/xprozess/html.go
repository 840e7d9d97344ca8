package xprozess

import (
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/bpmn"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
)

// HTMLOptions tune [HTML].
type HTMLOptions struct {
	Lang  string
	Forms *FormIndex
	// BaseURI is passed to the form generator (default fim convert's).
	BaseURI string
}

var htmlText = struct {
	diagram, steps, forms, profile, noModel, next, end, lane, attached, notFound, contents Text
}{
	diagram: Text{DE: "Diagramm", EN: "Diagram"}, steps: Text{DE: "Ablauf", EN: "Steps"}, forms: Text{DE: "Formulare", EN: "Forms"},
	profile: Text{DE: "Steckbrief", EN: "Profile"}, noModel: Text{DE: "Der Prozess enthält kein lesbares BPMN-Modell.", EN: "The process contains no readable BPMN model."},
	next: Text{DE: "weiter mit", EN: "then"}, end: Text{DE: "Ende", EN: "end"}, lane: Text{DE: "Bahn", EN: "lane"},
	attached: Text{DE: "angeheftet an", EN: "attached to"}, notFound: Text{DE: "nicht gefunden", EN: "not found"},
	contents: Text{DE: "Inhalt", EN: "Contents"},
}

const htmlCSS = `body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;display:flex}
nav{position:sticky;top:0;align-self:flex-start;width:16rem;max-height:100vh;overflow:auto;padding:1rem;border-right:1px solid #ddd;box-sizing:border-box;background:#fafafa}
nav ul{list-style:none;padding-left:.8rem;margin:.2rem 0}nav>ul{padding-left:0}nav a{color:#0b4f8a;text-decoration:none}nav a:hover{text-decoration:underline}
main{flex:1;min-width:0;padding:1rem 2rem 4rem}h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
.diagram{overflow:auto;border:1px solid #ddd;max-height:80vh;background:#fff}.diagram svg{display:block}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
ol.steps li{margin:.15rem 0}.kind{color:#555;font-size:.9em}.step:target{background:#fff3bf}
iframe{width:100%;height:80vh;border:1px solid #ddd}
@media print{nav{display:none}iframe{height:auto}}`

// HTML writes one self-contained page for a process: its profile, the
// diagram (the SVG of [bpmn.SVG], inline), the steps in flow order (linked
// to each other), and the linked forms, each rendered by the fim convert
// HTML form generator inside an iframe (srcdoc), with a navigation bar.
// p may be nil (a plain BPMN model), def may be nil (no model). No
// external loads; deterministic.
func HTML(def *bpmn.Definitions, p *Prozess, opts HTMLOptions) ([]byte, error) {
	lang := opts.Lang
	if opts.BaseURI == "" {
		opts.BaseURI = fimconvert.DefaultBaseURI
	}
	title := ""
	if p != nil {
		title = firstNonEmpty(p.Name, p.ID)
	}
	if title == "" && def != nil {
		title = firstNonEmpty(def.Name, def.ID)
		for _, pr := range def.Processes {
			if title == "" || title == def.ID {
				title = firstNonEmpty(pr.Name, title)
			}
		}
	}
	var body, nav strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&body, "<h1>%s</h1>\n", e(oneLine(title)))
	if p != nil {
		fmt.Fprintf(&nav, `<li><a href="#steckbrief">%s</a></li>`, htmlText.profile.In(lang))
		fmt.Fprintf(&body, "<section id=\"steckbrief\"><h2>%s</h2>\n<dl>\n", htmlText.profile.In(lang))
		row := func(k, v string) {
			if strings.TrimSpace(v) != "" {
				fmt.Fprintf(&body, "<dt>%s</dt><dd>%s</dd>\n", e(k), e(oneLine(v)))
			}
		}
		row("ID", p.ID)
		row("Version", p.Version)
		row(mdText.name.In(lang), p.Bezeichnung)
		row(mdText.stelle.In(lang), p.FachlichFreigebendeStelle)
		if s := p.Steckbrief; s != nil {
			row(mdText.definition.In(lang), s.Definition)
			row(mdText.beschreibung.In(lang), s.Beschreibung)
			for _, a := range s.Ausloeser {
				row(mdText.ausloeser.In(lang), a.Label())
			}
			var ts []string
			for _, t := range s.Teilnehmer {
				ts = append(ts, t.Name)
			}
			row(mdText.teilnehmer.In(lang), strings.Join(ts, "; "))
			row(mdText.detail.In(lang), s.Detaillierungsstufe.Code)
		}
		body.WriteString("</dl>\n</section>\n")
	}
	if def != nil {
		fmt.Fprintf(&nav, `<li><a href="#diagramm">%s</a></li>`, htmlText.diagram.In(lang))
		fmt.Fprintf(&body, "<section id=\"diagramm\"><h2>%s</h2>\n<div class=\"diagram\">\n", htmlText.diagram.In(lang))
		body.Write(bpmn.SVG(def, bpmn.SVGOptions{}))
		body.WriteString("</div>\n</section>\n")
		fmt.Fprintf(&nav, `<li><a href="#ablauf">%s</a><ul>`, htmlText.steps.In(lang))
		fmt.Fprintf(&body, "<section id=\"ablauf\"><h2>%s</h2>\n", htmlText.steps.In(lang))
		writeHTMLSteps(&body, &nav, def, lang)
		body.WriteString("</section>\n")
		nav.WriteString("</ul></li>")
	} else {
		fmt.Fprintf(&body, "<p>%s</p>\n", htmlText.noModel.In(lang))
	}
	if p != nil && opts.Forms != nil {
		links := opts.Forms.Resolve(p)
		seen := map[string]bool{}
		var formNav strings.Builder
		var formBody strings.Builder
		for _, l := range links {
			if l.Status == FormText || seen[l.Ref.ID()] {
				continue
			}
			seen[l.Ref.ID()] = true
			anchor := "form-" + slug(l.Ref.ID())
			if l.Status != FormFound {
				fmt.Fprintf(&formBody, "<h3 id=\"%s\">%s</h3><p>%s → %s (%s)</p>\n", anchor, e(l.Ref.ID()), e(l.Ref.ID()), e(l.SchemaID), htmlText.notFound.In(lang))
				continue
			}
			c, err := fimconvert.New(l.Form.Doc, fimconvert.Options{BaseURI: opts.BaseURI})
			if err != nil {
				return nil, fmt.Errorf("form %s: %w", l.Ref.ID(), err)
			}
			page, err := c.Convert("html")
			if err != nil {
				return nil, fmt.Errorf("form %s: %w", l.Ref.ID(), err)
			}
			s := l.Form.Doc.Schema
			label := fmt.Sprintf("%s → %s %s", l.Ref.ID(), s.Identifier.String(), oneLine(s.Label()))
			fmt.Fprintf(&formNav, `<li><a href="#%s">%s</a></li>`, anchor, e(l.Ref.ID()+" "+s.Identifier.ID))
			fmt.Fprintf(&formBody, "<h3 id=\"%s\">%s</h3>\n<iframe title=\"%s\" srcdoc=\"%s\"></iframe>\n", anchor, e(label), e(label), e(string(page)))
		}
		if formBody.Len() > 0 {
			fmt.Fprintf(&nav, `<li><a href="#formulare">%s</a><ul>%s</ul></li>`, htmlText.forms.In(lang), formNav.String())
			fmt.Fprintf(&body, "<section id=\"formulare\"><h2>%s</h2>\n%s</section>\n", htmlText.forms.In(lang), formBody.String())
		}
	}
	htmlLang := "de"
	if lang == "en" {
		htmlLang = "en"
	}
	var out strings.Builder
	fmt.Fprintf(&out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n<nav aria-label=\"%s\"><ul>%s</ul></nav>\n<main>\n%s</main>\n</body>\n</html>\n",
		htmlLang, e(oneLine(title)), htmlCSS, htmlText.contents.In(lang), nav.String(), body.String())
	return []byte(out.String()), nil
}

func writeHTMLSteps(b, nav *strings.Builder, def *bpmn.Definitions, lang string) {
	e := html.EscapeString
	var procs []*bpmn.Process
	seen := map[string]bool{}
	pool := map[string]string{}
	for _, part := range def.Participants() {
		if pr := def.Process(part.ProcessRef); pr != nil && !seen[pr.ID] {
			seen[pr.ID] = true
			procs = append(procs, pr)
			pool[pr.ID] = firstNonEmpty(part.Name, part.ID)
		}
	}
	for _, pr := range def.Processes {
		if !seen[pr.ID] {
			seen[pr.ID] = true
			procs = append(procs, pr)
		}
	}
	for i, pr := range procs {
		if len(pr.Nodes) == 0 {
			continue
		}
		name := oneLine(firstNonEmpty(pool[pr.ID], pr.Name, pr.ID))
		anchor := fmt.Sprintf("pool-%d", i+1)
		fmt.Fprintf(nav, `<li><a href="#%s">%s</a></li>`, anchor, e(name))
		fmt.Fprintf(b, "<h3 id=\"%s\">%s</h3>\n", anchor, e(name))
		htmlScope(b, def, &pr.Scope, lang, true)
	}
}

func htmlScope(b *strings.Builder, def *bpmn.Definitions, s *bpmn.Scope, lang string, top bool) {
	e := html.EscapeString
	nodes := bpmn.FlowOrder(def, s)
	num := map[string]int{}
	for i, n := range nodes {
		num[n.ID] = i + 1
	}
	b.WriteString("<ol class=\"steps\">\n")
	for _, n := range nodes {
		fmt.Fprintf(b, "<li class=\"step\" id=\"step-%s\"><strong>%s</strong> <span class=\"kind\">(%s", e(slug(n.ID)), e(oneLine(firstNonEmpty(n.Name, n.ID))), e(bpmn.KindLabel(n.Kind, lang)))
		if len(n.EventDefinitions) > 0 {
			fmt.Fprintf(b, ", %s", e(strings.Join(n.EventDefinitions, ", ")))
		}
		b.WriteString(")</span>")
		if l, ok := def.Lookup(n.Lane).(*bpmn.Lane); ok && top {
			fmt.Fprintf(b, " — %s: %s", htmlText.lane.In(lang), e(oneLine(firstNonEmpty(l.Name, l.ID))))
		}
		if n.Kind == "boundaryEvent" {
			if host := def.Node(n.AttachedTo); host != nil {
				fmt.Fprintf(b, " — %s <a href=\"#step-%s\">%d</a>", htmlText.attached.In(lang), e(slug(host.ID)), num[host.ID])
			}
		}
		var next []string
		for _, fid := range n.Outgoing {
			f, ok := def.Lookup(fid).(*bpmn.SequenceFlow)
			if !ok {
				continue
			}
			k, ok := num[f.Target]
			if !ok {
				continue
			}
			label := oneLine(firstNonEmpty(f.Name, f.Condition))
			link := fmt.Sprintf("<a href=\"#step-%s\">%d</a>", e(slug(f.Target)), k)
			if label != "" {
				link = e(label) + " → " + link
			}
			next = append(next, link)
		}
		slices.Sort(next)
		switch {
		case len(next) > 0:
			fmt.Fprintf(b, " — %s %s", htmlText.next.In(lang), strings.Join(next, "; "))
		case n.Kind != "endEvent":
			fmt.Fprintf(b, " — %s", htmlText.end.In(lang))
		}
		if n.Children != nil && len(n.Children.Nodes) > 0 {
			b.WriteString("\n")
			htmlScope(b, def, n.Children, lang, false)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n")
}
