// Makes the PGlite deadlock loud. Inside `db.transaction(cb)`, awaiting the OUTER db never
// returns on PGlite (it queues behind the open transaction). We run each callback in an
// async context and let the outer driver's entry points refuse work from inside it, on both
// databases, so the mistake fails at once in every test instead of hanging one of them.
import { AsyncLocalStorage } from 'node:async_hooks';

export class OuterDatabaseInTransactionError extends Error {
  constructor() {
    super('Outer database used inside a transaction: pass the transaction object (tx) down');
    this.name = 'OuterDatabaseInTransactionError';
  }
}

/** Mutable so that timers started inside a transaction do not inherit a live flag. */
const context = new AsyncLocalStorage<{ active: boolean }>();

export function insideTransaction(): boolean {
  return context.getStore()?.active === true;
}

/** Replaces `target[method]` by a version that refuses to run inside a transaction callback. */
export function refuseInsideTransaction<T extends object>(target: T, methods: (keyof T)[]): void {
  for (const method of methods) {
    const original = target[method] as unknown as (...args: unknown[]) => unknown;
    (target as Record<keyof T, unknown>)[method] = function guarded(this: unknown, ...args: unknown[]) {
      if (insideTransaction()) return Promise.reject(new OuterDatabaseInTransactionError());
      return original.apply(this, args);
    };
  }
}

type TransactionFn = (callback: (tx: unknown) => Promise<unknown>, config?: unknown) => Promise<unknown>;

/** Wraps `db.transaction` so its callback runs inside the guarded context. */
export function markTransactions(db: { transaction: unknown }): void {
  const original = (db.transaction as TransactionFn).bind(db);
  db.transaction = ((callback: (tx: unknown) => Promise<unknown>, config?: unknown) =>
    original(async (tx) => {
      const state = { active: true };
      try {
        return await context.run(state, () => callback(tx));
      } finally {
        state.active = false;
      }
    }, config)) as TransactionFn;
}
