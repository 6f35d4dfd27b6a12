import { describe, expect, it } from 'vitest';
import { toPbxStatus, type Readiness } from './use-pbx-status';

const readiness = (pbx: Readiness['pbx'], simulated = false): Readiness => ({
  status: 'ready',
  database: { kind: 'pglite', ok: true },
  pbx,
  simulated,
  warnings: [],
});
const link = (state: string, ready: boolean, simulated = false) => ({
  name: 'main',
  host: 'pbx',
  port: 5038,
  simulated,
  state,
  ready,
});

describe('toPbxStatus', () => {
  it('is connected only when every PBX is ready', () => {
    expect(toPbxStatus(readiness([link('ready', true)])).state).toBe('connected');
    expect(toPbxStatus(readiness([link('ready', true), link('closed', false)])).state).toBe('down');
  });

  it('tells reconnecting apart from down', () => {
    expect(toPbxStatus(readiness([link('reconnecting', false)])).state).toBe('reconnecting');
    expect(toPbxStatus(readiness([link('authenticating', false)])).state).toBe('reconnecting');
    expect(toPbxStatus(readiness([link('closed', false)])).state).toBe('down');
  });

  it('marks the in-process simulator as simulated', () => {
    const status = toPbxStatus(readiness([link('ready', true, true)], true));
    expect(status).toEqual({ state: 'connected', simulated: true, details: ['main: ready (simulated)'] });
  });

  it('is unknown before the first answer', () => {
    expect(toPbxStatus(undefined).state).toBe('unknown');
  });
});
