// The young generation of V8's heap in an app's process. V8 doubles it whenever a collection
// finds many survivors, up to 64 MB, and keeps it for good: loading the app's modules (type
// stripping, Drizzle, Fastify, pg-boss) is such a burst, so an idle app held about 120 MB of
// empty young generation (bench/startup). It stays at its smallest (2 MB) while the app
// starts; from the first HTTP request on it may grow again as the load asks, up to 16 MB.
// V8 reads the growth factor at each growth, so switching it at run time takes effect. Node
// reads and type-strips a whole static import graph before it runs any of it, so the apps'
// cli.ts set the factor to 1 themselves before they import the app; this module lets it grow
// from the first request on. Other entry points (tests, scripts) keep V8's default growth.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const LOADED_CAP_BYTES = 16 * 1024 * 1024;
const REQUEST_START = 'http.server.request.start';

const newSpaceBytes = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

function capGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
  const observer = new PerformanceObserver(() => {
    if (newSpaceBytes() < LOADED_CAP_BYTES) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}

function onFirstRequest(): void {
  unsubscribe(REQUEST_START, onFirstRequest);
  capGrowth();
}

subscribe(REQUEST_START, onFirstRequest);
