export const STATE_DESC: Record<number, string> = {
  0: 'Down',
  1: 'Rsrvd',
  2: 'OffHook',
  3: 'Dialing',
  4: 'Ring',
  5: 'Ringing',
  6: 'Up',
  7: 'Busy',
};

export const ChannelState = { Down: 0, Ring: 4, Ringing: 5, Up: 6, Busy: 7 } as const;

/** Q.850 cause texts Asterisk prints in `Cause-txt`. */
export const CAUSE_TEXT: Record<number, string> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  3: 'No route to destination',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  20: 'Subscriber absent',
  21: 'Call Rejected',
  27: 'Destination out of order',
  28: 'Invalid number format (addr incomplete)',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  42: 'Switching equipment congestion',
  127: 'Interworking, unspecified',
};

export function causeText(cause: number): string {
  return CAUSE_TEXT[cause] ?? 'Unknown';
}

/** One channel and what the PBX knows about it: everything the events' channel snapshot shows. */
export class SimChannel {
  state: number = ChannelState.Down;
  callerIdNum = '';
  callerIdName = '';
  connectedNum = '';
  connectedName = '';
  accountCode = '';
  language = 'en';
  priority = 1;
  application = '';
  applicationData = '';
  readonly vars = new Map<string, string>();
  readonly createdAt: number;
  answeredAt: number | undefined;
  hungUp = false;
  /** `Local` halves know each other; other technologies have no peer. */
  peer: SimChannel | undefined;
  bridgeId = '';
  /** Wakes whatever the channel's dialplan is waiting on (hangup, redirect). */
  interrupt: (() => void) | undefined;
  /** Set by Redirect: the next place the dialplan runner continues at. */
  redirectTo: { context: string; exten: string; priority: number } | undefined;
  /** Cdr data. */
  lastApp = '';
  lastData = '';
  /** Context, extension and priority of the last Newexten (none is raised while they stay the same). */
  announcedLocation = '';
  /** A Playback is under way (its PLAYBACKSTATUS is set even when a hangup cuts it short). */
  playing = false;
  /** Audio the PBX has played to the channel, ms (RTP packets sent, for RTPAUDIOQOS). */
  mediaMs = 0;
  /** The Dial app already posted this channel's CDR (answered and bridged): no second one at hangup. */
  cdrPosted = false;
  /** The call this channel belongs to, for the AMI Hangup action. */
  owner: { hangupByAction(ch: SimChannel, cause: number | undefined): void } | undefined;

  constructor(
    readonly name: string,
    readonly uniqueid: string,
    readonly linkedid: string,
    public context: string,
    public exten: string,
    createdAt: number,
    readonly tech: string,
  ) {
    this.createdAt = createdAt;
  }

  /** The standard channel snapshot headers, optionally prefixed (`Dest`, `LocalOne`, ...). */
  snapshot(prefix = ''): string[] {
    return [
      `${prefix}Channel`,
      this.name,
      `${prefix}ChannelState`,
      String(this.state),
      `${prefix}ChannelStateDesc`,
      STATE_DESC[this.state] ?? 'Unknown',
      `${prefix}CallerIDNum`,
      this.callerIdNum || '<unknown>',
      `${prefix}CallerIDName`,
      this.callerIdName || '<unknown>',
      `${prefix}ConnectedLineNum`,
      this.connectedNum || '<unknown>',
      `${prefix}ConnectedLineName`,
      this.connectedName || '<unknown>',
      `${prefix}Language`,
      this.language,
      `${prefix}AccountCode`,
      this.accountCode,
      `${prefix}Context`,
      this.context,
      `${prefix}Exten`,
      this.exten,
      `${prefix}Priority`,
      String(this.priority),
      `${prefix}Uniqueid`,
      this.uniqueid,
      `${prefix}Linkedid`,
      this.linkedid,
    ];
  }

  /** `Local/answer@test` for `Local/answer@test-00000000;1`: the device whose state DeviceStateChange reports. */
  get device(): string {
    const m = /^(.*)-[0-9a-f]{8}(;[12])?$/.exec(this.name);
    return m?.[1] ?? this.name;
  }
}
