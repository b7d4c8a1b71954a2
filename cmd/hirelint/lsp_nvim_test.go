package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nvimScript drives Neovim 0.7 (vim.lsp.start_client, which later
// versions keep): it attaches "hirelint lsp" to the ad in the current
// buffer, records the diagnostics as Neovim sees them (lnum/col are
// 0-based, col in bytes: Neovim converts the server's UTF-16 positions),
// applies the preferred quick fix on the emoji line, types an emoji in
// front of a finding (an incremental change), applies "disable for this
// line", and writes what it saw to $HIRELINT_OUT as JSON. Any error is
// recorded too; the editor always quits.
const nvimScript = `
local bin, out = vim.env.HIRELINT_BIN, vim.env.HIRELINT_OUT
local results = {}
local bufnr = vim.api.nvim_get_current_buf()

local function snapshot()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message,
      code = d.code or lsp.code,
    })
  end
  return list
end

local function find(code, lnum)
  for _, d in ipairs(snapshot()) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then return d end
  end
end

local function wait(what, cond)
  if not vim.wait(20000, cond, 20) then
    error('timed out waiting for ' .. what .. '; diagnostics: ' .. vim.inspect(snapshot()))
  end
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'hirelint',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.expand('%:p:h'),
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  wait('the first diagnostics', function() return find('scrape-junk') ~= nil end)
  results.initial = snapshot()

  local function actions_at(lnum, col)
    local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
    local _, character = vim.str_utfindex(line, col)
    local pos = { line = lnum, character = character }
    local resp, err = client.request_sync('textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = { start = pos, ['end'] = pos },
      context = { diagnostics = {} },
    }, 10000, bufnr)
    assert(resp and not resp.err, 'codeAction: ' .. vim.inspect(err or resp))
    return resp.result or {}
  end
  local function apply(action)
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  end

  -- The preferred quick fix for "rockstar engineer", after the emoji.
  local hype = assert(find('hype-title', 2), 'no hype-title on line 3')
  local fix
  for _, a in ipairs(actions_at(2, hype.col + 3)) do
    if a.isPreferred then fix = a end
  end
  assert(fix, 'no preferred quick fix')
  results.fix_title = fix.title
  apply(fix)
  results.fixed_line = vim.api.nvim_buf_get_lines(bufnr, 2, 3, true)[1]
  wait('hype-title to leave line 3', function() return find('hype-title', 2) == nil and find('scrape-junk') ~= nil end)
  results.after_fix = snapshot()

  -- Typing an emoji and a space at the start of line 4.
  local before = assert(find('gendered-language', 3), 'no gendered-language on line 4')
  vim.api.nvim_buf_set_text(bufnr, 3, 0, 3, 0, { '🎉 ' })
  wait('gendered-language to move', function()
    local d = find('gendered-language', 3)
    return d ~= nil and d.col ~= before.col
  end)
  results.after_typing = snapshot()

  -- Turn native-speaker off for its line.
  local native = assert(find('native-speaker', 7), 'no native-speaker on line 8')
  local disable
  for _, a in ipairs(actions_at(7, native.col)) do
    if a.title == 'disable native-speaker for this line' then disable = a end
  end
  assert(disable, 'no disable action')
  apply(disable)
  wait('native-speaker to be off', function() return find('native-speaker') == nil and find('scrape-junk') ~= nil end)
  results.after_disable = snapshot()
  results.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)

  client.stop()
  results.stopped = vim.wait(5000, function() return client.is_stopped() end, 20)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then results.error = tostring(err) end
local f = assert(io.open(out .. '.tmp', 'w'))
f:write(vim.fn.json_encode(results))
f:close()
assert(os.rename(out .. '.tmp', out))
vim.cmd('qall!')
`

type nvimDiag struct {
	Lnum, Col, EndLnum, EndCol, Severity int
	Source, Message, Code                string
}

func (d *nvimDiag) UnmarshalJSON(b []byte) error {
	var raw struct {
		Lnum     int    `json:"lnum"`
		Col      int    `json:"col"`
		EndLnum  int    `json:"end_lnum"`
		EndCol   int    `json:"end_col"`
		Severity int    `json:"severity"`
		Source   string `json:"source"`
		Message  string `json:"message"`
		Code     any    `json:"code"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*d = nvimDiag{raw.Lnum, raw.Col, raw.EndLnum, raw.EndCol, raw.Severity, raw.Source, raw.Message, ""}
	if s, ok := raw.Code.(string); ok {
		d.Code = s
	}
	return nil
}

type nvimResults struct {
	Error        string     `json:"error"`
	Initial      []nvimDiag `json:"initial"`
	FixTitle     string     `json:"fix_title"`
	FixedLine    string     `json:"fixed_line"`
	AfterFix     []nvimDiag `json:"after_fix"`
	AfterTyping  []nvimDiag `json:"after_typing"`
	AfterDisable []nvimDiag `json:"after_disable"`
	Lines        []string   `json:"lines"`
	Stopped      bool       `json:"stopped"`
}

func nvimFind(ds []nvimDiag, code string, lnum int) *nvimDiag {
	for i := range ds {
		if ds[i].Code == code && ds[i].Lnum == lnum {
			return &ds[i]
		}
	}
	return nil
}

// TestNeovim attaches "hirelint lsp" to testdata/lsp/unicode.md in a
// headless Neovim and checks what a user would see: findings at the right
// places on lines with emoji and accented letters, a quick fix that
// rewrites the right words, positions that follow an edit, and a
// directive that turns a rule off for a line. It is skipped when nvim is
// not installed, unless CI is set.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set and nvim is not installed: .ci/run installs it (apt-get install neovim)")
		}
		t.Skip("nvim is not installed (apt-get install neovim); the Neovim end-to-end test needs it")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build hirelint: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "hirelint")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ad, err := os.ReadFile("../../testdata/lsp/unicode.md")
	if err != nil {
		t.Fatal(err)
	}
	adPath := filepath.Join(dir, "ads", "unicode.md")
	writeFile(t, adPath, string(ad))
	script := filepath.Join(dir, "test.lua")
	writeFile(t, script, nvimScript)
	out := filepath.Join(dir, "results.json")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", adPath, "-c", "luafile "+script)
	cmd.Dir = dir
	home := filepath.Join(dir, "home")
	cmd.Env = append(os.Environ(), "HIRELINT_BIN="+bin, "HIRELINT_OUT="+out,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"), "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	logs := func() string {
		b, _ := os.ReadFile(filepath.Join(home, "cache", "nvim", "lsp.log"))
		return "nvim output:\n" + stderr.String() + "\nlsp.log:\n" + string(b)
	}
	// Poll for the results; never wait longer than the deadline.
	var data []byte
	for data == nil {
		select {
		case <-ctx.Done():
			t.Fatalf("Neovim wrote no results within 2 minutes\n%s", logs())
		case <-time.After(100 * time.Millisecond):
		}
		data, _ = os.ReadFile(out)
	}
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Errorf("Neovim did not quit")
	}
	t.Logf("what Neovim saw: %s", data)
	var res nvimResults
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("results %s: %v", data, err)
	}
	if res.Error != "" {
		t.Fatalf("the Lua script failed: %s\n%s", res.Error, logs())
	}

	// Line 3 is "Café Zürich 🚀 team: we need a rockstar engineer ...":
	// 35 bytes (31 UTF-16 units) before "rockstar engineer" (17 bytes).
	// Line 4 has the ZWJ emoji 🧑‍💻 (11 bytes, 5 units) and "naïve"
	// before "he or she", 47 bytes in.
	hype := nvimFind(res.Initial, "hype-title", 2)
	if hype == nil || hype.Col != 35 || hype.EndLnum != 2 || hype.EndCol != 52 || hype.Severity != 2 || hype.Source != "hirelint" {
		t.Errorf("hype-title as Neovim shows it: %+v, want line 2, bytes 35-52, warning, source hirelint", hype)
	}
	if g := nvimFind(res.Initial, "gendered-language", 3); g == nil || g.Col != 47 || g.EndCol != 56 {
		t.Errorf("gendered-language as Neovim shows it: %+v, want line 3, bytes 47-56", g)
	}
	if j := nvimFind(res.Initial, "scrape-junk", 10); j == nil || j.Col != 0 || j.EndCol != 9 || j.Severity != 1 {
		t.Errorf("scrape-junk: %+v, want line 10, bytes 0-9, error", j)
	}
	if s := nvimFind(res.Initial, "missing-employment-type", 0); s == nil || s.Severity != 3 {
		t.Errorf("missing-employment-type: %+v, want line 0, info", s)
	}

	if res.FixTitle != `replace "rockstar engineer" with "senior engineer"` {
		t.Errorf("preferred quick fix %q", res.FixTitle)
	}
	if want := "Café Zürich 🚀 team: we need a senior engineer to run our pipelines."; res.FixedLine != want {
		t.Errorf("line 3 after the quick fix:\n%s\nwant:\n%s", res.FixedLine, want)
	}
	if nvimFind(res.AfterFix, "hype-title", 2) != nil {
		t.Errorf("hype-title still on line 3 after the fix")
	}
	// "🎉 " is 5 bytes: the finding moves from byte 47 to 52.
	if g := nvimFind(res.AfterTyping, "gendered-language", 3); g == nil || g.Col != 52 || g.EndCol != 61 {
		t.Errorf("gendered-language after typing: %+v, want bytes 52-61", g)
	}
	wantLines := []string{
		"# Rockstar Data Engineer",
		"",
		"Café Zürich 🚀 team: we need a senior engineer to run our pipelines.",
		"🎉 Our crew 🧑‍💻 of naïve optimists says: he or she will own the nightly jobs.",
		"",
		"## Requirements",
		"",
		"<!-- hirelint-disable-next-line native-speaker -- TODO: say why -->",
		"- Native English speaker",
		"- Strong maths",
		"",
		"Apply Now",
	}
	if strings.Join(res.Lines, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("buffer at the end:\n%s\nwant:\n%s", strings.Join(res.Lines, "\n"), strings.Join(wantLines, "\n"))
	}
	for _, d := range res.AfterDisable {
		if d.Code == "native-speaker" || d.Code == "invalid-directive" || d.Code == "unused-directive" {
			t.Errorf("after disabling native-speaker: %+v", d)
		}
	}
	if nvimFind(res.AfterDisable, "vague-skill", 9) == nil {
		t.Errorf("vague-skill should have moved to line 9 with the inserted directive: %+v", res.AfterDisable)
	}
	if !res.Stopped {
		t.Errorf("the server did not stop when Neovim asked")
	}
}
