package convert

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/stdtemplate/html/template"
)

//go:embed templates/form.html.tmpl
var formTemplateText string

// formTemplate is parsed on first use, not at start-up.
var formTemplate = lazy.Value[*template.Template]{F: func() *template.Template {
	return template.Must(template.New("form").Parse(formTemplateText))
}}

type formPage struct {
	Title       string
	Description string
	Ident       string
	SchemaID    string
	FileName    string
	Form        template.HTML
	Rules       []string
}

func genHTML(m *model, b *bytes.Buffer) error {
	w := &formWriter{}
	w.members(m.RootMembers, "f", true)
	page := formPage{
		Title:       m.Title,
		Description: m.Description,
		Ident:       kindWord(m.doc.Kind) + " " + m.doc.Root().Identifier.String(),
		SchemaID:    m.SchemaID,
		FileName:    strings.ToLower(m.ID) + ".json",
		Form:        template.HTML(w.b.String()),
		Rules:       ruleTexts(m.Rules),
	}
	return formTemplate.Get().Execute(b, page)
}

type formWriter struct {
	b bytes.Buffer
}

func (w *formWriter) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// esc escapes text and attribute values.
func esc(s string) string { return html.EscapeString(s) }

func (w *formWriter) members(props []*prop, prefix string, top bool) {
	w.printf(`<div class="members">`)
	for _, p := range props {
		w.prop(p, prefix)
	}
	w.printf(`</div>`)
}

// prop writes one place: a wrapper carrying the JSON key and cardinality,
// holding the value (single) or the items with an add button and a
// template for new items (array).
func (w *formWriter) prop(p *prop, prefix string) {
	d := p.Def
	id := prefix + "-" + p.Key
	if d.Label {
		text := firstNonEmpty(d.Field.Inhalt, d.title())
		w.printf(`<div class="label-text" id="%s"><p>%s</p>`, esc(id), nl2br(text))
		if h := d.help(); h != "" && h != text {
			w.printf(`<p class="help">%s</p>`, nl2br(h))
		}
		w.printf(`</div>`)
		return
	}
	if !p.array() {
		w.printf(`<div class="prop" data-key="%s" data-card="single" data-required="%t">`, esc(p.Key), p.required())
		w.value(p, id, "")
		w.printf(`</div>`)
		return
	}
	w.printf(`<div class="prop array" data-key="%s" data-card="array" data-min="%d" data-max="%d" id="%s" role="group" aria-labelledby="%s-title">`,
		esc(p.Key), p.Min, p.Max, esc(id), esc(id))
	w.printf(`<p class="array-title" id="%s-title">%s%s <span class="card">(%s)</span></p>`, esc(id), esc(d.title()), reqMark(p.required()), esc(cardWords(p)))
	w.printf(`<div class="items">`)
	for i := 1; i <= p.Min; i++ {
		w.item(p, id+"-"+strconv.Itoa(i), i)
	}
	w.printf(`</div>`)
	w.printf(`<p class="err" id="%s-err" hidden></p>`, esc(id))
	w.printf(`<button type="button" class="add" data-label="%s">%s hinzufügen</button>`, esc(d.title()), esc(d.title()))
	w.printf(`<template>`)
	w.item(p, id+"-__N__", 0)
	w.printf(`</template>`)
	w.printf(`</div>`)
}

func (w *formWriter) item(p *prop, id string, n int) {
	w.printf(`<div class="item">`)
	num := ""
	if n > 0 {
		num = strconv.Itoa(n)
	}
	w.value(p, id, num)
	w.printf(`<button type="button" class="remove">Eintrag entfernen</button></div>`)
}

func reqMark(required bool) string {
	if required {
		return `<span class="req" aria-hidden="true"> *</span>`
	}
	return ""
}

func cardWords(p *prop) string {
	switch {
	case p.Max == fim.Unbounded && p.Min == 0:
		return "beliebig viele"
	case p.Max == fim.Unbounded:
		return fmt.Sprintf("mindestens %d", p.Min)
	case p.Min == 0:
		return fmt.Sprintf("höchstens %d", p.Max)
	}
	return fmt.Sprintf("%d bis %d", p.Min, p.Max)
}

func nl2br(s string) string {
	return strings.ReplaceAll(esc(txt(s)), "\n", "<br>")
}

