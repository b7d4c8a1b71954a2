package lsp

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

func (s *Server) initialize(params json.RawMessage) (any, *rpcError) {
	var p InitializeParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return nil, rerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return nil, errorf(CodeInvalidRequest, "initialize was already sent")
	}
	s.state = stateRunning
	s.caps = p.Capabilities
	for _, f := range p.WorkspaceFolders {
		if path, ok := uriToPath(f.URI); ok {
			s.roots = append(s.roots, path)
		}
	}
	if len(s.roots) == 0 && p.RootURI != nil {
		if path, ok := uriToPath(*p.RootURI); ok {
			s.roots = append(s.roots, path)
		}
	}
	if len(s.roots) == 0 && p.RootPath != nil && *p.RootPath != "" {
		s.roots = append(s.roots, *p.RootPath)
	}
	var res InitializeResult
	res.ServerInfo = ServerInfo{Name: "hirelint", Version: s.opts.Version}
	c := &res.Capabilities
	c.PositionEncoding = "utf-16"
	c.TextDocumentSync = TextDocumentSyncOptions{OpenClose: true, Change: SyncIncremental, Save: SaveOptions{IncludeText: false}}
	c.HoverProvider = true
	c.CodeActionProvider = CodeActionOptions{CodeActionKinds: []string{KindQuickFix, KindFixAll}}
	c.Workspace.WorkspaceFolders.Supported = true
	c.Workspace.WorkspaceFolders.ChangeNotifications = true
	return res, nil
}

// initialized asks the client to report changes to config files, when it
// can watch files for the server.
func (s *Server) initialized(json.RawMessage) error {
	s.mu.Lock()
	watch := s.caps.Workspace.DidChangeWatchedFiles.DynamicRegistration && s.opts.ConfigName != ""
	s.nextID++
	id := s.nextID
	s.mu.Unlock()
	if !watch {
		return nil
	}
	s.send(outgoing{JSONRPC: "2.0", ID: id, Method: "client/registerCapability", Params: map[string]any{
		"registrations": []Registration{{
			ID:     "hirelint-config",
			Method: "workspace/didChangeWatchedFiles",
			RegisterOptions: map[string]any{
				"watchers": []map[string]any{{"globPattern": "**/" + s.opts.ConfigName}},
			},
		}},
	}})
	return nil
}

func (s *Server) shutdown(json.RawMessage) (any, *rpcError) {
	s.mu.Lock()
	s.state = stateShutdown
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	s.mu.Unlock()
	return nil, nil
}

func (s *Server) didChangeWorkspaceFolders(params json.RawMessage) error {
	var p DidChangeWorkspaceFoldersParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return rerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range p.Event.Removed {
		if path, ok := uriToPath(f.URI); ok {
			for i, r := range s.roots {
				if r == path {
					s.roots = append(s.roots[:i:i], s.roots[i+1:]...)
					break
				}
			}
		}
	}
	for _, f := range p.Event.Added {
		if path, ok := uriToPath(f.URI); ok {
			s.roots = append(s.roots, path)
		}
	}
	return nil
}

// uriToPath returns the file path of a file: URI.
func uriToPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///C:/dir/ad.md has the path /C:/dir/ad.md.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		}
		if u.Host != "" {
			p = `\\` + u.Host + p
		}
	}
	if p == "" {
		return "", false
	}
	return filepath.FromSlash(p), true
}

// lookupPath returns the path a document's rule set is looked up by: its
// file path, or for a document that is not a file (an unsaved buffer) a
// name in the first workspace folder, else in the working directory.
// s.mu must be held.
func (s *Server) lookupPath(uri string) string {
	if p, ok := uriToPath(uri); ok {
		return p
	}
	dir := ""
	if len(s.roots) > 0 {
		dir = s.roots[0]
	} else if wd, err := os.Getwd(); err == nil {
		dir = wd
	}
	name := uri
	if i := strings.LastIndexAny(name, "/:\\"); i >= 0 {
		name = name[i+1:]
	}
	if name == "" || name == "." || name == ".." {
		name = "untitled"
	}
	return filepath.Join(dir, name)
}
