/**
 * The three keyword conventions a MIM may declare (mim-format §3.3, §6) and the level each
 * keyword expresses. Pure data: detection in text lives in parse/text/keywords.ts.
 */
export type Convention = 'bcp14' | 'iso' | 'itu';

export const CONVENTIONS: readonly Convention[] = ['bcp14', 'iso', 'itu'];

export type Level = 'required' | 'recommended' | 'not-recommended' | 'optional' | 'prohibited' | 'none';

/** Strength order used to pick a requirement's level when several keywords appear. */
export const LEVEL_STRENGTH: Record<Level, number> = {
  prohibited: 5,
  required: 4,
  'not-recommended': 3,
  recommended: 2,
  optional: 1,
  none: 0,
};

export interface KeywordDefinition {
  /** The phrase in its canonical spelling for the convention. */
  phrase: string;
  level: Level;
}

/** Canonical spelling is the one that counts: capitals for BCP 14, lower case for ISO and ITU. */
export const KEYWORDS: Record<Convention, readonly KeywordDefinition[]> = {
  bcp14: [
    { phrase: 'MUST NOT', level: 'prohibited' },
    { phrase: 'SHALL NOT', level: 'prohibited' },
    { phrase: 'SHOULD NOT', level: 'not-recommended' },
    { phrase: 'NOT RECOMMENDED', level: 'not-recommended' },
    { phrase: 'MUST', level: 'required' },
    { phrase: 'SHALL', level: 'required' },
    { phrase: 'REQUIRED', level: 'required' },
    { phrase: 'SHOULD', level: 'recommended' },
    { phrase: 'RECOMMENDED', level: 'recommended' },
    { phrase: 'MAY', level: 'optional' },
    { phrase: 'OPTIONAL', level: 'optional' },
  ],
  iso: [
    { phrase: 'shall not', level: 'prohibited' },
    { phrase: 'should not', level: 'not-recommended' },
    { phrase: 'shall', level: 'required' },
    { phrase: 'should', level: 'recommended' },
    { phrase: 'need not', level: 'optional' },
    { phrase: 'may', level: 'optional' },
  ],
  itu: [
    { phrase: 'is prohibited from', level: 'prohibited' },
    { phrase: 'is not recommended', level: 'not-recommended' },
    { phrase: 'is required to', level: 'required' },
    { phrase: 'is recommended', level: 'recommended' },
    { phrase: 'can optionally', level: 'optional' },
  ],
};

export function isConvention(value: unknown): value is Convention {
  return value === 'bcp14' || value === 'iso' || value === 'itu';
}
