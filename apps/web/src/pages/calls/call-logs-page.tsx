import { Title } from '@mantine/core';

export function CallLogsPage() {
  return <Title order={2}>Call logs</Title>;
}
