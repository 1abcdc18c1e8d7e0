import type { DocumentRule } from '../rule.js';

const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const SCHEME_AND_HOST = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i;
const TRAILING_SLASHES = /\/+$/;

/** A URL in the form two spellings of the same address share: scheme and host in lower case, no trailing slash, decoded. */
function normalize(url: string, keepScheme: boolean): string {
  let u = url.trim();
  try {
    u = decodeURI(u);
  } catch {
    // a stray % stays as written
  }
  u = u.replace(
    SCHEME_AND_HOST,
    (_, scheme: string | undefined, host: string) =>
      `${keepScheme && scheme ? scheme.toLowerCase() : ''}${host.toLowerCase()}`,
  );
  return u.replace(TRAILING_SLASHES, '');
}

/** link/text-mismatch: link text that is itself a URL, and a different one from where the link goes. */
export const linkTextMismatch: DocumentRule = {
  code: 'link/text-mismatch',
  severity: 'warning',
  summary: 'Link text that is a URL different from the link target',
  scope: 'document',
  check(doc, ctx) {
    for (const link of doc.links) {
      const text = link.text?.trim();
      // An autolink's text is its target by construction (markdown-it only encodes it).
      if (!text || link.form === 'autolink' || !URL_TEXT.test(text)) continue;
      // Text shown without a scheme (`www.example.org`) names the address whatever its scheme.
      const keepScheme = SCHEME.test(text);
      if (normalize(text, keepScheme) === normalize(link.target, keepScheme)) continue;
      ctx.report({
        code: 'link/text-mismatch',
        file: doc.file,
        range: link.range,
        message: `The link text shows ${text} but the link goes to ${link.target}`,
      });
    }
  },
};
