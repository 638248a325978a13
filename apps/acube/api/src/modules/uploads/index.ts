// Uploads: what the app may use.
export { uploadsModule } from './uploads.module.ts';
