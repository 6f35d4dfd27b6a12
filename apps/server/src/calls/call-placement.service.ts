import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
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
import type { CallAnswer, CallRow, TenantRow } from '../db/database.types.js';
import { SoundsService } from '../sounds/sounds.service.js';
import { didCapped, DidsService } from '../tenants/dids.service.js';
import { toE164 } from '../tenants/phone-numbers.js';
import { TransferNumbersService } from '../tenants/transfer-numbers.service.js';
import type { TransferNumberView } from '../tenants/transfer-numbers.dto.js';
import { CallDispatcherService } from './call-dispatcher.service.js';
import {
  CallPlacementRepository,
  type NewCall,
  type PlaceResult,
  type VersionedTenant,
} from './call-placement.repository.js';
import { CallStreamHub } from './call-stream.hub.js';
import { toCallView, type CallView, type MakeCallInput } from './calls.dto.js';
import { CallsOptions } from './calls.options.js';
import { CallsService } from './calls.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** Cached tenant rows are re-read after this long even when unchanged (they are checked at every insert). */
const TENANT_CACHE_MS = 60_000;
const STALE = Symbol('stale tenant');

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

/**
 * `POST /api/calls/make-call`. The tenant's settings come from a cache whose version (`xmin`) the insert checks,
 * the caller ID from DidsService's in-process rotation, and the call row is written, with its caller ID counted
 * and the tenant's limits checked, by one statement (CallPlacementRepository); then the Originate is sent.
 */
@Injectable()
export class CallPlacementService {
  private readonly tenants = new Map<string, { tenant: VersionedTenant; at: number }>();

  constructor(
    private readonly placement: CallPlacementRepository,
    private readonly calls: CallsService,
    private readonly dids: DidsService,
    private readonly transferNumbers: TransferNumbersService,
    private readonly dispatcher: CallDispatcherService,
    private readonly hub: CallStreamHub,
    private readonly sounds: SoundsService,
    private readonly clock: Clock,
    private readonly options: CallsOptions,
  ) {}

