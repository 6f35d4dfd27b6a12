import { Body, Param, Query, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { notFound, validationFailed } from '../errors/app-error.js';
import { toOpenApiSchema } from './openapi-schema.js';

export function zodIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Parses a request part with a zod schema; a failure is a 400 `validation-failed` listing every field. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly part: string,
  ) {}

  transform(value: unknown, _metadata: ArgumentMetadata): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw validationFailed(`The request ${this.part} is invalid`, { issues: zodIssues(result.error) });
  }
}

/** Applies a method decorator from inside a parameter decorator, so one decorator validates and documents. */
function onMethod(target: object, key: string | symbol | undefined, decorator: MethodDecorator): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) decorator(target, key, descriptor);
}

/** `@ValidBody(schema)`: the request body, parsed by `schema` and documented from it. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    onMethod(target, key, ApiBody({ schema: toOpenApiSchema(schema, 'input') }));
  };
}

/** `@ValidQuery(schema)`: the query string, parsed by an object `schema`, each property documented. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    const json = toOpenApiSchema(schema, 'input');
    const required = new Set(json.required ?? []);
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const description = (property as { description?: string }).description;
      onMethod(
        target,
        key,
        ApiQuery({
          name,
          required: required.has(name),
          schema: property,
          ...(description ? { description } : {}),
        }),
      );
    }
  };
}

const uuid = z.uuid();

/** Validates a path id as a UUID; a malformed id is just another missing object (404). */
export class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!uuid.safeParse(value).success) throw notFound(this.what);
    return value;
  }
}

/** `@IdParam('didId', 'DID')`: a UUID path parameter, documented. */
export function IdParam(name: string, what: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new IdPipe(what))(target, key, index);
    onMethod(target, key, ApiParam({ name, format: 'uuid', type: 'string', description: `${what} id` }));
  };
}
