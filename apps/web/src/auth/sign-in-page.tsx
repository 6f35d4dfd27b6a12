import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage, toApiError } from '../api/api-error';

interface SignInPageProps {
  onSignIn: (key: string) => void;
  /** Why the user is here again (e.g. the key was revoked). */
  notice: string | null;
  fetchImpl?: typeof fetch;
}

/** Asks for an API key and checks it against /api/auth/me before keeping it. */
export function SignInPage({ onSignIn, notice, fetchImpl = fetch }: SignInPageProps) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Enter an API key.');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      const response = await fetchImpl('/api/auth/me', { headers: { Authorization: `Bearer ${trimmed}` } });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        throw toApiError(response, body);
      }
      onSignIn(trimmed);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Switchboard
              </Title>
              <Text c="dimmed" size="sm">
                Sign in with an API key. It is kept for this browser session only.
              </Text>
            </div>
            {notice && (
              <Alert color="yellow" title="Signed out">
                {notice}
              </Alert>
            )}
            <PasswordInput
              label="API key"
              placeholder="sb_…"
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={error}
              autoComplete="current-password"
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={checking}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
