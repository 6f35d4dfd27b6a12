import type { CallEngine } from './call-engine.js';
import type { DialplanStep } from './route-table.js';

export interface CliOutput {
  ok: boolean;
  lines: string[];
}

interface Counters {
  extensions: number;
  priorities: number;
  contexts: number;
  contextFound: boolean;
  extensionFound: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Asterisk orders a context's extensions with ext_cmp: plain names by their characters, patterns after. */
function extensionOrder(a: string, b: string): number {
  const pa = a.startsWith('_');
  const pb = b.startsWith('_');
  if (pa !== pb) return pa ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `dialplan show [[exten@]context]`, laid out as main/pbx.c show_dialplan_helper() prints it: a context header,
 * `  %-17s %-45s [%s]` per priority (registrar `extensions.conf:<line>` for the captures' file, `pbx_config`
 * otherwise), `Include =>` lines, a blank line after each context shown, then the totals.
 */
export function dialplanShow(engine: CallEngine, arg: string | undefined): CliOutput {
  let exten: string | undefined;
  let context: string | undefined;
  if (arg !== undefined) {
    const at = arg.indexOf('@');
    if (at >= 0) {
      exten = arg.slice(0, at) || undefined;
      context = arg.slice(at + 1) || undefined;
    } else context = arg || undefined;
  }
  const c: Counters = {
    extensions: 0,
    priorities: 0,
    contexts: 0,
    contextFound: false,
    extensionFound: false,
  };
  const lines: string[] = [];
  showContexts(engine, context, exten, c, lines, false, new Set());
  if (context && !c.contextFound)
    return { ok: false, lines: [`There is no existence of '${context}' context`] };
  if (exten && !c.extensionFound) {
    return {
      ok: false,
      lines: [
        context
          ? `There is no existence of ${exten}@${context} extension`
          : `There is no existence of '${exten}' extension in all contexts`,
      ],
    };
  }
  lines.push(
    `-= ${plural(c.extensions, 'extension', 'extensions')} (${plural(c.priorities, 'priority', 'priorities')}) in ${plural(c.contexts, 'context', 'contexts')}. =-`,
  );
  return { ok: true, lines };
}

function showContexts(
  engine: CallEngine,
  context: string | undefined,
  exten: string | undefined,
  c: Counters,
  lines: string[],
  included: boolean,
  seen: Set<string>,
): void {
  for (const ctx of engine.dialplan()) {
    if (context && ctx.name !== context) continue;
    c.contextFound = true;
    let headerPrinted = false;
    const header = (): void => {
      if (headerPrinted) return;
      headerPrinted = true;
      c.contexts++;
      lines.push(`[ ${included ? 'Included context' : 'Context'} '${ctx.name}' created by 'pbx_config' ]`);
    };
    if (!exten) header();
    for (const name of Object.keys(ctx.extensions).sort(extensionOrder)) {
      if (exten && name !== exten) continue;
      c.extensionFound = true;
      header();
      c.extensions++;
      printExtension(engine, ctx.name, name, ctx.extensions[name]!, c, lines);
    }
    for (const inc of ctx.includes) {
      if (!exten) {
        lines.push(`  Include =>        ${`'${inc}'`.padEnd(45)} [pbx_config]`);
      } else if (!seen.has(inc)) {
        seen.add(inc);
        showContexts(engine, inc, exten, c, lines, true, seen);
      }
    }
    if (headerPrinted) lines.push('');
  }
}

function printExtension(
  engine: CallEngine,
  context: string,
  name: string,
  steps: readonly DialplanStep[],
  c: Counters,
  lines: string[],
): void {
  const line = engine.confLine(context, name);
  steps.forEach(([app, data = ''], i) => {
    c.priorities++;
    const registrar = line === undefined ? 'pbx_config' : `extensions.conf:${line + i}`;
    const first = i === 0 ? `'${name}' =>` : '';
    lines.push(`  ${first.padEnd(17)} ${`${i + 1}. ${app}(${data})`.padEnd(45)} [${registrar}]`);
  });
}
