// The young generation of V8's heap stays small while the app's modules load (see the
// platform's app/young-generation.ts): set before they are read, hence the imports below.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
const { runCli } = await import('@campus/platform/app');
const { acubeSpec } = await import('./spec.ts');

await runCli(acubeSpec);
