// The fuzz suite's parts: a seeded PRNG, valid values from JSON Schema, mutations, the runner.
export * from './mutate.ts';
export * from './nul-walk.ts';
export * from './operations.ts';
export * from './prng.ts';
export * from './report.ts';
export * from './runner.ts';
export * from './sample.ts';
export * from './settings.ts';
