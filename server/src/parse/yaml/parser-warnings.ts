import type { YAMLWarning } from 'yaml';
import type { YamlError } from './yaml-error.js';

/**
 * The recovering parser's warnings about a text it read (each document's `warnings`), worded
 * with what mimspec then reads. With the options load.ts gives it, `yaml` 2.9 warns about:
 * - a tag it does not know (`!foo`, `!!omap` on a scalar): TAG_RESOLVE_FAILED;
 * - a known tag on the wrong kind of collection (`!!set [a]`): BAD_COLLECTION_TYPE;
 * - a directive other than %YAML and %TAG, or a %YAML version above 1.2: BAD_DIRECTIVE;
 * - an anchor or alias whose name ends with a colon (`&a: x`): BAD_ALIAS.
 * Its other warnings (a flow collection's closing bracket under-indented, a value two schemas
 * read differently) need its `compat` option, which is never set. The fast path takes no text
 * that holds a tag, an anchor, an alias or a directive, so it never skips one of these.
 * The library's one warning outside `warnings`, on a key that is a collection, goes to the
 * process's stderr unless `logLevel` is 'error' (it is): collection-keys.ts reports that case.
 */
export function parserWarning(warning: YAMLWarning): YamlError {
  const [start, end] = warning.pos;
  return { message: `${warning.message}${CONSEQUENCE[warning.code] ?? ''}`, start, end: Math.max(start, end) };
}

const CONSEQUENCE: Partial<Record<YAMLWarning['code'], string>> = {
  TAG_RESOLVE_FAILED: '; the tag is ignored and the value read as if it had none',
  BAD_COLLECTION_TYPE: '; the tag is ignored and the collection read as if it had none',
  BAD_DIRECTIVE: '; the directive is ignored',
  BAD_ALIAS: '; the colon is read as part of the name',
};
