import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { CreatedApiKey } from '../../../hooks/use-api-keys';
import { SettingsModal } from '../shared/settings-modal';

/**
 * Shows a new key's secret, the only time it is ever available, with a copy button. It closes only by its
 * button or Escape, never by a stray click outside.
 */
export function CreatedKeyModal({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  return (
    <SettingsModal
      opened
      onClose={onClose}
      title={`API key "${created.name}" created`}
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert
          color="orange"
          title="Copy it now"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          role="alert"
        >
          This is the only time the key is shown: you will not see it again. Store it somewhere safe, such as
          a password manager. If it is lost, revoke it and create another.
        </Alert>
        <Code block data-testid="created-api-key" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {created.key}
        </Code>
        <Text size="sm" c="dimmed">
          Role: {created.role}. Send it as <Code>Authorization: Bearer &lt;key&gt;</Code>.
        </Text>
        <Group justify="flex-end">
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'indigo'} variant={copied ? 'filled' : 'light'} onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>I have stored it</Button>
        </Group>
      </Stack>
    </SettingsModal>
  );
}
