import { Button, Group, Text } from '@mantine/core';
import { IconPhoneOff } from '@tabler/icons-react';
import { errorMessage } from '../api/api-error';
import { hasRole, useSession } from '../auth/session';
import { isFinalStatus, useHangupCall, type Call } from '../hooks/use-calls';

/** Hangs a live call up; shown to operators and admins while the call has not ended. */
export function HangupButton({ call, size = 'sm' }: { call: Call; size?: 'xs' | 'sm' | 'md' }) {
  const session = useSession();
  const hangup = useHangupCall();
  if (!hasRole(session.principal.role, 'operator') || isFinalStatus(call.status)) return null;
  return (
    <Group gap="xs">
      <Button
        color="red.8"
        size={size}
        leftSection={<IconPhoneOff size={16} aria-hidden />}
        loading={hangup.isPending}
        onClick={() => hangup.mutate(call.id)}
        aria-label={`Hang up the call to ${call.to}`}
      >
        Hang up
      </Button>
      {hangup.error && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(hangup.error)}
        </Text>
      )}
    </Group>
  );
}
