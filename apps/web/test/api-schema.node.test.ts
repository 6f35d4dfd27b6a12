import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const spec = new URL('../../server/openapi.json', import.meta.url);
const schema = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

describe('the typed API client', () => {
  it("is generated from the server's committed OpenAPI document (run `npm run gen:api -w @switchboard/web`)", async () => {
    const generated = astToString(await openapiTS(spec));
    const committed = await fs.readFile(schema, 'utf8');
    expect(committed.endsWith(generated)).toBe(true);
  });
});
