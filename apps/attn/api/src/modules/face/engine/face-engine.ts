// The face engine: one photo in, exactly one usable face out, with its descriptor and the
// anti-spoofing and liveness scores (recorded for the teacher, never decisive on their own:
// on the fixtures they did not tell edited or printed photos from real ones). A plain module a
// worker thread imports; models load once per thread on the first call.
import type { Tensor3D, Tensor4D } from '@tensorflow/tfjs-core';
import { decodeImage, type ImageFormat } from './decode-image.ts';
import { detectFaces } from './face-detector.ts';
import { FaceError } from './face-error.ts';
import { type FaceQuality, measureFaceQuality } from './face-quality.ts';
import { type FaceApiInput, type FaceModels, type GraphModel, loadFaceModels } from './models.ts';

/** Below this a face detection is noise; every detection above it counts as a face. */
const MIN_DETECTION_SCORE = 0.5;
/**
 * Smallest face side, in pixels of the decoded image (longest side at most 1024), the engine
 * describes at all; below it the photo is refused as FACE_TOO_SMALL. Whether a described face is
 * big enough to decide on is the quality gate's call (FACE_MIN_SIZE, 64 px by default, see
 * ./face-quality.ts), which sends it to a teacher, or refuses it at enrolment, with the same reason.
 */
export const MIN_FACE_PX = 48;

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceAnalysis {
  /** Faces found: 1 here; refusals carry their count in FaceError.faces. */
  faces: number;
  /** face-api's 128-number descriptor of the face. */
  embedding: number[];
  /** Probability that the face is a spoof (1 - the anti-spoofing model's "real" score), 0..1. */
  spoof: number;
  /** The liveness model's score that the face is live, 0..1. */
  liveness: number;
  /** Where the face is, in pixels of the decoded image. */
  box: FaceBox;
  /** Detector confidence, 0..1. */
  score: number;
  /** Size, colour, sharpness and brightness of the face (./face-quality.ts); the caller's gate judges them. */
  quality: FaceQuality;
  image: { width: number; height: number; format: ImageFormat };
}

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

/** One score from a small model that looks at the face and its surroundings (as human crops it). */
async function scoreCrop(models: FaceModels, model: GraphModel, input: Tensor3D, box: FaceBox) {
  const { tf } = models;
  const [height, width] = input.shape;
  const side = Math.max(box.width, box.height) * 1.4;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const crop = [
    (cy - side / 2) / height,
    (cx - side / 2) / width,
    (cy + side / 2) / height,
    (cx + side / 2) / width,
  ];
  const size = model.inputs[0]?.shape?.slice(1, 3) as [number, number];
  const output = tf.tidy(() => {
    // Cropped first, then scaled: the full-size photo is never copied to floats.
    const face = tf.image.cropAndResize(tf.expandDims(input, 0) as Tensor4D, [crop], [0], size);
    return model.execute(tf.div(face, 255)) as import('@tensorflow/tfjs-core').Tensor;
  });
  try {
    return (await output.data())[0] ?? 0;
  } finally {
    output.dispose();
  }
}

/** Analyses one photo: throws FaceError unless it holds exactly one face of usable size. */
export async function analyseFace(bytes: Uint8Array): Promise<FaceAnalysis> {
  const models = await loadFaceModels();
  const { tf, faceapi } = models;
  const image = await decodeImage(bytes);
  const input = tf.tensor3d(new Int32Array(image.data), [image.height, image.width, 3], 'int32');
  try {
    const detections = await detectFaces(tf, models.detector, input, MIN_DETECTION_SCORE);
    const [detection] = detections;
    if (!detection) throw new FaceError('NO_FACE', 'No face was found in the photo', { faces: 0 });
    if (detections.length > 1) {
      throw new FaceError(
        'MULTIPLE_FACES',
        `The photo holds ${detections.length} faces: exactly one is needed`,
        {
          faces: detections.length,
        },
      );
    }
    const { x, y, width, height } = detection.box;
    const box = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    if (Math.min(box.width, box.height) < MIN_FACE_PX) {
      throw new FaceError('FACE_TOO_SMALL', 'The face is too small in the photo: come closer to the camera', {
        faces: 1,
      });
    }
    // Landmarks align the face before the descriptor, as face-api's own chain does (face-api
    // takes the detector's box relative to the image).
    const { width: w, height: h } = image;
    const relative = new faceapi.Rect(x / w, y / h, width / w, height / h);
    const faceApiDetection = new faceapi.FaceDetection(detection.score, relative, { width: w, height: h });
    const found = faceapi.extendWithFaceDetection({}, faceApiDetection);
    const described = await new faceapi.DetectSingleFaceLandmarksTask(
      Promise.resolve(found),
      input as unknown as FaceApiInput,
      false,
    )
      .withFaceDescriptor()
      .run();
    if (!described) throw new FaceError('NO_FACE', 'No face was found in the photo', { faces: 0 });
    const real = await scoreCrop(models, models.antispoof, input, box);
    const live = await scoreCrop(models, models.liveness, input, box);
    const quality = await measureFaceQuality(image, box);
    return {
      faces: 1,
      embedding: Array.from(described.descriptor, (value) => round(value, 6)),
      spoof: round(1 - real),
      liveness: round(live),
      box,
      score: round(detection.score),
      quality,
      image: { width: image.width, height: image.height, format: image.format },
    };
  } finally {
    input.dispose();
  }
}
