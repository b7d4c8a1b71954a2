package rules

import "github.com/hirelint/hirelint/linter"

// DirectiveOptions: the directive kind has no options.
type DirectiveOptions struct{}

type directiveKind struct{}

func (directiveKind) Name() string { return "directive" }
func (directiveKind) Summary() string {
	return "problems with inline hirelint-disable/enable directives, reported by the engine (the rule gives id, severity and message)"
}
func (directiveKind) NewOptions() any { return &DirectiveOptions{} }

// directiveRule finds nothing itself: the engine reports directive problems
// under the ids linter.InvalidDirective and linter.UnusedDirective, using
// the rule's configuration.
type directiveRule struct{}

func (directiveKind) Build(any) (linter.Rule, error) { return directiveRule{}, nil }
func (directiveRule) Check(*linter.Pass)             {}
