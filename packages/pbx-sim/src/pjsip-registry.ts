import { createHash } from 'node:crypto';

/** A PJSIP endpoint of the simulated pjsip.conf (endpoint + aor of the same name, optional auth). */
export interface PjsipEndpointSpec {
  /** Dialplan context of calls from the endpoint. Default `sip-in`. */
  context?: string;
  /** A static contact (aor `contact =`): reachable without registering, e.g. `sip:uas@127.0.0.1:5070`. */
  contact?: string;
  /** Digest credentials (auth `<name>-auth`): the endpoint is a phone that registers. */
  auth?: { username: string; password: string };
  /** aor `max_contacts`. Default 1 with auth (and `remove_existing = yes`), else 0. */
  maxContacts?: number;
}

/** A contact added by a REGISTER. */
export interface RegisteredContact {
  uri: string;
  userAgent: string;
  callId: string;
  viaAddr: string;
  viaPort: number;
  /** Epoch seconds. */
  expirationTime: number;
}

export interface PjsipEndpoint {
  name: string;
  context: string;
  staticContact: string | undefined;
  auth: { id: string; username: string; password: string } | undefined;
  maxContacts: number;
  removeExisting: boolean;
  registered: RegisteredContact | undefined;
}

/**
 * The endpoints of the captures' pjsip.conf: `1001` (a phone registering with digest auth 1001 / 1001pass,
 * max_contacts 1), `sipp` (caller, static contact) and `uas` (callee, static contact).
 */
export const DEFAULT_ENDPOINTS: Record<string, PjsipEndpointSpec> = {
  '1001': { auth: { username: '1001', password: '1001pass' }, maxContacts: 1 },
  sipp: { contact: 'sip:sipp@127.0.0.1:5061' },
  uas: { contact: 'sip:uas@127.0.0.1:5070' },
};

/** The endpoints option: a spec, `true` (static contact `sip:<name>@127.0.0.1:5070`) or `false` (none). */
export type EndpointOption = boolean | PjsipEndpointSpec;

/** Contact ids as res_pjsip builds them: `<aor>;@<md5(uri)>` when registered, `<aor>@@<md5(uri)>` when static. */
export function contactId(aor: string, uri: string, registered: boolean): string {
  return `${aor}${registered ? ';@' : '@@'}${createHash('md5').update(uri).digest('hex')}`;
}

/** res_pjsip's endpoints, aors, auths and the contacts registered at run time. */
export class PjsipRegistry {
  readonly endpoints = new Map<string, PjsipEndpoint>();

  constructor(options: Record<string, EndpointOption>) {
    for (const name of Object.keys(options).sort()) {
      const raw = options[name]!;
      const spec: PjsipEndpointSpec =
        raw === true ? { contact: `sip:${name}@127.0.0.1:5070` } : raw === false ? {} : raw;
      this.endpoints.set(name, {
        name,
        context: spec.context ?? 'sip-in',
        staticContact: spec.contact,
        auth: spec.auth && { id: `${name}-auth`, ...spec.auth },
        maxContacts: spec.maxContacts ?? (spec.auth ? 1 : 0),
        removeExisting: spec.auth !== undefined,
        registered: undefined,
      });
    }
  }

  get(name: string): PjsipEndpoint | undefined {
    return this.endpoints.get(name);
  }

  /** The contact URIs an INVITE to the endpoint would go to. */
  contacts(ep: PjsipEndpoint): string[] {
    return [ep.staticContact, ep.registered?.uri].filter((c): c is string => c !== undefined);
  }

  reachable(name: string): boolean {
    const ep = this.endpoints.get(name);
    return ep !== undefined && this.contacts(ep).length > 0;
  }
}
