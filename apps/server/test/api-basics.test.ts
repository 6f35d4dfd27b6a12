import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePbxConnector } from './helpers/fake-pbx.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const [pglite] = await testDatabases();

describe('app basics (PGlite)', () => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await pglite!.open();
    t = await startTestApp(db.handle, { pbx: new FakePbxConnector([{ name: 'main' }, { name: 'backup' }]) });
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('answers liveness without a key', async () => {
    const res = await t.request('GET', '/api/health', { key: null });
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('reports readiness of the database and of each PBX with its state', async () => {
    const ready = await t.request('GET', '/api/health/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      database: { kind: 'pglite', ok: true },
      simulated: false,
      pbx: [
        { name: 'main', state: 'ready', ready: true },
        { name: 'backup', state: 'ready', ready: true },
      ],
    });
    t.pbx.clients[1]!.setState('reconnecting');
    const degraded = await t.request('GET', '/api/health/ready', { key: null });
    expect(degraded.status).toBe(503);
    expect(degraded.body.status).toBe('not-ready');
    expect(degraded.body.pbx[1]).toMatchObject({ name: 'backup', state: 'reconnecting', ready: false });
    t.pbx.clients[1]!.setState('ready');
  });

  it('serves Prometheus metrics: HTTP, AMI counters, PBX state and DB pool', async () => {
    const main = t.pbx.clients[0]!.metrics;
    main.actionsSent = 42;
    main.eventsReceived = 1234;
    main.pendingActions = 3;
    main.actionLatency = {
      count: 2,
      sumMs: 7,
      maxMs: 6,
      buckets: [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    };
    await t.request('GET', '/api/health', { key: null });
    const res = await t.request('GET', '/metrics', { key: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(
      /switchboard_http_requests_total\{method="GET",route="\/api\/health",status_code="200"\} \d+/,
    );
    expect(res.text).toContain('# TYPE switchboard_ami_actions_sent_total counter');
    expect(res.text).toContain('switchboard_ami_actions_sent_total{pbx="main"} 42');
    expect(res.text).toContain('switchboard_ami_events_received_total{pbx="main"} 1234');
    expect(res.text).toContain('switchboard_ami_reconnects_total{pbx="backup"} 0');
    expect(res.text).toContain('# TYPE switchboard_ami_pending_actions gauge');
    expect(res.text).toContain('switchboard_ami_pending_actions{pbx="main"} 3');
    expect(res.text).toContain('# TYPE switchboard_ami_action_duration_seconds histogram');
    expect(res.text).toContain('switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.005"} 1');
    expect(res.text).toContain('switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.01"} 2');
    expect(res.text).toContain('switchboard_ami_action_duration_seconds_count{pbx="main"} 2');
    expect(res.text).toContain('switchboard_ami_action_duration_seconds_sum{pbx="main"} 0.007');
    expect(res.text).toContain('switchboard_pbx_state{pbx="backup",state="ready",simulated="false"} 1');
    expect(res.text).toContain('switchboard_db_pool_connections{kind="pglite",state="total"} 1');
  });

  it('answers 401 with the error envelope without a key, with a bad key or a malformed header', async () => {
    const none = await t.request('GET', '/api/tenants', { key: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      error: 'unauthenticated',
      message: expect.stringContaining('Missing API key'),
    });
    const bad = await t.request('GET', '/api/tenants', { key: 'sb_not-a-real-key' });
    expect(bad).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/api/tenants',
      headers: { authorization: 'Basic x' },
    });
    expect(malformed.statusCode).toBe(401);
  });

  it('answers unknown routes, bad JSON and wrong content types with the envelope', async () => {
    const missing = await t.request('GET', '/api/nothing-here');
    expect(missing).toMatchObject({ status: 404, body: { error: 'not-found' } });
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ error: 'bad-request' });
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(JSON.parse(wrongType.body)).toMatchObject({ error: 'unsupported-media-type' });
    const tooLarge = await t.app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ error: 'payload-too-large' });
  });

  it('publishes an OpenAPI document where every operation documents its success and error answers', async () => {
    const res = await t.request('GET', '/api/openapi.json', { key: null });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.components.schemas.Error.required).toEqual(['error', 'message']);
    const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([p, item]) =>
      Object.entries(item).map(([method, op]) => ({ id: `${method.toUpperCase()} ${p}`, op })),
    );
    expect(operations.map((o) => o.id)).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/health/ready',
        'GET /metrics',
        'POST /api/tenants',
        'PATCH /api/tenants/{tenantId}',
        'POST /api/tenants/{tenantId}/dids/select',
        'DELETE /api/tenants/{tenantId}/transfer-numbers/{numberId}',
        'DELETE /api/tenants/{tenantId}/api-keys/{keyId}',
      ]),
    );
    for (const { id, op } of operations) {
      expect(op.summary, id).toBeTruthy();
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        id,
      ).toBe(true);
      if (!['GET /api/health', 'GET /api/health/ready', 'GET /metrics'].includes(id)) {
        expect(op.responses['401']?.content['application/json'].schema.$ref, id).toBe(
          '#/components/schemas/Error',
        );
      }
    }
    const createDid = doc.paths['/api/tenants/{tenantId}/dids'].post;
    expect(createDid.requestBody.content['application/json'].schema.properties.number).toBeDefined();
    expect(Object.keys(createDid.responses)).toEqual(
      expect.arrayContaining(['201', '400', '403', '404', '409', '422']),
    );
    const list = doc.paths['/api/tenants/{tenantId}/dids'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['tenantId', 'limit', 'cursor']),
    );
  });

  it('matches the committed openapi.json (regenerate with `npx vitest run apps/server -u`)', async () => {
    const res = await t.request('GET', '/api/openapi.json', { key: null });
    const file = fileURLToPath(new URL('../openapi.json', import.meta.url));
    const text = await format(JSON.stringify(res.body), { ...(await resolveConfig(file)), filepath: file });
    await expect(text).toMatchFileSnapshot('../openapi.json');
  });

  it('serves Swagger UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
