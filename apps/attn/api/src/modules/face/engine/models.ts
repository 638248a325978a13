// Loads the face models into this thread's TensorFlow.js, once: WebAssembly kernels from the
// package's own .wasm files (no CDN), models from the npm packages on disk (no download), after
// checking every file's size and hash. A worker thread imports this and loads on first need.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { detectFaces } from './face-detector.ts';
import { checkFaceModelFiles, modelFolders, modelPath } from './model-files.ts';

const require = createRequire(import.meta.url);

export type Tf = typeof import('@tensorflow/tfjs-core');
export type FaceApi = typeof import('@vladmandic/face-api');
/**
 * A tensor as face-api takes it. face-api ships its own copy of tfjs's types, which match
 * tfjs-core's only without the DOM library; the web front end's type check (DOM on) reads this
 * file too, through the modules' index.ts, so tensors are handed over as this type.
 */
export type FaceApiInput = Parameters<FaceApi['nets']['faceRecognitionNet']['computeFaceDescriptor']>[0];
export type GraphModel = import('@tensorflow/tfjs-converter').GraphModel;

export interface FaceModels {
  tf: Tf;
  faceapi: FaceApi;
  /** BlazeFace, human's face detector (see face-detector.ts). */
  detector: GraphModel;
  antispoof: GraphModel;
  liveness: GraphModel;
  loadMs: number;
}

/** A graph model from a model.json and its weight files beside it, read from disk. */
async function loadGraphModelFromDisk(tf: Tf, jsonPath: string): Promise<GraphModel> {
  const { loadGraphModel } =
    require('@tensorflow/tfjs-converter') as typeof import('@tensorflow/tfjs-converter');
  const json = JSON.parse(await readFile(jsonPath, 'utf8'));
  return loadGraphModel({
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const parts = await Promise.all(
          manifest.flatMap((group) => group.paths.map((path) => readFile(join(dirname(jsonPath), path)))),
        );
        const data = Buffer.concat(parts);
        return [specs, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)];
      }),
  });
}

async function load(): Promise<FaceModels> {
  const started = performance.now();
  await checkFaceModelFiles();
  const tf = require('@tensorflow/tfjs-core') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  // face-api's node-wasm build: plain TensorFlow.js, no tfjs-node (which would fetch a binary).
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  wasm.setWasmPaths(`${modelFolders.wasm}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('The TensorFlow.js WebAssembly backend did not start');
  await tf.ready();
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelFolders.faceApi);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelFolders.faceApi);
  const detector = await loadGraphModelFromDisk(tf, modelPath({ folder: 'human', name: 'blazeface.json' }));
  const antispoof = await loadGraphModelFromDisk(tf, modelPath({ folder: 'human', name: 'antispoof.json' }));
  const liveness = await loadGraphModelFromDisk(tf, modelPath({ folder: 'human', name: 'liveness.json' }));
  // The first run compiles kernels and sizes buffers: pay it here, not on a student's selfie.
  const blank = tf.zeros([160, 160, 3], 'int32') as import('@tensorflow/tfjs-core').Tensor3D;
  await detectFaces(tf, detector, blank, 0.5);
  await faceapi.nets.faceLandmark68Net.detectLandmarks(blank as unknown as FaceApiInput);
  await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(blank as unknown as FaceApiInput);
  blank.dispose();
  return { tf, faceapi, detector, antispoof, liveness, loadMs: Math.round(performance.now() - started) };
}

let loading: Promise<FaceModels> | undefined;
let loaded: FaceModels | undefined;

/** The models of this thread, loaded on the first call; a failed load is retried on the next. */
export function loadFaceModels(): Promise<FaceModels> {
  loading ??= load().then(
    (models) => {
      loaded = models;
      return models;
    },
    (err) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

export function faceModelsStatus(): { loaded: boolean; loadMs: number | null } {
  return { loaded: loaded !== undefined, loadMs: loaded?.loadMs ?? null };
}
