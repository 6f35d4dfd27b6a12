import { describe, expect, it } from 'vitest';
import { callRow } from '../../test/helpers/call-rows.js';
import type { CallRow } from '../db/database.types.js';
import { CallStreamHub, type CallStreamMessage } from './call-stream.hub.js';
import { CallStreamService } from './call-stream.service.js';
import type { CallsRepository } from './calls.repository.js';

describe('CallStreamService', () => {
  it('a resume from the database sends the live changes held meanwhile, except those it already sent as newer', async () => {
    const hub = new CallStreamHub();
    let answer!: (rows: CallRow[]) => void;
    const calls = {
      changedSince: () => new Promise<CallRow[]>((resolve) => (answer = resolve)),
    } as unknown as CallsRepository;
    const seen: CallStreamMessage[] = [];
    // Nothing held in memory: the resume reads the database.
    const subscribing = new CallStreamService(hub, calls).subscribe('tenant-1', 3, (m) => seen.push(m));
    // While it reads: call 1's older change arrives live (another instance's notice read late), and call 2's.
    hub.publish(callRow({ change_seq: '5', status: 'dialing' }));
    hub.publish(callRow({ id: 'call-2', change_seq: '7' }));
    answer([callRow({ change_seq: '6', status: 'ringing' })]);
    await subscribing;
    expect(seen.map((m) => [m.call.id, m.id, m.call.status])).toEqual([
      ['call-1', 6, 'ringing'],
      ['call-2', 7, 'dialing'],
    ]);
  });
});
