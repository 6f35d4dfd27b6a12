import { Button, Group, Text } from '@mantine/core';
import { IconPhoneOff } from '@tabler/icons-react';
import { hasRole, useSession } from '../auth/session';
import { isFinalStatus, type Call } from '../hooks/use-calls';
import { useHangupControl } from './use-hangup-control';

/** Hangs a live call up; shown to operators and admins while the call has not ended. */
export function HangupButton({ call, size = 'sm' }: { call: Call; size?: 'xs' | 'sm' | 'md' }) {
  const session = useSession();
  const hangup = useHangupControl(call);
  if (!hasRole(session.principal.role, 'operator') || isFinalStatus(call.status)) return null;
  return (
    <Group gap="xs">
      <Button
        color="red.8"
        size={size}
        leftSection={<IconPhoneOff size={16} aria-hidden />}
        {...hangup.buttonProps}
      >
        Hang up
      </Button>
      {hangup.error && (
        <Text size="sm" c="red.9" role="alert">
          {hangup.error}
        </Text>
      )}
    </Group>
  );
}
