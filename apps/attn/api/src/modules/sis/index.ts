// What other modules may use of the SIS module: the module, the client made from the settings
// (built once in app.ts: logins ask it too), its settings (read by config.ts) and the simulator's
// command (spec.ts).

export { sisSimCommand } from './simulator/sis-sim.command.ts';
export { sisClientFromConfig, sisModule } from './sis.module.ts';
export type { SisStatusResponse, SyncQueued, SyncRun, SyncRunsResponse } from './sis.schemas.ts';
export type { SisClient } from './sis-client.ts';
export { type SisConfig, sisConfigFrom, sisSettings } from './sis-config.ts';
