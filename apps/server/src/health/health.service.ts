import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DatabaseHandle } from '../db/database.js';
import { PbxService } from '../pbx/pbx.service.js';

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), error: z.string().optional() }),
  pbx: z.array(
    z.object({
      name: z.string(),
      host: z.string(),
      port: z.number(),
      simulated: z.boolean(),
      state: z.string(),
      ready: z.boolean(),
    }),
  ),
  simulated: z.boolean().describe('True when the PBX is the in-process simulator: no real calls are placed.'),
  warnings: z.array(z.string()),
});
export type Readiness = z.infer<typeof readinessSchema>;

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseHandle,
    private readonly pbx: PbxService,
  ) {}

  async readiness(): Promise<Readiness> {
    const database: Readiness['database'] = { kind: this.database.kind, ok: true };
    try {
      await this.database.ping();
    } catch (err) {
      database.ok = false;
      database.error = err instanceof Error ? err.message : String(err);
    }
    const pbx = this.pbx.status();
    const warnings: string[] = [];
    if (this.pbx.simulated)
      warnings.push('The PBX is SIMULATED: calls go to the in-process pbx-sim, not Asterisk.');
    if (pbx.length === 0) warnings.push('No PBX is configured.');
    const ready = database.ok && pbx.length > 0 && pbx.every((p) => p.ready);
    return { status: ready ? 'ready' : 'not-ready', database, pbx, simulated: this.pbx.simulated, warnings };
  }
}
