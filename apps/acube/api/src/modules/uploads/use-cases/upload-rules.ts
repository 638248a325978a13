// Upload rules without a database or a request: how much of a part the route lets through, and
// the name a download is offered under.

/**
 * The multipart limit for a kind that takes `maxBytes`: one byte more gets through, so that the
 * store sees the file is too large and answers 413 (the parser alone would cut it silently).
 */
export const partLimit = (maxBytes: number) => maxBytes + 1;

/** The stored display name as a header value: printable ASCII only, no double quote. */
export const attachmentName = (name: string) => name.replace(/[^\x20-\x7e]|"/g, '_');
