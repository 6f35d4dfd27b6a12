import { describe, expect, it } from 'vitest';
import { FakePbxConnector } from '../../test/helpers/fake-pbx.js';
import { PbxService } from './pbx.service.js';

describe('PbxService', () => {
  it('connects every link at start, reports state changes and closes everything at shutdown', async () => {
    const connector = new FakePbxConnector([
      { name: 'a' },
      { name: 'b', simulated: true, connectTo: 'reconnecting' },
    ]);
    const service = new PbxService(connector);
    const seen: string[] = [];
    service.on('state', (name, state, previous) => seen.push(`${name}:${previous}->${state}`));
    await service.onModuleInit();
    expect(seen).toEqual(['a:idle->ready', 'b:idle->reconnecting']);
    expect(service.simulated).toBe(true);
    expect(service.status().map((s) => [s.name, s.state, s.ready])).toEqual([
      ['a', 'ready', true],
      ['b', 'reconnecting', false],
    ]);
    expect(service.client('b')).toBe(connector.clients[1]);
    expect(service.client()).toBe(connector.clients[0]);
    await service.onApplicationShutdown();
    expect(connector.clients.map((c) => c.closed)).toEqual([1, 1]);
    expect(service.status()).toEqual([]);
  });
});
