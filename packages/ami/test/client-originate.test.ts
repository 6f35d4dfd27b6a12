import { describe, expect, it } from 'vitest';
import { AmiErrorCode, buildOriginateAction, originateOutcome, type OriginateResult } from '../src/index.js';
import { clientFor, startServer } from './helpers/client-fixture.js';
import { errorResponse, msg, response, type MockAmiServer } from './helpers/mock-ami-server.js';

/** Answers Originate like Asterisk (captures originate-*): queued, then the OriginateResponse event. */
function scriptOriginate(
  server: MockAmiServer,
  outcome: { response: string; reason: number; unknown?: boolean },
) {
  server.on('Originate', (a, session) => {
    setTimeout(() => {
      session.send(
        msg({
          Event: 'OriginateResponse',
          Privilege: 'call,all',
          ActionID: a.get('ActionID')!,
          Response: outcome.response,
          Channel: outcome.unknown ? a.get('Channel')! : `${a.get('Channel')!}-00000000;1`,
          Context: a.get('Context')!,
          Exten: a.get('Exten')!,
          Reason: outcome.reason,
          Uniqueid: outcome.unknown ? '<unknown>' : a.get('ChannelId')!,
          CallerIDNum: '<unknown>',
          CallerIDName: '<unknown>',
        }),
      );
    }, 10);
    return response(a, { Message: 'Originate successfully queued' });
  });
}

describe('AmiClient.originate', () => {
  it('sends Async: true with pre-set ChannelId/OtherChannelId and settles on OriginateResponse (answered)', async () => {
    const server = await startServer();
    scriptOriginate(server, { response: 'Success', reason: 4 });
    const client = clientFor(server);
    await client.connect();
    const result: OriginateResult = await client.originate({
      channel: 'Local/answer@test',
      context: 'test',
      exten: 'long',
      callerId: '"Switchboard" <+15550100>',
      timeout: 20000,
      variables: { SWITCHBOARD_CALL_ID: 'c-1', 'CDR(userfield)': 'x' },
      channelId: 'call-1',
      otherChannelId: 'call-1-2',
    });
    const sent = server.actions.find((a) => a.name === 'Originate')!;
    expect(sent.get('Async')).toBe('true');
    expect(sent.get('ChannelId')).toBe('call-1');
    expect(sent.get('OtherChannelId')).toBe('call-1-2');
    expect(sent.get('Timeout')).toBe('20000');
    expect(sent.getAll('Variable')).toEqual(['SWITCHBOARD_CALL_ID=c-1', 'CDR(userfield)=x']);
    expect(result).toMatchObject({
      success: true,
      reason: 4,
      outcome: 'answered',
      uniqueid: 'call-1',
      channelId: 'call-1',
      channel: 'Local/answer@test-00000000;1',
    });
  });

  it('reads a failure: Reason 5 busy, Uniqueid <unknown>, Channel = the dial string', async () => {
    const server = await startServer();
    scriptOriginate(server, { response: 'Failure', reason: 5, unknown: true });
    const client = clientFor(server);
    await client.connect();
    const result = await client.originate({ channel: 'Local/busy@test', context: 'test', exten: 'busy' });
    expect(result).toMatchObject({
      success: false,
      reason: 5,
      outcome: 'busy',
      uniqueid: undefined,
      channel: 'Local/busy@test',
    });
    expect(result.channelId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects with AMI_ERR_ACTION_FAILED when Asterisk refuses at once', async () => {
    const server = await startServer();
    server.on('Originate', (a) => errorResponse(a, 'Extension does not exist.'));
    const client = clientFor(server);
    await client.connect();
    await expect(
      client.originate({ channel: 'Local/answer@test', context: 'test', exten: 'nope' }),
    ).rejects.toMatchObject({ code: AmiErrorCode.ActionFailed, amiMessage: 'Extension does not exist.' });
  });

  it('times out when no OriginateResponse comes', async () => {
    const server = await startServer();
    server.on('Originate', (a) => response(a, { Message: 'Originate successfully queued' }));
    const client = clientFor(server, { originateGrace: 30 });
    await client.connect();
    await expect(
      client.originate({ channel: 'Local/x@test', context: 'test', exten: 'x', timeout: 20 }),
    ).rejects.toMatchObject({ code: AmiErrorCode.Timeout });
  });

  it('maps Reason codes as Asterisk 22 uses them', () => {
    expect([4, 5, 3, 8, 0, 1].map(originateOutcome)).toEqual([
      'answered',
      'busy',
      'no-answer',
      'congestion',
      'failed',
      'failed',
    ]);
  });

  it('refuses bad variable names, bad ids and half-given destinations before sending', () => {
    const base = { channel: 'Local/1@x', context: 'c', exten: 'e' };
    expect(() => buildOriginateAction({ ...base, variables: { 'A=B': '1' } })).toThrow(/variable name/);
    expect(() => buildOriginateAction({ ...base, variables: { 'X\r\nAction': '1' } })).toThrow(
      /variable name/,
    );
    expect(() => buildOriginateAction({ ...base, channelId: 'a b' })).toThrow(/ChannelId/);
    expect(() => buildOriginateAction({ ...base, channelId: 'same', otherChannelId: 'same' })).toThrow(
      /differ/,
    );
    expect(() => buildOriginateAction({ channel: 'Local/1@x', context: 'c' })).toThrow(/required/);
    expect(() => buildOriginateAction({ ...base, application: 'Playback' })).toThrow(/not both/);
    expect(() => buildOriginateAction({ ...base, timeout: -1 })).toThrow(/Timeout/);
    const app = buildOriginateAction({ channel: 'Local/1@x', application: 'Playback', data: 'custom/hello' });
    expect(app.action).toMatchObject({ Application: 'Playback', Data: 'custom/hello', Async: 'true' });
    expect(app.action).not.toHaveProperty('Context');
  });
});
