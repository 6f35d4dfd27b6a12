import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { HangupButton } from '../../components/hangup-button';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { StatusChip } from '../../components/status-chip';
import { isFinalStatus, useCall, useCallStream, useCallsTenant } from '../../hooks/use-calls';
import { CallOutcomeFacts, CallRequestFacts } from './call-facts';
import { CallRecording } from './call-recording';
import { CallTimeline } from './call-timeline';
import { CallTimer } from './call-timer';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A call's live view and record: its status as it changes, timer, hang-up, facts, recording and events. */
export function CallDetailPage() {
  const { callId } = useParams();
  const { needsTenant } = useCallsTenant();
  const call = useCall(callId);
  const live = call.data !== undefined && !isFinalStatus(call.data.status);
  const stream = useCallStream({ enabled: live });

  if (needsTenant) {
    return <EmptyState title="Pick a tenant">Choose the call's tenant in the header to see it.</EmptyState>;
  }
  if (call.isPending) return <LoadingState label="Loading the call…" />;
  if (call.error) {
    if (call.error instanceof ApiError && (call.error.status === 404 || call.error.status === 400)) {
      return (
        <EmptyState title="Call not found">
          No call {callId} for this tenant.{' '}
          <Anchor component={Link} to="/calls">
            Back to call logs
          </Anchor>
        </EmptyState>
      );
    }
    return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  }
  const data = call.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/calls" size="sm">
        ← Call logs
      </Anchor>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Title order={2}>Call to {data.to}</Title>
          <div aria-live="polite" aria-atomic data-testid="call-status">
            <StatusChip status={data.status} size="lg" />
          </div>
          <CallTimer call={data} />
          {live && stream.state !== 'open' && (
            <Badge color="gray.7" variant="outline">
              {stream.state === 'stopped' ? 'not live' : 'connecting…'}
            </Badge>
          )}
        </Group>
        <HangupButton call={data} />
      </Group>
      {live && stream.state === 'stopped' && stream.error !== null && (
        <Text size="sm" c="red.9" role="alert">
          Live updates stopped: {stream.error instanceof Error ? stream.error.message : 'unknown error'}
        </Text>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="Call">
            <CallRequestFacts call={data} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Section title="Outcome">
              <CallOutcomeFacts call={data} />
            </Section>
            <Section title="Recording">
              <CallRecording call={data} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <Section title="Timeline">
        <CallTimeline call={data} />
      </Section>
    </Stack>
  );
}
