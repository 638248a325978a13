// What other modules may use of the SIS module: the module, the client made from the settings
// (built once in app.ts: logins ask it too), and its type.

export { sisClientFromConfig, sisModule } from './sis.module.ts';
export type { SisClient } from './sis-client.ts';
