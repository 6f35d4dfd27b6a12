/** One dialplan step: `['Wait', '2']` is `same => n,Wait(2)`. */
export type DialplanStep = readonly [app: string, data?: string];

export type RouteOutcome = 'answer' | 'busy' | 'congestion' | 'noanswer' | 'failed' | 'hangup';

/** A route: which dialled numbers get which outcome, and its timings. */
export interface RouteSpec {
  /**
   * `_NXXNXXXXXX` (Asterisk pattern: X N Z [..] . !), `/^\+?1555\d+$/` (regular expression) or a literal
   * extension.
   */
  pattern: string;
  outcome: RouteOutcome;
  /** Ringing before the outcome, ms. Default 0 (3000 for the E.164 default route, 60000 for `noanswer`). */
  ringMs?: number;
  /** `answer`: talk time before the callee hangs up, ms. Default 20000. */
  talkMs?: number;
  /** `answer`: `callee` hangs up after talkMs (default), `caller` keeps the call up until an AMI Hangup. */
  hangupBy?: 'callee' | 'caller';
  /** `answer` / `hangup`: the Q.850 cause the callee hangs up with. Default 16 (`hangup`: 16 too). */
  cause?: number;
  /** `answer`: record the callee half with MixMonitor into `<monitorDir>/<Uniqueid>.wav`. Default false. */
  record?: boolean;
}

/**
 * Default routes for numbers that are not an extension of the dialplan (first match wins). The last three
 * digits of an E.164 number choose the outcome, after SIP response codes; any other number answers.
 */
export const DEFAULT_ROUTES: readonly RouteSpec[] = [
  { pattern: '/^\\+?\\d{4,14}486$/', outcome: 'busy' },
  { pattern: '/^\\+?\\d{4,14}503$/', outcome: 'congestion' },
  { pattern: '/^\\+?\\d{4,14}408$/', outcome: 'noanswer', ringMs: 60_000 },
  { pattern: '/^\\+?\\d{4,14}404$/', outcome: 'failed' },
  { pattern: '/^\\+?\\d{4,14}603$/', outcome: 'hangup', cause: 21, ringMs: 2000 },
  { pattern: '/^\\+?\\d{4,14}999$/', outcome: 'answer', ringMs: 3000, hangupBy: 'caller' },
  { pattern: '/^\\+?\\d{4,14}777$/', outcome: 'answer', ringMs: 3000, talkMs: 10_000, record: true },
  { pattern: '/^\\+?[1-9]\\d{6,14}$/', outcome: 'answer', ringMs: 3000, talkMs: 20_000 },
];

export class RouteTable {
  private readonly compiled: { spec: RouteSpec; test: (exten: string) => boolean }[];

  constructor(routes: readonly RouteSpec[]) {
    this.compiled = routes.map((spec) => ({ spec, test: compilePattern(spec.pattern) }));
  }

  match(exten: string): RouteSpec | undefined {
    return this.compiled.find((r) => r.test(exten))?.spec;
  }
}

export function compilePattern(pattern: string): (exten: string) => boolean {
  if (pattern.length > 1 && pattern.startsWith('/') && pattern.endsWith('/')) {
    const re = new RegExp(pattern.slice(1, -1));
    return (exten) => re.test(exten);
  }
  if (!pattern.startsWith('_')) return (exten) => exten === pattern;
  let source = '^';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === 'X') source += '[0-9]';
    else if (c === 'Z') source += '[1-9]';
    else if (c === 'N') source += '[2-9]';
    else if (c === '.') source += '.+';
    else if (c === '!') source += '.*';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      source += '[' + pattern.slice(i + 1, end).replace(/[\\^]/g, '\\$&') + ']';
      i = end;
    } else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const re = new RegExp(source + '$');
  return (exten) => re.test(exten);
}

/** The dialplan a route stands for, as the callee half of the call runs it. */
export function routeToSteps(route: RouteSpec): DialplanStep[] {
  const ring = route.ringMs ?? (route.outcome === 'noanswer' ? 60_000 : 0);
  const steps: DialplanStep[] = [['NoOp', `route ${route.pattern} -> ${route.outcome}`]];
  if (ring > 0) steps.push(['Ringing'], ['Wait', seconds(ring)]);
  switch (route.outcome) {
    case 'answer':
      steps.push(['Answer']);
      if (route.record) steps.push(['MixMonitor', '${UNIQUEID}.wav']);
      if (route.hangupBy === 'caller') steps.push(['Wait', '86400']);
      else steps.push(['Wait', seconds(route.talkMs ?? 20_000)]);
      if (route.record) steps.push(['StopMixMonitor']);
      steps.push(['Hangup', route.cause && route.cause !== 16 ? String(route.cause) : '']);
      break;
    case 'busy':
      steps.push(['Busy', '5']);
      break;
    case 'congestion':
      steps.push(['Congestion', '5']);
      break;
    case 'noanswer':
      steps.push(['Hangup']);
      break;
    case 'failed':
      steps.push(['Hangup', '1']);
      break;
    case 'hangup':
      steps.push(['Hangup', String(route.cause ?? 16)]);
      break;
  }
  return steps;
}

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}
