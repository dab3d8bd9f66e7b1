/**
 * Upload size limits, in their own module so that client forms can check a file before sending
 * it (the server checks again; a file over the server-action body limit would never reach it).
 */
const MB = 1024 * 1024;

export const MAX_IMAGE_BYTES = 10 * MB;
