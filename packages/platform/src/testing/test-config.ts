// A valid PlatformConfig for tests, built by the real loader from a test environment.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import type { PlatformConfig } from '../config/types.ts';

export function testConfig(env: Record<string, string> = {}, app = 'test'): PlatformConfig {
  return loadConfig({
    app,
    defaultPort: 0,
    cwd: join(tmpdir(), 'campus-test'),
    env: { NODE_ENV: 'test', LOG_FILE: 'off', LOG_LEVEL: 'silent', PORT: '1', ...env },
  });
}
