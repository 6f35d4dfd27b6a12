import { Accordion, Code, Text, Timeline } from '@mantine/core';
import type { CallDetail } from '../../hooks/use-calls';
import { formatDateTime } from './call-format';

type CallEvent = CallDetail['events'][number];

/** The headers worth reading at a glance, in this order. */
const SUMMARY_HEADERS = [
  'ChannelStateDesc',
  'Response',
  'Reason',
  'DialStatus',
  'Cause',
  'Cause-txt',
  'Disposition',
  'BillableSeconds',
  'Application',
  'AppData',
];

function summary(event: CallEvent): string {
  return SUMMARY_HEADERS.filter((name) => event.headers[name] !== undefined && event.headers[name] !== '')
    .map((name) => {
      const value = event.headers[name]!;
      return `${name}: ${Array.isArray(value) ? value.join(', ') : value}`;
    })
    .join(' · ');
}

const offset = (from: number, at: string) => `+${((Date.parse(at) - from) / 1000).toFixed(2)} s`;

/** The call's AMI event trail, oldest first: name, time since the call was created, and key headers. */
export function CallTimeline({ call }: { call: CallDetail }) {
  if (call.events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No event from the PBX yet.
      </Text>
    );
  }
  const start = Date.parse(call.createdAt);
  const events = [...call.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <>
      <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} aria-label="Call events">
        {events.map((event, index) => (
          <Timeline.Item key={`${event.at}-${index}`} title={event.name}>
            <Text size="xs" c="dimmed" title={formatDateTime(event.at)}>
              {offset(start, event.at)}
            </Text>
            {summary(event) && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {summary(event)}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      <Accordion mt="md" variant="contained">
        <Accordion.Item value="raw">
          <Accordion.Control>All event headers</Accordion.Control>
          <Accordion.Panel>
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {events
                .map((event) =>
                  [
                    `# ${event.name} ${event.at}`,
                    ...Object.entries(event.headers).map(
                      ([name, value]) => `${name}: ${Array.isArray(value) ? value.join(' | ') : value}`,
                    ),
                  ].join('\n'),
                )
                .join('\n\n')}
            </Code>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </>
  );
}
