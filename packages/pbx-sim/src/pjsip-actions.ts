import type { AmiMessage } from '@switchboard/ami';
import { formatMessage } from './ami-wire.js';
import type { AmiSession } from './ami-session.js';
import type { PbxSimulator } from './pbx-simulator.js';
import {
  aorDetailFields,
  aorListFields,
  authFields,
  contactListFields,
  contactStatusDetailFields,
  endpointDetailFields,
  endpointListFields,
  inboundRegistrationFields,
  transportDetailFields,
} from './pjsip-fields.js';

type Handler = (sim: PbxSimulator, s: AmiSession, msg: AmiMessage) => void;

/**
 * res_pjsip errors end with a newline inside the value (`Message: No Contacts found\n\r\n`), as captured.
 */
function pjsipError(s: AmiSession, msg: AmiMessage, text: string): void {
  s.respond(msg, 'Error', ['Message', `${text}\n`]);
}

/** An event list: the start response, one item per entry (ActionID second, no Privilege), the Complete event. */
function sendList(
  s: AmiSession,
  msg: AmiMessage,
  message: string,
  items: [event: string, fields: string[]][],
  complete: string,
): void {
  const id = msg.get('ActionID');
  const idField = id === undefined ? [] : ['ActionID', id];
  s.respond(msg, 'Success', ['EventList', 'start', 'Message', message]);
  for (const [event, fields] of items) s.sendResponse(formatMessage(['Event', event, ...idField, ...fields]));
  s.sendResponse(
    formatMessage([
      'Event',
      complete,
      ...idField,
      'EventList',
      'Complete',
      'ListItems',
      String(items.length),
    ]),
  );
}

/** The PJSIP list actions of res_pjsip (all `system` class), answering from the simulated pjsip.conf. */
export const PJSIP_HANDLERS: Record<string, Handler> = {
  pjsipshowendpoints: (sim, s, msg) => {
    const { engine } = sim;
    const eps = [...engine.pjsip.endpoints.values()];
    if (eps.length === 0) return pjsipError(s, msg, 'No endpoints found');
    sendList(
      s,
      msg,
      'A listing of Endpoints follows, presented as EndpointList events',
      eps.map((ep) => ['EndpointList', endpointListFields(engine, engine.pjsip, ep)]),
      'EndpointListComplete',
    );
  },
  pjsipshowendpoint: (sim, s, msg) => {
    const { engine } = sim;
    const name = msg.get('Endpoint') ?? '';
    if (name === '') return s.respond(msg, 'Error', ['Message', 'Endpoint parameter missing.']);
    const ep = engine.pjsip.get(name);
    if (!ep) return pjsipError(s, msg, `Unable to retrieve endpoint ${name}`);
    // Formatters run in registration order: auth, transport, then aor with its contacts.
    const items: [string, string[]][] = [['EndpointDetail', endpointDetailFields(engine, engine.pjsip, ep)]];
    if (ep.auth) items.push(['AuthDetail', [...authFields(ep.auth), 'EndpointName', ep.name]]);
    items.push(['TransportDetail', transportDetailFields(ep)]);
    items.push(['AorDetail', aorDetailFields(engine.pjsip, ep)]);
    for (const uri of engine.pjsip.contacts(ep)) {
      items.push(['ContactStatusDetail', contactStatusDetailFields(ep, uri)]);
    }
    sendList(
      s,
      msg,
      'Following are Events for each object associated with the Endpoint',
      items,
      'EndpointDetailComplete',
    );
  },
  pjsipshowaors: (sim, s, msg) => {
    const reg = sim.engine.pjsip;
    const eps = [...reg.endpoints.values()];
    if (eps.length === 0) return pjsipError(s, msg, 'No AORs found');
    sendList(
      s,
      msg,
      'A listing of AORs follows, presented as AorList events',
      eps.map((ep) => ['AorList', aorListFields(reg, ep)]),
      'AorListComplete',
    );
  },
  pjsipshowauths: (sim, s, msg) => {
    const auths = [...sim.engine.pjsip.endpoints.values()].flatMap((ep) => (ep.auth ? [ep.auth] : []));
    if (auths.length === 0) return pjsipError(s, msg, 'No Auths found');
    sendList(
      s,
      msg,
      'A listing of Auths follows, presented as AuthList events',
      auths.map((auth) => ['AuthList', authFields(auth)]),
      'AuthListComplete',
    );
  },
  pjsipshowcontacts: (sim, s, msg) => {
    // Only contacts added by REGISTER are sorcery objects; static aor contacts are not listed.
    const eps = [...sim.engine.pjsip.endpoints.values()].filter((ep) => ep.registered);
    if (eps.length === 0) return pjsipError(s, msg, 'No Contacts found');
    sendList(
      s,
      msg,
      'A listing of Contacts follows, presented as ContactList events',
      eps.map((ep) => ['ContactList', contactListFields(ep, ep.registered!)]),
      'ContactListComplete',
    );
  },
  pjsipshowregistrationsinbound: (sim, s, msg) => {
    const reg = sim.engine.pjsip;
    // Every aor is listed (uas and sipp have only static contacts in the capture).
    const eps = [...reg.endpoints.values()];
    sendList(
      s,
      msg,
      'Following are Events for each Inbound registration',
      eps.map((ep) => ['InboundRegistrationDetail', inboundRegistrationFields(reg, ep)]),
      'InboundRegistrationDetailComplete',
    );
  },
};
