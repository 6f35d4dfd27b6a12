import { Injectable, Logger } from '@nestjs/common';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound } from '../common/errors/app-error.js';
import { toPage, type Page, type PaginationQuery } from '../common/validation/pagination.js';
import type { TenantUpdate } from '../db/database.types.js';
import {
  toTenantView,
  type CreateTenantInput,
  type TenantView,
  type UpdateTenantInput,
} from './tenants.dto.js';
import { toE164 } from './phone-numbers.js';
import { TenantLifecycle } from './tenant-lifecycle.js';
import { isUniqueViolation, TenantsRepository } from './tenants.repository.js';

@Injectable()
export class TenantsService {
  private readonly logger = new Logger('Tenants');

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly lifecycle: TenantLifecycle,
  ) {}

  async list(principal: Principal, page: PaginationQuery): Promise<Page<TenantView>> {
    const rows = await this.tenants.list(page.limit, page.cursor, this.access.listScope(principal));
    return toPage(rows, page.limit, toTenantView);
  }

  async get(principal: Principal, tenantId: string): Promise<TenantView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const row = await this.tenants.findById(id);
    if (!row) throw notFound('Tenant');
    return toTenantView(row);
  }

  async create(input: CreateTenantInput): Promise<TenantView> {
    try {
      const row = await this.tenants.insert({
        name: input.name,
        slug: input.slug,
        default_country: input.defaultCountry,
        caller_name: input.callerName,
        max_concurrent_calls: input.maxConcurrentCalls,
        calls_per_second: input.callsPerSecond,
        originate_channel_template: input.originateChannelTemplate,
        answer_destination: input.answerDestination === null ? null : JSON.stringify(input.answerDestination),
        did_rotation: input.didRotation,
        enabled: input.enabled,
        operators_may_delete_recordings: input.operatorsMayDeleteRecordings,
      });
      return toTenantView(row);
    } catch (err) {
      throw this.slugConflict(err, input.slug);
    }
  }

  async update(principal: Principal, tenantId: string, input: UpdateTenantInput): Promise<TenantView> {
    const id = await this.access.tenantScope(principal, tenantId);
    const changes: TenantUpdate = { updated_at: this.clock.now() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.slug !== undefined) changes.slug = input.slug;
    if (input.defaultCountry !== undefined) changes.default_country = input.defaultCountry;
    if (input.callerName !== undefined) changes.caller_name = input.callerName;
    if (input.maxConcurrentCalls !== undefined) changes.max_concurrent_calls = input.maxConcurrentCalls;
    if (input.callsPerSecond !== undefined) changes.calls_per_second = input.callsPerSecond;
    if (input.originateChannelTemplate !== undefined) {
      changes.originate_channel_template = input.originateChannelTemplate;
    }
    if (input.answerDestination !== undefined) {
      changes.answer_destination =
        input.answerDestination === null ? null : JSON.stringify(input.answerDestination);
    }
    if (input.didRotation !== undefined) changes.did_rotation = input.didRotation;
    if (input.enabled !== undefined) changes.enabled = input.enabled;
    if (input.operatorsMayDeleteRecordings !== undefined) {
      changes.operators_may_delete_recordings = input.operatorsMayDeleteRecordings;
    }
    const before = input.slug === undefined ? undefined : await this.tenants.findById(id);
    const move = before && input.slug !== undefined && before.slug !== input.slug;
    // What lives under the slug (the sounds the dialplan plays as `custom/<slug>/<name>`) moves first: if it
    // can not, nothing of the change is stored; if storing fails, it moves back.
    if (move) await this.lifecycle.slugChanged({ tenantId: id, from: before.slug, to: input.slug! });
    const undoMove = async () => {
      if (!move) return;
      await this.lifecycle
        .slugChanged({ tenantId: id, from: input.slug!, to: before.slug })
        .catch((err: Error) => this.logger.error(`tenant ${id}: files not moved back: ${err.message}`));
    };
    let row;
    try {
      row = await this.tenants.update(id, changes);
    } catch (err) {
      await undoMove();
      throw this.slugConflict(err, input.slug);
    }
    if (!row) {
      await undoMove();
      throw notFound('Tenant');
    }
    return toTenantView(row);
  }

  /** Deletes the tenant (its rows go with it) and then what other modules keep for it (sound files). */
  async delete(principal: Principal, tenantId: string): Promise<void> {
    const id = await this.access.tenantScope(principal, tenantId);
    const row = await this.tenants.findById(id);
    if (!row) throw notFound('Tenant');
    const cleanups = await this.lifecycle.deleting({ id, slug: row.slug });
    if (!(await this.tenants.delete(id))) throw notFound('Tenant');
    for (const cleanup of cleanups) await cleanup();
  }

  /** A phone number in E.164, national input read in the tenant's default country (422 when invalid). */
  async toE164(tenantId: string, input: string, field = 'number'): Promise<string> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw notFound('Tenant');
    return toE164(input, tenant.default_country, field);
  }

  private slugConflict(err: unknown, slug: string | undefined): unknown {
    return isUniqueViolation(err) ? conflict('slug-taken', `The slug "${slug}" is already used`) : err;
  }
}
