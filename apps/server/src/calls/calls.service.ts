import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AmiError } from '@switchboard/ami';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import {
  conflict,
  notFound,
  serviceUnavailable,
  tooManyRequests,
  unprocessable,
  validationFailed,
} from '../common/errors/app-error.js';
import { encodeCursor, type Page } from '../common/validation/pagination.js';
import type { CallAnswer, TenantRow } from '../db/database.types.js';
import { PbxService } from '../pbx/pbx.service.js';
import { SoundsService } from '../sounds/sounds.service.js';
import { TenantsRepository } from '../tenants/tenants.repository.js';
import { toE164 } from '../tenants/phone-numbers.js';
import { CallDispatcherService } from './call-dispatcher.service.js';
import { isFinalStatus, type CallStatus } from './call-status.js';
import { CallStreamHub } from './call-stream.hub.js';
import { CallTrackingService } from './call-tracking.service.js';
import {
  toCallEventView,
  toCallView,
  type CallView,
  type ListCallsQuery,
  type MakeCallInput,
} from './calls.dto.js';
import { CallsOptions } from './calls.options.js';
import { CallsRepository, type CallFilters } from './calls.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** JSON with sorted keys: the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly tenants: TenantsRepository,
    private readonly access: AccessService,
    private readonly dispatcher: CallDispatcherService,
    private readonly tracking: CallTrackingService,
    private readonly hub: CallStreamHub,
    private readonly pbx: PbxService,
    private readonly sounds: SoundsService,
    private readonly clock: Clock,
    private readonly options: CallsOptions,
  ) {}

  /** The tenant a request acts on: the key's own, or the one named (for keys that span tenants). */
  async tenantOf(principal: Principal, tenantId: string | undefined): Promise<string> {
    const id = tenantId ?? principal.tenantId;
    if (id === null) {
      throw validationFailed('tenantId is required for this key', {
        issues: [{ path: 'tenantId', message: 'required: the key belongs to no tenant' }],
      });
    }
    return this.access.tenantScope(principal, id);
  }

  async makeCall(principal: Principal, input: MakeCallInput, idempotencyKey?: string): Promise<CallView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationFailed('The Idempotency-Key header is invalid', {
        issues: [{ path: 'Idempotency-Key', message: '1-200 printable ASCII characters' }],
      });
    }
    const tenantId = await this.tenantOf(principal, input.tenantId);
    const tenant = (await this.tenants.findById(tenantId))!;
    if (!tenant.enabled) throw conflict('tenant-disabled', 'The tenant is disabled: it places no calls');
    if (!this.dispatcher.readyPbx()) {
      throw serviceUnavailable('pbx-unavailable', 'The PBX is not connected; no call was placed');
    }
    // The tenant row is at hand: normalise numbers without fetching it again.
    const to = toE164(input.to, tenant.default_country, 'to');
    let from: { number: string; id: string } | undefined;
    if (input.from !== undefined) {
      const number = toE164(input.from, tenant.default_country, 'from');
      from = await this.calls.findEnabledDid(tenantId, number);
      if (!from) throw unprocessable('unknown-did', `${number} is not an enabled DID of this tenant`);
    }
    const answer = await this.answerFor(principal, tenant, input);
    const id = randomUUID();
    const now = this.clock.now();
    const result = await this.calls.insertQueued(
      {
        id,
        tenant_id: tenantId,
        to_number: to,
        from_number: from?.number ?? null,
        did_id: from?.id ?? null,
        caller_name: input.callerName ?? null,
        answer: JSON.stringify(answer),
        transfer_number: answer.type === 'transfer' && answer.number !== '' ? answer.number : null,
        sound: answer.type === 'sound' ? answer.sound : null,
        record: input.record,
        timeout_seconds: input.timeoutSeconds,
        variables: JSON.stringify(input.variables),
        metadata: input.metadata === undefined ? null : JSON.stringify(input.metadata),
        action_id: `sb-${id}`,
        channel_id: id,
        other_channel_id: `${id}.2`,
        idempotency_key: idempotencyKey ?? null,
        request_hash: createHash('sha256').update(canonical(input)).digest('hex'),
        created_at: now,
      },
      {
        now,
        maxConcurrent: tenant.max_concurrent_calls,
        spacingMs: tenant.calls_per_second ? 1000 / tenant.calls_per_second : 0,
        idempotencyTtlMs: this.options.idempotencyTtlMs,
      },
    );
    switch (result.kind) {
      case 'key-reused':
        throw unprocessable(
          'idempotency-key-reused',
          'This Idempotency-Key was used with a different request',
        );
      case 'limit':
        throw tooManyRequests(
          'too-many-calls',
          `The tenant has ${result.live} calls in progress, its limit`,
          this.options.retryAfterSeconds,
        );
      case 'existing':
        return toCallView(result.row);
      case 'created':
        break;
    }
    const row = result.row;
    if (row.scheduled_at.getTime() > now.getTime()) {
      this.hub.publish(tenantId, toCallView(row));
      return toCallView(row);
    }
    try {
      return toCallView(await this.dispatcher.dispatch(row, tenant));
    } catch (err) {
      if (err instanceof AmiError) {
        throw serviceUnavailable('pbx-unavailable', 'The PBX is not connected; the call failed');
      }
      throw err;
    }
  }

  private async answerFor(
    principal: Principal,
    tenant: TenantRow,
    input: MakeCallInput,
  ): Promise<CallAnswer> {
    if (input.soundId !== undefined)
      return { type: 'sound', sound: await this.playbackOf(principal, tenant, input.soundId) };
    if (input.transferTo !== undefined) {
      return {
        type: 'transfer',
        number: toE164(input.transferTo, tenant.default_country, 'transferTo'),
      };
    }
    if (input.transfer === true) return { type: 'transfer', number: '' };
    if (input.context !== undefined && input.exten !== undefined) {
      return { type: 'dialplan', context: input.context, exten: input.exten, priority: input.priority ?? 1 };
    }
    const fallback = tenant.answer_destination;
    if (fallback?.type === 'sound') return { type: 'sound', sound: fallback.sound };
    if (fallback?.type === 'dialplan') return fallback;
    throw unprocessable(
      'no-answer-destination',
      "Say what happens on answer (soundId, transfer, transferTo or context/exten), or set the tenant's answerDestination",
    );
  }

  /**
   * What Playback plays: a sound of the tenant's library by id (`custom/<tenant>/<name>`, once it has a ready
   * version), or a sound already on the PBX by name (`hello-world`).
   */
  private async playbackOf(principal: Principal, tenant: TenantRow, soundId: string): Promise<string> {
    if (!UUID.test(soundId)) return soundId;
    const sound = await this.sounds.get(principal, soundId);
    if (sound.tenantId !== tenant.id) throw notFound('Sound');
    if (!sound.activeVersion) throw conflict('sound-not-ready', 'The sound has no ready version yet');
    return sound.playback;
  }

  async get(principal: Principal, id: string, tenantId: string | undefined) {
    const scope = await this.tenantOf(principal, tenantId);
    const row = await this.calls.find(scope, id);
    if (!row) throw notFound('Call');
    const events = await this.calls.events(id);
    return { ...toCallView(row), events: events.map(toCallEventView) };
  }

  async list(principal: Principal, query: ListCallsQuery): Promise<Page<CallView>> {
    const scope = await this.tenantOf(principal, query.tenantId);
    const rows = await this.calls.list(scope, this.filters(query), query.limit, query.cursor);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toCallView),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  }

  filters(query: Omit<ListCallsQuery, 'limit' | 'cursor'>): CallFilters {
    return {
      status: query.status,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      number: query.number,
      did: query.did,
      q: query.q,
    };
  }

  /** Hangs a call up through AMI: it ends `canceled` before the answer, `completed` after. */
  async hangup(principal: Principal, id: string, tenantId: string | undefined): Promise<CallView> {
    const scope = await this.tenantOf(principal, tenantId);
    const row = await this.calls.find(scope, id);
    if (!row) throw notFound('Call');
    if (isFinalStatus(row.status as CallStatus))
      throw conflict('call-not-active', `The call is ${row.status}`);
    if (row.status === 'queued') {
      const now = this.clock.now();
      const canceled = await this.calls.cancelQueued(id, now);
      if (canceled) {
        this.hub.publish(canceled.tenant_id, toCallView(canceled));
        return toCallView(canceled);
      }
    }
    const snapshot = this.tracking.requestHangup(id);
    const channel = snapshot?.channel ?? row.channel;
    const client = row.pbx ? this.pbx.client(row.pbx) : undefined;
    if (!channel) throw conflict('call-not-connected', 'The call has no channel yet; try again in a moment');
    if (!client || client.state !== 'ready') {
      throw serviceUnavailable('pbx-unavailable', 'The PBX is not connected; the call was not hung up');
    }
    await client.action({ Action: 'Hangup', Channel: channel, Cause: 16 }).catch(() => undefined);
    return toCallView((await this.calls.find(scope, id)) ?? row);
  }
}
