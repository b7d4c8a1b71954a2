package rules

import (
	"crypto/sha256"
	"encoding/hex"

	hirelint "github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
)

// LoadDefault returns the built-in rule set. Its [[rule]] tables come
// decoded ahead of time from builtin_gen.go, generated from rules.toml, so
// loading parses no TOML; when rules.toml has changed since (its hash
// differs), it is parsed as any config file is.
func LoadDefault() (*linter.Config, error) {
	c := linter.NewConfig(Kinds())
	sum := sha256.Sum256(hirelint.DefaultRules)
	if hex.EncodeToString(sum[:]) == builtinSHA256 {
		return c.ExtendDecoded(hirelint.DefaultRulesName, hirelint.DefaultRules, builtinRules())
	}
	return c.Extend(hirelint.DefaultRulesName, hirelint.DefaultRules)
}
