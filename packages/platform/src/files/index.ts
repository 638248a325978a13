// @campus/platform/files: the file store (disk or database), streaming both ways.
export * from './files.ts';
export * from './storage.ts';
