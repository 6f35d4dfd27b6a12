import type { Role } from '../../../auth/session';

/** What each role may do, in the server's terms (apps/server/README.md, Access). */
export const API_KEY_ROLE_OPTIONS: { value: Role; label: string; description: string }[] = [
  {
    value: 'viewer',
    label: 'Viewer',
    description: 'Reads the tenant: calls, sounds, recordings. Changes nothing.',
  },
  {
    value: 'operator',
    label: 'Operator',
    description: 'Makes calls and manages sounds in the tenant.',
  },
  {
    value: 'admin',
    label: 'Admin',
    description:
      "Everything in this tenant: settings, DIDs, transfer numbers and API keys (never another tenant's).",
  },
];

export function roleDescription(role: Role): string {
  return API_KEY_ROLE_OPTIONS.find((o) => o.value === role)?.description ?? '';
}
