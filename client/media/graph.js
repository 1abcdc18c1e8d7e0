// The MIM graph's page: the server's SVG; a click on a MIM node shows or hides its
// requirements and mechanisms, a click on any other node (or Ctrl/Cmd+click on a MIM) opens
// its source.
'use strict';

(function () {
  const { vscode, status, source, adopt } = window.mimspec;
  const box = document.getElementById('mimspec-graph');
  const count = document.getElementById('mimspec-count');
  const fit = document.getElementById('mimspec-fit');
  const workspace = document.getElementById('mimspec-workspace');

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') {
      box.replaceChildren(adopt(m.html, 'mimspec-graph-style'));
      count.textContent = `${m.nodes} nodes, ${m.edges} edges`;
      status(m.truncated || '');
      workspace.checked = Boolean(m.whole);
      workspace.disabled = !m.focus;
    } else if (m.type === 'status') {
      status(m.text);
    }
  });

  box.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const node = target && target.closest('g.node');
    if (!node) return;
    event.preventDefault();
    const expand = node.getAttribute('data-expand');
    if (expand && !(event.ctrlKey || event.metaKey)) {
      vscode.postMessage({ type: 'expand', id: expand });
      return;
    }
    const at = source(node);
    if (at) vscode.postMessage({ type: 'reveal', uri: at.uri, line: at.line });
  });

  workspace.addEventListener('change', () =>
    vscode.postMessage({ type: 'scope', scope: workspace.checked ? 'workspace' : 'mim' }),
  );
  fit.addEventListener('click', () => {
    const on = box.classList.toggle('fit');
    fit.setAttribute('aria-pressed', String(on));
  });
  document.getElementById('mimspec-collapse').addEventListener('click', () => vscode.postMessage({ type: 'collapse' }));

  vscode.postMessage({ type: 'ready' });
})();
