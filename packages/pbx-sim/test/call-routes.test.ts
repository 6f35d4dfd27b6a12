import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PbxSimulator, compilePattern, validateScenario, wavBytes, wavDurationMs } from '../src/index.js';
import type { PbxSimOptions } from '../src/index.js';
import type { RawClient } from './helpers/capture-replay.js';
import { events, loggedIn, request, waitEvent } from './helpers/sim-client.js';

let sim: PbxSimulator | undefined;
const clients: RawClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await sim?.stop();
  sim = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function client(options: PbxSimOptions = {}): Promise<RawClient> {
  sim = await new PbxSimulator({ port: 0, speed: 50, seed: 3, ...options }).start();
  const c = await loggedIn(sim.port);
  clients.push(c);
  return c;
}

async function originate(c: RawClient, id: string, channel: string, extra: Record<string, string> = {}) {
  await request(c, {
    Action: 'Originate',
    ActionID: id,
    Channel: channel,
    Context: 'test',
    Exten: 'long',
    Priority: '1',
    Async: 'true',
    ...extra,
  });
  return waitEvent(c, 'OriginateResponse', (m) => m.get('ActionID') === id, 15_000);
}

function hangupCauses(c: RawClient): string[] {
  return events(c, 'Hangup').map((m) => m.get('Cause')!);
}

