import type { CallEngine } from './call-engine.js';
import { dialFromChannel, type DialObserver } from './dial-app.js';
import { ChannelState, type SimChannel } from './sim-channel.js';

/** A queue of queues.conf: its members' interfaces, rung all at once (`strategy = ringall`). */
export interface QueueSpec {
  /** `Local/<exten>@<context>` interfaces. Only the first is rung (see the README). */
  members: string[];
}

/** The captures' queues.conf: `testqueue`, strategy ringall, member `Local/queue-member@test`. */
export const DEFAULT_QUEUES: Record<string, QueueSpec> = {
  testqueue: { members: ['Local/queue-member@test'] },
};

const seconds = (fromMs: number, toMs: number): string => String(Math.floor((toMs - fromMs) / 1000));

/**
 * The Queue application (`Queue(testqueue,,,,20)`): the caller joins, the member is dialled as Dial does
 * (a Local pair, Dial events, a basic bridge), and app_queue's agent-class events are raised with the header
 * sets of Asterisk 22's documentation (channel snapshot, `Dest` snapshot of the member, then the queue fields).
 * Their order relative to the Dial and Bridge events is inferred: no capture shows a queue call.
 * Sets QUEUESTATUS (TIMEOUT, CONTINUE after an answered call, UNKNOWN for no such queue) and resolves when the
 * caller's dialplan may go on.
 */
export async function queueFromChannel(
  engine: CallEngine,
  caller: SimChannel,
  data: string,
  answerCaller: () => void,
  ringCaller: () => void,
): Promise<void> {
  const [name = '', , , , timeoutText = ''] = data.split(',');
  const queue = engine.config.queues[name];
  const member = queue?.members[0];
  if (!queue || !member) {
    caller.vars.set('QUEUESTATUS', 'UNKNOWN');
    return;
  }
  const joinedAt = engine.clock.now();
  let calledAt = joinedAt;
  let connectedAt = joinedAt;
  const queueFields = ['Queue', name, 'MemberName', member, 'Interface', member];
  const agentEvent = (event: string, one: SimChannel, extra: string[]): void =>
    engine.emit(event, 'agent', [...caller.snapshot(), ...one.snapshot('Dest'), ...queueFields, ...extra]);
  const leave = (): void =>
    engine.emit('QueueCallerLeave', 'agent', [
      ...caller.snapshot(),
      'Queue',
      name,
      'Count',
      '0',
      'Position',
      '1',
    ]);
  engine.emit('QueueCallerJoin', 'agent', [
    ...caller.snapshot(),
    'Queue',
    name,
    'Position',
    '1',
    'Count',
    '1',
  ]);
  let agent: SimChannel | undefined;
  const observer: DialObserver = {
    called: (one) => {
      agent = one;
      calledAt = engine.clock.now();
      agentEvent('AgentCalled', one, []);
    },
    connected: (one) => {
      connectedAt = engine.clock.now();
      leave();
      agentEvent('AgentConnect', one, [
        ...['RingTime', seconds(calledAt, connectedAt), 'HoldTime', seconds(joinedAt, connectedAt)],
      ]);
    },
    completed: (one, by) =>
      agentEvent('AgentComplete', one, [
        ...['HoldTime', seconds(joinedAt, connectedAt), 'TalkTime', seconds(connectedAt, engine.clock.now())],
        ...['Reason', by],
      ]),
  };
  const timeout = Number(timeoutText) > 0 ? timeoutText : '';
  // The caller usually answered before Queue(): then the member's answer does not answer it again.
  const up = (): boolean => caller.state === ChannelState.Up;
  const result = await dialFromChannel(
    engine,
    caller,
    `${member},${timeout}`,
    () => (up() ? undefined : answerCaller()),
    () => (up() ? undefined : ringCaller()),
    observer,
  );
  if (result === 'answered') {
    caller.vars.set('QUEUESTATUS', 'CONTINUE');
    return;
  }
  if (result === 'noanswer' && agent) {
    agentEvent('AgentRingNoAnswer', agent, ['RingTime', seconds(calledAt, engine.clock.now())]);
  }
  if (result === 'caller-hangup') {
    engine.emit('QueueCallerAbandon', 'agent', [
      ...[...caller.snapshot(), 'Queue', name, 'Position', '1', 'OriginalPosition', '1'],
      ...['HoldTime', seconds(joinedAt, engine.clock.now())],
    ]);
  }
  leave();
  caller.vars.set('QUEUESTATUS', result === 'caller-hangup' ? 'UNKNOWN' : 'TIMEOUT');
}
