import { makeEvent, type SimEvent } from './ami-wire.js';
import { TEST_CONTEXT } from './default-dialplan.js';
import type { IdSource } from './id-source.js';
import { RouteTable, routeToSteps, type DialplanStep, type RouteSpec } from './route-table.js';
import type { SimClock } from './sim-clock.js';
import { SimChannel } from './sim-channel.js';

export interface CallEngineConfig {
  routes: readonly RouteSpec[];
  /** Extra or overriding extensions: `{ context: { exten: steps } }`. */
  extensions: Record<string, Record<string, readonly DialplanStep[]>>;
  /** Contexts that exist besides `test`, `default` and those in `extensions`. */
  contexts: readonly string[];
  /** PJSIP endpoints that exist; `true` = has a contact (calls go through), `false` = no contact. */
  endpoints: Record<string, boolean>;
  monitorDir: string;
  soundsDir: string;
}

/** The PBX core: channels, dialplan lookup, the event stream. Call flows live in their own modules. */
export class CallEngine {
  readonly channels = new Map<string, SimChannel>();
  readonly globals = new Map<string, string>();
  processedCalls = 0;
  private readonly routes: RouteTable;
  private readonly contexts = new Map<string, Record<string, readonly DialplanStep[]>>();
  readonly startedAt: number;

  constructor(
    readonly clock: SimClock,
    readonly ids: IdSource,
    readonly config: CallEngineConfig,
    private readonly sink: (event: SimEvent) => void,
  ) {
    this.routes = new RouteTable(config.routes);
    this.contexts.set('test', { ...TEST_CONTEXT, ...config.extensions['test'] });
    this.contexts.set('default', this.contexts.get('test')!);
    for (const name of config.contexts) if (!this.contexts.has(name)) this.contexts.set(name, {});
    for (const [name, extens] of Object.entries(config.extensions)) {
      if (name !== 'test') this.contexts.set(name, { ...this.contexts.get(name), ...extens });
    }
    this.startedAt = clock.now();
  }

  hasContext(context: string): boolean {
    return this.contexts.has(context);
  }

  /** The steps `exten@context` runs: an extension of the dialplan, else the first matching route. */
  lookup(context: string, exten: string): readonly DialplanStep[] | undefined {
    const ctx = this.contexts.get(context);
    if (!ctx) return undefined;
    const own = ctx[exten];
    if (own) return own;
    const route = this.routes.match(exten);
    return route ? routeToSteps(route) : undefined;
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
