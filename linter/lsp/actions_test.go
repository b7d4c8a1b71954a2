package lsp

import (
	"strings"
	"testing"
)

// codeActions asks for the actions on rng of uri.
func (c *client) codeActions(uri string, rng Range, only ...string) []CodeAction {
	c.t.Helper()
	ctx := map[string]any{"diagnostics": []any{}}
	if len(only) > 0 {
		ctx["only"] = only
	}
	var actions []CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": rng, "context": ctx}, &actions)
	return actions
}

func action(t *testing.T, actions []CodeAction, title string) CodeAction {
	t.Helper()
	var titles []string
	for _, a := range actions {
		if a.Title == title {
			return a
		}
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q among %q", title, titles)
	return CodeAction{}
}

// edits returns the edits of an action to uri, checking the version when
// they come as documentChanges.
func edits(t *testing.T, a CodeAction, uri string, version int32) []TextEdit {
	t.Helper()
	if a.Edit == nil {
		t.Fatalf("action %q has no edit", a.Title)
	}
	if len(a.Edit.DocumentChanges) > 0 {
		dc := a.Edit.DocumentChanges[0]
		if len(a.Edit.DocumentChanges) != 1 || dc.TextDocument.URI != uri || dc.TextDocument.Version != version {
			t.Fatalf("action %q: documentChanges %+v, want one edit of %s version %d", a.Title, a.Edit.DocumentChanges, uri, version)
		}
		return dc.Edits
	}
	return a.Edit.Changes[uri]
}

// relint replaces the document's text and returns its new diagnostics.
func (c *client) relint(uri string, version int, text string) PublishDiagnosticsParams {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []map[string]any{{"text": text}}})
	return c.diagnostics(uri, func(p PublishDiagnosticsParams) bool { return int(*p.Version) == version })
}

func TestQuickFix(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", fullCaps)
	uri := "file:///ads/unicode.md"
	text := readFixture(t, "unicode.md")
	c.open(uri, "markdown", text)
	p := c.diagnostics(uri, nil)
	hype := find(t, p, "hype-title", 2)
	// The cursor in the middle of the word is enough.
	actions := c.codeActions(uri, Range{Position{2, 35}, Position{2, 35}})
	fix := action(t, actions, `replace "rockstar engineer" with "senior engineer"`)
	if !fix.IsPreferred || fix.Kind != KindQuickFix {
		t.Errorf("the safe rewrite must be a preferred quick fix: %+v", fix)
	}
	if len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != "hype-title" || fix.Diagnostics[0].Range != hype.Range {
		t.Errorf("the fix must name its diagnostic: %+v", fix.Diagnostics)
	}
	got := applyEdits(t, text, edits(t, fix, uri, 1))
	if want := strings.Replace(text, "a rockstar engineer", "a senior engineer", 1); got != want {
		t.Errorf("after the quick fix:\n%s\nwant:\n%s", got, want)
	}
	p = c.relint(uri, 2, got)
	for _, d := range p.Diagnostics {
		if d.Code == "hype-title" && d.Range.Start.Line == 2 {
			t.Errorf("hype-title still on line 2 after the fix: %s", describe(p))
		}
	}
	// Nothing under the cursor: no actions.
	if actions := c.codeActions(uri, Range{Position{1, 0}, Position{1, 0}}); len(actions) != 0 {
		t.Errorf("actions on a blank line: %+v", actions)
	}
	// Only refactorings asked for: none.
	if actions := c.codeActions(uri, Range{Position{3, 41}, Position{3, 41}}, "refactor"); len(actions) != 0 {
		t.Errorf("actions for only=refactor: %+v", actions)
	}
}

// TestQuickFixWithoutDocumentChanges: a client without versioned edits
// gets "changes".
func TestQuickFixWithoutDocumentChanges(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	uri := "file:///ads/a.txt"
	text := "He or she will own the jobs.\n"
	c.open(uri, "plaintext", text)
	c.diagnostics(uri, nil)
	a := action(t, c.codeActions(uri, Range{Position{0, 0}, Position{0, 3}}), `replace "He or she" with "They"`)
	if a.Edit == nil || len(a.Edit.DocumentChanges) != 0 || len(a.Edit.Changes[uri]) != 1 {
		t.Fatalf("edit %+v, want changes for %s", a.Edit, uri)
	}
	if got := applyEdits(t, text, a.Edit.Changes[uri]); got != "They will own the jobs.\n" {
		t.Errorf("got %q", got)
	}
}

