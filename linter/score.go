package linter

import "math"

// Score weights: what one finding costs an ad's 0–100 score.
var (
	// SeverityWeight is the cost of a rule's first finding by severity.
	SeverityWeight = map[Severity]float64{Error: 20, Warning: 6, Info: 2}
	// FamilyWeight multiplies the cost by family; families not listed
	// count 1.
	FamilyWeight = map[string]float64{"pay": 1.5, "inclusion": 1.25, "boilerplate": 0.75, "readability": 0.75}
)

// RepeatWeight is the share of the first finding's cost that each further
// finding of the same rule adds, and RepeatCap the most a rule can cost as a
// multiple of its first finding: a phrase repeated twelve times is one
// problem written twelve times, not twelve problems.
const (
	RepeatWeight = 0.25
	RepeatCap    = 2.0
	ScoreScale   = 100.0
)

// Score rates an ad from 100 (nothing found) towards 0 from its findings:
// each rule with findings costs SeverityWeight of its most severe finding
// times its FamilyWeight, plus RepeatWeight of that for every further
// finding, at most RepeatCap times. The costs are summed and the score is
// 100 × e^(−cost/ScoreScale), rounded: a warning costs about 6 points, a
// missing salary about 26, and a very bad ad still ranks below a bad one
// instead of both sitting at 0.
func Score(fs []Finding) int {
	type agg struct {
		sev    Severity
		family string
		n      int
	}
	by := map[string]*agg{}
	for _, f := range fs {
		a := by[f.Rule]
		if a == nil {
			a = &agg{family: f.Family}
			by[f.Rule] = a
		}
		a.n++
		if f.Severity > a.sev {
			a.sev = f.Severity
		}
	}
	cost := 0.0
	for _, a := range by {
		w := SeverityWeight[a.sev]
		if fw, ok := FamilyWeight[a.family]; ok {
			w *= fw
		}
		cost += w * math.Min(1+RepeatWeight*float64(a.n-1), RepeatCap)
	}
	return int(math.Round(100 * math.Exp(-cost/ScoreScale)))
}
