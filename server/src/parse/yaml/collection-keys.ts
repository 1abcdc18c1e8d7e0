import type { YamlError } from './yaml-error.js';
import type { YamlNode } from './tree.js';

/**
 * Keys that are collections (`? [a]\n: b`): valid YAML, but nothing in a MIM document is keyed
 * so, and both parsers turn such a key into a string that no reader looks for (the recovering
 * one warns on the process's stderr as it does). Said here, on the key, as an error of the file.
 */
export function collectionKeys(root: YamlNode | undefined): YamlError[] {
  const found: YamlError[] = [];
  const stack: (YamlNode | null)[] = root ? [root] : [];
  while (stack.length > 0 && found.length < MAX) {
    const node = stack.pop();
    if (!node) continue;
    if (node.kind === 'seq') stack.push(...node.items);
    else if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key && (pair.key.kind === 'map' || pair.key.kind === 'seq'))
          found.push({
            message: 'a key that is a list or a map is read as text, which nothing looks for: write a plain key',
            start: pair.key.start,
            end: pair.key.end,
          });
        stack.push(pair.value);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A file may repeat the slip many times; a few findings are enough. */
const MAX = 20;
