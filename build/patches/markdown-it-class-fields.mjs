// markdown-it's dist sets every field of every token through a transpiled class-field helper
// that converts the key and probes the prototype first; its classes have no accessors, so a
// plain assignment is the same and keeps parsing off that path. The constructors' calls
// (`_defineProperty(this, "map", null)`) become assignments, the rest call a plain helper.
import { strictPatch } from './strict-patch.mjs';

const HELPER = /function _defineProperty\(e, r, t\) \{[\s\S]*?\n\}/;
const FIELD_CALL = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*([^;]*?)\s*\);/g;

export default strictPatch({
  name: 'markdown-it-class-fields',
  library: 'markdown-it',
  version: '15.0.3',
  file: /markdown-it[\\/]dist[\\/]markdown-it\.mjs$/,
  apply(source) {
    if (!HELPER.test(source)) return undefined;
    return source
      .replace(HELPER, 'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}')
      .replace(FIELD_CALL, (_, name, value) => `this.${name} = ${value};`);
  },
});
