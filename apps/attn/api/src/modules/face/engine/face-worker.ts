// The worker thread of the face pool: analyses one photo at a time with this thread's models,
// loaded on the first photo. Refusals travel back as plain { code, message, faces }.
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { analyseFace } from './face-engine.ts';
import { isFaceError } from './face-error.ts';
import { faceModelsStatus } from './models.ts';

export interface FaceJobMessage {
  id: number;
  bytes: Uint8Array;
}

export type FaceReplyMessage = { id: number; engine: ReturnType<typeof faceModelsStatus> } & (
  | { ok: true; result: Awaited<ReturnType<typeof analyseFace>> }
  | { ok: false; faceError?: ReturnType<import('./face-error.ts').FaceError['toJSON']>; message?: string }
);

// The pool runs a thread a core, each on one photo at a time: libvips' own threads would only
// compete with them. Nothing of a photo stays in libvips' operation cache.
sharp.concurrency(1);
sharp.cache(false);

const port = parentPort;
if (port) {
  port.on('message', async ({ id, bytes }: FaceJobMessage) => {
    let reply: FaceReplyMessage;
    try {
      const result = await analyseFace(bytes);
      reply = { id, ok: true, result, engine: faceModelsStatus() };
    } catch (err) {
      reply = isFaceError(err)
        ? { id, ok: false, faceError: err.toJSON(), engine: faceModelsStatus() }
        : { id, ok: false, message: (err as Error)?.stack ?? String(err), engine: faceModelsStatus() };
    }
    port.postMessage(reply);
  });
}
