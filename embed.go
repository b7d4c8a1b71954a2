// Package hirelint holds the default rule set, embedded in the binary.
// The engine is in package linter, the rule kinds in package rules and the
// command in cmd/hirelint.
package hirelint

import _ "embed"

// DefaultRules is rules.toml: the built-in rule instances.
//
//go:embed rules.toml
var DefaultRules []byte

// DefaultRulesName names the built-in rule set in messages.
const DefaultRulesName = "rules.toml (built-in)"
