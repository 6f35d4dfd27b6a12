import { Injectable } from '@nestjs/common';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock, RandomSource } from '../common/clock.js';
import { conflict, notFound } from '../common/errors/app-error.js';
import { toPage, type Page, type PaginationQuery } from '../common/validation/pagination.js';
import type { DidRotationStrategy, DidRow, DidsTable } from '../db/database.types.js';
import type { Updateable } from 'kysely';
import { DidAllocator, type Allocation, type DidCount } from './did-allocator.js';
import { toDidView, utcDay, type CreateDidInput, type DidView, type UpdateDidInput } from './dids.dto.js';
import { DidsRepository } from './dids.repository.js';
import { isUniqueViolation, TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@Injectable()
export class DidsService {
  private readonly allocator: DidAllocator;

  constructor(
    private readonly dids: DidsRepository,
    private readonly tenants: TenantsRepository,
    private readonly tenantsService: TenantsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    random: RandomSource,
  ) {
    this.allocator = new DidAllocator(dids, clock, random);
  }

  private today(): string {
    return utcDay(this.clock.now());
  }

  async list(principal: Principal, tenantId: string, page: PaginationQuery): Promise<Page<DidView>> {
    const id = await this.access.tenantScope(principal, tenantId);
    const today = this.today();
    return toPage(await this.dids.list(id, page.limit, page.cursor), page.limit, (row) =>
      toDidView(row, today),
    );
  }

  async get(principal: Principal, tenantId: string, didId: string): Promise<DidView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const row = await this.dids.find(id, didId);
    if (!row) throw notFound('DID');
    return toDidView(row, this.today());
  }

  async create(principal: Principal, tenantId: string, input: CreateDidInput): Promise<DidView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const number = await this.tenantsService.toE164(id, input.number);
    try {
      const row = await this.dids.insert({
        tenantId: id,
        number,
        label: input.label,
        enabled: input.enabled,
        dailyCap: input.dailyCap,
      });
      this.allocator.invalidate(id);
      return toDidView(row, this.today());
    } catch (err) {
      throw isUniqueViolation(err) ? conflict('did-exists', `The DID ${number} already exists`) : err;
    }
  }

  async update(
    principal: Principal,
    tenantId: string,
    didId: string,
    input: UpdateDidInput,
  ): Promise<DidView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const changes: Updateable<DidsTable> = { updated_at: this.clock.now() };
    if (input.number !== undefined) changes.number = await this.tenantsService.toE164(id, input.number);
    if (input.label !== undefined) changes.label = input.label;
    if (input.enabled !== undefined) changes.enabled = input.enabled;
    if (input.dailyCap !== undefined) changes.daily_cap = input.dailyCap;
    try {
      const row = await this.dids.update(id, didId, changes);
      this.allocator.invalidate(id);
      if (!row) throw notFound('DID');
      return toDidView(row, this.today());
    } catch (err) {
      throw isUniqueViolation(err) ? conflict('did-exists', `The DID ${changes.number} already exists`) : err;
    }
  }

  async delete(principal: Principal, tenantId: string, didId: string): Promise<void> {
    const id = await this.access.tenantScope(principal, tenantId);
    const deleted = await this.dids.delete(id, didId);
    this.allocator.invalidate(id);
    if (!deleted) throw notFound('DID');
  }

  /**
   * The caller ID for one outgoing call, by the tenant's rotation strategy, counted against the DID's daily
   * cap. `destination` is E.164. 409 `no-did-available` when every DID is disabled or capped for today,
   * 409 `tenant-disabled` when the tenant is.
   */
  async selectCallerId(tenantId: string, destination?: string): Promise<DidView> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw notFound('Tenant');
    if (!tenant.enabled) throw conflict('tenant-disabled', 'The tenant is disabled: it places no calls');
    const picked = await this.allocate(tenantId, tenant.did_rotation, destination, async (did, today) => ({
      counted: await this.dids.countUse(tenantId, did.id, today, this.clock.now()),
    }));
    if (picked.kind !== 'done') {
      throw conflict('no-did-available', 'No caller ID available: every DID is disabled or at its daily cap');
    }
    return toDidView(picked.did, this.today());
  }

  /**
   * Picks a caller ID (the rotation's, or `explicitNumber`, an E.164 number) and lets `count` count it, alone
   * or inside a larger statement (make-call inserts the call in the same one). See DidAllocator.
   */
  allocate<T>(
    tenantId: string,
    strategy: DidRotationStrategy,
    destination: string | undefined,
    count: (did: DidRow, today: string) => Promise<DidCount<T>>,
    explicitNumber?: string,
  ): Promise<Allocation<T>> {
    return this.allocator.allocate(tenantId, strategy, destination, count, explicitNumber);
  }

  /** Counts a use of a known DID (a queued call's explicit `from`, placed now); 409 when it is capped. */
  async countExplicit(tenantId: string, didId: string): Promise<DidRow> {
    const now = this.clock.now();
    const row = await this.dids.countUse(tenantId, didId, utcDay(now), now);
    this.allocator.invalidate(tenantId);
    if (!row) throw didCapped();
    return row;
  }

  /** Takes back a counted use whose call was not placed (the allocator has already taken back its own). */
  async returnUse(didId: string, today: string): Promise<void> {
    await this.dids.returnUse(didId, today);
  }

  /** The selection as an API call: checks access and normalises the destination first. */
  async select(principal: Principal, tenantId: string, destination: string | undefined): Promise<DidView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const e164 =
      destination === undefined
        ? undefined
        : await this.tenantsService.toE164(id, destination, 'destination');
    return this.selectCallerId(id, e164);
  }
}

export const didCapped = () =>
  conflict(
    'did-daily-cap-reached',
    'This DID has reached its daily cap (or was disabled); no call was placed',
  );
