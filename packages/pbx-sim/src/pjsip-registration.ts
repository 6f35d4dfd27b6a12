import type { CallEngine } from './call-engine.js';
import { deviceStateText } from './pjsip-fields.js';
import type { PjsipEndpoint } from './pjsip-registry.js';

export interface RegisterOptions {
  /** The contact URI. Default `sip:<endpoint>@127.0.0.1:5062` (the captures' registering SIPp). */
  uri?: string;
  /** Default `sipp-test`, as captured. */
  userAgent?: string;
  /** The REGISTER's Call-ID (the SessionID of the security events). Default `<n>-sim@<host>`. */
  callId?: string;
  /** Seconds until the contact expires (ContactList ExpirationTime). Default 3600 (the aor default). */
  expires?: number;
}

let callIds = 0;

function securityEvent(
  engine: CallEngine,
  name: 'ChallengeSent' | 'SuccessfulAuth',
  ep: PjsipEndpoint,
  callId: string,
  remote: string,
): void {
  const tv = new Date(engine.clock.now()).toISOString().replace('Z', '+0000');
  engine.emit(name, 'security', [
    ...['EventTV', tv, 'Severity', 'Informational', 'Service', 'PJSIP', 'EventVersion', '1'],
    ...['AccountID', ep.auth?.username ?? ep.name, 'SessionID', callId],
    ...['LocalAddress', 'IPV4/UDP/127.0.0.1/5060', 'RemoteAddress', `IPV4/UDP/${remote}`],
    ...(name === 'ChallengeSent' ? ['Challenge', ''] : ['UsingPassword', '1']),
  ]);
}

/** A digest-authenticated REGISTER: challenged once, then accepted (as the pjsip-register capture). */
function authenticate(engine: CallEngine, ep: PjsipEndpoint, callId: string, remote: string): void {
  if (!ep.auth) return;
  securityEvent(engine, 'ChallengeSent', ep, callId, remote);
  securityEvent(engine, 'SuccessfulAuth', ep, callId, remote);
}

function hostPort(uri: string): { addr: string; port: number } {
  const m = /@([^:;>]+)(?::(\d+))?/.exec(uri);
  return { addr: m?.[1] ?? '127.0.0.1', port: Number(m?.[2] ?? 5060) };
}

/** A phone registers: the contact is added and the endpoint becomes reachable. */
export function registerContact(engine: CallEngine, ep: PjsipEndpoint, options: RegisterOptions = {}): void {
  const uri = options.uri ?? `sip:${ep.name}@127.0.0.1:5062`;
  const { addr, port } = hostPort(uri);
  const callId = options.callId ?? `${++callIds}-sim@${addr}`;
  authenticate(engine, ep, callId, `${addr}/${port}`);
  const before = deviceStateText(engine, engine.pjsip, ep);
  ep.registered = {
    uri,
    userAgent: options.userAgent ?? 'sipp-test',
    callId,
    viaAddr: addr,
    viaPort: port,
    expirationTime: Math.floor(engine.clock.now() / 1000) + (options.expires ?? 3600),
  };
  if (before === 'Unavailable') engine.deviceState(`PJSIP/${ep.name}`, 'NOT_INUSE');
  engine.emit('PeerStatus', 'system', [
    'ChannelType',
    'PJSIP',
    'Peer',
    `PJSIP/${ep.name}`,
    'PeerStatus',
    'Reachable',
  ]);
  contactStatus(engine, ep, uri, 'NonQualified');
}

/** The phone un-REGISTERs (Expires: 0): the contact is removed; without a static contact it is unreachable. */
export function unregisterContact(
  engine: CallEngine,
  ep: PjsipEndpoint,
  options: { callId?: string } = {},
): void {
  const contact = ep.registered;
  if (!contact) return;
  authenticate(
    engine,
    ep,
    options.callId ?? `${++callIds}-sim@${contact.viaAddr}`,
    `${contact.viaAddr}/${contact.viaPort}`,
  );
  ep.registered = undefined;
  const after = deviceStateText(engine, engine.pjsip, ep);
  if (after === 'Unavailable') {
    engine.emit('PeerStatus', 'system', [
      'ChannelType',
      'PJSIP',
      'Peer',
      `PJSIP/${ep.name}`,
      'PeerStatus',
      'Unreachable',
    ]);
  }
  contactStatus(engine, ep, contact.uri, 'Removed');
  if (after === 'Unavailable') engine.deviceState(`PJSIP/${ep.name}`, 'UNAVAILABLE');
}

function contactStatus(engine: CallEngine, ep: PjsipEndpoint, uri: string, status: string): void {
  engine.emit('ContactStatus', 'system', [
    ...['URI', uri, 'ContactStatus', status, 'AOR', ep.name, 'EndpointName', ep.name, 'RoundtripUsec', '0'],
  ]);
}
