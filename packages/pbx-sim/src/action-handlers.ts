import type { AmiMessage } from '@switchboard/ami';
import { formatMessage, makeEvent } from './ami-wire.js';
import type { AmiSession } from './ami-session.js';
import { runCommand } from './cli-commands.js';
import { LIST_COMMANDS } from './list-commands.js';
import { checkOriginate, parseOriginate, placeOriginate } from './originate-action.js';
import type { OriginateRequest } from './originate-request.js';
import type { PbxSimulator } from './pbx-simulator.js';
import { MIXMONITOR_HANDLERS } from './mixmonitor-actions.js';
import { PJSIP_HANDLERS } from './pjsip-actions.js';
import { isKnownAction, mayRunAction, parseEventMask } from './privileges.js';
import { channelStatusFields, coreShowChannelFields, getVariable } from './status-fields.js';

type Handler = (sim: PbxSimulator, s: AmiSession, msg: AmiMessage) => void;

const HANDLERS: Record<string, Handler> = {
  ping: (sim, s, msg) =>
    s.respond(msg, 'Success', ['Ping', 'Pong', 'Timestamp', (sim.clock.now() / 1000).toFixed(6)]),
  logoff: (_sim, s, msg) => {
    const id = msg.get('ActionID');
    s.close(
      formatMessage([
        'Response',
        'Goodbye',
        ...(id === undefined ? [] : ['ActionID', id]),
        'Message',
        'Thanks for all the fish.',
      ]),
    );
  },
  events: (_sim, s, msg) => {
    s.eventMask = parseEventMask(msg.get('EventMask'));
    s.respond(msg, 'Success', ['Events', s.eventMask.size > 0 ? 'On' : 'Off']);
  },
  filter: (_sim, s, msg) => {
    const filter = msg.get('Filter') ?? '';
    if ((msg.get('Operation') ?? 'Add').toLowerCase() !== 'add' || filter === '') {
      s.respond(msg, 'Error', ['Message', 'Unknown operation']);
      return;
    }
    try {
      if (filter.startsWith('!')) s.excludeFilters.push(new RegExp(filter.slice(1)));
      else s.includeFilters.push(new RegExp(filter));
      s.respond(msg, 'Success', ['Message', 'Success']);
    } catch {
      s.respond(msg, 'Error', ['Message', 'Filter Add Failed']);
    }
  },
  coresettings: (_sim, s, msg) =>
    s.respond(msg, 'Success', [
      ...['AMIversion', '11.0.0', 'AsteriskVersion', '22.10.1', 'SystemName', '', 'CoreMaxCalls', '0'],
      ...['CoreMaxLoadAvg', '0.000000', 'CoreRunUser', '', 'CoreRunGroup', '', 'CoreMaxFilehandles', '0'],
      ...[
        'CoreRealTimeEnabled',
        'No',
        'CoreCDRenabled',
        'Yes',
        'CoreHTTPenabled',
        'No',
        'SoundsSearchCustomDir',
        'No',
      ],
    ]),
  corestatus: (sim, s, msg) => {
    const start = new Date(sim.engine.startedAt).toISOString();
    const reload = new Date(sim.lastReload).toISOString();
    s.respond(msg, 'Success', [
      ...['CoreStartupDate', start.slice(0, 10), 'CoreStartupTime', start.slice(11, 19)],
      ...['CoreReloadDate', reload.slice(0, 10), 'CoreReloadTime', reload.slice(11, 19)],
      ...[
        'CoreCurrentCalls',
        String(sim.engine.activeCalls()),
        'CoreProcessedCalls',
        String(sim.engine.processedCalls),
      ],
    ]);
  },
  listcommands: (_sim, s, msg) => s.respond(msg, 'Success', LIST_COMMANDS.flat()),
  command: (sim, s, msg) => {
    const { ok, lines, reload } = runCommand(sim, msg.get('Command') ?? '');
    const output = lines.length === 0 ? ['Output', ''] : lines.flatMap((l) => ['Output', l]);
    s.respond(msg, ok ? 'Success' : 'Error', ['Message', 'Command output follows', ...output]);
    if (reload) sim.reload();
  },
  reload: (sim, s, msg) => {
    s.respond(msg, 'Success', ['Message', 'Module Reloaded']);
    sim.reload(msg.get('Module'));
  },
  getvar: (sim, s, msg) => {
    const name = msg.get('Variable') ?? '';
    const chName = msg.get('Channel');
    const ch = chName ? sim.engine.channels.get(chName) : undefined;
    if (chName && !ch) {
      s.respond(msg, 'Error', ['Message', 'No such channel']);
      return;
    }
    const value = getVariable(sim.engine, ch, name);
    s.respond(msg, 'Success', ['Variable', name, 'Value', value]);
  },
  setvar: (sim, s, msg) => {
    const name = msg.get('Variable') ?? '';
    const value = msg.get('Value') ?? '';
    const chName = msg.get('Channel');
    const ch = chName ? sim.engine.channels.get(chName) : undefined;
    if (chName && !ch) {
      s.respond(msg, 'Error', ['Message', 'No such channel']);
      return;
    }
    s.respond(msg, 'Success', ['Message', 'Variable Set']);
    if (ch) {
      ch.vars.set(name, value);
      sim.engine.emitChannel('VarSet', ch, ['Variable', name, 'Value', value], 'dialplan');
    } else {
      const bare = /^GLOBAL\((.*)\)$/.exec(name)?.[1] ?? name;
      sim.engine.globals.set(bare, value);
      sim.engine.emit('VarSet', 'dialplan', [
        'Channel',
        'none',
        'Uniqueid',
        'none',
        'Variable',
        bare,
        'Value',
        value,
      ]);
    }
  },
  hangup: (sim, s, msg) => {
    const ch = sim.engine.channels.get(msg.get('Channel') ?? '');
    if (!ch || !ch.owner) {
      s.respond(msg, 'Error', ['Message', 'No such channel']);
      return;
    }
    s.respond(msg, 'Success', ['Message', 'Channel Hungup']);
    const cause = msg.get('Cause');
    ch.owner.hangupByAction(ch, cause === undefined ? undefined : Number(cause));
  },
  redirect: (sim, s, msg) => {
    const ch = sim.engine.channels.get(msg.get('Channel') ?? '');
    if (!ch) {
      s.respond(msg, 'Error', ['Message', 'Channel does not exist']);
      return;
    }
    const context = msg.get('Context') ?? ch.context;
    const exten = msg.get('Exten') ?? '';
    if (!sim.engine.lookup(context, exten)) {
      s.respond(msg, 'Error', ['Message', 'Extension does not exist.']);
      return;
    }
    s.respond(msg, 'Success', ['Message', 'Redirect successful']);
    ch.redirectTo = { context, exten, priority: Number(msg.get('Priority')) || 1 };
    sim.engine.wake(ch);
  },
  coreshowchannels: (sim, s, msg) => {
    const id = msg.get('ActionID');
    const idField = id === undefined ? [] : ['ActionID', id];
    s.respond(msg, 'Success', ['EventList', 'start', 'Message', 'Channels will follow']);
    const channels = [...sim.engine.channels.values()];
    for (const ch of channels) {
      s.sendResponse(
        formatMessage(['Event', 'CoreShowChannel', ...idField, ...coreShowChannelFields(sim.engine, ch)]),
      );
    }
    s.sendResponse(
      formatMessage([
        'Event',
        'CoreShowChannelsComplete',
        ...idField,
        'EventList',
        'Complete',
        'ListItems',
        String(channels.length),
      ]),
    );
  },
  status: (sim, s, msg) => {
    const id = msg.get('ActionID');
    const wanted = msg.get('Channel');
    const channels = [...sim.engine.channels.values()].filter((c) => !wanted || c.name === wanted);
    if (wanted && channels.length === 0) {
      s.respond(msg, 'Error', ['Message', 'No such channel']);
      return;
    }
    s.respond(msg, 'Success', ['EventList', 'start', 'Message', 'Channel status will follow']);
    const vars = (msg.get('Variables') ?? '').split(',').filter((v) => v !== '');
    for (const ch of channels) {
      const fields = ['Event', 'Status', 'Privilege', 'Call', ...channelStatusFields(sim.engine, ch)];
      for (const v of vars) fields.push('Variable', `${v}=${getVariable(sim.engine, ch, v)}`);
      if (id !== undefined) fields.push('ActionID', id);
      s.sendResponse(formatMessage(fields));
    }
    const n = String(channels.length);
    s.sendResponse(
      formatMessage([
        'Event',
        'StatusComplete',
        ...(id === undefined ? [] : ['ActionID', id]),
        'EventList',
        'Complete',
        'ListItems',
        n,
        'Items',
        n,
      ]),
    );
  },
  extensionstate: (_sim, s, msg) =>
    s.respond(msg, 'Success', [
      ...[
        'Message',
        'Extension Status',
        'Exten',
        msg.get('Exten') ?? '',
        'Context',
        msg.get('Context') ?? '',
      ],
      ...['Hint', '', 'Status', '-1', 'StatusText', 'Unknown'],
    ]),
  originate: (sim, s, msg) => originate(sim, s, msg),
  ...PJSIP_HANDLERS,
  ...MIXMONITOR_HANDLERS,
};

