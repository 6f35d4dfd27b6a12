import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` while `running`: one timer for a whole board (a call that
 * starts between two reads shows 0:00 until the next one).
 */
export function useNow(running: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [running, intervalMs]);
  return now;
}
