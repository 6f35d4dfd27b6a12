import type { CallEngine } from './call-engine.js';
import type { SimTimer } from './sim-clock.js';
import { dispositionForCause } from './cdr-event.js';
import { dialFromChannel } from './dial-app.js';
import { runDialplan, setVariable, type DialplanHooks } from './dialplan-runner.js';
import { emitRtpQuality, endPjsipChannel } from './pjsip-channel-end.js';
import { ChannelState, type SimChannel } from './sim-channel.js';

export interface InboundCallOptions {
  /** The calling endpoint (identify_by=username: the From user). Default `sipp`. */
  from?: string;
  /** The dialled extension (Request-URI user), run in the endpoint's context. Default `service`. */
  to?: string;
  /** From header number / display name. Default: the endpoint name for both, as SIPp sends them. */
  callerIdNum?: string;
  callerIdName?: string;
  /** The caller sends BYE this long (simulated ms) after its INVITE. Default: never (the dialplan ends it). */
  hangupAfterMs?: number;
}

/** A live inbound call, for tests: its channel and a way to hang up from the SIP side. */
export interface InboundCall {
  readonly channel: string;
  readonly uniqueid: string;
  /** The caller sends BYE now. */
  hangup(): void;
}

/**
 * A call arriving from a SIP peer (sip-inbound-call capture): one `PJSIP/<endpoint>-XXXXXXXX` channel in state
 * Ring that runs the dialplan of the endpoint's context, no Local pair and no Dial events. A BYE from the
 * caller raises the RTP quality variables, HangupRequest (no Cause), SoftHangupRequest 16 and Hangup with
 * Cause 0, as captured; the Cdr and the device going back to NOT_INUSE follow.
 */
export class InboundSipCall implements DialplanHooks {
  readonly ch: SimChannel;
  private answered = false;
  private rtpClosed = false;
  private byeTimer: SimTimer | undefined;

  constructor(
    private readonly engine: CallEngine,
    private readonly endpoint: string,
    context: string,
    exten: string,
    options: InboundCallOptions,
  ) {
    const name = `PJSIP/${endpoint}-${engine.ids.techSuffix('PJSIP')}`;
    this.ch = engine.newChannel(name, context, exten, undefined, 'PJSIP');
    this.ch.state = ChannelState.Ring;
    this.ch.callerIdNum = options.callerIdNum ?? endpoint;
    this.ch.callerIdName = options.callerIdName ?? endpoint;
    this.ch.owner = { hangupByAction: (_ch, cause) => this.hangupByAction(cause) };
    engine.processedCalls++;
  }

  /** The handle `PbxSimulator.inboundCall` gives out. */
  handle(): InboundCall {
    return { channel: this.ch.name, uniqueid: this.ch.uniqueid, hangup: () => this.bye() };
  }

  start(steps: Parameters<typeof runDialplan>[2], hangupAfterMs: number | undefined): void {
    const { engine, ch } = this;
    engine.emitChannel('Newchannel', ch);
    setVariable(engine, ch, 'SIPDOMAIN', '127.0.0.1');
    if (hangupAfterMs !== undefined) this.byeTimer = engine.clock.after(hangupAfterMs, () => this.bye());
    void runDialplan(engine, ch, steps, this);
  }

  ringing(ch: SimChannel): void {
    if (ch.state === ChannelState.Ringing || this.answered) return;
    ch.state = ChannelState.Ringing;
    this.engine.emitChannel('Newstate', ch);
  }

  answer(ch: SimChannel): void {
    if (this.answered) return;
    this.answered = true;
    ch.state = ChannelState.Up;
    ch.answeredAt = this.engine.clock.now();
    this.engine.emitChannel('Newstate', ch);
    this.engine.deviceState(`PJSIP/${this.endpoint}`, 'INUSE');
  }

  /** Busy() / Congestion(): the caller gets 486 / 503 and the channel goes (inferred, not captured). */
  reject(_ch: SimChannel, kind: 'busy' | 'congestion'): void {
    this.finish(kind === 'busy' ? 17 : 34);
  }

  /** The Hangup application, or the dialplan ran out. */
  hangup(_ch: SimChannel, cause: number): void {
    if (this.ch.hungUp) return;
    this.engine.emitChannel('SoftHangupRequest', this.ch, ['Cause', '16']);
    this.finish(cause);
  }

  /** BYE from the caller: the RTP session closes first, then the hangup is queued. */
  bye(): void {
    if (this.ch.hungUp) return;
    this.rtpQuality();
    this.engine.emitChannel('HangupRequest', this.ch);
    this.engine.emitChannel('SoftHangupRequest', this.ch, ['Cause', '16']);
    this.finish(0);
  }

  private hangupByAction(cause: number | undefined): void {
    if (this.ch.hungUp) return;
    this.engine.emitChannel('HangupRequest', this.ch, ['Cause', String(cause ?? 0)]);
    this.engine.emitChannel('SoftHangupRequest', this.ch, ['Cause', '16']);
    this.finish(cause ?? 0);
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

  private finish(cause: number): void {
    const { engine, ch } = this;
    engine.clock.cancel(this.byeTimer);
    this.rtpQuality();
    endPjsipChannel(
      engine,
      ch,
      this.endpoint,
      cause,
      this.answered ? 'ANSWERED' : dispositionForCause(cause),
    );
  }

  private rtpQuality(): void {
    if (!this.answered || this.rtpClosed) return;
    this.rtpClosed = true;
    emitRtpQuality(this.engine, this.ch);
  }
}
