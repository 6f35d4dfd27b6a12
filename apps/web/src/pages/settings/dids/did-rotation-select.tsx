import { Select } from '@mantine/core';
import { useTenant, useUpdateTenant } from '../../../hooks/use-tenants';
import { notifyDone, notifyFailed } from '../shared/notify';
import {
  DID_ROTATION_OPTIONS,
  didRotationDescription,
  didRotationLabel,
  type DidRotation,
} from './did-rotation';

/** The tenant's caller ID rotation (how a DID is picked for each call), changed in place. */
export function DidRotationSelect({ tenantId }: { tenantId: string }) {
  const tenant = useTenant(tenantId);
  const update = useUpdateTenant();
  const value = update.isPending ? update.variables.body.didRotation : tenant.data?.didRotation;
  return (
    <Select
      label="Caller ID rotation"
      description={
        tenant.isError
          ? 'Could not load the tenant: reload to change the rotation.'
          : value
            ? didRotationDescription(value)
            : 'Loading…'
      }
      maw={420}
      data={DID_ROTATION_OPTIONS.map(({ value: option, label }) => ({ value: option, label }))}
      value={value ?? null}
      disabled={!tenant.data || update.isPending}
      allowDeselect={false}
      onChange={(next) => {
        if (!next || next === tenant.data?.didRotation) return;
        update.mutate(
          { tenantId, body: { didRotation: next as DidRotation } },
          {
            onSuccess: () => notifyDone(`Caller IDs now rotate by ${didRotationLabel(next as DidRotation)}`),
            onError: (error) => notifyFailed('Rotation not changed', error),
          },
        );
      }}
    />
  );
}
