import { runCli } from '@campus/platform/app';
import { acubeSpec } from './spec.ts';

await runCli(acubeSpec);
