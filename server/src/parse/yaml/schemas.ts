import type { SchemaObject } from 'ajv/dist/2020';
import configSchemaJson from '../../../../schemas/mimspec-config.schema.json';
import mimSchemaJson from '../../../../schemas/mim.schema.json';
import resourceSchemaJson from '../../../../schemas/mim-resource.schema.json';

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

/** Every schema a file is validated against, by name: the build compiles these to validation code. */
export const SCHEMAS = {
  mim: mimSchema,
  resource: resourceSchema,
  publiccode: publiccodeSchema,
  config: configSchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;
