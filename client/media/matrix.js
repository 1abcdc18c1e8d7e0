// The traceability matrix's page: the server's rows a page at a time (more as the end of the
// table comes into view), the filter box, the scope toggle, CSV export; a cell opens its source.
'use strict';

(function () {
  const { vscode, status, revealOnClick } = window.mimspec;
  const table = document.getElementById('mimspec-matrix');
  const summary = document.getElementById('mimspec-summary');
  const count = document.getElementById('mimspec-count');
  const filter = document.getElementById('mimspec-filter');
  const workspace = document.getElementById('mimspec-workspace');
  const more = document.getElementById('mimspec-more');
  const HEAD =
    '<tr><th>Requirement</th><th>MIM</th><th>Capability</th><th>Level</th><th>Mechanisms</th><th>Tests</th></tr>';
  let loaded = 0;
  let total = 0;
  /** A `more` is under way: ask for no other until it is answered. */
  let waiting = false;
  let shownSummary;

  const isRows = (html) => /^\s*<tr[\s>]/i.test(html);

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') {
      // A new filter shows the same summary: a megabyte of coverage is not laid out again.
      if (m.summaryHtml !== shownSummary) summary.innerHTML = shownSummary = m.summaryHtml || '';
      table.innerHTML = isRows(m.html)
        ? `<table class="mim-matrix-table"><thead>${HEAD}</thead><tbody>${m.html}</tbody></table>`
        : m.html;
      workspace.checked = m.scope === 'workspace';
      workspace.disabled = !m.mim;
      if (document.activeElement !== filter) filter.value = m.filter || '';
      status('');
      counts(m);
    } else if (m.type === 'append') {
      appendRows(m.html);
      counts(m);
    } else if (m.type === 'status') {
      waiting = false;
      status(m.text);
    }
  });

  /** Adds a page of rows to the table's body, whether the server sent rows or a whole table. */
  function appendRows(html) {
    const body = table.querySelector('tbody');
    if (!body) return;
    if (isRows(html)) {
      body.insertAdjacentHTML('beforeend', html);
      return;
    }
    const page = document.createElement('template');
    page.innerHTML = html;
    body.append(...page.content.querySelectorAll('tbody > tr'));
  }

  function counts(m) {
    loaded = m.loaded;
    total = m.total;
    waiting = false;
    count.textContent = total === loaded ? `${total} rows` : `${loaded} of ${total} rows`;
    more.textContent = loaded < total ? 'More rows load as you scroll…' : '';
    askMoreIfShown();
  }

  function askMoreIfShown() {
    if (waiting || loaded >= total) return;
    if (more.getBoundingClientRect().top > window.innerHeight + 200) return;
    waiting = true;
    vscode.postMessage({ type: 'more' });
  }
  window.addEventListener('scroll', askMoreIfShown, { passive: true });
  window.addEventListener('resize', askMoreIfShown);

  let typing;
  filter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => vscode.postMessage({ type: 'filter', filter: filter.value }), 250);
  });
  workspace.addEventListener('change', () =>
    vscode.postMessage({ type: 'scope', scope: workspace.checked ? 'workspace' : 'mim' }),
  );
  document.getElementById('mimspec-export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));

  table.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
    revealOnClick(event);
  });
  summary.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
    revealOnClick(event);
  });

  vscode.postMessage({ type: 'ready' });
})();