function originate(sim: PbxSimulator, s: AmiSession, msg: AmiMessage): void {
  let held = false;
  const settle: OriginateRequest['settle'] = (success, reason, ch) => {
    if (req.async) {
      const fields = [
        ...(req.actionId === undefined ? [] : ['ActionID', req.actionId]),
        ...['Response', success ? 'Success' : 'Failure', 'Channel', success && ch ? ch.name : req.channel],
        ...(req.application
          ? ['Application', req.application, 'Data', req.data]
          : ['Context', req.context ?? '', 'Exten', req.exten ?? '']),
        ...['Reason', String(reason), 'Uniqueid', success && ch ? ch.uniqueid : '<unknown>'],
        ...['CallerIDNum', req.callerIdNum || '<unknown>', 'CallerIDName', req.callerIdName || '<unknown>'],
      ];
      sim.broadcast(makeEvent('OriginateResponse', 'call', fields));
      return;
    }
    if (success) s.respond(msg, 'Success', ['Message', 'Originate successfully queued']);
    else s.respond(msg, 'Error', ['Message', 'Originate failed']);
    if (held) s.unblock();
  };
  const parsed = parseOriginate(msg, settle);
  if ('error' in parsed) {
    s.respond(msg, 'Error', ['Message', parsed.error]);
    return;
  }
  const req = parsed;
  const error = checkOriginate(sim.engine, req);
  if (error) {
    s.respond(msg, 'Error', ['Message', error]);
    return;
  }
  if (req.async) s.respond(msg, 'Success', ['Message', 'Originate successfully queued']);
  else {
    held = true;
    s.block();
  }
  placeOriginate(sim.engine, req);
}

