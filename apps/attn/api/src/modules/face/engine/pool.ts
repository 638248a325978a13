// A pool of worker threads for face analysis, so a selfie never blocks the event loop and the
// cores share the work. Threads start on demand up to the size (the cores by default); each
// loads the models on its first photo and keeps them. A thread that dies fails only its own
// photo and is replaced on the next demand.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FaceAnalysis } from './face-engine.ts';
import { FaceError } from './face-error.ts';
import { type FaceQualityThresholds, faceQualityDefaults } from './face-quality.ts';
import type { FaceJobMessage, FaceReplyMessage } from './face-worker.ts';

const workerUrl = new URL('./face-worker.ts', import.meta.url);

interface Job {
  id: number;
  bytes: Uint8Array;
  resolve(result: FaceAnalysis): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  loaded: boolean;
  loadMs: number | null;
}

export interface FacePoolStats {
  /** Threads started (at most size). */
  threads: number;
  /** Threads whose models are loaded. */
  loaded: number;
  /** Threads analysing a photo now. */
  busy: number;
  /** Photos waiting for a thread. */
  queued: number;
  size: number;
  /** The slowest model load so far, in ms. */
  loadMs: number | null;
}

export class FacePool {
  readonly size: number;
  /** The quality gate the pool's users (check-in, enrolment) judge its analyses by (FACE_MIN_*). */
  readonly quality: FaceQualityThresholds;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: { size?: number; quality?: FaceQualityThresholds } = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.quality = options.quality ?? faceQualityDefaults;
  }

  /** Analyses a photo in a worker thread; rejects with FaceError when the photo is refused. */
  analyse(bytes: Uint8Array): Promise<FaceAnalysis> {
    if (this.closed) return Promise.reject(new Error('The face pool is closed'));
    return new Promise<FaceAnalysis>((resolve, reject) => {
      // A copy in its own memory, transferred to the thread: the caller's buffer (perhaps a
      // view of Node's shared pool) is neither detached nor copied twice.
      this.queue.push({ id: this.nextId++, bytes: new Uint8Array(bytes), resolve, reject });
      this.dispatch();
    });
  }

  stats(): FacePoolStats {
    const slots = [...this.slots];
    const loads = slots.map((s) => s.loadMs).filter((ms): ms is number => ms !== null);
    return {
      threads: slots.length,
      loaded: slots.filter((s) => s.loaded).length,
      busy: slots.filter((s) => s.job).length,
      queued: this.queue.length,
      size: this.size,
      loadMs: loads.length ? Math.max(...loads) : null,
    };
  }

  /** Stops every thread; photos still queued or running are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The face pool is closed'));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot && this.slots.size < this.size) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      const message: FaceJobMessage = { id: job.id, bytes: job.bytes };
      try {
        slot.worker.postMessage(message, [job.bytes.buffer as ArrayBuffer]);
      } catch (err) {
        slot.job = undefined;
        job.reject(err as Error);
      }
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(workerUrl), job: undefined, loaded: false, loadMs: null };
    slot.worker.on('message', (reply: FaceReplyMessage) => {
      const job = slot.job;
      slot.job = undefined;
      slot.loaded = reply.engine.loaded;
      slot.loadMs = reply.engine.loadMs;
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve(reply.result);
        else if (reply.faceError) {
          const { code, message, faces } = reply.faceError;
          job.reject(new FaceError(code, message, faces === undefined ? {} : { faces }));
        } else job.reject(new Error(`Face analysis failed in a worker thread: ${reply.message}`));
      }
      this.dispatch();
    });
    const lost = (err: Error) => {
      if (!this.slots.delete(slot)) return;
      slot.job?.reject(err);
      slot.job = undefined;
      if (!this.closed) this.dispatch();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`A face worker thread stopped (exit code ${code})`)));
    this.slots.add(slot);
    return slot;
  }
}
