import { Title } from '@mantine/core';

export function SoundsPage() {
  return <Title order={2}>Sounds</Title>;
}
