// The fuzz suite's parts: a seeded PRNG, valid values from JSON Schema, mutations, the runner.
export * from './mutate.ts';
export * from './operations.ts';
export * from './prng.ts';
export * from './runner.ts';
export * from './sample.ts';
