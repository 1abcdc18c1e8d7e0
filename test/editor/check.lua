-- Drives the bundled language server from a real Neovim (0.7+), headless, and fails loudly
-- when an answer is missing. Paths come from the environment set by neovim.test.ts.
local server = os.getenv('MIMSPEC_SERVER')
local root = os.getenv('MIMSPEC_WORKSPACE')
local failures = {}

local function check(ok, what)
  if ok then
    io.stdout:write('ok   ' .. what .. '\n')
  else
    io.stdout:write('FAIL ' .. what .. '\n')
    table.insert(failures, what)
  end
end

local client_id = vim.lsp.start_client({
  name = 'mimspec',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
})
check(client_id ~= nil, 'the server starts')

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  return buf
end

local caps = open(root .. '/docs/capabilities-and-requirements.md')
local mech = open(root .. '/docs/mechanisms.md')

-- Break a mapping row and wait for the diagnostic.
vim.api.nvim_buf_set_lines(mech, 12, 13, false, { '| R9.9 | Systems MAY accept reservations of loading slots. | A booking endpoint. |' })
local got = vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(mech)) do
    if d.code == 'trace/unknown-requirement' and d.lnum == 12 then return true end
  end
  return false
end, 50)
check(got, 'diagnostics arrive for a broken mapping row')

local function request(buf, method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not res then return nil end
  for _, r in pairs(res) do
    if r.result then return r.result end
  end
  return nil
end

local function at(buf, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

local def = request(mech, 'textDocument/definition', at(mech, 10, 3))
local def1 = def and (def[1] or def)
check(def1 ~= nil and def1.uri:match('capabilities%-and%-requirements%.md$') ~= nil and def1.range.start.line == 14, 'definition jumps from the mapping row to R1.1')

local hover = request(mech, 'textDocument/hover', at(mech, 10, 3))
local text = hover and hover.contents and (hover.contents.value or '') or ''
check(text:match('Systems SHALL expose kerb segments') ~= nil, 'hover shows the requirement text')

local params = at(caps, 14, 5)
params.context = { includeDeclaration = true }
local refs = request(caps, 'textDocument/references', params)
local files = {}
for _, r in ipairs(refs or {}) do files[r.uri:match('[^/]+$')] = true end
check(files['mechanisms.md'] and files['twin.mim.yaml'] and files['capabilities-and-requirements.md'], 'references span Markdown and YAML')

local rp = at(caps, 14, 5)
rp.newName = 'R1.7'
local edit = request(caps, 'textDocument/rename', rp)
local edited = 0
for _ in pairs(edit and edit.changes or {}) do edited = edited + 1 end
check(edited == 3, 'rename edits the requirement in three files')

-- Completion in a new mapping row cell.
vim.api.nvim_buf_set_lines(mech, -1, -1, false, { '| R' })
local last = vim.api.nvim_buf_line_count(mech) - 1
vim.wait(300)
local items = request(mech, 'textDocument/completion', at(mech, last, 3))
local labels = {}
for _, i in ipairs((items and (items.items or items)) or {}) do labels[i.label] = true end
check(labels['R1.1'] and labels['R2.1'], 'completion offers requirement ids in a mapping cell')

vim.lsp.stop_client(client_id)
if #failures > 0 then
  io.stdout:write(#failures .. ' failed\n')
  vim.cmd('cquit 1')
else
  io.stdout:write('all passed\n')
  vim.cmd('qall!')
end
