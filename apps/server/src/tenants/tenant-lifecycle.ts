import { Injectable } from '@nestjs/common';

/** A tenant whose slug is about to change: what other modules keep under the slug must follow. */
export interface SlugChange {
  tenantId: string;
  from: string;
  to: string;
}

/** Runs once the tenant's row is gone; what it removes is no longer reachable through the API. */
export type AfterDelete = () => Promise<void>;

type SlugListener = (change: SlugChange) => Promise<void>;
type DeleteListener = (tenant: { id: string; slug: string }) => Promise<AfterDelete | undefined>;

/**
 * Lets modules that keep files per tenant (sounds under `custom/<slug>/`) follow a tenant's slug change and
 * deletion, without the tenants module knowing them (they depend on it, not the other way round).
 */
@Injectable()
export class TenantLifecycle {
  private readonly slugListeners: SlugListener[] = [];
  private readonly deleteListeners: DeleteListener[] = [];

  /**
   * Called before the new slug is stored; throwing refuses the whole change. If storing then fails, called
   * again with `from` and `to` swapped.
   */
  onSlugChange(listener: SlugListener): void {
    this.slugListeners.push(listener);
  }

  /** Called before the row is deleted (while its children can still be read); may return the clean-up. */
  onDelete(listener: DeleteListener): void {
    this.deleteListeners.push(listener);
  }

  async slugChanged(change: SlugChange): Promise<void> {
    for (const listener of this.slugListeners) await listener(change);
  }

  async deleting(tenant: { id: string; slug: string }): Promise<AfterDelete[]> {
    const cleanups: AfterDelete[] = [];
    for (const listener of this.deleteListeners) {
      const cleanup = await listener(tenant);
      if (cleanup) cleanups.push(cleanup);
    }
    return cleanups;
  }
}
