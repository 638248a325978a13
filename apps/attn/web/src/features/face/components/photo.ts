// A photo of the student's face as the page holds it: the JPEG to send and a data: URL to show
// (the app's CSP allows data: images, never blob:). Made from the camera's current frame or from
// a chosen file, scaled to at most MAX_SIDE pixels on its longer side.

export interface Photo {
  blob: Blob;
  url: string;
}

/** Enough for a face to be found and compared; a phone's 12 MP photo becomes ~200 KB. */
export const MAX_SIDE = 1280;

function canvasOf(source: CanvasImageSource, width: number, height: number): HTMLCanvasElement | null {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

async function photoOf(canvas: HTMLCanvasElement | null): Promise<Photo | null> {
  if (!canvas) return null;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  if (!blob) return null;
  return { blob, url: canvas.toDataURL('image/jpeg', 0.8) };
}

/** Whether a frame is all but black: what a camera gives before its first real picture. */
function isBlank(canvas: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = 16;
  probe.height = 16;
  const context = probe.getContext('2d');
  if (!context) return false;
  context.drawImage(canvas, 0, 0, 16, 16);
  const data = context.getImageData(0, 0, 16, 16).data;
  // Any channel of any sampled pixel brighter than 15 of 255 is a picture.
  return data.every((value, i) => i % 4 === 3 || value < 16);
}

/** Resolves when the video shows its next frame, or after 100 ms. */
function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    video.requestVideoFrameCallback?.(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The video's current frame. A camera with no frame yet, or a black one (its first frames, or a
 * page drawing the frame before it is shown), is waited for frame by frame for up to `waitMs`;
 * null if no picture came by then.
 */
export async function photoFromVideo(video: HTMLVideoElement, waitMs: number): Promise<Photo | null> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    if (video.videoWidth > 0) {
      const canvas = canvasOf(video, video.videoWidth, video.videoHeight);
      if (canvas && !isBlank(canvas)) return photoOf(canvas);
    }
    if (performance.now() >= deadline) return null;
    await nextFrame(video);
  }
}

/** A chosen file, decoded by the browser (turned upright as its EXIF says); null if it is no image. */
export async function photoFromFile(file: Blob): Promise<Photo | null> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    try {
      return await photoOf(canvasOf(bitmap, bitmap.width, bitmap.height));
    } finally {
      bitmap.close();
    }
  } catch {
    return null;
  }
}
