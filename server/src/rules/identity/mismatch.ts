import type { IdentityClaim } from '../../model/elements.js';
import { basename } from '../../base/paths.js';
import type { MimRule } from '../rule.js';

/** The precedence of mim-format §3.1, as the grouping applies it. */
const PRECEDENCE: IdentityClaim['source'][] = ['front-matter', 'yaml', 'config', 'h1', 'publiccode'];

function where(claim: IdentityClaim): string {
  const name = basename(claim.file);
  switch (claim.source) {
    case 'front-matter':
      return `the front matter of ${name}`;
    case 'h1':
      return `the title of ${name}`;
    default:
      return name;
  }
}

const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;

/** Names compared as a reader would: case, punctuation and spacing aside. */
function nameKey(title: string): string {
  return title.toLowerCase().replace(NOT_ALNUM, ' ').trim();
}

/**
 * identity/mismatch: the files of one MIM disagree about its number, or about its name where
 * both claims carry one. Each claim that differs from the winning one is reported.
 */
export const identityMismatch: MimRule = {
  code: 'identity/mismatch',
  severity: 'error',
  summary: 'The files of one MIM disagree about its number or name',
  scope: 'mim',
  check(mim, ctx) {
    if (mim.identity.length < 2) return;
    const ranked = [...mim.identity].sort((a, b) => PRECEDENCE.indexOf(a.source) - PRECEDENCE.indexOf(b.source));
    const winner = ranked[0];
    const named = ranked.find((c) => c.title && c.mim === winner.mim);
    for (const claim of ranked.slice(1)) {
      const self =
        claim.source === 'config' || claim.source === 'publiccode' || claim.source === 'yaml'
          ? 'This file'
          : 'This page';
      if (claim.mim !== winner.mim) {
        ctx.report({
          code: 'identity/mismatch',
          file: claim.file,
          range: claim.range,
          message: `${self} names ${claim.mim}, but ${where(winner)} says ${winner.mim}`,
          related: [{ file: winner.file, range: winner.range, message: `${where(winner)} names ${winner.mim}` }],
        });
      } else if (named && claim !== named && claim.title && nameKey(claim.title) !== nameKey(named.title!)) {
        ctx.report({
          code: 'identity/mismatch',
          file: claim.file,
          range: claim.range,
          message: `${self} calls ${claim.mim} '${claim.title}', but ${where(named)} calls it '${named.title}'`,
          related: [{ file: named.file, range: named.range, message: `${where(named)} names it '${named.title}'` }],
        });
      }
    }
  },
};