  async makeCall(principal: Principal, input: MakeCallInput, idempotencyKey?: string): Promise<CallView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationFailed('The Idempotency-Key header is invalid', {
        issues: [{ path: 'Idempotency-Key', message: '1-200 printable ASCII characters' }],
      });
    }
    const tenantId = await this.calls.tenantOf(principal, input.tenantId);
    for (let attempt = 0; ; attempt++) {
      const tenant = await this.tenant(tenantId, attempt > 0);
      if (!tenant) throw notFound('Tenant');
      const placed = await this.place(principal, tenant, input, idempotencyKey);
      if (placed !== STALE) return placed;
      // The tenant changed between the read and the insert: read it again and start over.
      if (attempt >= 3) throw serviceUnavailable('tenant-changing', 'The tenant keeps changing; try again');
    }
  }

  private async tenant(id: string, fresh: boolean): Promise<VersionedTenant | undefined> {
    const cached = this.tenants.get(id);
    if (cached && !fresh && Date.now() - cached.at < TENANT_CACHE_MS) return cached.tenant;
    const tenant = await this.placement.tenant(id);
    if (tenant) this.tenants.set(id, { tenant, at: Date.now() });
    else this.tenants.delete(id);
    return tenant;
  }

  private async place(
    principal: Principal,
    tenant: VersionedTenant,
    input: MakeCallInput,
    idempotencyKey: string | undefined,
  ): Promise<CallView | typeof STALE> {
    if (!tenant.enabled) throw conflict('tenant-disabled', 'The tenant is disabled: it places no calls');
    const pbx = this.dispatcher.readyPbx();
    if (!pbx) throw serviceUnavailable('pbx-unavailable', 'The PBX is not connected; no call was placed');
    const to = toE164(input.to, tenant.default_country, 'to');
    const from = input.from === undefined ? undefined : toE164(input.from, tenant.default_country, 'from');
    const answer = await this.answerFor(principal, tenant, input);
    const requestHash = createHash('sha256').update(canonical(input)).digest('hex');
    if (idempotencyKey !== undefined) {
      const replay = await this.replay(tenant.id, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    const id = randomUUID();
    const call: NewCall = {
      id,
      tenant_id: tenant.id,
      to_number: to,
      from_number: null,
      did_id: null,
      caller_name: input.callerName ?? null,
      answer,
      transfer_number_id: null,
      transfer_number: answer.type === 'transfer' && answer.number !== '' ? answer.number : null,
      sound: answer.type === 'sound' ? answer.sound : null,
      record: input.record,
      timeout_seconds: input.timeoutSeconds,
      variables: input.variables,
      metadata: input.metadata,
      action_id: `sb-${id}`,
      channel_id: id,
      other_channel_id: `${id}.2`,
      idempotency_key: idempotencyKey ?? null,
      request_hash: requestHash,
      owner: this.options.instanceId,
      created_at: this.clock.now(),
    };
    if (tenant.calls_per_second) return this.queue(call, tenant, from, idempotencyKey, pbx);
    return this.placeNow(call, tenant, from, idempotencyKey, pbx);
  }

  /** The call already placed with this key (same body), 422 for another body; undefined when none is held. */
  private async replay(tenantId: string, key: string, requestHash: string): Promise<CallView | undefined> {
    const existing = await this.placement.findByIdempotencyKey(tenantId, key);
    if (!existing) return undefined;
    if (existing.created_at.getTime() <= this.clock.now().getTime() - this.options.idempotencyTtlMs) {
      await this.placement.expireIdempotencyKey(existing.id);
      return undefined;
    }
    if (existing.request_hash !== requestHash) {
      throw unprocessable('idempotency-key-reused', 'This Idempotency-Key was used with a different request');
    }
    return toCallView(existing);
  }

  /** A concurrent request with the same key won: answer its call. */
  private async duplicate(tenantId: string, key: string | undefined, requestHash: string): Promise<CallView> {
    const replayed = key === undefined ? undefined : await this.replay(tenantId, key, requestHash);
    if (!replayed) throw new Error('idempotency conflict without a holder');
    return replayed;
  }

  private overLimit(live: number): never {
    throw tooManyRequests(
      'too-many-calls',
      `The tenant has ${live} calls in progress, its limit`,
      this.options.retryAfterSeconds,
    );
  }

  /** Placed now: the call row (with its caller ID counted) in one statement, then the Originate. */
  private async placeNow(
    call: NewCall,
    tenant: VersionedTenant,
    from: string | undefined,
    key: string | undefined,
    pbx: string,
  ): Promise<CallView | typeof STALE> {
    let transfer: TransferNumberView | undefined;
    if (call.answer.type === 'transfer' && call.answer.number === '') {
      transfer = await this.transferNumbers.acquire(tenant.id);
      call.transfer_number = transfer.number;
      call.transfer_number_id = transfer.id;
    }
    let placed: CallRow | undefined;
    try {
      const allocation = await this.dids.allocate<PlaceResult>(
        tenant.id,
        tenant.did_rotation,
        call.to_number,
        async (did, today) => {
          const result = await this.placement.placeNow(call, tenant, did, today, pbx);
          if (result.kind === 'created') return { counted: result.did, value: result };
          if (result.kind === 'did-refused') return { counted: undefined };
          if (result.kind === 'duplicate') await this.dids.returnUse(did.id, today);
          return { counted: undefined, value: result };
        },
        from,
      );
      if (allocation.kind === 'unknown') {
        throw unprocessable('unknown-did', `${from} is not an enabled DID of this tenant`);
      }
      if (allocation.kind === 'none') {
        if (from !== undefined) throw didCapped();
        throw conflict(
          'no-did-available',
          'No caller ID available: every DID is disabled or at its daily cap',
        );
      }
      const result = allocation.value!;
      switch (result.kind) {
        case 'stale-tenant':
          return STALE;
        case 'limit':
          return this.overLimit(result.live);
        case 'duplicate':
        case 'did-refused':
          return await this.duplicate(tenant.id, key, call.request_hash);
        case 'created':
          placed = result.row;
      }
    } finally {
      if (!placed && transfer) await this.transferNumbers.release(tenant.id, transfer.id);
    }
    return toCallView(this.dispatcher.send(placed, tenant, pbx));
  }

  /** Held by the tenant's pacing: queued with its slot; originated at once when the slot is now. */
  private async queue(
    call: NewCall,
    tenant: VersionedTenant,
    from: string | undefined,
    key: string | undefined,
    pbx: string,
  ): Promise<CallView | typeof STALE> {
    if (from !== undefined) {
      const did = await this.calls.enabledDid(tenant.id, from);
      if (!did) throw unprocessable('unknown-did', `${from} is not an enabled DID of this tenant`);
      call.from_number = did.number;
      call.did_id = did.id;
    }
    const result = await this.placement.queuePaced(call, tenant, 1000 / tenant.calls_per_second!, pbx);
    switch (result.kind) {
      case 'stale-tenant':
        return STALE;
      case 'limit':
        return this.overLimit(result.live);
      case 'duplicate':
        return this.duplicate(tenant.id, key, call.request_hash);
      case 'created':
        break;
    }
    const row = result.row;
    if (row.status === 'queued') {
      this.hub.publish(row);
      return toCallView(row);
    }
    return toCallView(await this.dispatcher.originateClaimed(row, tenant));
  }

  private async answerFor(
    principal: Principal,
    tenant: TenantRow,
    input: MakeCallInput,
  ): Promise<CallAnswer> {
    if (input.soundId !== undefined)
      return { type: 'sound', sound: await this.playbackOf(principal, tenant, input.soundId) };
    if (input.transferTo !== undefined) {
      return { type: 'transfer', number: toE164(input.transferTo, tenant.default_country, 'transferTo') };
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
}
