import type { CallEngine } from './call-engine.js';
import { emitCdr, type Disposition } from './cdr-event.js';
import { setVariable } from './dialplan-runner.js';
import { emitHangup } from './local-call.js';
import type { SimChannel } from './sim-channel.js';

const RTP_FRAME_MS = 20;

/**
 * The RTP statistics chan_pjsip sets on an answered channel as its media closes (sip-inbound-call capture):
 * five VarSets, with the packets the PBX sent (20 ms frames of played audio) in `txcount`.
 */
export function emitRtpQuality(engine: CallEngine, ch: SimChannel): void {
  const ssrc = Math.floor(engine.ids.random() * 0xffffffff);
  const tx = ch.mediaMs > 0 ? Math.floor(ch.mediaMs / RTP_FRAME_MS) + 1 : 0;
  const stats = (names: string[], pad: number): string =>
    names.map((n) => `${' '.repeat(pad)}${n}=000.000000;`).join('');
  const four = (what: string): string[] => ['min', 'max', 'avg', 'stdev'].map((k) => `${k}${what}`);
  setVariable(
    engine,
    ch,
    'RTPAUDIOQOS',
    `ssrc=${ssrc};themssrc=0;lp=0;rxjitter=0.000000;rxcount=0;txjitter=0.000000;txcount=${tx};rlp=0;rtt=0.000000;rxmes=0.000000;txmes=0.000000`,
  );
  setVariable(engine, ch, 'RTPAUDIOQOSJITTER', stats([...four('rxjitter'), ...four('txjitter')], 0));
  setVariable(engine, ch, 'RTPAUDIOQOSLOSS', stats([...four('rxlost'), ...four('txlost')], 2));
  setVariable(engine, ch, 'RTPAUDIOQOSRTT', stats(four('rtt'), 5));
  setVariable(engine, ch, 'RTPAUDIOQOSMES', stats([...four('rxmes'), ...four('txmes')], 3));
}

/** The end of a PJSIP channel: Hangup, its Cdr, the endpoint's device back to NOT_INUSE. */
export function endPjsipChannel(
  engine: CallEngine,
  ch: SimChannel,
  endpoint: string,
  cause: number,
  disposition: Disposition,
): void {
  emitHangup(engine, ch, cause);
  emitCdr(engine, ch, disposition);
  engine.deviceState(`PJSIP/${endpoint}`, 'NOT_INUSE');
}
