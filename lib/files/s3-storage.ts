import { createHash, createHmac } from "node:crypto";
import type { FileStorage } from "./storage";

/**
 * File storage on an S3-compatible service (AWS S3, MinIO, Ceph, Scaleway…), chosen with
 * `STORAGE_URL=https://KEY:SECRET@endpoint/bucket?region=eu-west-3`. Objects are addressed
 * path-style as `<bucket>/<first 2 hex>/<sha256>`, like the local layout. Requests are signed
 * with AWS Signature Version 4 over fetch: no SDK to install, and the payload hash is the
 * content hash the object is named by.
 */
export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export function parseStorageUrl(raw: string): S3Config {
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error("STORAGE_URL must be an http(s) URL to an S3-compatible endpoint");
  const bucket = url.pathname.replace(/^\/+|\/+$/g, "");
  if (!bucket || !url.username || !url.password)
    throw new Error("STORAGE_URL needs credentials and a bucket: https://KEY:SECRET@host/bucket");
  return {
    endpoint: `${url.protocol}//${url.host}`,
    bucket,
    region: url.searchParams.get("region") ?? "us-east-1",
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
  };
}

const hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data).digest();
const EMPTY_SHA256 = hex("");

/** The SigV4 headers of one request (path already URI-encoded, no query string). */
export function signRequest(
  config: S3Config,
  request: { method: string; path: string; payloadSha256: string; now: Date },
): Record<string, string> {
  const host = new URL(config.endpoint).host;
  const amzDate = request.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    host,
    "x-amz-content-sha256": request.payloadSha256,
    "x-amz-date": amzDate,
  };
  const signed = Object.keys(headers).sort();
  const canonical = [
    request.method,
    request.path,
    "",
    ...signed.map((h) => `${h}:${headers[h]}`),
    "",
    signed.join(";"),
    request.payloadSha256,
  ].join("\n");
  const scope = `${day}/${config.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, hex(canonical)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${config.secretAccessKey}`, day), config.region), "s3"),
    "aws4_request",
  );
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${config.accessKeyId}/${scope}, SignedHeaders=${signed.join(";")}, Signature=${signature}`,
  };
}

export function s3Storage(config: S3Config, clock: () => Date = () => new Date()): FileStorage {
  const pathOf = (sha256: string) =>
    `/${encodeURIComponent(config.bucket)}/${sha256.slice(0, 2)}/${sha256}`;
  const call = async (method: "PUT" | "GET", sha256: string, body?: Uint8Array) => {
    const path = pathOf(sha256);
    const payloadSha256 = body ? sha256 : EMPTY_SHA256;
    const headers = signRequest(config, { method, path, payloadSha256, now: clock() });
    const { host: _host, ...sent } = headers;
    void _host;
    return fetch(`${config.endpoint}${path}`, {
      method,
      headers: body ? { ...sent, "content-type": "application/octet-stream" } : sent,
      body: body ? Buffer.from(body) : undefined,
    });
  };
  const checkKey = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("file storage: key is not a hex SHA-256");
  };
  return {
    async put(sha256, bytes) {
      checkKey(sha256);
      // The name is the content's hash, so the service checks the bytes against it too.
      if (hex(bytes) !== sha256) throw new Error("file storage: bytes do not match their hash");
      const res = await call("PUT", sha256, bytes);
      if (!res.ok) throw new Error(`file storage: PUT answered ${res.status}`);
    },
    async get(sha256) {
      checkKey(sha256);
      const res = await call("GET", sha256);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`file storage: GET answered ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
