import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRole } from '../../db/database.types.js';
import type { Principal } from './principal.js';

export const PUBLIC_ROUTE = 'switchboard:public';
export const MIN_ROLE = 'switchboard:min-role';
export const PLATFORM_ONLY = 'switchboard:platform-only';

/** No API key needed (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The least role allowed; admin > operator > viewer. Routes without it need any valid key. */
export const MinRole = (role: ApiKeyRole) => SetMetadata(MIN_ROLE, role);

/**
 * Only a platform principal (ADMIN_API_KEY or an admin key without a tenant): creating and deleting tenants,
 * platform keys. A tenant's own admin key gets 403, the same for any id, so it learns nothing about others.
 */
export const PlatformOnly = () => SetMetadata(PLATFORM_ONLY, true);

export interface AuthenticatedRequest {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a public route');
    return principal;
  },
);
