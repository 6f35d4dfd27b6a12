import { Injectable } from '@nestjs/common';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, serviceUnavailable, validationFailed } from '../common/errors/app-error.js';
import { encodeCursor, type Page } from '../common/validation/pagination.js';
import { PbxService } from '../pbx/pbx.service.js';
import { isFinalStatus, type CallStatus } from './call-status.js';
import { CallStreamHub } from './call-stream.hub.js';
import { CallTrackingService } from './call-tracking.service.js';
import { toCallEventView, toCallView, type CallView, type ListCallsQuery } from './calls.dto.js';
import { CallsRepository, type CallFilters } from './calls.repository.js';

@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly tracking: CallTrackingService,
    private readonly hub: CallStreamHub,
    private readonly pbx: PbxService,
    private readonly clock: Clock,
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

  /** An enabled DID of the tenant by its E.164 number. */
  enabledDid(tenantId: string, number: string): Promise<{ id: string; number: string } | undefined> {
    return this.calls.findEnabledDid(tenantId, number);
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
        this.hub.publish(canceled);
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