describe('route table and call outcomes', () => {
  it('answers a normal E.164 number after ringing, then the callee hangs up with cause 16', async () => {
    const c = await client();
    // The originated half waits in test,moh (5 minutes), so the callee's talk time decides the end.
    const r = await originate(c, 'a', 'Local/+14155550123@from-internal', { Exten: 'moh' });
    expect([r.get('Response'), r.get('Reason')]).toEqual(['Success', '4']);
    expect(events(c, 'Newstate', (m) => m.get('ChannelState') === '5')).toHaveLength(1);
    await c.waitFor(() => events(c, 'Hangup').length === 2, 15_000);
    expect(hangupCauses(c)).toEqual(['16', '16']);
    const cdr = events(c, 'Cdr');
    expect(cdr.map((m) => m.get('Disposition'))).toEqual(['ANSWERED', 'ANSWERED']);
    expect(Number(cdr[0]!.get('BillableSeconds'))).toBeGreaterThanOrEqual(19);
  });

  it.each([
    ['14155550486', 'Failure', '5', 'BUSY'],
    ['14155550503', 'Failure', '8', 'CONGESTION'],
    ['14155550404', 'Failure', '0', 'FAILED'],
    ['14155550603', 'Failure', '8', 'FAILED'],
  ])('suffix convention: %s -> %s Reason %s, CDR %s', async (number, response, reason, disposition) => {
    const c = await client();
    const r = await originate(c, 'x', `Local/${number}@from-internal`);
    expect([r.get('Response'), r.get('Reason'), r.get('Uniqueid')]).toEqual([response, reason, '<unknown>']);
    await c.waitFor(() => events(c, 'Cdr').length === 2);
    expect(events(c, 'Cdr')[0]!.get('Disposition')).toBe(disposition);
  });

  it('gives Reason 3 when the Originate Timeout expires while ringing (suffix 408)', async () => {
    const c = await client();
    const r = await originate(c, 'n', 'Local/14155550408@from-internal', { Timeout: '5000' });
    expect([r.get('Response'), r.get('Reason')]).toEqual(['Failure', '3']);
    await c.waitFor(() => events(c, 'Hangup').length === 2);
    expect(hangupCauses(c)).toEqual(['19', '19']);
  });

  it('keeps a 999 call up until the AMI Hangup action', async () => {
    const c = await client();
    const r = await originate(c, 'h', 'Local/14155550999@from-internal');
    const status = await request(c, { Action: 'CoreShowChannels', ActionID: 'csc' });
    expect(status.get('EventList')).toBe('start');
    await waitEvent(c, 'CoreShowChannelsComplete');
    expect(events(c, 'CoreShowChannel')).toHaveLength(2);
    const h = await request(c, { Action: 'Hangup', Channel: r.get('Channel')!, Cause: '16', ActionID: 'hh' });
    expect(h.get('Message')).toBe('Channel Hungup');
    await c.waitFor(() => events(c, 'Hangup').length === 2);
    const again = await request(c, { Action: 'Hangup', Channel: r.get('Channel')!, ActionID: 'h2' });
    expect(again.get('Message')).toBe('No such channel');
  });

  it('maps hangupcause-17 to Reason 5 and Cause 17 on both halves', async () => {
    const c = await client();
    const r = await originate(c, 'hc', 'Local/hangupcause-17@test');
    expect(r.get('Reason')).toBe('5');
    await c.waitFor(() => events(c, 'Hangup').length === 2);
    expect(hangupCauses(c)).toEqual(['17', '17']);
  });

  it('fails PJSIP endpoints without contact and unknown technologies with Reason 0 and no channel', async () => {
    const c = await client();
    expect((await originate(c, 'p', 'PJSIP/1001')).get('Reason')).toBe('0');
    expect((await originate(c, 'f', 'Foo/bar')).get('Channel')).toBe('Foo/bar');
    expect(events(c, 'Newchannel')).toHaveLength(0);
  });

  it('honours ChannelId / OtherChannelId and CallerID', async () => {
    const c = await client();
    const r = await originate(c, 'id', 'Local/answer@test', {
      ChannelId: 'call-1',
      OtherChannelId: 'call-1-2',
      CallerID: '"Acme" <15550001111>',
    });
    expect(r.get('Uniqueid')).toBe('call-1');
    const two = events(c, 'Newchannel').find((m) => m.get('Channel')!.endsWith(';2'))!;
    expect([two.get('Uniqueid'), two.get('Linkedid')]).toEqual(['call-1-2', 'call-1']);
    expect(r.get('CallerIDNum')).toBe('15550001111');
  });

  it('writes a playable 8 kHz mono WAV named <Uniqueid>.wav for the record extension', async () => {
    const monitorDir = mkdtempSync(path.join(os.tmpdir(), 'pbx-sim-mon-'));
    dirs.push(monitorDir);
    const c = await client({ monitorDir });
    await originate(c, 'r', 'Local/record@test');
    const stop = await waitEvent(c, 'MixMonitorStop');
    const file = path.join(monitorDir, `${stop.get('Uniqueid')}.wav`);
    const bytes = readFileSync(file);
    expect(bytes.readUInt32LE(24)).toBe(8000);
    expect(bytes.readUInt16LE(22)).toBe(1);
    expect(wavDurationMs(bytes)).toBeGreaterThan(4000);
  });

  it('plays custom/<name> from the sounds folder, and goes on with FAILED when it is missing', async () => {
    const soundsDir = mkdtempSync(path.join(os.tmpdir(), 'pbx-sim-snd-'));
    dirs.push(soundsDir);
    mkdirSync(path.join(soundsDir, 'custom'));
    writeFileSync(path.join(soundsDir, 'custom', 'hello.wav'), wavBytes(1000));
    const c = await client({
      soundsDir,
      extensions: {
        test: { ivr: [['Answer'], ['Playback', 'custom/hello'], ['Playback', 'custom/missing'], ['Hangup']] },
      },
    });
    await originate(c, 'pb', 'Local/ivr@test');
    await c.waitFor(() => events(c, 'Hangup').length === 2);
    const statuses = events(c, 'VarSet', (m) => m.get('Variable') === 'PLAYBACKSTATUS').map((m) =>
      m.get('Value'),
    );
    expect(statuses).toEqual(['SUCCESS', 'FAILED']);
  });

  it('loads routes from a scenario file before the defaults', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pbx-sim-scn-'));
    dirs.push(dir);
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ routes: [{ pattern: '_1555XXXXXXX', outcome: 'busy' }] }));
    sim = await PbxSimulator.fromScenarioFile(file, { port: 0, speed: 50 }).start();
    const c = await loggedIn(sim.port);
    clients.push(c);
    expect((await originate(c, 's', 'Local/15551234567@test')).get('Reason')).toBe('5');
    expect(() => validateScenario({ routes: [{ pattern: 'x', outcome: 'nope' }] })).toThrow(/outcome/);
    expect(() =>
      validateScenario({
        inboundCalls: [
          { from: 3, atMs: -1 },
          { to: 'service', hangupAfterMs: 'soon' },
        ],
      }),
    ).toThrow(/inboundCalls\[0\]\.from[\s\S]*inboundCalls\[0\]\.atMs[\s\S]*inboundCalls\[1\]\.hangupAfterMs/);
  });

  it('compiles Asterisk patterns and regular expressions', () => {
    expect(compilePattern('_NXX')('234')).toBe(true);
    expect(compilePattern('_NXX')('134')).toBe(false);
    expect(compilePattern('_1[58]X.')('1801')).toBe(true);
    expect(compilePattern('/^\\+1/')('+1555')).toBe(true);
  });
});
