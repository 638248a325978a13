// Phones open the camera (getUserMedia: the in-page QR scanner and the selfie) only on a
// secure origin: HTTPS, or the device's own localhost. A PUBLIC_URL that is plain http on any
// other host gives students a check-in page whose camera never starts.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when browsers on other devices will refuse the camera to pages under `publicUrl`. */
export function cameraNeedsHttps(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname);
}
