import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../common/auth/access.service.js';
import { generateApiKey, hashApiKey, sameSecret } from '../common/auth/api-key-secret.js';
import { PrincipalResolver, type Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors/app-error.js';
import { toPage, type Page, type PaginationQuery } from '../common/validation/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ApiKeyRole } from '../db/database.types.js';
import {
  toApiKeyView,
  type ApiKeyView,
  type CreateApiKeyInput,
  type CreatePlatformApiKeyInput,
} from './api-keys.dto.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { KeyUseThrottle } from './key-use-throttle.js';

/** last_used_at is precise to this; finer would mean a write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService extends PrincipalResolver {
  private readonly keyUse = new KeyUseThrottle(LAST_USED_RESOLUTION_MS);

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async resolve(key: string): Promise<Principal | undefined> {
    if (this.config.adminApiKey !== undefined && sameSecret(key, this.config.adminApiKey)) {
      return { keyId: null, tenantId: null, role: 'admin' };
    }
    const row = await this.keys.findActiveByHash(hashApiKey(key));
    // Only platform admin keys lack a tenant (CHECK api_keys_tenantless_admin_only); a tenantless operator or
    // viewer would have no tenant to be confined to, so it is refused even if the database held one.
    if (!row || (row.tenant_id === null && row.role !== 'admin')) return undefined;
    const now = this.clock.now();
    if (this.keyUse.shouldRecord(row.id, now.getTime())) {
      await this.keys.touch(row.id, now, LAST_USED_RESOLUTION_MS);
    }
    return { keyId: row.id, tenantId: row.tenant_id, role: row.role };
  }

  async list(principal: Principal, tenantId: string, page: PaginationQuery): Promise<Page<ApiKeyView>> {
    const id = await this.access.tenantScope(principal, tenantId);
    return toPage(await this.keys.list(id, page.limit, page.cursor), page.limit, toApiKeyView);
  }

  async create(
    principal: Principal,
    tenantId: string,
    input: CreateApiKeyInput,
  ): Promise<ApiKeyView & { key: string }> {
    const id = await this.access.tenantScope(principal, tenantId);
    return this.issue(id, input.name, input.role);
  }

  /** Creates a key and returns it with its secret, the only time the secret is ever available. */
  async issue(
    tenantId: string | null,
    name: string,
    role: ApiKeyRole,
  ): Promise<ApiKeyView & { key: string }> {
    const secret = generateApiKey();
    const row = await this.keys.insert({ tenantId, name, role, prefix: secret.prefix, hash: secret.hash });
    return { ...toApiKeyView(row), key: secret.key };
  }

  async revoke(principal: Principal, tenantId: string, keyId: string): Promise<void> {
    const id = await this.access.tenantScope(principal, tenantId);
    if (!(await this.keys.revoke(id, keyId, this.clock.now()))) throw notFound('API key');
  }

  /** Platform keys (no tenant, admin): the caller is a platform principal (@PlatformOnly on the routes). */
  async listPlatform(page: PaginationQuery): Promise<Page<ApiKeyView>> {
    return toPage(await this.keys.list(null, page.limit, page.cursor), page.limit, toApiKeyView);
  }

  async createPlatform(input: CreatePlatformApiKeyInput): Promise<ApiKeyView & { key: string }> {
    return this.issue(null, input.name, 'admin');
  }

  async revokePlatform(keyId: string): Promise<void> {
    if (!(await this.keys.revoke(null, keyId, this.clock.now()))) throw notFound('API key');
  }
}
