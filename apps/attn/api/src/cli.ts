// Set before the app's modules are read, hence the imports below: V8's young generation stays
// small while they load (see the platform's app/young-generation.ts), and their compiled code
// is cached on disk (NODE_COMPILE_CACHE, or node-compile-cache in the temporary directory;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off), which makes a start about 150 ms quicker.
import { enableCompileCache } from 'node:module';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
enableCompileCache();
const { runCli } = await import('@campus/platform/app');
const { attnSpec } = await import('./spec.ts');

await runCli(attnSpec);
