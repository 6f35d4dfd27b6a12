import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

type AnySchema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
/** An inline OpenAPI schema object (not a $ref). */
export type SchemaObject = Exclude<AnySchema, { $ref: string }>;

/** The OpenAPI 3.0 schema of a zod schema: the same object validates requests and documents them. */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    reused: 'inline',
  });
  delete (json as { $schema?: unknown }).$schema;
  delete (json as { id?: unknown }).id;
  return json as SchemaObject;
}
