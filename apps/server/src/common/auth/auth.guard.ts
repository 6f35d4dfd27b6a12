import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyRole } from '../../db/database.types.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { MIN_ROLE, PLATFORM_ONLY, PUBLIC_ROUTE, type AuthenticatedRequest } from './auth.decorators.js';
import { PrincipalResolver, ROLE_RANK, spansAllTenants } from './principal.js';

/**
 * Every route needs `Authorization: Bearer <key>` unless marked @Public(); roles and @PlatformOnly() are checked
 * here too, before any tenant is looked up.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PrincipalResolver) private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) throw unauthenticated('Missing API key: send "Authorization: Bearer <key>"');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('Malformed Authorization header: expected "Bearer <key>"');
    const principal = await this.resolver.resolve(match[1]);
    if (!principal) throw unauthenticated('Unknown or revoked API key');
    request.principal = principal;

    const minRole = this.reflector.getAllAndOverride<ApiKeyRole | undefined>(MIN_ROLE, targets);
    if (minRole && ROLE_RANK[principal.role] < ROLE_RANK[minRole]) {
      throw forbidden(`This needs the ${minRole} role; the key has ${principal.role}`);
    }
    if (this.reflector.getAllAndOverride<boolean>(PLATFORM_ONLY, targets) && !spansAllTenants(principal)) {
      throw forbidden(
        'This needs a platform admin key (ADMIN_API_KEY or an admin key without a tenant); this key belongs to a tenant',
      );
    }
    return true;
  }
}
