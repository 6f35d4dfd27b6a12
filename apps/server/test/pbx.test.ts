import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PbxSimulator } from '@switchboard/pbx-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { AmiPbxConnector } from '../src/pbx/ami-pbx-connector.js';
import { PbxService } from '../src/pbx/pbx.service.js';
import { SimulatedPbxConnector } from '../src/pbx/simulated-pbx-connector.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const [pglite] = await testDatabases();

async function untilReady(t: TestApp): Promise<void> {
  const pbx = t.app.get(PbxService);
  while (!pbx.status().every((s) => s.ready)) await once(pbx, 'state');
}

describe('PBX connections over AMI (PGlite)', () => {
  let db: OpenedTestDatabase;
  let t: TestApp | undefined;
  beforeAll(async () => {
    db = await pglite!.open();
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('without AMI settings runs the simulator in-process and says so in health', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-sim-'));
    onTestFinished(() => fs.rm(dataDir, { recursive: true, force: true }));
    t = await startTestApp(db.handle, {
      pbxConnector: new SimulatedPbxConnector({ dataDir, pbxSimSpeed: 1 }),
    });
    await untilReady(t);
    const ready = await t.request('GET', '/api/health/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      simulated: true,
      pbx: [{ name: 'simulated', simulated: true, state: 'ready' }],
    });
    expect(ready.body.warnings.join(' ')).toContain('SIMULATED');
    const pong = await t.app.get(PbxService).client()!.action({ Action: 'Ping' });
    expect(pong.get('Response')).toBe('Success');
    const metrics = await t.request('GET', '/metrics', { key: null });
    expect(metrics.text).toMatch(/^switchboard_ami_actions_succeeded_total\{pbx="simulated"\} [1-9]/m);
    expect(metrics.text).toMatch(/^switchboard_ami_events_received_total\{pbx="simulated"\} [1-9]/m);
    expect(metrics.text).toMatch(/^switchboard_ami_action_duration_seconds_count\{pbx="simulated"\} [1-9]/m);
    expect(metrics.text).toMatch(
      /^switchboard_ami_action_duration_seconds_bucket\{pbx="simulated",le="\+Inf"\} [1-9]/m,
    );
  });

  it('with AMI settings connects to that PBX, and closes the client at shutdown', async () => {
    const asterisk = await new PbxSimulator({
      port: 0,
      users: { sb: { secret: 'test-secret', read: 'all', write: 'all' } },
    }).start();
    try {
      const config = loadConfig({
        AMI_HOST: '127.0.0.1',
        AMI_PORT: String(asterisk.port),
        AMI_USER: 'sb',
        AMI_PASSWORD: 'test-secret',
      });
      t = await startTestApp(db.handle, { pbxConnector: new AmiPbxConnector(config) });
      await untilReady(t);
      const ready = await t.request('GET', '/api/health/ready', { key: null });
      expect(ready.body).toMatchObject({
        status: 'ready',
        simulated: false,
        pbx: [{ name: 'main', port: asterisk.port, simulated: false, state: 'ready' }],
      });
      expect(asterisk.connectionCount).toBe(1);
      const client = t.app.get(PbxService).client()!;
      await t.close();
      t = undefined;
      expect(client.state).toBe('closed');
    } finally {
      await asterisk.stop();
    }
  });
});