// TestTemplateFix: a template (the salary line) is offered, not preferred.
func TestTemplateFix(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", fullCaps)
	uri := "file:///ads/unicode.md"
	text := readFixture(t, "unicode.md")
	c.open(uri, "markdown", text)
	c.diagnostics(uri, nil)
	actions := c.codeActions(uri, Range{Position{0, 0}, Position{0, 0}})
	var salary *CodeAction
	for i, a := range actions {
		if strings.Contains(a.Title, "Salary: <min>") {
			salary = &actions[i]
		}
	}
	if salary == nil {
		t.Fatalf("no salary template among %d actions", len(actions))
	}
	if salary.IsPreferred || !strings.HasSuffix(salary.Title, "(a template to complete)") {
		t.Errorf("template action %q preferred=%v", salary.Title, salary.IsPreferred)
	}
	if got := applyEdits(t, text, edits(t, *salary, uri, 1)); !strings.Contains(got, "\nSalary: <min>–<max> <currency> per <period>\n") {
		t.Errorf("template not inserted:\n%s", got)
	}
}

// TestDisableAction: the directive inserted above the finding's line (with
// its indentation) turns the finding off and is itself valid and used.
func TestDisableAction(t *testing.T) {
	tests := []struct {
		name, uri, lang, text string
		at                    Position
		rule, want            string
	}{
		{"markdown", "file:///ads/a.md", "markdown", "# Engineer\n\nWe want a rockstar engineer.\n", Position{2, 12}, "hype-title",
			"# Engineer\n\n<!-- hirelint-disable-next-line hype-title -- TODO: say why -->\nWe want a rockstar engineer.\n"},
		{"markdown list item", "file:///ads/b.md", "markdown", "# Engineer\n\n## Requirements\n\n- Go\n  - Native English speaker\n", Position{5, 6}, "native-speaker",
			"# Engineer\n\n## Requirements\n\n- Go\n  <!-- hirelint-disable-next-line native-speaker -- TODO: say why -->\n  - Native English speaker\n"},
		{"plain text", "file:///ads/c.txt", "plaintext", "Engineer\n\nWe want a rockstar engineer.\n", Position{2, 12}, "hype-title",
			"Engineer\n\n# hirelint-disable-next-line hype-title -- TODO: say why\nWe want a rockstar engineer.\n"},
		{"CRLF", "file:///ads/d.md", "markdown", "# Engineer\r\n\r\nWe want a 🚀 rockstar engineer.\r\n", Position{2, 14}, "hype-title",
			"# Engineer\r\n\r\n<!-- hirelint-disable-next-line hype-title -- TODO: say why -->\r\nWe want a 🚀 rockstar engineer.\r\n"},
		{"html", "file:///ads/e.html", "html", "<h1>Engineer</h1>\n<p>We want a rockstar engineer.</p>\n", Position{1, 15}, "hype-title",
			"<h1>Engineer</h1>\n<!-- hirelint-disable-next-line hype-title -- TODO: say why -->\n<p>We want a rockstar engineer.</p>\n"},
		{"whole ad after front matter", "file:///ads/f.md", "markdown", "---\ntitle: x\n---\n# Engineer\n", Position{0, 0}, "missing-salary",
			"---\ntitle: x\n---\n<!-- hirelint-disable missing-salary -- TODO: say why -->\n# Engineer\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, testOptions(t))
			c.initialize("", fullCaps)
			c.open(tt.uri, tt.lang, tt.text)
			if p := c.diagnostics(tt.uri, nil); !has(p, tt.rule) {
				t.Fatalf("no %s to disable: %s", tt.rule, describe(p))
			}
			title := "disable " + tt.rule + " for this line"
			if tt.at == (Position{}) {
				title = "disable " + tt.rule + " for this ad"
			}
			a := action(t, c.codeActions(tt.uri, Range{tt.at, tt.at}), title)
			if a.IsPreferred {
				t.Errorf("disabling must not be preferred")
			}
			got := applyEdits(t, tt.text, edits(t, a, tt.uri, 1))
			if got != tt.want {
				t.Fatalf("after disabling:\n%q\nwant:\n%q", got, tt.want)
			}
			p := c.relint(tt.uri, 2, got)
			if has(p, tt.rule) || has(p, "invalid-directive") || has(p, "unused-directive") {
				t.Errorf("after disabling %s: %s", tt.rule, describe(p))
			}
		})
	}
}

