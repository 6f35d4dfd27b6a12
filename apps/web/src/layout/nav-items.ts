import type { Role } from '../auth/session';

export interface NavItem {
  to: string;
  label: string;
  /** Least role that sees the item. */
  minRole: Role;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Dashboard', minRole: 'viewer' },
  { to: '/calls/new', label: 'Make a call', minRole: 'operator' },
  { to: '/calls', label: 'Call logs', minRole: 'viewer' },
  { to: '/sounds', label: 'Sounds', minRole: 'viewer' },
  { to: '/recordings', label: 'Recordings', minRole: 'viewer' },
  { to: '/settings', label: 'Settings', minRole: 'admin' },
];
