/**
 * The headers of PJSIP objects as Asterisk 22.10.1 lists them (pjsip-endpoints capture), in their order, with
 * the values of the captures' pjsip.conf (udp transport on 127.0.0.1:5060, `allow = ulaw,alaw`,
 * `direct_media = no`). The simulator fills in the per-object values (names, aors, auth, context, state).
 */
function parse(template: string): [string, string][] {
  return template
    .trim()
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 2)];
    });
}

/** EndpointDetail after `ObjectType` / `ObjectName`. */
export const ENDPOINT_DETAIL_FIELDS = parse(`
RpidImmediate: false
Webrtc: no
Ignore183WithoutSdp: false
SendAoc: false
DeviceStateBusyAt: 0
T38UdptlMaxdatagram: 0
CodecPrefsIncomingAnswer: prefer:pending, operation:intersect, keep:all, transcode:allow
SecurityNegotiation: no
DtlsRekey: 0
RtpPortEnd: 0
NamedPickupGroup: 
DirectMediaMethod: invite
SendRpid: false
PickupGroup: 
SdpSession: Asterisk
DtlsVerify: No
MessageContext: 
Tenantid: 
Mailboxes: 
RecordOnFeature: automixmon
DtlsPrivateKey: 
DtlsFingerprint: SHA-256
OverlapContext: 
OutgoingCallOfferPref: remote_merge
RtpPortStart: 0
FromDomain: 
TimersSessExpires: 1800
NamedCallGroup: 
DtlsCipher: 
MediaEncryptionOptimistic: false
SuppressQ850ReasonHeaders: false
Aors: uas
IdentifyBy: username
CalleridPrivacy: allowed_not_screened
MwiSubscribeReplacesUnsolicited: no
CosAudio: 0
FollowEarlyMediaFork: true
Context: sip-in
RtpSymmetric: true
Transport: transport-udp
MohSuggest: default
T38Udptl: false
FaxDetect: false
T38BindUdptlToMediaAddress: false
TosVideo: 0
SrtpTag32: false
ReferBlindProgress: true
MaxAudioStreams: 1
Bundle: false
UseAvpf: false
CallGroup: 
SendConnectedLine: yes
FaxDetectTimeout: 0
SdpOwner: -
ForceRport: true
CalleridTag: 
RtpTimeoutHold: 0
SuppressMohOnSendonly: false
UsePtime: false
MediaAddress: 127.0.0.1
VoicemailExtension: 
RtpTimeout: 0
StirShaken: no
SetVar: 
ContactAcl: 
PreferredCodecOnly: false
GeolocOutgoingCallProfile: 
ForceAvp: false
RecordOffFeature: automixmon
FromUser: 
SendDiversion: true
SendHistoryInfo: false
T38UdptlIpv6: false
ToneZone: 
Language: 
AllowSubscribe: true
RtpIpv6: false
Callerid: <unknown>
MohPassthrough: false
CosVideo: 0
DtlsAutoGenerateCert: No
AsymmetricRtpCodec: false
GeolocIncomingCallProfile: 
IceSupport: false
AggregateMwi: true
OneTouchRecording: false
MwiFromUser: 
RedirectMethod: user
Accountcode: 
CodecPrefsOutgoingAnswer: prefer:pending, operation:intersect, keep:all, transcode:allow
Allow: (ulaw|alaw)
RewriteContact: false
UserEqPhone: false
RtpEngine: asterisk
FollowRedirectMethods: 
SubscribeContext: 
NotifyEarlyInuseRinging: false
IncomingMwiMailbox: 
IncomingCallOfferPref: local
AllowUnauthenticatedOptions: false
Auth: 
DirectMediaGlareMitigation: none
TrustIdInbound: false
StirShakenProfile: 
BindRtpToMediaAddress: true
DisableDirectMediaOnNat: false
MediaEncryption: no
MediaUseReceivedTransport: false
AllowOverlap: true
DtmfMode: rfc4733
OutboundAuth: 
TosAudio: 0
DtlsCertFile: 
DtlsCaPath: 
DtlsSetup: active
ConnectedLineMethod: invite
G726NonStandard: false
100rel: yes
Timers: yes
DirectMedia: false
Acl: 
TimersMinSe: 90
TrustIdOutbound: false
SubMinExpiry: 0
RtcpMux: false
MaxVideoStreams: 1
AcceptMultipleSdpAnswers: false
CodecPrefsIncomingOffer: prefer:pending, operation:intersect, keep:all, transcode:allow
CodecPrefsOutgoingOffer: prefer:pending, operation:union, keep:all, transcode:allow
TrustConnectedLine: yes
SendPai: false
RtpKeepalive: 0
T38UdptlEc: none
T38UdptlNat: false
AllowTransfer: true
DtlsCaFile: 
OutboundProxy: 
InbandProgress: false
DeviceState: Not in use
ActiveChannels: 0
`);

/** TransportDetail before `EndpointName`. */
export const TRANSPORT_DETAIL_FIELDS = parse(`
ObjectType: transport
ObjectName: transport-udp
WebsocketWriteTimeout: 100
Cos: 0
TcpKeepaliveEnable: false
Protocol: udp
SymmetricTransport: false
Domain: 
VerifyServer: No
LocalNet: 
Bind: 127.0.0.1:5060
AllowWildcardCerts: No
TcpKeepaliveIntervalTime: 1
AsyncOperations: 1
ExternalMediaAddress: 
Method: unspecified
ExternalSignalingAddress: 
RequireClientCert: No
TcpKeepaliveIdleTime: 30
Tos: 0
CaListPath: 
Cipher: 
CertFile: 
ExternalSignalingPort: 0
Password: 
AllowReload: false
VerifyClient: No
TcpKeepaliveProbeCount: 5
PrivKeyFile: 
CaListFile: 
`);