const BEFORE_LOGIN = new Set(['login', 'challenge', 'logoff']);

/** Dispatches one action of a session, with Asterisk's login and permission checks. */
export function dispatchAction(sim: PbxSimulator, s: AmiSession, msg: AmiMessage): void {
  const action = (msg.get('Action') ?? '').toLowerCase();
  if (action === 'challenge') {
    s.challenge = sim.ids.challenge();
    s.respond(msg, 'Success', ['Challenge', s.challenge]);
    return;
  }
  if (action === 'login') {
    login(sim, s, msg);
    return;
  }
  if (!s.loggedIn && !BEFORE_LOGIN.has(action)) {
    s.respond(msg, 'Error', ['Message', 'Permission denied']);
    return;
  }
  const handler = HANDLERS[action];
  if (!handler || !isKnownAction(action)) {
    const name = msg.get('Action') ?? '';
    s.respond(msg, 'Error', [
      'Message',
      `Invalid/unknown command: ${name}. Use Action: ListCommands to show available commands.`,
    ]);
    // Captured order: EventTV, Severity, Service, EventVersion, SessionID, addresses, RequestType, SessionTV.
    const sec = s.securityFields();
    const fields = [
      ...[sec[0]!, sec[1]!, 'Severity', 'Error', 'Service', 'AMI', 'EventVersion', '1'],
      ...sec.slice(2, 8),
      ...['RequestType', `Action: ${name}`, sec[8]!, sec[9]!, 'AccountID', s.user ?? ''],
    ];
    sim.broadcast(makeEvent('RequestBadFormat', 'security', fields));
    return;
  }
  if (!mayRunAction(action, s.write)) {
    s.respond(msg, 'Error', ['Message', 'Permission denied']);
    return;
  }
  handler(sim, s, msg);
}

function login(sim: PbxSimulator, s: AmiSession, msg: AmiMessage): void {
  if (s.loggedIn) {
    s.respond(msg, 'Success', ['Message', 'Already authenticated']);
    return;
  }
  if (!s.authenticate(msg)) {
    s.closing = true;
    const id = msg.get('ActionID');
    const text = formatMessage([
      'Response',
      'Error',
      ...(id === undefined ? [] : ['ActionID', id]),
      'Message',
      'Authentication failed',
    ]);
    sim.clock.afterReal(sim.options.loginFailureDelayMs, () => s.close(text));
    return;
  }
  s.respond(msg, 'Success', ['Message', 'Authentication accepted']);
  const uptime = String(Math.floor((sim.clock.now() - sim.engine.startedAt) / 1000));
  const lastReload = String(Math.floor((sim.clock.now() - sim.lastReload) / 1000));
  s.deliver(
    makeEvent('FullyBooted', 'system', [
      'Uptime',
      uptime,
      'LastReload',
      lastReload,
      'Status',
      'Fully Booted',
    ]),
  );
  const sec = s.securityFields();
  s.deliver(
    makeEvent('SuccessfulAuth', 'security', [
      ...[
        sec[0]!,
        sec[1]!,
        'Severity',
        'Informational',
        'Service',
        'AMI',
        'EventVersion',
        '1',
        'AccountID',
        s.user!,
      ],
      ...sec.slice(2, 8),
      ...['UsingPassword', '0', sec[8]!, sec[9]!],
    ]),
  );
}
