/**
 * Typed AMI events. An event is a plain object keyed by header name exactly as Asterisk 22 sends it (see
 * ../shared/ami-captures), plus `$server`, the name of the PBX it came from. Repeated headers (ChanVariable,
 * Variable, ...) are arrays in wire order. Header sets below were read off real Asterisk 22.10.1 captures.
 */
export interface AmiEventBase {
  Event: string;
  /** `call,all`, `dialplan,all`, ... (absent on event-list items). */
  Privilege?: string;
  /** Name of the PBX (client) this event came from. */
  $server: string;
}

/** Any event, known or not: header name -> value (array when repeated). */
export interface GenericAmiEvent extends AmiEventBase {
  [header: string]: string | string[] | undefined;
}

/** The channel snapshot Asterisk adds to channel events (`ast_manager_build_channel_state_string`). */
export interface ChannelSnapshot {
  Channel: string;
  ChannelState: string;
  ChannelStateDesc: string;
  CallerIDNum: string;
  CallerIDName: string;
  ConnectedLineNum: string;
  ConnectedLineName: string;
  Language: string;
  AccountCode: string;
  Context: string;
  Exten: string;
  Priority: string;
  Uniqueid: string;
  Linkedid: string;
  ChanVariable?: string | string[];
}

/** The same snapshot for the other party of a Dial*, prefixed `Dest`. */
export interface DestChannelSnapshot {
  DestChannel: string;
  DestChannelState: string;
  DestChannelStateDesc: string;
  DestCallerIDNum: string;
  DestCallerIDName: string;
  DestConnectedLineNum: string;
  DestConnectedLineName: string;
  DestLanguage: string;
  DestAccountCode: string;
  DestContext: string;
  DestExten: string;
  DestPriority: string;
  DestUniqueid: string;
  DestLinkedid: string;
  DestChanVariable?: string | string[];
}

export interface BridgeSnapshot {
  BridgeUniqueid: string;
  BridgeType: string;
  BridgeTechnology: string;
  BridgeCreator: string;
  BridgeName: string;
  BridgeNumChannels: string;
  BridgeVideoSourceMode: string;
}

/** Dial events from an Originate have no caller channel: the caller snapshot is absent. */
type OptionalCaller = Partial<ChannelSnapshot>;

export interface NewchannelEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'Newchannel';
}
export interface NewstateEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'Newstate';
}
export interface NewextenEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'Newexten';
  Extension: string;
  Application: string;
  AppData: string;
}
/** Global variables come with `Channel: none` and no snapshot. */
export interface VarSetEvent extends AmiEventBase, Partial<ChannelSnapshot> {
  Event: 'VarSet';
  Channel: string;
  Uniqueid: string;
  Variable: string;
  Value: string;
}
export interface NewCalleridEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'NewCallerid';
  'CID-CallingPres': string;
}
export interface NewConnectedLineEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'NewConnectedLine';
}
export interface LocalBridgeEvent extends AmiEventBase {
  Event: 'LocalBridge';
  LocalOneChannel: string;
  LocalOneChannelState: string;
  LocalOneChannelStateDesc: string;
  LocalOneCallerIDNum: string;
  LocalOneCallerIDName: string;
  LocalOneConnectedLineNum: string;
  LocalOneConnectedLineName: string;
  LocalOneLanguage: string;
  LocalOneAccountCode: string;
  LocalOneContext: string;
  LocalOneExten: string;
  LocalOnePriority: string;
  LocalOneUniqueid: string;
  LocalOneLinkedid: string;
  LocalTwoChannel: string;
  LocalTwoChannelState: string;
  LocalTwoChannelStateDesc: string;
  LocalTwoCallerIDNum: string;
  LocalTwoCallerIDName: string;
  LocalTwoConnectedLineNum: string;
  LocalTwoConnectedLineName: string;
  LocalTwoLanguage: string;
  LocalTwoAccountCode: string;
  LocalTwoContext: string;
  LocalTwoExten: string;
  LocalTwoPriority: string;
  LocalTwoUniqueid: string;
  LocalTwoLinkedid: string;
  Context: string;
  Exten: string;
  LocalOptimization: string;
}
export interface DialBeginEvent extends AmiEventBase, OptionalCaller, DestChannelSnapshot {
  Event: 'DialBegin';
  DialString: string;
}
export interface DialStateEvent extends AmiEventBase, OptionalCaller, DestChannelSnapshot {
  Event: 'DialState';
  DialStatus: string;
}
/** `DialStatus`: ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL, DONTCALL, TORTURE, INVALIDARGS. */
export interface DialEndEvent extends AmiEventBase, OptionalCaller, DestChannelSnapshot {
  Event: 'DialEnd';
  DialStatus: string;
  Forward?: string;
}
/**
 * The outcome of an async Originate. On `Failure`, `Channel` is the requested dial string and `Uniqueid` is
 * `<unknown>`. `Context`/`Exten` are replaced by `Application`/`Data` when originating to an application.
 */
