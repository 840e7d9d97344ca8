// Package kosit reads a KoSIT validator configuration (a scenarios.xml in
// the namespace nsScenarios, as XRechnung and other standards
// publish it) and checks messages the way the KoSIT validator
// ("Prüftool") does: each message goes through the one scenario whose
// match XPath is true, which validates it with XML Schema and Schematron,
// and gets the validator's verdict, accept or reject.
//
// # Reading a configuration
//
// [Load] reads the configuration once. Configurations come in two forms:
// the built distribution (resource paths below the configuration's
// directory, Schematron compiled to XSLT) and the source form with Ant
// placeholders such as @xrechnung.version@. [Options.Properties] fills the
// placeholders; one that a match, acceptMatch, customLevel or resource
// location still holds is an error naming it. Resource locations are
// relative to [Options.Repository] (default: the configuration's
// directory); what is not there is looked up in [Options.Resources]. ozgctl
// runs Schematron sources, not XSLT: a resource "X.xsl" is the Schematron
// source "X.sch" of the same base name, searched in the same places.
//
// # Verdict
//
// As the KoSIT validator (ComputeAcceptanceAction, default-report.xsl):
// a message that is not well-formed, or that no scenario or more than one
// scenario matches, is rejected (the fallback scenario). A message that
// is not schema-valid is rejected. Otherwise, with an acceptMatch the
// verdict is that XPath evaluated on the message's VARL report, whose
// rep:assessment rejects when any message's level after the customLevel
// overrides is error; without one the message is accepted when no
// Schematron assertion failed.
//
// [Stages] returns the stages of a check pipeline; the verdict lands in
// [finding.FileResult.Assessment], as a finding kosit:accept (info) or
// kosit:reject (error), and in the report format "kosit" of package
// report.
package kosit
