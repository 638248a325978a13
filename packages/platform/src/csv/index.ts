// @campus/platform/csv: CSV in and out.
export * from './csv.ts';
