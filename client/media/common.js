// Shared by the views' scripts (loaded first): the VS Code API handle, which a page may take
// only once, the status banner, and an element's source for click-to-source.
'use strict';

window.mimspec = (function () {
  const vscode = acquireVsCodeApi();
  // The page's nonce (readable as a property only), for the stylesheets a view brings along.
  const nonce = document.currentScript ? document.currentScript.nonce : '';

  /** The nearest element at or around `el` that names its source, as { uri, line, el }. */
  function source(el) {
    const at = el && el.closest('[data-uri][data-line]');
    if (!at) return undefined;
    const line = Number(at.getAttribute('data-line'));
    if (!Number.isInteger(line) || line < 0) return undefined;
    return { uri: at.getAttribute('data-uri'), line, el: at };
  }

  /** Shows `text` in the banner above the view, or hides the banner when it is empty. */
  function status(text) {
    const banner = document.getElementById('mimspec-status');
    if (!banner) return;
    banner.textContent = text || '';
    banner.hidden = !text;
  }

  /** The server and VS Code may spell one file URI differently (percent-encoding). */
  function sameUri(a, b) {
    return a === b || decode(a) === decode(b);
  }
  function decode(u) {
    try {
      return decodeURIComponent(String(u));
    } catch {
      return String(u);
    }
  }

  /** Posts a click on an element with a source as a `reveal` (not while text is being selected). */
  function revealOnClick(event) {
    if (String(window.getSelection() || '') !== '') return false;
    const at = source(event.target instanceof Element ? event.target : null);
    if (!at) return false;
    vscode.postMessage({ type: 'reveal', uri: at.uri, line: at.line });
    return true;
  }

  /**
   * Parses the server's markup inertly and takes its <style> elements out: the policy refuses
   * a style without the nonce, so their text goes into one stylesheet of the page that has it.
   */
  function adopt(html, styleId) {
    const page = document.createElement('template');
    page.innerHTML = html;
    const styles = Array.from(page.content.querySelectorAll('style'));
    for (const s of styles) s.remove();
    if (styles.length > 0) {
      let sheet = document.getElementById(styleId);
      if (!sheet) {
        sheet = document.createElement('style');
        sheet.id = styleId;
        sheet.nonce = nonce;
        document.head.append(sheet);
      }
      sheet.textContent = styles.map((s) => s.textContent).join('\n');
    }
    return page.content;
  }

  return { vscode, source, status, sameUri, revealOnClick, adopt };
})();
