import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { errorEnvelopeSchema } from './common/errors/error-envelope.js';
import { toOpenApiSchema } from './common/validation/openapi-schema.js';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const SWAGGER_UI_PATH = 'api/docs';

/** The OpenAPI document, generated from the controllers' decorators and zod schemas. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Switchboard API')
    .setDescription(
      'Call automation beside Asterisk/FreePBX. Authenticate with `Authorization: Bearer <API key>`. ' +
        'Every key belongs to a tenant and has a role: `admin` acts on all tenants (create, change and ' +
        'delete tenants; API keys, DIDs and transfer numbers of any tenant); `operator` makes calls and manages ' +
        'sounds in its own tenant; `viewer` reads its own tenant. ADMIN_API_KEY, when set, is a super-admin ' +
        "key. For operator and viewer keys another tenant's objects answer 404, exactly like missing ones; " +
        'a role that may not do something gets 403. ' +
        'Errors are JSON `{ "error": "<stable-code>", "message": "...", "details": ... }`. ' +
        'Lists take `limit` and `cursor` and answer `{ items, nextCursor }`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key, e.g. sb_...' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    Error: toOpenApiSchema(errorEnvelopeSchema),
  };
  return document;
}

export function mountOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(SWAGGER_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'api/openapi.yaml',
  });
  return document;
}
