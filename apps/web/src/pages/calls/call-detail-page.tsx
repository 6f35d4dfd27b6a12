import { Title } from '@mantine/core';

export function CallDetailPage() {
  return <Title order={2}>Call</Title>;
}
