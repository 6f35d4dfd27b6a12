import type { CallEngine } from './call-engine.js';
import type { SimTimer } from './sim-clock.js';
import { dispositionForCause } from './cdr-event.js';
import { runDialplan, setVariable, type DialplanHooks, emitNewexten } from './dialplan-runner.js';
import { dialFromChannel } from './dial-app.js';
import type { OriginateRequest } from './originate-request.js';
import { emitRtpQuality, endPjsipChannel } from './pjsip-channel-end.js';
import type { RouteSpec } from './route-table.js';
import { ChannelState, type SimChannel } from './sim-channel.js';

/** How a SIP peer without a route answers: after 1 s of ringing, and it never hangs up first (SIPp's uas). */
const DEFAULT_PEER: RouteSpec = { pattern: '', outcome: 'answer', ringMs: 1000, hangupBy: 'caller' };

/** OriginateResponse Reason and DialEnd status for a peer's final failure, by Q.850 cause. */
function failure(cause: number): { reason: number; dialStatus: string } {
  if (cause === 17) return { reason: 5, dialStatus: 'BUSY' };
  if (cause === 34 || cause === 42 || cause === 21 || cause === 38)
    return { reason: 8, dialStatus: 'CONGESTION' };
  return { reason: 0, dialStatus: cause === 1 || cause === 3 ? 'CHANUNAVAIL' : 'NOANSWER' };
}

/**
 * Originate to `PJSIP/<endpoint>[/<uri>]` or `PJSIP/<number>@<endpoint>` of an endpoint with a contact: chan_pjsip
 * creates ONE outbound channel, `PJSIP/<endpoint>-XXXXXXXX` (no Local pair, no LocalBridge). Its events are those
 * of the originated `;1` half in the captures (Newchannel, AppDial2, caller id, DialBegin, Ringing, Up, DialEnd,
 * OriginateResponse), then it runs the requested Context/Exten or Application itself. The peer's behaviour
 * (ring time, answer or failure cause, talk time) comes from the route matching the dialled number.
 */
export class PjsipOriginate implements DialplanHooks {
  readonly ch: SimChannel;
  private readonly peer: RouteSpec;
  private answered = false;
  private finished = false;
  private settled = false;
  private rtpClosed = false;
  private timers: SimTimer[] = [];

  constructor(
    private readonly engine: CallEngine,
    private readonly req: OriginateRequest,
    private readonly endpoint: string,
    private readonly dialString: string,
    number: string,
  ) {
    const ep = engine.pjsip.get(endpoint)!;
    this.peer = engine.route(number) ?? DEFAULT_PEER;
    const name = `PJSIP/${endpoint}-${engine.ids.techSuffix('PJSIP')}`;
    this.ch = engine.newChannel(name, ep.context, 's', undefined, 'PJSIP', req.channelId);
    this.ch.owner = { hangupByAction: (_ch, cause) => this.hangupByAction(cause) };
    engine.processedCalls++;
  }

