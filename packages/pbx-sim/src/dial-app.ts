import type { CallEngine } from './call-engine.js';
import { dispositionForCause, emitCdr, type Disposition } from './cdr-event.js';
import { emitNewexten, runDialplan, setVariable, type DialplanHooks } from './dialplan-runner.js';
import { resetDialVariables, setAnsweredTimes, setRingTime } from './dial-variables.js';
import { announceCaller, emitHangup, emitLocalBridge } from './local-call.js';
import { ChannelState, type SimChannel } from './sim-channel.js';

const FOREVER_MS = 86_400_000;

/** What an application dialling through this module (Queue) reports around the dial. */
export interface DialObserver {
  /** Just before DialBegin, the dialled `;1` exists. */
  called?(one: SimChannel): void;
  /** Right after DialEnd ANSWER, before the bridge. */
  connected?(one: SimChannel): void;
  /** The bridge ends: the dialled side (`agent`) or the caller (`caller`) hung up. */
  completed?(one: SimChannel, by: 'agent' | 'caller'): void;
}

/** How a dial ended: the callee answered, nobody answered in time, the caller left, or no channel. */
export type DialResult = 'answered' | 'noanswer' | 'caller-hangup' | 'failed';

/**
 * The Dial application from a channel (`Dial(Local/answer@test,20)`): a second Local pair whose `;1` is dialled
 * by `caller`, DialBegin/DialState/DialEnd with the caller's snapshot, a basic bridge on answer, and the
 * caller's own CDR for the dial. Resolves when the dialplan of `caller` may continue.
 */
export async function dialFromChannel(
  engine: CallEngine,
  caller: SimChannel,
  data: string,
  answerCaller: () => void,
  ringCaller: () => void,
  observer: DialObserver = {},
): Promise<DialResult> {
  const [target = '', timeoutText = ''] = data.split(',');
  const m = /^Local\/([^@]+)@([^/,]+)/.exec(target);
  const steps = m ? engine.lookup(m[2]!, m[1]!) : undefined;
  resetDialVariables(engine, caller);
  if (!m || !steps) {
    setVariable(engine, caller, 'DIALSTATUS', 'CHANUNAVAIL');
    return 'failed';
  }
  const startedAt = engine.clock.now();
  const call = new DialCall(engine, caller, m[1]!, m[2]!, answerCaller, ringCaller, observer);
  call.start(steps);
  const timeoutMs = Number(timeoutText) > 0 ? Number(timeoutText) * 1000 : FOREVER_MS;
  while (!call.done) {
    const remaining = call.bridged ? FOREVER_MS : timeoutMs - (engine.clock.now() - startedAt);
    const elapsed = remaining > 0 && (await engine.sleep(caller, remaining));
    if (call.done) break;
    if (caller.hungUp) {
      const wasBridged = call.bridged;
      call.abort();
      return wasBridged ? 'answered' : 'caller-hangup';
    }
    if (!call.bridged && (elapsed || remaining <= 0)) {
      call.noAnswer();
      setVariable(engine, caller, 'DIALSTATUS', 'NOANSWER');
      return 'noanswer';
    }
  }
  if (call.bridged) {
    if (!caller.hungUp) setAnsweredTimes(engine, caller, call.answeredAt, startedAt);
    return 'answered';
  }
  if (!caller.hungUp) setVariable(engine, caller, 'DIALSTATUS', call.status);
  return 'noanswer';
}

class DialCall implements DialplanHooks {
  readonly one: SimChannel;
  readonly two: SimChannel;
  done = false;
  bridged = false;
  /** When the callee answered (ANSWEREDTIME counts from here). */
  answeredAt = 0;
  /** DIALSTATUS of an unanswered end. */
  status = 'NOANSWER';
  readonly startedAt: number;
  private callerLeft = false;
  private bridgeId = '';

