import { Title } from '@mantine/core';

export function MakeCallPage() {
  return <Title order={2}>Make a call</Title>;
}