// value writes the input(s) of a field or the fieldset of a group. num is
// the item number shown in a repeated group's legend.
func (w *formWriter) value(p *prop, id, num string) {
	d := p.Def
	required := p.required() || p.array()
	if d.Group != nil {
		w.printf(`<fieldset class="value group" id="%s">`, esc(id))
		legend := esc(d.title())
		if p.array() {
			legend += ` <span class="num">` + num + `</span>`
		} else if !p.required() {
			legend += ` <span class="opt">(optional)</span>`
		}
		w.printf(`<legend>%s</legend>`, legend)
		if h := d.help(); h != "" {
			w.printf(`<p class="help">%s</p>`, nl2br(h))
		}
		w.members(d.Members, id, false)
		w.printf(`</fieldset>`)
		return
	}
	help := d.help()
	var describedBy []string
	if help != "" {
		describedBy = append(describedBy, id+"-help")
	}
	describedBy = append(describedBy, id+"-err")
	aria := fmt.Sprintf(` aria-describedby="%s"`, esc(strings.Join(describedBy, " ")))
	if required {
		aria += ` aria-required="true"`
	}
	data := w.constraintAttrs(d)
	helpHTML := ""
	if help != "" {
		helpHTML = fmt.Sprintf(`<p class="help" id="%s-help">%s</p>`, esc(id), nl2br(help))
	}
	errHTML := fmt.Sprintf(`<p class="err" id="%s-err" hidden></p>`, esc(id))
	title := esc(d.title())
	if p.array() {
		title += ` <span class="num">` + num + `</span>`
	}
	if d.Kind == kBoolean {
		w.printf(`<fieldset class="value field bool" id="%s"%s%s><legend>%s%s</legend>%s<div class="choices">`, esc(id), data, aria, title, reqMark(required), helpHTML)
		for _, c := range []struct{ v, l string }{{"true", "Ja"}, {"false", "Nein"}} {
			checked := ""
			if d.Default == c.v {
				checked = " checked"
			}
			w.printf(`<span class="choice"><input type="radio" id="%s-%s" name="%s" value="%s"%s><label for="%s-%s">%s</label></span>`,
				esc(id), c.v, esc(id), c.v, checked, esc(id), c.v, c.l)
		}
		w.printf(`</div>%s</fieldset>`, errHTML)
		return
	}
	w.printf(`<div class="value field"%s>`, data)
	w.printf(`<label for="%s">%s%s</label>%s`, esc(id), title, reqMark(required), helpHTML)
	common := fmt.Sprintf(` id="%s" name="%s"%s`, esc(id), esc(id), aria)
	if required {
		common += " required"
	}
	if d.ReadOnly {
		common += " readonly"
	}
	val := ""
	if d.Default != "" {
		val = fmt.Sprintf(` value="%s"`, esc(d.Default))
	}
	switch {
	case len(d.Codes) > 0:
		w.printf(`<select%s><option value="">Bitte auswählen</option>`, common)
		for _, c := range d.Codes {
			sel := ""
			if c.Code == d.Default {
				sel = " selected"
			}
			label := c.Name
			if label == "" {
				label = c.Code
			}
			w.printf(`<option value="%s"%s>%s</option>`, esc(c.Code), sel, esc(label))
		}
		w.printf(`</select>`)
	case d.Kind == kFile:
		accept := ""
		if len(d.Field.MediaTypes) > 0 {
			accept = fmt.Sprintf(` accept="%s"`, esc(strings.Join(d.Field.MediaTypes, ",")))
		}
		w.printf(`<input type="file"%s%s>`, common, accept)
	case d.Format == "date":
		w.printf(`<input type="date"%s%s>`, common, val)
	case d.Format == "time":
		w.printf(`<input type="time" step="1"%s>`, common)
	case d.Format == "date-time":
		w.printf(`<input type="datetime-local" step="1"%s>`, common)
	case d.Kind == kInteger:
		w.printf(`<input type="text" inputmode="numeric"%s%s>`, common, val)
	case d.Kind == kNumber:
		w.printf(`<input type="text" inputmode="decimal"%s%s>`, common, val)
	case d.MaxLength == nil || *d.MaxLength > 200:
		w.printf(`<textarea rows="3"%s>%s</textarea>`, common, esc(d.Default))
	default:
		size := ""
		if d.MaxLength != nil && *d.MaxLength < 30 {
			size = fmt.Sprintf(` size="%d"`, max(*d.MaxLength, 5))
		}
		w.printf(`<input type="text"%s%s%s>`, common, size, val)
	}
	if d.Field.Feldart == fim.FeldartHidden {
		// hidden fields keep their preset value; shown read-only so the
		// exported data is transparent to the applicant
		w.printf(`<p class="help">Vorbelegt, nicht änderbar.</p>`)
	}
	w.printf(`%s</div>`, errHTML)
}

// constraintAttrs are the data attributes the form's script validates with;
// they carry exactly the JSON Schema's constraints.
func (w *formWriter) constraintAttrs(d *def) string {
	var b strings.Builder
	kind := map[valueKind]string{kString: "string", kInteger: "integer", kNumber: "number", kBoolean: "boolean", kFile: "file"}[d.Kind]
	fmt.Fprintf(&b, ` data-kind="%s"`, kind)
	if d.Format != "" {
		fmt.Fprintf(&b, ` data-format="%s"`, d.Format)
	}
	if d.MinLength != nil {
		fmt.Fprintf(&b, ` data-minlength="%d"`, *d.MinLength)
	}
	if d.MaxLength != nil {
		fmt.Fprintf(&b, ` data-maxlength="%d"`, *d.MaxLength)
	}
	if d.Pattern != nil {
		fmt.Fprintf(&b, ` data-pattern="%s"`, esc(d.Pattern.ECMA()))
	}
	if d.Minimum != "" {
		fmt.Fprintf(&b, ` data-min="%s"`, d.Minimum)
	}
	if d.Maximum != "" {
		fmt.Fprintf(&b, ` data-max="%s"`, d.Maximum)
	}
	if d.Currency {
		b.WriteString(` data-currency="true"`)
	}
	return b.String()
}
