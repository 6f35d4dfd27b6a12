import type { CallEngine } from './call-engine.js';
import { ENDPOINT_DETAIL_FIELDS, TRANSPORT_DETAIL_FIELDS } from './pjsip-object-fields.js';
import { contactId, type PjsipEndpoint, type PjsipRegistry } from './pjsip-registry.js';

/** Live channels of an endpoint (`PJSIP/<name>-XXXXXXXX`). */
export function activeChannels(engine: CallEngine, ep: PjsipEndpoint): number {
  let n = 0;
  for (const name of engine.channels.keys()) if (name.startsWith(`PJSIP/${ep.name}-`)) n++;
  return n;
}

export function deviceStateText(engine: CallEngine, reg: PjsipRegistry, ep: PjsipEndpoint): string {
  if (activeChannels(engine, ep) > 0) return 'In use';
  return reg.contacts(ep).length > 0 ? 'Not in use' : 'Unavailable';
}

/** EndpointList item (after its ActionID). */
export function endpointListFields(engine: CallEngine, reg: PjsipRegistry, ep: PjsipEndpoint): string[] {
  const contacts = reg.contacts(ep).map((uri) => `${ep.name}/${uri},`);
  return [
    ...['ObjectType', 'endpoint', 'ObjectName', ep.name, 'Transport', 'transport-udp', 'Aor', ep.name],
    ...['Auths', ep.auth?.id ?? '', 'OutboundAuths', '', 'Contacts', contacts.join('')],
    ...[
      'DeviceState',
      deviceStateText(engine, reg, ep),
      'ActiveChannels',
      String(activeChannels(engine, ep)),
    ],
  ];
}

/** EndpointDetail (after its ActionID): the captured field list with this endpoint's values. */
export function endpointDetailFields(engine: CallEngine, reg: PjsipRegistry, ep: PjsipEndpoint): string[] {
  const own: Record<string, string> = {
    Aors: ep.name,
    Context: ep.context,
    Auth: ep.auth?.id ?? '',
    DeviceState: deviceStateText(engine, reg, ep),
    ActiveChannels: String(activeChannels(engine, ep)),
  };
  const out = ['ObjectType', 'endpoint', 'ObjectName', ep.name];
  for (const [key, value] of ENDPOINT_DETAIL_FIELDS) out.push(key, own[key] ?? value);
  return out;
}

export function transportDetailFields(ep: PjsipEndpoint): string[] {
  return [...TRANSPORT_DETAIL_FIELDS.flat(), 'EndpointName', ep.name];
}

/** The aor headers shared by AorList, AorDetail and InboundRegistrationDetail, up to `Contacts`. */
function aorHead(ep: PjsipEndpoint): string[] {
  return [
    ...['ObjectType', 'aor', 'ObjectName', ep.name, 'MinimumExpiration', '60', 'DefaultExpiration', '3600'],
    ...['QualifyTimeout', '3.000000', 'Qualify2xxOnly', 'false', 'Mailboxes', '', 'SupportPath', 'false'],
    ...['RemoveUnavailable', 'false', 'VoicemailExtension', '', 'MaxContacts', String(ep.maxContacts)],
    ...['AuthenticateQualify', 'false'],
  ];
}

function aorTail(ep: PjsipEndpoint): string[] {
  return [
    ...['MaximumExpiration', '7200', 'QualifyFrequency', '0', 'RemoveExisting', String(ep.removeExisting)],
    ...['OutboundProxy', ''],
  ];
}

export function aorListFields(reg: PjsipRegistry, ep: PjsipEndpoint): string[] {
  const contacts = reg.contacts(ep).map((uri) => `${ep.name}/${uri}`);
  return [...aorHead(ep), 'Contacts', contacts.join(','), ...aorTail(ep)];
}

export function aorDetailFields(reg: PjsipRegistry, ep: PjsipEndpoint): string[] {
  return [
    ...aorListFields(reg, ep),
    ...['TotalContacts', String(reg.contacts(ep).length), 'ContactsRegistered', ep.registered ? '1' : '0'],
    ...['EndpointName', ep.name],
  ];
}

export function inboundRegistrationFields(reg: PjsipRegistry, ep: PjsipEndpoint): string[] {
  const contacts = reg.contacts(ep).map((uri) => `${ep.name}/${uri}`);
  return [
    ...aorHead(ep),
    ...['Contact', contacts.join(','), ...aorTail(ep)],
    ...['Contacts', contacts.map((c) => `${c},`).join('')],
  ];
}

export function contactStatusDetailFields(ep: PjsipEndpoint, uri: string): string[] {
  const dynamic = ep.registered?.uri === uri ? ep.registered : undefined;
  return [
    ...['AOR', ep.name, 'URI', uri, 'UserAgent', dynamic?.userAgent ?? ''],
    ...['RegExpire', String(dynamic?.expirationTime ?? 0), 'Status', 'NonQualified'],
    ...[
      'RoundtripUsec',
      'N/A',
      'EndpointName',
      ep.name,
      'ID',
      contactId(ep.name, uri, dynamic !== undefined),
    ],
    ...['AuthenticateQualify', '0', 'OutboundProxy', '', 'Path', '', 'QualifyFrequency', '0'],
    ...['QualifyTimeout', '3.000', 'Qualify2xxOnly', '0'],
  ];
}

/** AuthList / AuthDetail (the latter adds EndpointName), the captured field order. */
export function authFields(auth: NonNullable<PjsipEndpoint['auth']>): string[] {
  return [
    ...['ObjectType', 'auth', 'ObjectName', auth.id, 'OauthSecret', '', 'PasswordDigest', ''],
    ...['SupportedAlgorithmsUas', 'MD5', 'RefreshToken', '', 'Username', auth.username, 'Md5Cred', ''],
    ...['Realm', '', 'AuthType', 'userpass', 'Password', auth.password, 'SupportedAlgorithmsUac', 'MD5'],
    ...['NonceLifetime', '32', 'OauthClientid', ''],
  ];
}

export function contactListFields(ep: PjsipEndpoint, c: NonNullable<PjsipEndpoint['registered']>): string[] {
  return [
    ...['ObjectType', 'contact', 'ObjectName', contactId(ep.name, c.uri, true), 'ViaAddr', c.viaAddr],
    ...['QualifyTimeout', '3.000000', 'Qualify2xxOnly', 'false', 'CallId', c.callId, 'RegServer', ''],
    ...['PruneOnBoot', 'no', 'Path', '', 'Endpoint', ep.name, 'ViaPort', String(c.viaPort)],
    ...['AuthenticateQualify', 'no', 'Uri', c.uri, 'QualifyFrequency', '0', 'UserAgent', c.userAgent],
    ...['ExpirationTime', String(c.expirationTime), 'OutboundProxy', '', 'Status', 'NonQualified'],
    ...['RoundtripUsec', 'N/A'],
  ];
}
