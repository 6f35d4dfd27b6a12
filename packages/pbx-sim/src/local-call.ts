import type { CallEngine } from './call-engine.js';
import type { SimTimer } from './sim-clock.js';
import { dispositionForCause, emitCdr } from './cdr-event.js';
import {
  runDialplan,
  setVariable,
  stopMixMonitor,
  type DialplanHooks,
  emitNewexten,
} from './dialplan-runner.js';
import { dialFromChannel } from './dial-app.js';
import type { OriginateRequest } from './originate-request.js';
import type { DialplanStep } from './route-table.js';
import { causeText, ChannelState, type SimChannel } from './sim-channel.js';

/** OriginateResponse Reason / DialEnd status when the callee hangs up before answering, by Q.850 cause. */
function reasonForCause(cause: number): { reason: number; dialStatus: string } {
  if (cause === 17) return { reason: 5, dialStatus: 'BUSY' };
  if (cause === 34 || cause === 42 || cause === 21 || cause === 38)
    return { reason: 8, dialStatus: 'CONGESTION' };
  return { reason: 0, dialStatus: 'NOANSWER' };
}

export function emitHangup(engine: CallEngine, ch: SimChannel, cause: number): void {
  stopMixMonitor(engine, ch);
  // A Playback cut short by the hangup still reports SUCCESS, just before the Hangup (originate-application).
  if (ch.playing) {
    ch.playing = false;
    setVariable(engine, ch, 'PLAYBACKSTATUS', 'SUCCESS');
  }
  engine.emitChannel('Hangup', ch, ['Cause', String(cause), 'Cause-txt', causeText(cause)]);
  engine.release(ch);
}

/**
 * An originated call to `Local/<exten>@<context>`: the `;1` half is the originated channel, the `;2` half
 * runs the dialplan. Every reaction below replays the per-channel event order of the Asterisk 22 captures.
 */
