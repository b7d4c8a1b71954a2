package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/hirelint/hirelint/linter"
)

// cwdConfig returns the rule set in effect for the current directory.
func cwdConfig(o options) (*linter.Config, error) {
	cfgs, err := newConfigs(o.config, o.enable, o.disable)
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if cfgs.explicit != nil {
		return cfgs.explicit, nil
	}
	return cfgs.forDir(wd)
}

// runSubcommand parses the flags of "rules" and "explain" (the common ones
// plus --family) and runs it.
func runSubcommand(name string, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet(&o, stderr)
	family := fs.String("family", "", "rules: list only the rules of this family")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if name == "rules" {
		if len(rest) > 0 {
			fmt.Fprintf(stderr, "hirelint: rules takes no arguments (got %q)\n", rest)
			return exitError
		}
		return runRules(*family, o, stdout, stderr)
	}
	return runExplain(rest, o, stdout, stderr)
}

func runRules(family string, o options, stdout, stderr io.Writer) int {
	cfg, err := cwdConfig(o)
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	var list []*linter.RuleConfig
	for _, r := range cfg.Rules {
		if family == "" || r.Family == family {
			list = append(list, r)
		}
	}
	if family != "" && len(list) == 0 {
		fmt.Fprintf(stderr, "hirelint: no rules in family %q\n", family)
		return exitError
	}
	sortRules(list)
	if o.format == "markdown" {
		fmt.Fprint(stdout, RuleTable(list))
		return exitOK
	}
	if o.format == "json" {
		type row struct {
			ID       string `json:"id"`
			Kind     string `json:"kind"`
			Severity string `json:"severity"`
			Family   string `json:"family"`
			Title    string `json:"title"`
			Enabled  bool   `json:"enabled"`
		}
		var rows []row
		for _, r := range list {
			rows = append(rows, row{r.ID, r.Kind, r.Severity.String(), r.Family, r.Title, cfg.IsActive(r)})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return exitError
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSEVERITY\tFAMILY\tTITLE")
	for _, r := range list {
		title := r.Title
		if !cfg.IsActive(r) {
			title += " (off)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, r.Severity, r.Family, title)
	}
	tw.Flush()
	return exitOK
}

func runExplain(args []string, o options, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "hirelint: usage: hirelint explain RULE-ID")
		return exitError
	}
	cfg, err := cwdConfig(o)
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	if args[0] == "score" && cfg.Lookup("score") == nil {
		fmt.Fprint(stdout, ExplainScore())
		return exitOK
	}
	r := cfg.Lookup(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "hirelint: no rule %q (see 'hirelint rules')\n", args[0])
		return exitError
	}
	fmt.Fprint(stdout, Explain(r, cfg.IsActive(r)))
	return exitOK
}

// Explain renders a rule's documentation.
func Explain(r *linter.RuleConfig, active bool) string {
	var b strings.Builder
	state := ""
	if !active {
		state = ", off by default"
	}
	fmt.Fprintf(&b, "%s: %s\n", r.ID, r.Title)
	fmt.Fprintf(&b, "kind %s, severity %s, family %s%s\n\n", r.Kind, r.Severity, r.Family, state)
	if r.Why != "" {
		fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(r.Why))
	}
	if r.Before != "" {
		fmt.Fprintf(&b, "Before:\n%s\n\n", indent(r.Before))
	}
	if r.After != "" {
		fmt.Fprintf(&b, "After:\n%s\n\n", indent(r.After))
	}
	if r.Source != "" {
		fmt.Fprintf(&b, "Source: %s\n\n", r.Source)
	}
	fmt.Fprintf(&b, "To turn it off, add to %s:\n    disable = [%q]\n", ConfigName, r.ID)
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// RuleTable renders rules as the Markdown table the README shows.
func RuleTable(list []*linter.RuleConfig) string {
	var b strings.Builder
	b.WriteString("| id | family | severity | kind | what it checks |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range list {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Family, r.Severity, r.Kind, strings.ReplaceAll(r.Title, "|", "\\|"))
	}
	return b.String()
}

func sortRules(list []*linter.RuleConfig) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].ID < list[j].ID })
}

// ExplainScore documents how the 0–100 score is computed, from the weights
// the engine uses.
func ExplainScore() string {
	var b strings.Builder
	b.WriteString("score: a 0–100 rating of an ad from its findings\n\n")
	b.WriteString("Every rule with findings costs points: the weight of its most severe finding,\n")
	b.WriteString("times its family's weight, plus a share for each further finding of the same\n")
	b.WriteString("rule (a phrase repeated twelve times is one habit, not twelve problems).\n")
	b.WriteString("The score is 100 × e^(−total cost / scale), rounded: 100 means nothing was\n")
	b.WriteString("found, and a worse ad always scores lower than a better one.\n\n")
	fmt.Fprintf(&b, "severity weights:  error %g, warning %g, info %g\n",
		linter.SeverityWeight[linter.Error], linter.SeverityWeight[linter.Warning], linter.SeverityWeight[linter.Info])
	var fams []string
	for f := range linter.FamilyWeight {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	var parts []string
	for _, f := range fams {
		parts = append(parts, fmt.Sprintf("%s ×%g", f, linter.FamilyWeight[f]))
	}
	fmt.Fprintf(&b, "family weights:    %s (others ×1)\n", strings.Join(parts, ", "))
	fmt.Fprintf(&b, "repeats:           +%g of the first cost each, at most ×%g in all\n", linter.RepeatWeight, linter.RepeatCap)
	fmt.Fprintf(&b, "scale:             %g\n\n", linter.ScoreScale)
	b.WriteString("For example, one warning gives 94, a missing salary alone 74.\n")
	b.WriteString("The score is in the text summary and in the JSON report (\"score\" on each file).\n")
	return b.String()
}
