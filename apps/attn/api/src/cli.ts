import { runCli } from '@campus/platform/app';
import { attnSpec } from './spec.ts';

await runCli(attnSpec);
