import { LEVEL_STRENGTH } from '../model/conventions.js';
import type { Mim } from '../model/mim.js';
import { countsUnder } from '../parse/text/keywords.js';

/**
 * A requirement's keyword and level depend on the MIM's declared convention, which may sit in
 * another file; they are settled once the MIM is gathered. The keyword is the first that
 * counts under the convention, the strongest first, else one of any case (so a wrong-case `should` still
 * reads as a recommendation while the rules flag its case).
 */
export function resolveRequirementLevels(mim: Mim): void {
  for (const r of mim.requirements) {
    const proper = r.keywords.filter((k) => countsUnder(k, mim.convention));
    const chosen =
      proper.length > 0
        ? proper
        : r.keywords.filter((k) => mim.convention === undefined || k.conventions.includes(mim.convention));
    if (chosen.length === 0) {
      r.keyword = undefined;
      r.level = 'none';
      continue;
    }
    const strongest = chosen.reduce((a, b) => (LEVEL_STRENGTH[b.level] > LEVEL_STRENGTH[a.level] ? b : a));
    r.keyword = strongest.written;
    r.level = strongest.level;
  }
}
