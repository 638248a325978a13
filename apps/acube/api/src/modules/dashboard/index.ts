// Dashboard: what the app and the web may use.
export type { DashboardCounters } from './dashboard.context.ts';
export { dashboardModule } from './dashboard.module.ts';
export type { Dashboard } from './dashboard.schemas.ts';