/** The `;2` half takes the caller's identity: NewCallerid then NewConnectedLine, as Asterisk sends them. */
export function announceCaller(engine: CallEngine, two: SimChannel, num: string, name: string): void {
  two.callerIdNum = two.connectedNum = num;
  two.callerIdName = two.connectedName = name;
  engine.emitChannel('NewCallerid', two, ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']);
  engine.emitChannel('NewConnectedLine', two);
}

/** `Event: LocalBridge` linking the two halves of a Local channel. */
export function emitLocalBridge(engine: CallEngine, one: SimChannel, two: SimChannel): void {
  engine.emit('LocalBridge', 'call', [
    ...one.snapshot('LocalOne'),
    ...two.snapshot('LocalTwo'),
    'Context',
    two.context,
    'Exten',
    two.exten,
    'LocalOptimization',
    'Yes',
  ]);
}

export class LocalCall implements DialplanHooks {
  readonly one: SimChannel;
  readonly two: SimChannel;
  private answered = false;
  private finished = false;
  private timeout: SimTimer | undefined;
  /** ;1 runs an originated Application rather than dialplan: no SoftHangupRequest on it at the end. */
  private oneRunsApp = false;

  constructor(
    private readonly engine: CallEngine,
    private readonly req: OriginateRequest,
    exten: string,
    context: string,
    private readonly steps: readonly DialplanStep[],
  ) {
    const base = `Local/${exten}@${context}-${engine.ids.localSuffix()}`;
    this.one = engine.newChannel(`${base};1`, context, exten, undefined, 'Local', req.channelId);
    this.two = engine.newChannel(`${base};2`, context, exten, this.one.uniqueid, 'Local', req.otherChannelId);
    this.one.peer = this.two;
    this.two.peer = this.one;
    this.two.state = ChannelState.Ring;
    this.one.owner = this.two.owner = this;
    engine.processedCalls++;
  }

  start(): void {
    const { engine, one, two, req } = this;
    engine.emitChannel('Newchannel', one);
    engine.emitChannel('Newchannel', two);
    one.lastApp = 'AppDial2';
    one.lastData = '(Outgoing Line)';
    emitNewexten(engine, one, 'AppDial2', '(Outgoing Line)');
    for (const [name, value] of [...req.variables].reverse()) setVariable(engine, one, name, value);
    if (req.callerIdNum || req.callerIdName) {
      one.callerIdNum = req.callerIdNum;
      one.callerIdName = req.callerIdName;
      engine.emitChannel('NewCallerid', one, ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']);
      one.connectedNum = req.callerIdNum;
      one.connectedName = req.callerIdName;
      engine.emitChannel('NewConnectedLine', one);
    }
    for (const [name, value] of req.variables) setVariable(engine, two, name, value);
    if (req.callerIdNum || req.callerIdName) {
      announceCaller(engine, two, req.callerIdNum, req.callerIdName);
    }
    emitLocalBridge(engine, one, two);
    engine.emit('DialBegin', 'call', [...one.snapshot('Dest'), 'DialString', `${two.exten}@${two.context}`]);
    this.timeout = engine.clock.after(req.timeoutMs, () => this.timedOut());
    void runDialplan(engine, two, this.steps, this);
  }

  private dialEnd(status: string): void {
    this.engine.emit('DialEnd', 'call', [...this.one.snapshot('Dest'), 'DialStatus', status]);
  }

  private settle(success: boolean, reason: number): void {
    if (this.finished) return;
    this.finished = true;
    this.engine.clock.cancel(this.timeout);
    this.req.settle(success, reason, success ? this.one : undefined);
  }

  ringing(ch: SimChannel): void {
    const { engine, one } = this;
    if (ch !== this.two || one.state !== ChannelState.Down) return;
    one.state = ChannelState.Ringing;
    engine.emitChannel('Newstate', one);
    engine.emit('DialState', 'call', [...one.snapshot('Dest'), 'DialStatus', 'RINGING']);
    engine.deviceState(one.device, 'INUSE');
  }

  answer(ch: SimChannel): void {
    const { engine, one, two } = this;
    ch.state = ChannelState.Up;
    ch.answeredAt = engine.clock.now();
    engine.emitChannel('Newstate', ch);
    if (ch !== two || this.answered) return;
    this.answered = true;
    engine.deviceState(two.device, 'INUSE');
    one.state = ChannelState.Up;
    one.answeredAt = engine.clock.now();
    engine.emitChannel('Newstate', one);
    engine.deviceState(one.device, 'INUSE');
    this.dialEnd('ANSWER');
    this.settle(true, 4);
    this.startCallerProgram();
  }

  private startCallerProgram(): void {
    const { engine, one, req } = this;
    if (req.application) {
      this.oneRunsApp = true;
      void runDialplan(engine, one, [[req.application, req.data]], this, false);
      return;
    }
    const context = req.context ?? 'default';
    const exten = req.exten ?? 's';
    one.context = context;
    one.exten = exten;
    const steps = engine.lookup(context, exten) ?? [];
    void runDialplan(engine, one, steps.slice(Math.max(0, req.priority - 1)), this);
  }

  reject(ch: SimChannel, kind: 'busy' | 'congestion'): void {
    const { engine, one, two } = this;
    if (ch !== two || this.answered) return;
    const busy = kind === 'busy';
    this.dialEnd(busy ? 'BUSY' : 'CONGESTION');
    engine.emitChannel('HangupRequest', two, ['Cause', '0']);
    engine.deviceState(two.device, 'INUSE');
    emitCdr(engine, one, busy ? 'BUSY' : 'CONGESTION');
    engine.emitChannel('SoftHangupRequest', two, ['Cause', '16']);
    emitHangup(engine, two, busy ? 17 : 34);
    this.settle(false, busy ? 5 : 8);
    emitHangup(engine, one, 0);
    engine.deviceState(two.device, 'NOT_INUSE');
    emitCdr(engine, two, busy ? 'BUSY' : 'CONGESTION');
    engine.deviceState(one.device, 'NOT_INUSE');
  }

  private timedOut(): void {
    const { engine, one, two } = this;
    this.timeout = undefined;
    if (this.answered || this.finished) return;
    engine.emitChannel('HangupRequest', two, ['Cause', '19']);
    this.settle(false, one.state === ChannelState.Ringing ? 3 : 0);
    engine.emitChannel('SoftHangupRequest', two, ['Cause', '16']);
    emitCdr(engine, one, 'NO ANSWER');
    emitHangup(engine, one, 19);
    emitHangup(engine, two, 19);
    emitCdr(engine, two, 'NO ANSWER');
    engine.deviceState(one.device, 'NOT_INUSE');
    engine.deviceState(two.device, 'NOT_INUSE');
  }

  hangup(ch: SimChannel, cause: number): void {
    if (ch.hungUp) return;
    if (ch === this.two) this.calleeHangsUp(cause, cause);
    else this.callerHangsUp(cause, cause, cause);
  }

  /** The AMI Hangup action on one of the halves. */
  hangupByAction(ch: SimChannel, cause: number | undefined): void {
    if (ch.hungUp) return;
    const c = cause ?? 0;
    if (ch === this.two) {
      if (this.answered) this.calleeHangsUp(16, c, true);
      else this.calleeHangsUp(16, c);
      return;
    }
    if (!this.answered) {
      this.cancelByCaller(c);
      return;
    }
    this.callerHangsUp(16, c, c, true);
  }

  /** ;2 hangs up (Hangup app, end of dialplan, AMI Hangup on ;2). */
  private calleeHangsUp(softCause: number, cause: number, cdrBoth = false): void {
    const { engine, one, two } = this;
    engine.emitChannel('SoftHangupRequest', two, ['Cause', String(softCause)]);
    // chan_local hands the `;2` half's DIALSTATUS to `;1` as it hangs up (dial-* captures).
    const dialStatus = two.vars.get('DIALSTATUS');
    if (dialStatus) setVariable(engine, one, 'CHANLOCALSTATUS', dialStatus);
    engine.emitChannel('HangupRequest', one, ['Cause', String(cause)]);
    if (!this.answered) {
      const { reason, dialStatus } = reasonForCause(cause);
      const disposition = dispositionForCause(cause);
      emitHangup(engine, two, cause);
      emitCdr(engine, two, disposition);
      engine.deviceState(two.device, 'NOT_INUSE');
      this.dialEnd(dialStatus);
      engine.deviceState(one.device, 'NOT_INUSE');
      this.settle(false, reason);
      emitCdr(engine, one, disposition);
      emitHangup(engine, one, cause);
      return;
    }
    if (!two.cdrPosted) emitCdr(engine, two, 'ANSWERED');
    if (cdrBoth) emitCdr(engine, one, 'ANSWERED');
    emitHangup(engine, two, cause);
    if (!this.oneRunsApp) engine.emitChannel('SoftHangupRequest', one, ['Cause', '16']);
    emitHangup(engine, one, cause);
    if (!cdrBoth) emitCdr(engine, one, 'ANSWERED');
    engine.deviceState(two.device, 'NOT_INUSE');
    engine.deviceState(one.device, 'NOT_INUSE');
  }

  /** ;1 hangs up after the answer (its own dialplan ended, or AMI Hangup on ;1). */
  private callerHangsUp(softCause: number, requestCause: number, cause: number, byAction = false): void {
    const { engine, one, two } = this;
    engine.emitChannel('SoftHangupRequest', one, ['Cause', String(softCause)]);
    engine.emitChannel('HangupRequest', two, ['Cause', String(requestCause)]);
    emitCdr(engine, one, 'ANSWERED');
    if (byAction) emitCdr(engine, two, 'ANSWERED');
    emitHangup(engine, one, cause);
    engine.emitChannel('SoftHangupRequest', two, ['Cause', '16']);
    emitHangup(engine, two, cause);
    if (!byAction) emitCdr(engine, two, 'ANSWERED');
    engine.deviceState(one.device, 'NOT_INUSE');
    engine.deviceState(two.device, 'NOT_INUSE');
  }

  /** AMI Hangup on ;1 while it still rings: the originate fails. */
  private cancelByCaller(cause: number): void {
    const { engine, one, two } = this;
    engine.emitChannel('SoftHangupRequest', one, ['Cause', '16']);
    engine.emitChannel('HangupRequest', two, ['Cause', String(cause)]);
    emitHangup(engine, one, cause);
    this.settle(false, 0);
    engine.emitChannel('SoftHangupRequest', two, ['Cause', '16']);
    emitHangup(engine, two, cause);
    emitCdr(engine, one, 'NO ANSWER');
    emitCdr(engine, two, 'NO ANSWER');
    engine.deviceState(one.device, 'NOT_INUSE');
    engine.deviceState(two.device, 'NOT_INUSE');
  }

  dial(ch: SimChannel, data: string): Promise<unknown> {
    return dialFromChannel(
      this.engine,
      ch,
      data,
      () => this.answer(ch),
      () => this.ringing(ch),
    );
  }
}
