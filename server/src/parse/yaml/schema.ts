import Ajv2020, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv/dist/2020';
import configSchemaJson from '../../../../schemas/mimspec-config.schema.json';
import mimSchemaJson from '../../../../schemas/mim.schema.json';
import resourceSchemaJson from '../../../../schemas/mim-resource.schema.json';
import type { ParseProblem } from '../../model/finding.js';
import type { LineIndex } from '../../model/range.js';
import type { LoadedYaml } from './load.js';
import { schemaErrorsToProblems } from './schema-problems.js';

/** The JSON Schemas, for validation here and for completion and hover in the editor. */
export const mimSchema: SchemaObject = mimSchemaJson;
export const resourceSchema: SchemaObject = resourceSchemaJson;
export const configSchema: SchemaObject = configSchemaJson;

/**
 * publiccode.yml follows a standard of its own that this project does not own, so it gets
 * no closed schema: only the keys the engine reads are checked, and only for their type.
 * Every other key, known to publiccode.yml or not, is left alone.
 */
export const publiccodeSchema: SchemaObject = {
  type: 'object',
  properties: {
    name: { description: resourceSchema.properties.name.description, type: 'string' },
    mims: resourceSchema.properties.mims,
    description: {
      description: resourceSchema.properties.description.description,
      type: 'object',
      properties: {
        en: {
          description: resourceSchema.properties.description.properties.en.description,
          type: 'object',
          properties: { genericName: resourceSchema.$defs.localisedDescription.properties.genericName },
        },
      },
    },
  },
};

export type SchemaName = 'mim' | 'resource' | 'publiccode' | 'config';

// verbose: errors carry the data and the schema at fault, which the messages quote.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });

// Compiled once, when the module loads.
const VALIDATORS: Record<SchemaName, ValidateFunction> = {
  mim: ajv.compile(mimSchema),
  resource: ajv.compile(resourceSchema),
  publiccode: ajv.compile(publiccodeSchema),
  config: ajv.compile(configSchema),
};

/**
 * Validates a loaded file against its schema. A file that does not parse is reported as
 * syntax only: its data would be a guess. An empty file is validated as an empty map, so
 * missing required keys are named. `skip` drops errors another check reports better.
 */
export function checkSchema(name: SchemaName, loaded: LoadedYaml, lines: LineIndex, skip?: (error: ErrorObject) => boolean): ParseProblem[] {
  if (!loaded.clean) return [];
  const validate = VALIDATORS[name];
  if (validate(loaded.data === undefined ? {} : loaded.data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !skip?.(e));
  return schemaErrorsToProblems(errors, loaded.root, lines);
}
