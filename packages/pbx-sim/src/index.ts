export { PbxSimulator } from './pbx-simulator.js';
export type { FaultState } from './pbx-simulator.js';
export { defaultPbxSimOptions, validateScenario } from './pbx-sim-options.js';
export type { PbxSimOptions, PbxScenario, SimUser } from './pbx-sim-options.js';
export { DEFAULT_ROUTES, compilePattern } from './route-table.js';
export type { RouteSpec, RouteOutcome, DialplanStep } from './route-table.js';
export { TEST_CONTEXT } from './default-dialplan.js';
export { wavBytes, wavDurationMs } from './wav-writer.js';
