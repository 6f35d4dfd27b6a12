import type { AmiSession } from './ami-session.js';
import type { CliOutput } from './cli-dialplan-show.js';
import { permissionMask } from './privileges.js';
import type { PbxSimulator } from './pbx-simulator.js';

/** printf `%-Nd` / `%-N.Nd`: left-aligned in `width`, zero-padded to `digits` digits. */
const column = (value: number, width: number, digits = 0): string =>
  String(value).padStart(digits, '0').padEnd(width);

/**
 * `manager show connected`, as main/manager.c handle_showmanconn() prints it (format
 * `  %-15.15s  %-55.55s  %-10d  %-10d  %-8d  %-8d  %-10.10d  %-10.10d`): one row per manager session, logged in
 * or not, with its start time, age, file descriptor and permission masks.
 */
export function managerShowConnected(sim: PbxSimulator): CliOutput {
  const now = Math.floor(sim.clock.now() / 1000);
  const lines = [
    `  ${'Username'.padEnd(15)}  ${'IP Address'.padEnd(55)}  ${'Start'.padEnd(10)}  ${'Elapsed'.padEnd(10)}  ` +
      `${'FileDes'.padEnd(8)}  ${'HttpCnt'.padEnd(8)}  ${'ReadPerms'.padEnd(10)}  ${'WritePerms'.padEnd(10)}`,
  ];
  const sessions: readonly AmiSession[] = sim.managerSessions;
  for (const s of sessions) {
    const start = Math.floor(s.startedAt / 1000);
    const user = s.user === undefined ? undefined : sim.users[s.user];
    lines.push(
      `  ${(s.user ?? '').slice(0, 15).padEnd(15)}  ${s.remoteIp.slice(0, 55).padEnd(55)}  ${column(start, 10)}  ` +
        `${column(now - start, 10)}  ${column(s.fd, 8)}  ${column(0, 8)}  ` +
        `${column(user ? permissionMask(user.read ?? 'all') : 0, 10, 10)}  ` +
        `${column(user ? permissionMask(user.write ?? 'all') : 0, 10, 10)}`,
    );
  }
  lines.push(`${sessions.length} users connected.`);
  return { ok: true, lines };
}
