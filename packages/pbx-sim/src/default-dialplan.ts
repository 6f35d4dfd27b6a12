import type { DialplanStep } from './route-table.js';

/** Context `test` of the captures' extensions.conf (../shared/ami-captures/README.md), step for step. */
export const TEST_CONTEXT: Record<string, readonly DialplanStep[]> = {
  answer: [['NoOp', 'answer test'], ['Answer'], ['Playback', 'hello-world'], ['Wait', '1'], ['Hangup']],
  'answer-delayed': [
    ['NoOp', 'answer after 2 s of ringing'],
    ['Ringing'],
    ['Wait', '2'],
    ['Answer'],
    ['Playback', 'hello-world'],
    ['Wait', '1'],
    ['Hangup'],
  ],
  long: [['NoOp', 'long call'], ['Answer'], ['Wait', '10'], ['Hangup']],
  moh: [['Answer'], ['MusicOnHold', 'default,300'], ['Hangup']],
  busy: [
    ['NoOp', 'busy test'],
    ['Busy', '5'],
  ],
  congestion: [
    ['NoOp', 'congestion test'],
    ['Congestion', '5'],
  ],
  noanswer: [['NoOp', 'noanswer test'], ['Ringing'], ['Wait', '30'], ['Hangup']],
  'hangupcause-1': [['Hangup', '1']],
  'hangupcause-17': [['Hangup', '17']],
  'hangupcause-21': [['Hangup', '21']],
  'hangupcause-34': [['Hangup', '34']],
  record: [
    ['NoOp', 'record test'],
    ['Answer'],
    ['MixMonitor', '${UNIQUEID}.wav'],
    ['Playback', 'hello-world'],
    ['Playback', 'tt-weasels'],
    ['StopMixMonitor'],
    ['Hangup'],
  ],
  'dial-answer': [['NoOp', 'dial answer'], ['Dial', 'Local/answer@test,20'], ['Hangup']],
  'dial-busy': [['NoOp', 'dial busy'], ['Dial', 'Local/busy@test,20'], ['Hangup']],
  'dial-congestion': [['NoOp', 'dial congestion'], ['Dial', 'Local/congestion@test,20'], ['Hangup']],
  'dial-noanswer': [['NoOp', 'dial noanswer'], ['Dial', 'Local/noanswer@test,5'], ['Hangup']],
  'transfer-target': [
    ['NoOp', 'transfer target'],
    ['Answer'],
    ['Playback', 'hello-world'],
    ['Wait', '5'],
    ['Hangup'],
  ],
  echo: [['Answer'], ['Echo']],
  userevent: [['Answer'], ['UserEvent', 'TestEvent,Foo: bar,Baz: qux'], ['Wait', '1'], ['Hangup']],
  dtmf: [['Answer'], ['Wait', '0.5'], ['SendDTMF', '123#,100'], ['Wait', '1'], ['Hangup']],
  vars: [
    ['Answer'],
    ['Set', 'FOO=bar'],
    ['Set', 'CDR(userfield)=captured'],
    ['Set', 'CHANNEL(language)=en'],
    ['Wait', '1'],
    ['Hangup'],
  ],
  'queue-member': [
    ['NoOp', 'queue member'],
    ['Answer'],
    ['Playback', 'hello-world'],
    ['Wait', '1'],
    ['Hangup'],
  ],
  queue: [['NoOp', 'queue test'], ['Answer'], ['Queue', 'testqueue,,,,20'], ['Hangup']],
};

/**
 * Context `sip-in` of the captures' dialplan (calls from SIP endpoints). Its `_X.` extension,
 * `Goto(test,${EXTEN},1)`, is not a step here: a number not found in `sip-in` falls through to the route table,
 * as it does in `test`.
 */
export const SIP_IN_CONTEXT: Record<string, readonly DialplanStep[]> = {
  service: [
    ['NoOp', 'inbound SIP call from ${CALLERID(all)}'],
    ['Answer'],
    ['Playback', 'hello-world'],
    ['Wait', '5'],
    ['Hangup'],
  ],
  'to-uas': [['NoOp', 'SIP to SIP'], ['Dial', 'PJSIP/uas,20'], ['Hangup']],
  '1001': [['Dial', 'PJSIP/1001,20'], ['Hangup']],
};

/** Core sounds the simulated PBX has, with their playing time in ms (measured in the captures). */
export const CORE_SOUNDS: Record<string, number> = {
  'hello-world': 1400,
  'tt-weasels': 2950,
  'tt-monkeys': 4000,
  beep: 250,
  'vm-goodbye': 800,
  'demo-congrats': 9000,
};
