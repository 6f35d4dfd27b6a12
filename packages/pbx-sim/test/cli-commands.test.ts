import { describe, expect, it } from 'vitest';
import type { RawClient } from './helpers/capture-replay.js';
import { loggedIn, request, waitEvent } from './helpers/sim-client.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: 50, seed: 5 });

async function cli(c: RawClient, command: string): Promise<{ response: string; output: string[] }> {
  const r = await request(c, { Action: 'Command', Command: command, ActionID: command });
  return { response: r.get('Response')!, output: r.getAll('Output') };
}

describe('CLI commands built from the simulator state', () => {
  it('manager show connected lists every session with its permission masks', async () => {
    const c = await sims.adminClient();
    sims.closeAfter(await loggedIn(sims.sim.port, 'readonly', 'readonly111'));
    const { output } = await cli(c, 'manager show connected');
    expect(output).toHaveLength(4);
    expect(output[1]).toMatch(/^ {2}admin {12}127\.0\.0\.1 +\d{10} {2}\d +14 +0 +2147483647 {2}2147483647$/);
    expect(output[2]).toMatch(
      /^ {2}readonly {9}127\.0\.0\.1 +\d{10} {2}\d +15 +0 +0000001538 {2}0000000000$/,
    );
    expect(output[3]).toBe('2 users connected.');
  });

  it('dialplan show prints includes, extensions from a scenario and errors like Asterisk', async () => {
    const c = await sims.adminClient({ extensions: { test: { ivr: [['Answer'], ['Hangup']] } } });
    expect((await cli(c, 'dialplan show default')).output).toEqual([
      "[ Context 'default' created by 'pbx_config' ]",
      `  Include =>        ${"'test'".padEnd(45)} [pbx_config]`,
      '',
      '-= 0 extensions (0 priorities) in 1 context. =-',
    ]);
    expect((await cli(c, 'dialplan show ivr@default')).output).toEqual([
      "[ Included context 'test' created by 'pbx_config' ]",
      `  'ivr' =>          ${'1. Answer()'.padEnd(45)} [pbx_config]`,
      `                    ${'2. Hangup()'.padEnd(45)} [pbx_config]`,
      '',
      '-= 1 extension (2 priorities) in 1 context. =-',
    ]);
    const missing = await cli(c, 'dialplan show nosuch@test');
    expect(missing).toEqual({
      response: 'Error',
      output: ['There is no existence of nosuch@test extension'],
    });
    expect((await cli(c, 'dialplan show nocontext')).output).toEqual([
      "There is no existence of 'nocontext' context",
    ]);
  });

  it('core show channels shows a live call and counts processed calls', async () => {
    const c = await sims.adminClient();
    await request(c, {
      Action: 'Originate',
      Channel: 'Local/long@test',
      Application: 'Wait',
      Data: '30',
      Async: 'true',
      ActionID: 'o',
    });
    await waitEvent(c, 'OriginateResponse');
    const { output } = await cli(c, 'core show channels');
    expect(output.slice(-3)).toEqual(['2 active channels', '1 active call', '1 call processed']);
    expect(output[1]).toMatch(/^Local\/long@test-00000000;1 +long@test:1 +Up +Wait\(30\) +$/);
  });
});
