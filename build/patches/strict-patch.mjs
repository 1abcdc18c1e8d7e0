// A library patch as an esbuild plugin that fails the build, rather than building something
// else than what was measured, when the library is not the version the patch was written for
// or its source no longer has the shape the patch rewrites.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function strictPatch({ name, library, version, file, apply }) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: file }, (args) => {
        const installed = require(`${library}/package.json`).version;
        if (installed !== version) {
          return {
            errors: [
              {
                text: `patch ${name} is written for ${library} ${version}, but ${installed} is installed: measure the patch again on it, then update build/patches/${name}.mjs`,
              },
            ],
          };
        }
        const contents = apply(readFileSync(args.path, 'utf8'));
        if (contents === undefined)
          return { errors: [{ text: `patch ${name}: ${args.path} is not the source the patch rewrites` }] };
        return { contents, loader: 'js' };
      });
    },
  };
}
