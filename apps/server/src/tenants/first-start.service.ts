import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AdminKeyFile } from './admin-key-file.js';
import { ApiKeysService } from './api-keys.service.js';
import { DidsRepository } from './dids.repository.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';
import { TransferNumbersRepository } from './transfer-numbers.repository.js';

/** Fictional numbers (NANP 555-01XX is reserved for fiction), in a few area codes for local presence. */
export const DEMO_DIDS = [
  { number: '+12025550101', label: 'Washington DC' },
  { number: '+13125550102', label: 'Chicago' },
  { number: '+14155550103', label: 'San Francisco' },
  { number: '+12125550104', label: 'New York' },
];
export const DEMO_TRANSFER_NUMBERS = [
  { number: '+12025550150', label: 'Sales desk', weight: 3 },
  { number: '+12025550151', label: 'Support desk', weight: 1 },
];

/**
 * On the very first start (no tenants, no ADMIN_API_KEY) creates the `demo` tenant with example DIDs and
 * transfer numbers, and a platform admin key (no tenant: it administers every tenant and creates new ones),
 * printed once and written to DATA_DIR/admin-key (mode 0600). Without it nobody could create a tenant.
 */
@Injectable()
export class FirstStartService {
  private readonly logger = new Logger('FirstStart');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenantsRepository: TenantsRepository,
    private readonly tenants: TenantsService,
    private readonly keys: ApiKeysService,
    private readonly dids: DidsRepository,
    private readonly transferNumbers: TransferNumbersRepository,
    private readonly keyFile: AdminKeyFile,
  ) {}

  /** Returns the new platform admin key, or undefined when there was nothing to do. */
  async run(): Promise<string | undefined> {
    if (this.config.adminApiKey !== undefined) return undefined;
    if ((await this.tenantsRepository.count()) > 0) return undefined;
    let tenantId: string;
    try {
      const tenant = await this.tenants.create({
        name: 'Demo',
        slug: 'demo',
        defaultCountry: 'US',
        callerName: 'Switchboard Demo',
        maxConcurrentCalls: 10,
        callsPerSecond: 5,
        originateChannelTemplate: 'Local/{number}@from-internal',
        answerDestination: { type: 'sound', sound: 'demo-congrats' },
        // The demo DIDs sit in four area codes, so local presence shows at once.
        didRotation: 'local-presence',
        enabled: true,
        operatorsMayDeleteRecordings: false,
      });
      tenantId = tenant.id;
    } catch (err) {
      // Another instance sharing the database won the race; it printed the key.
      this.logger.warn(`Skipping first-start setup: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    for (const did of DEMO_DIDS) {
      await this.dids.insert({
        tenantId,
        number: did.number,
        label: did.label,
        enabled: true,
        dailyCap: null,
      });
    }
    for (const entry of DEMO_TRANSFER_NUMBERS) {
      await this.transferNumbers.insert({ tenantId, ...entry, enabled: true, concurrentCap: null });
    }
    const created = await this.keys.issue(null, 'first-start platform admin key', 'admin');
    const file = await this.keyFile.write(created.key);
    this.logger.warn(
      [
        'First start: created the "demo" tenant and a platform admin API key, which administers every tenant',
        '(creates tenants and their keys). It is shown ONLY NOW:',
        '',
        `    ${created.key}`,
        '',
        `Also written to ${file} (mode 0600). Use it as "Authorization: Bearer <key>".`,
        'Give each customer an admin key of its own tenant (POST /api/tenants/{id}/api-keys), never this one.',
      ].join('\n'),
    );
    return created.key;
  }
}
