// Photo bytes to RGB pixels for the face models. The format is told from the bytes, never from
// a name or a declared type; only JPEG, PNG, WebP and AVIF reach the decoder (no SVG, PDF or
// TIFF parsing for a selfie). Phone photos carry their orientation in EXIF: .rotate() applies it.
import sharp from 'sharp';
import { FaceError } from './face-error.ts';

/**
 * Longest side the models see. The detector works at 512 px whatever it is given, and faces
 * of a selfie stay well above the descriptor's 150 px input; bigger only costs time.
 */
export const MAX_SIDE = 1024;
/** Refuse decompression bombs before decoding: 50 megapixels is beyond any phone camera. */
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic';

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The format from the leading bytes, or undefined for anything we do not accept. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (HEIC_BRANDS.has(brand)) return 'heic';
  }
  return undefined;
}

export interface DecodedImage {
  data: Buffer;
  width: number;
  height: number;
  format: ImageFormat;
}

export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  const format = sniffImageFormat(bytes);
  if (!format) {
    throw new FaceError('UNSUPPORTED_FORMAT', 'The photo must be a JPEG, PNG, WebP or AVIF image');
  }
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return { data, width: info.width, height: info.height, format };
  } catch (err) {
    // The bundled libvips decodes HEIF only with AV1 inside (AVIF): iPhone HEIC (HEVC) is not
    // decodable here, and saying so tells the student what to do.
    if (format === 'heic') {
      throw new FaceError(
        'UNSUPPORTED_FORMAT',
        'HEIC photos cannot be read here: send a JPEG, PNG or WebP (on an iPhone: Settings, Camera, Formats, Most Compatible)',
        { cause: err },
      );
    }
    throw new FaceError('UNREADABLE_IMAGE', `The ${format.toUpperCase()} photo could not be decoded`, {
      cause: err,
    });
  }
}
