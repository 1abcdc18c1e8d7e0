// The validation code the build generates from SCHEMAS (schemas.ts) with ajv's standalone
// mode: see the precompiled-validators plugin of esbuild.mjs.
declare module 'mimspec:validators' {
  import type { ValidateFunction } from 'ajv/dist/2020';
  export const mim: ValidateFunction;
  export const resource: ValidateFunction;
  export const publiccode: ValidateFunction;
  export const config: ValidateFunction;
}
