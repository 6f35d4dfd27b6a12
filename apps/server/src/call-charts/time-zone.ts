/** Whether `name` is a time zone this runtime knows (IANA names such as `Asia/Kolkata`, and `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const field = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant the day that contains `at` began in `timeZone` (its local midnight). */
export function startOfZonedDay(at: Date, timeZone: string): Date {
  const offset = offsetAt(at.getTime(), timeZone);
  const local = new Date(at.getTime() + offset);
  const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight can differ from the one now (a DST change earlier that day): take midnight's own.
  const guess = midnightWall - offset;
  return new Date(midnightWall - offsetAt(guess, timeZone));
}

/** The start of the next day in `timeZone` after the one that contains `at` (23 to 25 hours on DST days). */
export function startOfNextZonedDay(at: Date, timeZone: string): Date {
  const start = startOfZonedDay(at, timeZone);
  // Noon of the next day is inside it whatever the DST change; its midnight is the answer.
  return startOfZonedDay(new Date(start.getTime() + 36 * HOUR_MS), timeZone);
}
