package rules

import "github.com/hirelint/hirelint/linter"

// Kinds returns every rule kind, in the order `hirelint rules --kinds`
// lists them. Adding a kind means adding it here.
func Kinds() []linter.Kind {
	return []linter.Kind{
		phraseKind{},
		patternKind{},
		requireKind{},
		countKind{},
		metricKind{},
		yearsKind{},
		balanceKind{},
		sectionsKind{},
		directiveKind{},
		duplicatesKind{},
	}
}
