import { AppError } from "@/lib/errors";

// The largest file plus room for the multipart envelope (boundaries, part headers).
const MAX_BODY_BYTES = 11 * 1024 * 1024;

/**
 * The `file` part of a multipart upload: the declared length is checked first, the type of the
 * body, then the bytes as they arrive. An upload route's errors are 413, 415 or 400, never 500.
 */
export async function readFilePart(request: Request): Promise<File> {
  const declaredLength = request.headers.get("content-length");
  if (declaredLength !== null && Number(declaredLength) > MAX_BODY_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `content-length ${declaredLength}`);
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `content-type ${contentType || "none"}`);
  }
  const form = await readMultipart(request, contentType);
  const file = form.get("file");
  if (file === null || typeof file === "string") {
    throw new AppError("VALIDATION_FAILED", "no file part", { file: "required" });
  }
  return file;
}

/**
 * The multipart body, read through a counter: a chunked request carries no Content-Length, so
 * the limit is also enforced on the bytes as they arrive rather than after buffering them all.
 */
async function readMultipart(request: Request, contentType: string): Promise<FormData> {
  if (!request.body) throw new AppError("VALIDATION_FAILED", "no body", { file: "required" });
  let received = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > MAX_BODY_BYTES) controller.error(new Error("body over the limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { "content-type": contentType } }).formData();
  } catch {
    if (received > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "body over the limit");
    throw new AppError("VALIDATION_FAILED", "malformed multipart body", { file: "required" });
  }
}
