import { runCli } from '@campus/platform/app/cli.ts';
import { acubeSpec } from './spec.ts';

await runCli(acubeSpec);
