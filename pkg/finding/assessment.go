package finding

import "time"

// Assessment is the verdict a validator configuration (a KoSIT
// scenarios.xml, check --kosit-config) gives one message: the scenario it
// chose, the validation steps it ran and whether it recommends accepting
// the message. Reporters of the KoSIT report format (VARL) render it; the
// findings of the steps are also the FileResult's findings.
type Assessment struct {
	// Accept is the verdict: true recommends accepting the message.
	Accept bool `json:"accept"`
	// Scenario is the name of the scenario that matched; empty when none
	// did and the fallback rejected the message.
	Scenario string `json:"scenario,omitempty"`
	// ScenarioXML is the matched scenario as an s:scenario element, for
	// reports that copy it; empty when none matched.
	ScenarioXML string `json:"-"`
	// Valid is false when no scenario matched or a step found a warning
	// or an error (the VARL report's valid attribute).
	Valid bool `json:"-"`
	// Steps are the validation steps in the order they ran: val-xml (only
	// for a message that is not well-formed), val-xsd, val-sch.1, ….
	Steps []AssessmentStep `json:"steps,omitempty"`
	// DocumentHash is the SHA-256 digest of the message, base64-encoded.
	DocumentHash string `json:"-"`
	// Time is when the message was checked.
	Time time.Time `json:"-"`
}

// AssessmentStep is one validation step of an [Assessment].
type AssessmentStep struct {
	// ID is the step's id in the report: val-xml, val-xsd or val-sch.N.
	ID string `json:"id"`
	// Resources are the schema or rule files of the step (name and
	// location as the configuration gives them).
	Resources []AssessmentResource `json:"resources,omitempty"`
	// Valid is true when no message of the step is a warning or an error.
	Valid bool `json:"valid"`
	// Messages are the step's findings with their levels.
	Messages []AssessmentMessage `json:"-"`
}

// AssessmentResource names a file a step used.
type AssessmentResource struct {
	Name     string `json:"name"`
	Location string `json:"location"`
}

// AssessmentMessage is one finding of a step: Level is the level the
// engine gave it (error, warning or information), CustomLevel the level
// after the configuration's customLevel overrides, which decides the
// verdict; the Finding's severity follows CustomLevel.
type AssessmentMessage struct {
	Level       string  `json:"level"`
	CustomLevel string  `json:"customLevel"`
	Finding     Finding `json:"finding"`
}
