import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isFinalStatus, type Call } from '../../hooks/use-calls';
import { formatClock } from './call-format';

function phaseOf(call: Call): { label: string; since: string } | null {
  if (isFinalStatus(call.status)) return null;
  if (call.status === 'answered') return { label: 'Talking', since: call.answeredAt ?? call.createdAt };
  if (call.status === 'ringing') return { label: 'Ringing', since: call.ringingAt ?? call.createdAt };
  return { label: call.status === 'queued' ? 'Queued' : 'Dialing', since: call.createdAt };
}

/** A clock running while the call is up: time ringing, then time talking; nothing once it ended. */
export function CallTimer({ call }: { call: Call }) {
  const phase = phaseOf(call);
  const [now, setNow] = useState(() => Date.now());
  const running = phase !== null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  if (!phase) return null;
  return (
    <Text component="span" fw={600} ff="monospace" aria-label={`${phase.label} for`} role="timer">
      {phase.label} {formatClock(now - Date.parse(phase.since))}
    </Text>
  );
}
