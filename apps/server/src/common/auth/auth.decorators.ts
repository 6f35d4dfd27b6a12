import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRole } from '../../db/database.types.js';
import type { Principal } from './principal.js';

export const PUBLIC_ROUTE = 'switchboard:public';
export const MIN_ROLE = 'switchboard:min-role';

/** No API key needed (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The least role allowed; admin > operator > viewer. Routes without it need any valid key. */
export const MinRole = (role: ApiKeyRole) => SetMetadata(MIN_ROLE, role);

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
