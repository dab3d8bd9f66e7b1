import { AppError } from "@/lib/errors";

/**
 * The JSON body of a request, refused before parsing when it is too large (413), not JSON
 * (415) or malformed (400). Never throws anything but an AppError.
 */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION_FAILED", "malformed JSON", { _form: "invalid" });
  }
}

/** The Idempotency-Key header, checked for shape (printable, at most 100 characters). */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,100}$/.test(key))
    throw new AppError("VALIDATION_FAILED", "bad idempotency key", {
      "Idempotency-Key": "invalid",
    });
  return key;
}
