import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AmiError, AmiErrorCode, type OriginateParams } from '@switchboard/ami';
import { Clock } from '../common/clock.js';
import type { CallAnswer, CallRow, TenantRow } from '../db/database.types.js';
import { PbxService } from '../pbx/pbx.service.js';
import { DidsService } from '../tenants/dids.service.js';
import { TenantsRepository } from '../tenants/tenants.repository.js';
import { TransferNumbersService } from '../tenants/transfer-numbers.service.js';
import { CallStreamHub } from './call-stream.hub.js';
import { CallTrackingService } from './call-tracking.service.js';
import { CallsOptions } from './calls.options.js';
import { CallsRepository } from './calls.repository.js';

/** The dial string of a tenant's channel template for one E.164 number. */
export const channelFor = (template: string, number: string): string =>
  template.split('{number}').join(number);

/** Builds the Originate of a call from an allow-list of fields: nothing user-supplied beyond validated values. */
export function originateParams(call: CallRow, tenant: TenantRow): OriginateParams {
  const answer: CallAnswer = call.answer;
  const name = (call.caller_name ?? tenant.caller_name ?? '').replace(/["<>]/g, '').trim();
  const callerId = call.from_number
    ? name
      ? `"${name}" <${call.from_number}>`
      : call.from_number
    : undefined;
  const destination: Partial<OriginateParams> =
    answer.type === 'sound'
      ? { application: 'Playback', data: answer.sound }
      : answer.type === 'transfer'
        ? {
            application: 'Dial',
            data: `${channelFor(tenant.originate_channel_template, call.transfer_number ?? answer.number)},${call.timeout_seconds}`,
          }
        : { context: answer.context, exten: answer.exten, priority: answer.priority };
  return {
    channel: channelFor(tenant.originate_channel_template, call.to_number),
    ...destination,
    callerId,
    timeout: call.timeout_seconds * 1000,
    variables: {
      ...call.variables,
      SWITCHBOARD_CALL_ID: call.id,
      SWITCHBOARD_TENANT_ID: call.tenant_id,
    },
    channelId: call.channel_id,
    otherChannelId: call.other_channel_id,
    actionId: call.action_id,
  };
}

/**
 * Originates calls: at once when the tenant's pacing allows, else from the queue in the database (which
 * survives a restart). A call is originated only by whoever moved it from `queued` to `dialing`, and an
 * Originate is never resent.
 */
@Injectable()
export class CallDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Calls');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly calls: CallsRepository,
    private readonly tenants: TenantsRepository,
    private readonly dids: DidsService,
    private readonly transferNumbers: TransferNumbersService,
    private readonly tracking: CallTrackingService,
    private readonly pbx: PbxService,
    private readonly hub: CallStreamHub,
    private readonly clock: Clock,
    private readonly options: CallsOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.dispatchDue()).catch(() => undefined);
    }, this.options.dispatchIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Originates the queued calls whose time has come. */
  async dispatchDue(): Promise<void> {
    if (!this.readyPbx()) return;
    const due = await this.calls.claimDue(this.clock.now(), 50, this.options.instanceId);
    for (const row of due) await this.originateClaimed(row).catch(() => undefined);
  }

  readyPbx(): string | undefined {
    return this.pbx.status().find((link) => link.ready)?.name;
  }

  /**
   * Starts tracking a claimed call and sends its Originate (not awaited: its outcome comes as events; no lock
   * is held meanwhile). Answers the row.
   */
  send(row: CallRow, tenant: TenantRow, pbxName: string): CallRow {
    this.tracking.register(row, pbxName);
    this.hub.publish(row);
    const client = this.pbx.client(pbxName)!;
    client.originate(originateParams(row, tenant)).catch((err: unknown) => {
      // Not sent at all: the call failed. Sent but unanswered (timeout): the events and the watchdog decide.
      if (err instanceof AmiError && err.sent === false) {
        this.tracking.originateNotSent(row.id);
      }
    });
    return row;
  }

  /** A call claimed (from the queue, or paced and due now): caller ID (counted now), transfer number, `send`. */
  async originateClaimed(claimed: CallRow, knownTenant?: TenantRow): Promise<CallRow> {
    let row = claimed;
    const pbxName = this.readyPbx();
    try {
      const tenant = knownTenant ?? (await this.tenants.findById(row.tenant_id));
      if (!tenant) throw new Error('tenant gone');
      if (!pbxName) throw new AmiError(AmiErrorCode.NotReady, 'no PBX is ready');
      // An explicit caller ID counts against its daily cap like a rotated one, when the call is placed.
      const did = row.did_id
        ? await this.dids.countExplicit(row.tenant_id, row.did_id)
        : await this.dids.selectCallerId(row.tenant_id, row.to_number);
      const transfer =
        row.answer.type === 'transfer' && row.answer.number === ''
          ? await this.transferNumbers.acquire(row.tenant_id)
          : undefined;
      row =
        (await this.calls.update(row.id, {
          pbx: pbxName,
          from_number: did.number,
          did_id: did.id,
          ...(transfer ? { transfer_number: transfer.number, transfer_number_id: transfer.id } : {}),
        })) ?? row;
      return this.send(row, tenant, pbxName);
    } catch (err) {
      const now = this.clock.now();
      const reason =
        err instanceof AmiError ? 'pbx-unavailable' : ((err as { code?: string }).code ?? 'error');
      this.logger.warn(`call ${row.id} not originated: ${(err as Error).message}`);
      const failed = await this.calls.update(row.id, {
        status: 'failed',
        end_reason: reason,
        ended_at: now,
        updated_at: now,
      });
      if (failed) this.hub.publish(failed);
      throw err;
    }
  }
}
