// The live preview's page: shows the server's rendering, scrolls with the editor both ways,
// turns clicks into `reveal` (the element's source) and `openMim` (a cross-reference).
'use strict';

(function () {
  const { vscode, status, sameUri, revealOnClick } = window.mimspec;
  const root = document.getElementById('mimspec-preview');
  /** Until then, scroll events are the ones we were told to make: not reported back. */
  let quietUntil = 0;
  let reported = '';
  let elements;

  /** The elements that name their source, in document order (which is also top to bottom). */
  function lineElements() {
    elements ??= Array.from(root.querySelectorAll('[data-uri][data-line]'));
    return elements;
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') {
      root.innerHTML = m.html;
      elements = undefined;
      status('');
      vscode.setState({ uri: m.uri });
    } else if (m.type === 'status') {
      status(m.text);
    } else if (m.type === 'scrollTo') {
      scrollToLine(m.uri, m.line);
    }
  });

  /** Brings to the top the element of `uri` that starts last at or above `line`. */
  function scrollToLine(uri, line) {
    let best;
    let bestLine = -1;
    let first;
    for (const el of lineElements()) {
      if (!sameUri(el.getAttribute('data-uri'), uri)) continue;
      const at = Number(el.getAttribute('data-line'));
      first ??= el;
      if (at <= line && at > bestLine) {
        best = el;
        bestLine = at;
      }
    }
    const target = best || first;
    if (!target) return;
    quietUntil = Date.now() + 400;
    const top = line === 0 && target === first ? 0 : target.getBoundingClientRect().top + window.scrollY - 4;
    window.scrollTo({ top: Math.max(0, top) });
  }

  /** The element at the top of the window: the last, in document order, that starts above it. */
  function topElement() {
    const els = lineElements();
    let lo = 0;
    let hi = els.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (els[mid].getBoundingClientRect().top <= 1) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return els[found];
  }

  let timer;
  window.addEventListener(
    'scroll',
    () => {
      if (Date.now() < quietUntil) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (Date.now() < quietUntil) return;
        const el = topElement();
        if (!el) return;
        const uri = el.getAttribute('data-uri');
        const line = Number(el.getAttribute('data-line'));
        const key = `${uri}#${line}`;
        if (key === reported) return;
        reported = key;
        vscode.postMessage({ type: 'scrolled', uri, line });
      }, 60);
    },
    { passive: true },
  );

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('a');
    if (link) {
      const href = link.getAttribute('href') || '';
      if (link.classList.contains('mim-xref')) {
        event.preventDefault();
        const line = Number(link.getAttribute('data-line'));
        vscode.postMessage({
          type: 'openMim',
          mim: link.getAttribute('data-mim') || '',
          ...(link.hasAttribute('data-uri') ? { uri: link.getAttribute('data-uri') } : {}),
          ...(Number.isInteger(line) && line >= 0 ? { line } : {}),
        });
        return;
      }
      if (href.startsWith('#')) {
        event.preventDefault();
        const to = href.length > 1 && document.getElementById(decodeURIComponent(href.slice(1)));
        if (to) to.scrollIntoView();
        return;
      }
      // Web links are opened by VS Code; any other link is the source it sits in.
      if (/^https?:/i.test(href)) return;
      event.preventDefault();
    }
    revealOnClick(event);
  });

  vscode.postMessage({ type: 'ready' });
})();
