import { validationFailed } from '../common/errors/app-error.js';
import { MAX_CHART_HOURS } from './call-charts.dto.js';
import { startOfNextZonedDay, startOfZonedDay } from './time-zone.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The period a chart covers: both ends given as asked; `since` alone runs to the end of its day in `timeZone`
 * (at least one hour); `until` alone starts 24 h before; neither is today in `timeZone`. At most 31 days,
 * `since` before `until`.
 */
export function chartPeriod(
  now: Date,
  since?: string,
  until?: string,
  timeZone = 'UTC',
): { since: Date; until: Date } {
  let from = since === undefined ? undefined : new Date(since);
  let to = until === undefined ? undefined : new Date(until);
  if (!from && !to) from = startOfZonedDay(now, timeZone);
  if (from && !to) {
    to = new Date(Math.max(startOfNextZonedDay(from, timeZone).getTime(), from.getTime() + HOUR_MS));
  }
  if (to && !from) from = new Date(to.getTime() - DAY_MS);
  const period = { since: from!, until: to! };
  if (period.since >= period.until) {
    throw validationFailed('since must be before until', {
      issues: [{ path: 'until', message: 'must be after since' }],
    });
  }
  if (period.until.getTime() - period.since.getTime() > MAX_CHART_HOURS * HOUR_MS) {
    throw validationFailed('The period is longer than 31 days', {
      issues: [{ path: 'until', message: 'at most 31 days after since' }],
    });
  }
  return period;
}
