import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ENDPOINTS, type EndpointOption } from './pjsip-registry.js';
import { DEFAULT_QUEUES, type QueueSpec } from './queue-app.js';
import type { InboundCallOptions } from './sip-inbound-call.js';
import type { DialplanStep, RouteSpec } from './route-table.js';

export interface SimUser {
  secret: string;
  /** manager.conf `read =`: classes of events the user receives. Default `all`. */
  read?: string;
  /** manager.conf `write =`: classes of actions the user may run. Default `all`. */
  write?: string;
}

/** Everything the simulator can be told. Every field is optional; see `defaultPbxSimOptions`. */
export interface PbxSimOptions {
  /** TCP port; 0 picks a free one (read it back from `simulator.port`). Default 5038. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Manager users. Default: `admin`/`amp111` (all) and `readonly`/`readonly111` as in the captures. */
  users?: Record<string, SimUser>;
  /** Simulated time runs this many times faster than real time (tests: 20-50). Default 1. */
  speed?: number;
  /** Seed for challenges, session and bridge ids. Default: random. */
  seed?: number;
  /**
   * The suffix counter of the first Local channel pair (`Local/x@ctx-00000013;1` for 0x13). Lets a test replay a
   * capture's actions verbatim, channel names included. Default 0.
   */
  firstLocalSuffix?: number;
  /** Simulated epoch time (ms) at start; Uniqueids and CDR times derive from it. Default `Date.now()`. */
  startTime?: number;
  /** Routes tried before the default routes (first match wins). Default none. */
  routes?: RouteSpec[];
  /** Extensions added to (or replacing those of) the dialplan, per context. Default none. */
  extensions?: Record<string, Record<string, DialplanStep[]>>;
  /** Extra contexts in which the route table applies (besides `test`, `default`). Default `from-internal`, `sip-in`. */
  contexts?: string[];
  /**
   * PJSIP endpoints: a spec (`context`, static `contact`, digest `auth`, `maxContacts`), `true` (a static
   * contact) or `false` (none until it registers). Default the captures' `1001` (registers, auth 1001/1001pass),
   * `sipp` and `uas` (static contacts). Replaces the defaults when given.
   */
  endpoints?: Record<string, EndpointOption>;
  /** queues.conf: name -> `{ members: ['Local/<exten>@<context>'] }`. Default the captures' `testqueue`. */
  queues?: Record<string, QueueSpec>;
  /** Calls arriving from SIP peers, each `atMs` simulated ms after start (see `PbxSimulator.inboundCall`). */
  inboundCalls?: ScheduledInboundCall[];
  /** Where MixMonitor writes recordings. Default `<tmpdir>/switchboard-pbx-sim/monitor`. */
  monitorDir?: string;
  /** Where Playback looks up `custom/<name>`. Default `<tmpdir>/switchboard-pbx-sim/sounds`. */
  soundsDir?: string;
  /** Real-time delay before `Authentication failed` (and the close). Default 1000 ms, as Asterisk. */
  loginFailureDelayMs?: number;
}

export const defaultPbxSimOptions = {
  port: 5038,
  host: '127.0.0.1',
  users: {
    admin: { secret: 'amp111', read: 'all', write: 'all' },
    readonly: { secret: 'readonly111', read: 'call,cdr,reporting', write: '' },
  } as Record<string, SimUser>,
  speed: 1,
  contexts: ['from-internal', 'sip-in'],
  endpoints: DEFAULT_ENDPOINTS as Record<string, EndpointOption>,
  queues: DEFAULT_QUEUES,
  monitorDir: path.join(os.tmpdir(), 'switchboard-pbx-sim', 'monitor'),
  soundsDir: path.join(os.tmpdir(), 'switchboard-pbx-sim', 'sounds'),
  loginFailureDelayMs: 1000,
};

export interface ScheduledInboundCall extends InboundCallOptions {
  /** Simulated ms after start. Default 0. */
  atMs?: number;
}

/** A scenario file (`--scenario file.json`): the routing part of the options. */
export interface PbxScenario {
  routes?: RouteSpec[];
  extensions?: Record<string, Record<string, DialplanStep[]>>;
  contexts?: string[];
  endpoints?: Record<string, EndpointOption>;
  queues?: Record<string, QueueSpec>;
  inboundCalls?: ScheduledInboundCall[];
}

const OUTCOMES = new Set(['answer', 'busy', 'congestion', 'noanswer', 'failed', 'hangup']);

/** Checks a parsed scenario file, listing every problem in one error. */
export function validateScenario(value: unknown): PbxScenario {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) throw new Error('scenario: expected a JSON object');
  const s = value as PbxScenario;
  if (s.routes !== undefined && !Array.isArray(s.routes)) problems.push('routes: expected an array');
  for (const [i, r] of (Array.isArray(s.routes) ? s.routes : []).entries()) {
    if (typeof r?.pattern !== 'string' || r.pattern === '')
      problems.push(`routes[${i}].pattern: expected a string`);
    if (!OUTCOMES.has(r?.outcome))
      problems.push(`routes[${i}].outcome: expected one of ${[...OUTCOMES].join(', ')}`);
    for (const key of ['ringMs', 'talkMs', 'cause'] as const) {
      if (r?.[key] !== undefined && !(typeof r[key] === 'number' && r[key] >= 0)) {
        problems.push(`routes[${i}].${key}: expected a number >= 0`);
      }
    }
  }
  if (s.inboundCalls !== undefined && !Array.isArray(s.inboundCalls))
    problems.push('inboundCalls: expected an array');
  for (const [i, c] of (Array.isArray(s.inboundCalls) ? s.inboundCalls : []).entries()) {
    for (const key of ['from', 'to', 'callerIdNum', 'callerIdName'] as const) {
      if (c?.[key] !== undefined && typeof c[key] !== 'string')
        problems.push(`inboundCalls[${i}].${key}: expected a string`);
    }
    for (const key of ['atMs', 'hangupAfterMs'] as const) {
      if (c?.[key] !== undefined && !(typeof c[key] === 'number' && c[key] >= 0))
        problems.push(`inboundCalls[${i}].${key}: expected a number >= 0`);
    }
  }
  if (problems.length > 0) throw new Error(`invalid scenario:\n  ${problems.join('\n  ')}`);
  return s;
}