export interface OriginateResponseEvent extends AmiEventBase {
  Event: 'OriginateResponse';
  ActionID?: string;
  Response: 'Success' | 'Failure';
  Channel: string;
  Context?: string;
  Exten?: string;
  Application?: string;
  Data?: string;
  /** AST_CONTROL code: 4 answered, 5 busy, 8 congestion, 3 ringing at timeout, 0 anything else. */
  Reason: string;
  Uniqueid: string;
  CallerIDNum: string;
  CallerIDName: string;
}
export interface BridgeCreateEvent extends AmiEventBase, BridgeSnapshot {
  Event: 'BridgeCreate';
}
export interface BridgeEnterEvent extends AmiEventBase, BridgeSnapshot, ChannelSnapshot {
  Event: 'BridgeEnter';
  SwapUniqueid?: string;
}
export interface BridgeLeaveEvent extends AmiEventBase, BridgeSnapshot, ChannelSnapshot {
  Event: 'BridgeLeave';
}
export interface BridgeDestroyEvent extends AmiEventBase, BridgeSnapshot {
  Event: 'BridgeDestroy';
}
export interface SoftHangupRequestEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'SoftHangupRequest';
  Cause: string;
}
export interface HangupRequestEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'HangupRequest';
  Cause?: string;
}
export interface HangupEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'Hangup';
  /** Q.850 cause code. */
  Cause: string;
  'Cause-txt': string;
}
/** cdr_manager's record. Note Asterisk spells this one `UniqueID`. */
export interface CdrEvent extends AmiEventBase {
  Event: 'Cdr';
  AccountCode: string;
  Source: string;
  Destination: string;
  DestinationContext: string;
  CallerID: string;
  Channel: string;
  DestinationChannel: string;
  LastApplication: string;
  LastData: string;
  StartTime: string;
  AnswerTime: string;
  EndTime: string;
  Duration: string;
  BillableSeconds: string;
  /** ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION. */
  Disposition: string;
  AMAFlags: string;
  UniqueID: string;
  UserField: string;
}
/** An item of the CoreShowChannels event list (no Privilege header). */
export interface CoreShowChannelEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'CoreShowChannel';
  ActionID?: string;
  Application: string;
  ApplicationData: string;
  Duration: string;
  BridgeId: string;
}
export interface FullyBootedEvent extends AmiEventBase {
  Event: 'FullyBooted';
  Uptime?: string;
  LastReload?: string;
  Status: string;
}
export interface ShutdownEvent extends AmiEventBase {
  Event: 'Shutdown';
  /** `Cleanly` or `Uncleanly`. */
  Shutdown: string;
  /** `True` when Asterisk is restarting. */
  Restart: string;
}
export interface ReloadEvent extends AmiEventBase {
  Event: 'Reload';
  Module: string;
  Status: string;
}
export interface DeviceStateChangeEvent extends AmiEventBase {
  Event: 'DeviceStateChange';
  Device: string;
  State: string;
}
/** UserEvent(Name,Header: value,...) from the dialplan; custom headers are passed through. */
export interface UserEventEvent extends AmiEventBase, Partial<ChannelSnapshot> {
  Event: 'UserEvent';
  UserEvent: string;
  [header: string]: string | string[] | undefined;
}
export interface DTMFBeginEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'DTMFBegin';
  Digit: string;
  /** `Received` or `Sent`. */
  Direction: string;
}
export interface DTMFEndEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'DTMFEnd';
  Digit: string;
  DurationMs: string;
  Direction: string;
}
export interface MixMonitorStartEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'MixMonitorStart';
}
export interface MixMonitorStopEvent extends AmiEventBase, ChannelSnapshot {
  Event: 'MixMonitorStop';
}

/** Event name -> its typed shape. */
export interface AmiEventMap {
  Newchannel: NewchannelEvent;
  Newstate: NewstateEvent;
  Newexten: NewextenEvent;
  VarSet: VarSetEvent;
  NewCallerid: NewCalleridEvent;
  NewConnectedLine: NewConnectedLineEvent;
  LocalBridge: LocalBridgeEvent;
  DialBegin: DialBeginEvent;
  DialState: DialStateEvent;
  DialEnd: DialEndEvent;
  OriginateResponse: OriginateResponseEvent;
  BridgeCreate: BridgeCreateEvent;
  BridgeEnter: BridgeEnterEvent;
  BridgeLeave: BridgeLeaveEvent;
  BridgeDestroy: BridgeDestroyEvent;
  SoftHangupRequest: SoftHangupRequestEvent;
  HangupRequest: HangupRequestEvent;
  Hangup: HangupEvent;
  Cdr: CdrEvent;
  CoreShowChannel: CoreShowChannelEvent;
  FullyBooted: FullyBootedEvent;
  Shutdown: ShutdownEvent;
  Reload: ReloadEvent;
  DeviceStateChange: DeviceStateChangeEvent;
  UserEvent: UserEventEvent;
  DTMFBegin: DTMFBeginEvent;
  DTMFEnd: DTMFEndEvent;
  MixMonitorStart: MixMonitorStartEvent;
  MixMonitorStop: MixMonitorStopEvent;
}

export type AmiEventName = keyof AmiEventMap;

/** The discriminated union of the typed events (narrow on `Event`). */
export type KnownAmiEvent = AmiEventMap[AmiEventName];

/** Every event the client delivers: a known one, or any other passed through generically. */
export type AmiEvent = KnownAmiEvent | GenericAmiEvent;

/** Narrows an event to its typed shape by name. */
export function isAmiEvent<K extends AmiEventName>(event: AmiEventBase, name: K): event is AmiEventMap[K] {
  return event.Event === name;
}
