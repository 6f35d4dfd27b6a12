import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { STANDARD_ERRORS } from '../errors/error-envelope.js';
import { toOpenApiSchema } from './openapi-schema.js';

export interface ApiEndpointOptions {
  summary: string;
  description?: string;
  /** Success status. Default 200. */
  status?: number;
  /** Success body; omit for an empty answer (e.g. 204). */
  response?: z.ZodType;
  /** Error statuses this endpoint may answer, besides 500, and 401 and 503 (added unless `public`). */
  errors?: number[];
  /** No API key needed. */
  public?: boolean;
}

export const ERROR_SCHEMA_REF = '#/components/schemas/Error';

/** Documents one endpoint: summary, success body and every error status, each with the error envelope. */
export function ApiEndpoint(options: ApiEndpointOptions) {
  const status = options.status ?? 200;
  const errors = new Set(options.errors ?? []);
  // Any keyed request reads the database (the key lookup), and anything can fail unexpectedly.
  if (!options.public) [401, 503].forEach((code) => errors.add(code));
  errors.add(500);
  const decorators = [
    ApiOperation({
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    HttpCode(status),
    ApiResponse({
      status,
      description: 'Success',
      ...(options.response ? { schema: toOpenApiSchema(options.response) } : {}),
    }),
    ...[...errors].sort().map((code) =>
      ApiResponse({
        status: code,
        description: `${STANDARD_ERRORS[code]?.description ?? 'Error'} Codes: ${(STANDARD_ERRORS[code]?.codes ?? []).map((c) => `\`${c}\``).join(', ')}.`,
        schema: { $ref: ERROR_SCHEMA_REF },
      }),
    ),
  ];
  if (!options.public) decorators.push(ApiBearerAuth());
  return applyDecorators(...decorators);
}
