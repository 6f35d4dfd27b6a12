import type { Tenant } from '../../../hooks/use-tenants';

export type DidRotation = Tenant['didRotation'];

/** How a tenant's caller ID is picked for each call, in the words an admin chooses by. */
export const DID_ROTATION_OPTIONS: { value: DidRotation; label: string; description: string }[] = [
  { value: 'round-robin', label: 'Round robin', description: 'Each call takes the next DID in turn.' },
  {
    value: 'least-recently-used',
    label: 'Least recently used',
    description: 'Each call takes the DID that has been idle the longest.',
  },
  { value: 'random', label: 'Random', description: 'Each call takes a DID at random.' },
  {
    value: 'local-presence',
    label: 'Local presence',
    description: "A DID in the callee's area code first, then in their country, then any.",
  },
];

export function didRotationLabel(value: DidRotation): string {
  return DID_ROTATION_OPTIONS.find((o) => o.value === value)?.label ?? value;
}

export function didRotationDescription(value: DidRotation): string {
  return DID_ROTATION_OPTIONS.find((o) => o.value === value)?.description ?? '';
}
