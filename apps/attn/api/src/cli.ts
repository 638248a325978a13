import { runCli } from '@campus/platform/app/cli.ts';
import { attnSpec } from './spec.ts';

await runCli(attnSpec);
