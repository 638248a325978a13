// Every file the face engine loads, with its size and SHA-256 as shipped in the pinned npm
// packages. Checked at start so that a missing or corrupt model fails loudly there, not on the
// first selfie. The hashes change only with a deliberate upgrade of those packages.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Folders of the packages the files come from, resolved the way Node resolves them. */
export const modelFolders = {
  // face-api: 68-point landmarks (alignment), ResNet-34 descriptor.
  faceApi: join(dirname(require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js')), '..', 'model'),
  // human: the BlazeFace detector; the anti-spoofing and liveness models (scores recorded, never decisive).
  human: join(dirname(require.resolve('@vladmandic/human')), '..', 'models'),
  // The WebAssembly builds of TensorFlow.js's kernels.
  wasm: dirname(require.resolve('@tensorflow/tfjs-backend-wasm')),
};

export interface ModelFile {
  folder: keyof typeof modelFolders;
  name: string;
  size: number;
  sha256: string;
}

export const modelFiles: readonly ModelFile[] = [
  {
    folder: 'faceApi',
    name: 'face_landmark_68_model-weights_manifest.json',
    size: 8485,
    sha256: 'ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9',
  },
  {
    folder: 'faceApi',
    name: 'face_landmark_68_model.bin',
    size: 356840,
    sha256: '4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b',
  },
  {
    folder: 'faceApi',
    name: 'face_recognition_model-weights_manifest.json',
    size: 19615,
    sha256: 'cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b',
  },
  {
    folder: 'faceApi',
    name: 'face_recognition_model.bin',
    size: 6444032,
    sha256: 'b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589',
  },
  {
    folder: 'human',
    name: 'blazeface.json',
    size: 79038,
    sha256: 'cd7bbfc078270572beb39f9e5ae67aadbd50b5e67cff37e6d4f6b3ea39312e5f',
  },
  {
    folder: 'human',
    name: 'blazeface.bin',
    size: 538928,
    sha256: 'dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72',
  },
  {
    folder: 'human',
    name: 'antispoof.json',
    size: 8713,
    sha256: '7fd698ae1cebabbcad79d3b8b448587b0365eb7911987418231bdcf36583112a',
  },
  {
    folder: 'human',
    name: 'antispoof.bin',
    size: 853098,
    sha256: '4490fecb2becdb6869edc7e60f5e59962be013a8def8719b1373afb0f905c094',
  },
  {
    folder: 'human',
    name: 'liveness.json',
    size: 17070,
    sha256: '9e51c8acf83b80abbf329b2735309ab5c90611c66905ade8b1bd130d473df9c8',
  },
  {
    folder: 'human',
    name: 'liveness.bin',
    size: 592976,
    sha256: 'fc6a6b6b3b9721bdb8bff67a457a15b7cbfd81715cfb27f3e65b757e81dd663e',
  },
  {
    folder: 'wasm',
    name: 'tfjs-backend-wasm-simd.wasm',
    size: 424594,
    sha256: '77ebb28a6d34f371dbbf2086b7f2de8994acd8ea5a3cf1fa24d2c26c840cac7b',
  },
  {
    folder: 'wasm',
    name: 'tfjs-backend-wasm.wasm',
    size: 311123,
    sha256: '70a5d516060464e5269f01c74bac1772d6b8ab6cb612acf16b5cdaf61f78d892',
  },
];

export function modelPath(file: Pick<ModelFile, 'folder' | 'name'>): string {
  return join(modelFolders[file.folder], file.name);
}

export class ModelFilesError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Face model files missing or corrupt (reinstall with npm ci): ${problems.join('; ')}`);
    this.name = 'ModelFilesError';
    this.problems = problems;
  }
}

/** Reads every model file and compares size and SHA-256; throws ModelFilesError naming each bad one. */
export async function checkFaceModelFiles(files: readonly ModelFile[] = modelFiles): Promise<void> {
  const problems: string[] = [];
  for (const file of files) {
    const path = modelPath(file);
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) {
      problems.push(`${path} is missing`);
      continue;
    }
    if (bytes.length !== file.size) {
      problems.push(`${path} has ${bytes.length} bytes, expected ${file.size}`);
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== file.sha256) problems.push(`${path} has SHA-256 ${sha256}, expected ${file.sha256}`);
  }
  if (problems.length > 0) throw new ModelFilesError(problems);
}
