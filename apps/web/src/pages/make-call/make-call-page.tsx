import { Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useCallsTenant } from '../../hooks/use-calls';
import { useDids } from '../../hooks/use-dids';
import { useSounds } from '../../hooks/use-sounds';
import { useTenant } from '../../hooks/use-tenants';
import { useTransferNumbers } from '../../hooks/use-transfer-numbers';
import { MakeCallForm } from './make-call-form';

/** Place a call: the tenant's caller IDs, sounds and transfer numbers are loaded first. */
export function MakeCallPage() {
  const { tenantId } = useCallsTenant();
  const tenant = useTenant(tenantId);
  const dids = useDids(tenantId);
  const sounds = useSounds();
  const transferNumbers = useTransferNumbers(tenantId);
  // the sound picker offers the whole library: read the pages that follow the first
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = sounds;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const queries = [tenant, dids, sounds, transferNumbers];
  const failed = queries.find((query) => query.error);

  let content;
  if (tenantId === null) {
    content = <EmptyState title="Pick a tenant">Choose the tenant to call for in the header.</EmptyState>;
  } else if (failed) {
    content = (
      <ErrorState
        error={failed.error}
        onRetry={() => queries.filter((q) => q.error).forEach((q) => void q.refetch())}
      />
    );
  } else if (!tenant.data || !dids.data || !sounds.data || hasNextPage || !transferNumbers.data) {
    content = <LoadingState label="Loading caller IDs, sounds and transfer numbers…" />;
  } else {
    content = (
      <MakeCallForm
        key={tenant.data.id}
        tenant={tenant.data}
        dids={dids.data}
        sounds={sounds.data.pages.flatMap((page) => page.items)}
        transferNumbers={transferNumbers.data}
      />
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>Make a call</Title>
      {content}
    </Stack>
  );
}
