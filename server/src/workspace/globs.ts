/**
 * Include/exclude globs of mimspec.yaml, matched against paths relative to the config's
 * folder: `*` within a segment, `**` across segments, `?` one character.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const res = globs.map(toRegExp);
  return (path) => res.some((re) => re.test(path));
}

function toRegExp(glob: string): RegExp {
  let re = '';
  const g = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      re += g[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += g[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern without a slash matches at any depth, as in .gitignore.
  return new RegExp(g.includes('/') ? `^${re}(?:/.*)?$` : `(?:^|/)${re}(?:/.*)?$`);
}
