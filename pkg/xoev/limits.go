package xoev

import (
	"github.com/ozgctl/ozgctl/internal/xmllimit"
	"github.com/ozgctl/ozgctl/internal/xmlmsg"
)

// RuleXMLLimit is the rule of a message that exceeds a limit the readers
// set to bound memory and recursion (a text node larger than
// --max-text-size, nesting deeper than --max-depth). It is a finding about
// the message, never reported as not well-formed; its text names the
// limit, its value and the flag that raises it.
const RuleXMLLimit = xmlmsg.RuleLimit

// Limits bound what a message may hold, for every engine that reads it:
// XSD validation (jacoelho streams; helium builds a tree), Schematron and
// profile rules. A zero field takes its default (a text node of 64 MiB,
// 256 levels); a negative one means no limit. jacoelho holds one text
// node at a time, so memory during validation grows with the largest node
// up to MaxTextSize, not beyond it.
type Limits = xmllimit.Limits

// Defaults of [Limits].
const (
	DefaultMaxTextSize = xmllimit.DefaultMaxTextSize
	DefaultMaxDepth    = xmllimit.DefaultMaxDepth
)

// jacoelhoAttributes is jacoelho/xsd's default limit of attributes per
// element, which ozgctl keeps.
const jacoelhoAttributes = 4096
