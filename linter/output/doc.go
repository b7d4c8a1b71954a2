// Package output writes lint results for people (text, with optional colour
// and word-level diffs of suggested rewrites) and for tools: JSON, SARIF
// 2.1.0, GitHub Actions workflow commands, Checkstyle XML and one line per
// finding. Each format is a Reporter that takes results file by file;
// all but SARIF write as they go.
//
// Positions are computed here, at the edge, from the byte offsets findings
// carry: lines are 1-based, columns count characters from 1, and end
// positions are exclusive (the column just after the match). Colour is
// decided by the caller and passed in; this package never looks at the
// terminal or the environment.
package output
