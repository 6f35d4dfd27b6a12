import { createContext, useContext } from 'react';
export type Role = 'admin' | 'operator' | 'viewer';
export interface Principal {
  keyId: string | null;
  tenantId: string | null;
  role: Role;
}

export interface Session {
  /** Who the key is: its role, and its tenant (null for the ADMIN_API_KEY, which spans every tenant). */
  principal: Principal;
  /**
   * The tenant the pages work on: the key's own tenant, or for an admin the one picked in the header
   * (null while an admin has not picked one: pages then show every tenant where the API allows it).
   */
  tenantId: string | null;
  setTenantId: (tenantId: string | null) => void;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only rendered inside the signed-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside a signed-in SessionProvider');
  return session;
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** True when the role is at least `min` (viewer < operator < admin). */
export function hasRole(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}
