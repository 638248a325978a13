// Why a photo cannot be used for face verification, as a stable code the API and the check-in
// job can act on. Plain data (code, message) so it survives a worker thread's message port.

export const faceErrorCodes = [
  'NO_FACE',
  'MULTIPLE_FACES',
  'FACE_TOO_SMALL',
  'UNREADABLE_IMAGE',
  'UNSUPPORTED_FORMAT',
] as const;

export type FaceErrorCode = (typeof faceErrorCodes)[number];

export class FaceError extends Error {
  readonly code: FaceErrorCode;
  /** Faces found, where the refusal is about them (NO_FACE, MULTIPLE_FACES, FACE_TOO_SMALL). */
  readonly faces: number | undefined;

  constructor(code: FaceErrorCode, message: string, options: { faces?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'FaceError';
    this.code = code;
    this.faces = options.faces;
  }

  toJSON(): { code: FaceErrorCode; message: string; faces?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.faces === undefined ? {} : { faces: this.faces }),
    };
  }
}

export function isFaceError(err: unknown): err is FaceError {
  return err instanceof FaceError;
}