// TestFixAll: source.fixAll.hirelint applies every safe rewrite, as
// `hirelint --fix` does, and never a template.
func TestFixAll(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", fullCaps)
	uri := "file:///ads/unicode.md"
	text := readFixture(t, "unicode.md")
	c.open(uri, "markdown", text)
	c.diagnostics(uri, nil)
	actions := c.codeActions(uri, Range{}, "source.fixAll")
	if len(actions) != 1 || actions[0].Kind != KindFixAll {
		t.Fatalf("actions for only=source.fixAll: %+v", actions)
	}
	got := applyEdits(t, text, edits(t, actions[0], uri, 1))
	want, _, err := builtin(t).Fix("unicode.md", []byte(text), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("fix all:\n%s\nwant (Config.Fix):\n%s", got, want)
	}
	for _, s := range []string{"a senior engineer", "they will own", "Fluent in English"} {
		if !strings.Contains(got, s) {
			t.Errorf("fix all: %q missing from\n%s", s, got)
		}
	}
	if strings.Contains(got, "Apply Now") || strings.Contains(got, "Salary:") {
		t.Errorf("fix all: junk kept or template added:\n%s", got)
	}
	// Quick fixes asked for: no fix-all.
	for _, a := range c.codeActions(uri, Range{Position{2, 35}, Position{2, 35}}, "quickfix") {
		if a.Kind != KindQuickFix {
			t.Errorf("only=quickfix returned %q", a.Kind)
		}
	}
}

func TestHover(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", fullCaps)
	uri := "file:///ads/unicode.md"
	c.open(uri, "markdown", readFixture(t, "unicode.md"))
	p := c.diagnostics(uri, nil)
	hover := func(pos Position) *Hover {
		var h *Hover
		c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos}, &h)
		return h
	}
	h := hover(Position{2, 40})
	if h == nil {
		t.Fatal("no hover over a finding")
	}
	if h.Contents.Kind != "markdown" || h.Range == nil || *h.Range != find(t, p, "hype-title", 2).Range {
		t.Errorf("hover kind %q range %+v", h.Contents.Kind, h.Range)
	}
	for _, s := range []string{"**hype-title** (warning)", `hype word "rockstar engineer"`, "EXPLAIN hype-title: Drop the hype titles", "Before:", "After:"} {
		if !strings.Contains(h.Contents.Value, s) {
			t.Errorf("hover lacks %q:\n%s", s, h.Contents.Value)
		}
	}
	// Just after the match, and on a line without findings: nothing.
	if h := hover(Position{2, 48}); h != nil {
		t.Errorf("hover after the match: %+v", h)
	}
	if h := hover(Position{1, 0}); h != nil {
		t.Errorf("hover on a blank line: %+v", h)
	}
	// On the first line: the word's finding; where there is none, the
	// findings about the whole ad.
	if h := hover(Position{0, 4}); h == nil || !strings.Contains(h.Contents.Value, "hype-title") || strings.Contains(h.Contents.Value, "missing-salary") {
		t.Errorf("hover over the title word: %+v", h)
	}
	if h := hover(Position{0, 15}); h == nil || !strings.Contains(h.Contents.Value, "missing-salary") || !strings.Contains(h.Contents.Value, "EXPLAIN missing-salary") {
		t.Errorf("hover on the first line: %+v", h)
	}
}

func TestHoverPlainText(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil) // no markdown support
	uri := "file:///ads/a.md"
	c.open(uri, "markdown", "# Engineer\n\nWe want a *rockstar* engineer.\n")
	c.diagnostics(uri, nil)
	var h *Hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{2, 13}}, &h)
	if h == nil || h.Contents.Kind != "plaintext" || strings.Contains(h.Contents.Value, "**") || !strings.Contains(h.Contents.Value, "EXPLAIN hype-title") {
		t.Errorf("plain text hover: %+v", h)
	}
}
