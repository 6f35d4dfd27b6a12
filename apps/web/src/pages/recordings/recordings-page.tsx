import { Title } from '@mantine/core';

export function RecordingsPage() {
  return <Title order={2}>Recordings</Title>;
}