  constructor(
    private readonly engine: CallEngine,
    private readonly caller: SimChannel,
    exten: string,
    context: string,
    private readonly answerCaller: () => void,
    private readonly ringCaller: () => void,
    private readonly observer: DialObserver,
  ) {
    const base = `Local/${exten}@${context}-${engine.ids.localSuffix()}`;
    this.one = engine.newChannel(`${base};1`, context, exten, caller.linkedid, 'Local');
    this.two = engine.newChannel(`${base};2`, context, exten, caller.linkedid, 'Local');
    this.two.state = ChannelState.Ring;
    this.startedAt = engine.clock.now();
    this.one.owner = this.two.owner = { hangupByAction: (ch, cause) => this.hangup(ch, cause ?? 16) };
  }

  start(steps: readonly (readonly [string, string?])[]): void {
    const { engine, one, two, caller } = this;
    engine.emitChannel('Newchannel', one);
    engine.emitChannel('Newchannel', two);
    const peer = `${two.exten}@${two.context}`;
    setVariable(engine, one, 'DIALEDPEERNUMBER', peer);
    emitNewexten(engine, one, 'AppDial', '(Outgoing Line)');
    one.exten = caller.exten;
    one.callerIdNum = caller.exten;
    one.callerIdName = caller.callerIdName;
    engine.emitChannel('NewCallerid', one, ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']);
    one.connectedNum = caller.callerIdNum;
    one.connectedName = caller.callerIdName;
    engine.emitChannel('NewConnectedLine', one);
    setVariable(engine, two, 'DIALEDPEERNUMBER', peer);
    announceCaller(engine, two, caller.callerIdNum, caller.callerIdName);
    emitLocalBridge(engine, one, two);
    one.lastApp = 'AppDial';
    one.lastData = '(Outgoing Line)';
    this.observer.called?.(one);
    this.dialEvent('DialBegin', ['DialString', peer]);
    void runDialplan(engine, two, steps, this);
  }

  private dialEvent(name: string, extra: string[]): void {
    this.engine.emit(name, 'call', [...this.caller.snapshot(), ...this.one.snapshot('Dest'), ...extra]);
  }

  private finish(disposition: Disposition): void {
    if (this.done) return;
    this.done = true;
    const { engine, caller } = this;
    caller.lastApp = caller.application || 'Dial';
    caller.lastData = caller.applicationData;
    emitCdr(engine, caller, disposition, this.one.name);
    if (disposition === 'ANSWERED') caller.cdrPosted = true;
    engine.wake(caller);
  }

  /** Nested Dial from the dialled side is not simulated: the dialplan goes on. */
  dial(): Promise<void> {
    return Promise.resolve();
  }

  ringing(ch: SimChannel): void {
    const { engine, one } = this;
    if (ch !== this.two || one.state !== ChannelState.Down) return;
    one.state = ChannelState.Ringing;
    engine.emitChannel('Newstate', one);
    this.ringCaller();
    setRingTime(engine, this.caller, this.startedAt);
    this.dialEvent('DialState', ['DialStatus', 'RINGING']);
    engine.deviceState(one.device, 'INUSE');
  }

  answer(ch: SimChannel): void {
    const { engine, one, two, caller } = this;
    ch.state = ChannelState.Up;
    ch.answeredAt = engine.clock.now();
    engine.emitChannel('Newstate', ch);
    if (ch !== two || this.bridged || this.done) return;
    engine.deviceState(two.device, 'INUSE');
    one.state = ChannelState.Up;
    one.answeredAt = engine.clock.now();
    engine.emitChannel('Newstate', one);
    setVariable(engine, caller, 'DIALSTATUS', 'ANSWER');
    setVariable(engine, caller, 'DIALEDPEERNAME', one.name);
    setVariable(engine, caller, 'DIALEDPEERNUMBER', `${two.exten}@${two.context}`);
    this.answeredAt = engine.clock.now();
    this.dialEvent('DialEnd', ['DialStatus', 'ANSWER']);
    this.observer.connected?.(one);
    this.answerCaller();
    this.bridged = true;
    this.bridgeId = engine.ids.uuid();
    engine.emit('BridgeCreate', 'call', this.bridgeFields(0));
    one.exten = '';
    emitNewexten(engine, one, 'AppDial', '(Outgoing Line)');
    this.bridgeEvent('BridgeEnter', one, 1);
    engine.deviceState(one.device, 'INUSE');
    this.bridgeEvent('BridgeEnter', caller, 2);
    setVariable(engine, one, 'BRIDGEPEER', caller.name);
    setVariable(engine, caller, 'BRIDGEPEER', one.name);
  }

  private bridgeFields(count: number): string[] {
    return [
      'BridgeUniqueid',
      this.bridgeId,
      'BridgeType',
      'basic',
      'BridgeTechnology',
      'simple_bridge',
      'BridgeCreator',
      '<unknown>',
      'BridgeName',
      '<unknown>',
      'BridgeNumChannels',
      String(count),
      'BridgeVideoSourceMode',
      'none',
    ];
  }

  private bridgeEvent(name: string, ch: SimChannel, count: number): void {
    this.engine.emit(name, 'call', [...this.bridgeFields(count), ...ch.snapshot()]);
  }

  reject(ch: SimChannel, kind: 'busy' | 'congestion'): void {
    const { engine, one, two } = this;
    if (ch !== two || this.bridged || this.done) return;
    const busy = kind === 'busy';
    this.status = busy ? 'BUSY' : 'CONGESTION';
    engine.deviceState(two.device, 'INUSE');
    this.dialEvent('DialEnd', ['DialStatus', busy ? 'BUSY' : 'CONGESTION']);
    engine.emitChannel('HangupRequest', two, ['Cause', '0']);
    emitCdr(engine, two, busy ? 'BUSY' : 'CONGESTION');
    emitHangup(engine, one, 0);
    engine.emitChannel('SoftHangupRequest', two, ['Cause', '16']);
    engine.deviceState(two.device, 'NOT_INUSE');
    emitHangup(engine, two, busy ? 17 : 34);
    this.finish(busy ? 'BUSY' : 'CONGESTION');
  }

  /** The dial timeout expired while the callee was still ringing. */
  noAnswer(): void {
    const { engine, one, two } = this;
    this.dialEvent('DialEnd', ['DialStatus', 'NOANSWER']);
    engine.emitChannel('HangupRequest', two, ['Cause', '0']);
    emitHangup(engine, one, 0);
    emitCdr(engine, two, 'FAILED');
    engine.emitChannel('SoftHangupRequest', two, ['Cause', '16']);
    emitHangup(engine, two, 0);
    engine.deviceState(two.device, 'NOT_INUSE');
    engine.deviceState(one.device, 'NOT_INUSE');
    this.finish('NO ANSWER');
  }

  /** The caller went away while dialling or bridged. */
  abort(): void {
    this.callerLeft = true;
    if (this.one.hungUp && this.two.hungUp) return;
    this.hangup(this.one, 16);
  }

  hangup(ch: SimChannel, cause: number): void {
    const { engine, one, two } = this;
    if (ch.hungUp) return;
    const other = ch === two ? one : two;
    engine.emitChannel('SoftHangupRequest', ch, ['Cause', String(cause)]);
    engine.emitChannel('HangupRequest', other, ['Cause', String(cause)]);
    if (!this.bridged) {
      const disposition = dispositionForCause(cause);
      emitHangup(engine, ch, cause);
      if (ch === two) emitCdr(engine, two, disposition);
      this.dialEvent('DialEnd', ['DialStatus', cause === 17 ? 'BUSY' : 'NOANSWER']);
      emitHangup(engine, other, cause);
      if (other === two) emitCdr(engine, two, disposition);
      engine.deviceState(two.device, 'NOT_INUSE');
      this.finish(disposition);
      return;
    }
    emitHangup(engine, ch, cause);
    if (!one.hungUp) setVariable(engine, one, 'BRIDGEPEER', '');
    if (!this.caller.hungUp) setVariable(engine, this.caller, 'BRIDGEPEER', '');
    this.observer.completed?.(one, this.callerLeft ? 'caller' : 'agent');
    this.bridgeEvent('BridgeLeave', one, 1);
    emitHangup(engine, other, cause);
    emitCdr(engine, two, 'ANSWERED');
    this.finish('ANSWERED');
    this.bridgeEvent('BridgeLeave', this.caller, 0);
    engine.deviceState(two.device, 'NOT_INUSE');
    engine.deviceState(one.device, 'NOT_INUSE');
    engine.emit('BridgeDestroy', 'call', this.bridgeFields(0));
  }
}
