import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import * as validators from 'mimspec:validators';
import type { ParseProblem } from '../../model/finding.js';
import type { LineIndex } from '../../model/range.js';
import type { LoadedYaml } from './load.js';
import { schemaErrorsToProblems } from './schema-problems.js';
import type { SchemaName } from './schemas.js';

// Compiled to code when the project is built (esbuild.mjs), so that no process spends its start-up compiling schemas.
const VALIDATORS: Record<SchemaName, ValidateFunction> = validators;

/**
 * Validates a loaded file against its schema. A file that does not parse is reported as
 * syntax only: its data would be a guess. An empty file is validated as an empty map, so
 * missing required keys are named. `skip` drops errors another check reports better. Fixes
 * edit `file`.
 */
export function checkSchema(
  name: SchemaName,
  file: string,
  loaded: LoadedYaml,
  lines: LineIndex,
  skip?: (error: ErrorObject) => boolean,
): ParseProblem[] {
  if (!loaded.clean) return [];
  const validate = VALIDATORS[name];
  if (validate(loaded.data === undefined ? {} : loaded.data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !skip?.(e));
  return schemaErrorsToProblems(errors, loaded.root, lines, file);
}
