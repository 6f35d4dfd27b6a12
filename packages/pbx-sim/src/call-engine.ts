import { makeEvent, type SimEvent } from './ami-wire.js';
import { SIP_IN_CONTEXT, TEST_CONTEXT } from './default-dialplan.js';
import { DIALPLAN_INCLUDES, EXTENSIONS_CONF_LINES } from './extensions-conf-lines.js';
import type { IdSource } from './id-source.js';
import { PjsipRegistry, type EndpointOption } from './pjsip-registry.js';
import type { QueueSpec } from './queue-app.js';
import { RouteTable, routeToSteps, type DialplanStep, type RouteSpec } from './route-table.js';
import type { SimClock } from './sim-clock.js';
import { SimChannel } from './sim-channel.js';

export interface CallEngineConfig {
  routes: readonly RouteSpec[];
  /** Extra or overriding extensions: `{ context: { exten: steps } }`. */
  extensions: Record<string, Record<string, readonly DialplanStep[]>>;
  /** Contexts that exist besides `test`, `default` and those in `extensions`. */
  contexts: readonly string[];
  /** The PJSIP endpoints of the simulated pjsip.conf. */
  endpoints: Record<string, EndpointOption>;
  monitorDir: string;
  soundsDir: string;
  /** queues.conf: queue name -> members. */
  queues: Record<string, QueueSpec>;
}

/** The PBX core: channels, dialplan lookup, the event stream. Call flows live in their own modules. */
export class CallEngine {
  readonly channels = new Map<string, SimChannel>();
  readonly globals = new Map<string, string>();
  processedCalls = 0;
  /** Endpoints, aors, auths and registered contacts (res_pjsip). */
  readonly pjsip: PjsipRegistry;
  private readonly routes: RouteTable;
  private readonly contexts = new Map<string, Record<string, readonly DialplanStep[]>>();
  private readonly confLines = new Map<string, number>();
  readonly startedAt: number;

  constructor(
    readonly clock: SimClock,
    readonly ids: IdSource,
    readonly config: CallEngineConfig,
    private readonly sink: (event: SimEvent) => void,
  ) {
    this.routes = new RouteTable(config.routes);
    this.pjsip = new PjsipRegistry(config.endpoints);
    // Asterisk lists contexts newest first: extensions.conf defines test, default, sip-in in that order.
    const own: [string, Record<string, readonly DialplanStep[]>][] = [
      ['sip-in', SIP_IN_CONTEXT],
      ['default', {}],
      ['test', TEST_CONTEXT],
    ];
    for (const [name, extens] of own) this.contexts.set(name, { ...extens, ...config.extensions[name] });
    for (const name of config.contexts) if (!this.contexts.has(name)) this.contexts.set(name, {});
    for (const [name, extens] of Object.entries(config.extensions)) {
      if (!this.contexts.has(name)) this.contexts.set(name, { ...extens });
    }
    for (const [name, extens] of own) {
      for (const exten of Object.keys(extens)) {
        const line = EXTENSIONS_CONF_LINES[name]?.[exten];
        if (line !== undefined && !config.extensions[name]?.[exten])
          this.confLines.set(`${exten}@${name}`, line);
      }
    }
    this.startedAt = clock.now();
  }

  /** The extensions.conf line of `exten@context`'s priority 1, when it comes from the captures' file. */
  confLine(context: string, exten: string): number | undefined {
    return this.confLines.get(`${exten}@${context}`);
  }

  /** Every context with its own extensions and includes, in the order `dialplan show` lists them. */
  dialplan(): {
    name: string;
    extensions: Record<string, readonly DialplanStep[]>;
    includes: readonly string[];
  }[] {
    return [...this.contexts].map(([name, extensions]) => ({
      name,
      extensions,
      includes: DIALPLAN_INCLUDES[name] ?? [],
    }));
  }

  hasContext(context: string): boolean {
    return this.contexts.has(context);
  }

  /** The first route matching a dialled number (scenario routes first, then the defaults). */
  route(number: string): RouteSpec | undefined {
    return this.routes.match(number);
  }

  /** The steps `exten@context` runs: an extension of the dialplan, else the first matching route. */
  lookup(context: string, exten: string): readonly DialplanStep[] | undefined {
    const ctx = this.contexts.get(context);
    if (!ctx) return undefined;
    const own = ctx[exten] ?? this.included(context, exten);
    if (own) return own;
    const route = this.routes.match(exten);
    return route ? routeToSteps(route) : undefined;
  }

  private included(context: string, exten: string): readonly DialplanStep[] | undefined {
    for (const name of DIALPLAN_INCLUDES[context] ?? []) {
      const steps = this.contexts.get(name)?.[exten];
      if (steps) return steps;
    }
    return undefined;
  }

  emit(name: string, eventClass: string, body: readonly string[]): void {
    this.sink(makeEvent(name, eventClass, body));
  }

  emitChannel(name: string, ch: SimChannel, extra: readonly string[] = [], eventClass = 'call'): void {
    this.sink(makeEvent(name, eventClass, [...ch.snapshot(), ...extra]));
  }

  newChannel(
    name: string,
    context: string,
    exten: string,
    linkedid: string | undefined,
    tech: string,
    presetUniqueid?: string,
  ): SimChannel {
    // Asterisk consumes a sequence number even when the originator presets the id (ChannelId).
    const generated = this.ids.uniqueid(this.clock.now());
    const uniqueid = presetUniqueid || generated;
    const ch = new SimChannel(name, uniqueid, linkedid ?? uniqueid, context, exten, this.clock.now(), tech);
    this.channels.set(name, ch);
    return ch;
  }

  /** Marks a channel gone and wakes its dialplan. Events are the caller's business. */
  release(ch: SimChannel): void {
    ch.hungUp = true;
    this.channels.delete(ch.name);
    const wake = ch.interrupt;
    ch.interrupt = undefined;
    wake?.();
  }

  /**
   * Waits `simMs` of simulated time on behalf of `ch`; resolves `false` early if the channel is hung up or
   * redirected meanwhile.
   */
  sleep(ch: SimChannel, simMs: number): Promise<boolean> {
    if (ch.hungUp) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = this.clock.after(simMs, () => {
        ch.interrupt = undefined;
        resolve(true);
      });
      ch.interrupt = () => {
        this.clock.cancel(timer);
        resolve(false);
      };
    });
  }

  /** Wakes the channel's current wait without hanging it up (Redirect). */
  wake(ch: SimChannel): void {
    const wake = ch.interrupt;
    ch.interrupt = undefined;
    wake?.();
  }

  deviceState(device: string, state: string): void {
    this.emit('DeviceStateChange', 'call', ['Device', device, 'State', state]);
  }

  activeCalls(): number {
    let n = 0;
    for (const ch of this.channels.values()) if (!ch.name.endsWith(';2')) n++;
    return n;
  }
}
