import { Injectable } from '@nestjs/common';
import type { Updateable } from 'kysely';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock, RandomSource } from '../common/clock.js';
import { conflict, notFound } from '../common/errors/app-error.js';
import { toPage, type Page, type PaginationQuery } from '../common/validation/pagination.js';
import type { TransferNumbersTable } from '../db/database.types.js';
import { isUniqueViolation } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';
import {
  toTransferNumberView,
  type CreateTransferNumberInput,
  type TransferNumberView,
  type UpdateTransferNumberInput,
} from './transfer-numbers.dto.js';
import { TransferNumbersRepository } from './transfer-numbers.repository.js';
import { weightedPick } from './weighted-pick.js';

@Injectable()
export class TransferNumbersService {
  constructor(
    private readonly numbers: TransferNumbersRepository,
    private readonly tenantsService: TenantsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  async list(
    principal: Principal,
    tenantId: string,
    page: PaginationQuery,
  ): Promise<Page<TransferNumberView>> {
    const id = await this.access.tenantScope(principal, tenantId);
    return toPage(await this.numbers.list(id, page.limit, page.cursor), page.limit, toTransferNumberView);
  }

  async get(principal: Principal, tenantId: string, numberId: string): Promise<TransferNumberView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const row = await this.numbers.find(id, numberId);
    if (!row) throw notFound('Transfer number');
    return toTransferNumberView(row);
  }

  async create(
    principal: Principal,
    tenantId: string,
    input: CreateTransferNumberInput,
  ): Promise<TransferNumberView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const number = await this.tenantsService.toE164(id, input.number);
    try {
      const row = await this.numbers.insert({
        tenantId: id,
        number,
        label: input.label,
        weight: input.weight,
        enabled: input.enabled,
        concurrentCap: input.concurrentCap,
      });
      return toTransferNumberView(row);
    } catch (err) {
      throw isUniqueViolation(err) ? conflict('transfer-number-exists', `${number} is already listed`) : err;
    }
  }

  async update(
    principal: Principal,
    tenantId: string,
    numberId: string,
    input: UpdateTransferNumberInput,
  ): Promise<TransferNumberView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const changes: Updateable<TransferNumbersTable> = { updated_at: this.clock.now() };
    if (input.number !== undefined) changes.number = await this.tenantsService.toE164(id, input.number);
    if (input.label !== undefined) changes.label = input.label;
    if (input.weight !== undefined) changes.weight = input.weight;
    if (input.enabled !== undefined) changes.enabled = input.enabled;
    if (input.concurrentCap !== undefined) changes.concurrent_cap = input.concurrentCap;
    try {
      const row = await this.numbers.update(id, numberId, changes);
      if (!row) throw notFound('Transfer number');
      return toTransferNumberView(row);
    } catch (err) {
      throw isUniqueViolation(err)
        ? conflict('transfer-number-exists', `${changes.number} is already listed`)
        : err;
    }
  }

  async delete(principal: Principal, tenantId: string, numberId: string): Promise<void> {
    const id = await this.access.tenantScope(principal, tenantId);
    if (!(await this.numbers.delete(id, numberId))) throw notFound('Transfer number');
  }

  /**
   * Picks a transfer destination by weight among the enabled numbers under their concurrent cap, and counts
   * it active until `release`. 409 `no-transfer-number-available` when none qualifies.
   */
  async acquire(tenantId: string): Promise<TransferNumberView> {
    const row = await this.numbers.acquire(tenantId, this.clock.now(), (candidates) =>
      weightedPick(candidates, () => this.random.next()),
    );
    if (!row) {
      throw conflict(
        'no-transfer-number-available',
        'No transfer number available: all disabled, zero weight or busy',
      );
    }
    return toTransferNumberView(row);
  }

  async release(tenantId: string, numberId: string): Promise<void> {
    if (!(await this.numbers.release(tenantId, numberId))) throw notFound('Transfer number');
  }
}
