/**
 * Where each extension of the captures' extensions.conf (../shared/ami-captures/README.md) starts: the line of
 * its priority 1; its other priorities follow on the next lines (`same => n,...`). `dialplan show` prints them
 * as `[extensions.conf:<line>]`, as Asterisk does for a dialplan loaded by pbx_config.
 */
export const EXTENSIONS_CONF_LINES: Record<string, Record<string, number>> = {
  test: {
    answer: 10,
    'answer-delayed': 17,
    long: 26,
    moh: 32,
    busy: 36,
    congestion: 39,
    noanswer: 43,
    'hangupcause-1': 49,
    'hangupcause-17': 50,
    'hangupcause-21': 51,
    'hangupcause-34': 52,
    record: 55,
    'dial-answer': 64,
    'dial-busy': 68,
    'dial-congestion': 72,
    'dial-noanswer': 76,
    'transfer-target': 81,
    echo: 87,
    userevent: 91,
    dtmf: 96,
    vars: 103,
    'queue-member': 112,
    queue: 119,
  },
  'sip-in': { service: 129, 'to-uas': 135, '1001': 139, '_X.': 142 },
};

/** `include =>` lines of the captures' dialplan: context -> included contexts. */
export const DIALPLAN_INCLUDES: Record<string, readonly string[]> = { default: ['test'] };