  start(): void {
    const { engine, ch, req, peer } = this;
    engine.emitChannel('Newchannel', ch);
    ch.lastApp = 'AppDial2';
    ch.lastData = '(Outgoing Line)';
    emitNewexten(engine, ch, 'AppDial2', '(Outgoing Line)');
    for (const [name, value] of req.variables) setVariable(engine, ch, name, value);
    if (req.callerIdNum || req.callerIdName) {
      ch.callerIdNum = ch.connectedNum = req.callerIdNum;
      ch.callerIdName = ch.connectedName = req.callerIdName;
      engine.emitChannel('NewCallerid', ch, ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']);
      engine.emitChannel('NewConnectedLine', ch);
    }
    engine.emit('DialBegin', 'call', [...ch.snapshot('Dest'), 'DialString', this.dialString]);
    this.at(req.timeoutMs, () => this.timedOut());
    const ring = peer.ringMs ?? (peer.outcome === 'noanswer' ? 60_000 : 0);
    if (ring > 0) this.at(0, () => this.ringing());
    this.at(ring, () => this.peerDecides());
  }

  private at(ms: number, fn: () => void): void {
    this.timers.push(this.engine.clock.after(ms, fn));
  }

  private peerDecides(): void {
    if (this.finished || this.answered) return;
    const { peer } = this;
    if (peer.outcome === 'answer') return this.peerAnswers();
    if (peer.outcome === 'noanswer') return; // rings until the Originate Timeout
    const cause =
      peer.outcome === 'busy'
        ? 17
        : peer.outcome === 'congestion'
          ? 34
          : peer.outcome === 'failed'
            ? 1
            : (peer.cause ?? 16);
    this.fail(cause);
  }

  ringing(): void {
    const { engine, ch } = this;
    if (ch.state !== ChannelState.Down) return;
    ch.state = ChannelState.Ringing;
    engine.emitChannel('Newstate', ch);
    engine.emit('DialState', 'call', [...ch.snapshot('Dest'), 'DialStatus', 'RINGING']);
    engine.deviceState(`PJSIP/${this.endpoint}`, 'RINGING');
  }

  private peerAnswers(): void {
    const { engine, ch, req, peer } = this;
    this.answered = true;
    ch.state = ChannelState.Up;
    ch.answeredAt = engine.clock.now();
    engine.emitChannel('Newstate', ch);
    engine.deviceState(`PJSIP/${this.endpoint}`, 'INUSE');
    engine.emit('DialEnd', 'call', [...ch.snapshot('Dest'), 'DialStatus', 'ANSWER']);
    this.settle(true, 4);
    if (peer.hangupBy !== 'caller') this.at(peer.talkMs ?? 20_000, () => this.peerHangsUp());
    if (req.application) {
      void runDialplan(engine, ch, [[req.application, req.data]], this, false);
      return;
    }
    ch.context = req.context ?? 'default';
    ch.exten = req.exten ?? 's';
    const steps = engine.lookup(ch.context, ch.exten) ?? [];
    void runDialplan(engine, ch, steps.slice(Math.max(0, req.priority - 1)), this);
  }

  private settle(success: boolean, reason: number): void {
    if (this.settled) return;
    this.settled = true;
    this.req.settle(success, reason, success ? this.ch : undefined);
  }

  /** The peer answers the INVITE with a final failure (486, 503, 404, ...). */
  private fail(cause: number): void {
    const { reason, dialStatus } = failure(cause);
    this.engine.emit('DialEnd', 'call', [...this.ch.snapshot('Dest'), 'DialStatus', dialStatus]);
    this.end(cause);
    this.settle(false, reason);
  }

  private timedOut(): void {
    if (this.answered || this.finished) return;
    const ringing = this.ch.state === ChannelState.Ringing;
    this.engine.emit('DialEnd', 'call', [...this.ch.snapshot('Dest'), 'DialStatus', 'NOANSWER']);
    this.end(19);
    this.settle(false, ringing ? 3 : 0);
  }

  /** The peer sends BYE: as the caller's BYE of sip-inbound-call (RTP stats, HangupRequest, Cause 0). */
  private peerHangsUp(): void {
    if (this.finished) return;
    this.closeRtp();
    this.engine.emitChannel('HangupRequest', this.ch);
    this.engine.emitChannel('SoftHangupRequest', this.ch, ['Cause', '16']);
    this.end(this.peer.cause ?? 0);
  }

  /** The Hangup application, or the dialplan ran out. */
  hangup(_ch: SimChannel, cause: number): void {
    if (this.finished) return;
    this.engine.emitChannel('SoftHangupRequest', this.ch, ['Cause', '16']);
    this.end(cause);
  }

  private hangupByAction(cause: number | undefined): void {
    if (this.finished) return;
    this.engine.emitChannel('HangupRequest', this.ch, ['Cause', String(cause ?? 0)]);
    this.engine.emitChannel('SoftHangupRequest', this.ch, ['Cause', '16']);
    if (!this.answered) {
      this.engine.emit('DialEnd', 'call', [...this.ch.snapshot('Dest'), 'DialStatus', 'CANCEL']);
      this.end(cause ?? 0);
      this.settle(false, 0);
      return;
    }
    this.end(cause ?? 0);
  }

  reject(_ch: SimChannel, kind: 'busy' | 'congestion'): void {
    this.hangup(this.ch, kind === 'busy' ? 17 : 34);
  }

  answer(): void {
    // Answer() on a channel the peer already answered: nothing to do.
  }

  dial(ch: SimChannel, data: string): Promise<unknown> {
    return dialFromChannel(
      this.engine,
      ch,
      data,
      () => undefined,
      () => undefined,
    );
  }

  private closeRtp(): void {
    if (!this.answered || this.rtpClosed) return;
    this.rtpClosed = true;
    emitRtpQuality(this.engine, this.ch);
  }

  private end(cause: number): void {
    if (this.finished) return;
    this.finished = true;
    for (const t of this.timers) this.engine.clock.cancel(t);
    this.closeRtp();
    const disposition = this.answered ? 'ANSWERED' : dispositionForCause(cause);
    endPjsipChannel(this.engine, this.ch, this.endpoint, cause, disposition);
  }
}
