import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { uploadConnectionDocument } from "@/lib/connections/documents";
import { fileStorage } from "@/lib/files/storage";
import { parseStorageUrl, s3Storage } from "@/lib/files/s3-storage";
import { createTestDatabase } from "../helpers/db";
import { pdfBytes } from "../helpers/connections";
import { userByEmail } from "../helpers/workflow";

const KEY = "WASLATESTKEY";
const SECRET = "wasla/test+secret";
const REGION = "eu-west-3";

/**
 * A small S3 stand-in: it keeps objects in memory and refuses any request whose SigV4
 * signature it does not recompute itself from the request it received (the way S3 does), or
 * whose body does not hash to the x-amz-content-sha256 it declares.
 */
const objects = new Map<string, Buffer>();
const seen: { method: string; url: string; ok: boolean }[] = [];
let server: Server;
let endpoint: string;

const sha = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");
const mac = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();

function verify(req: IncomingMessage, body: Buffer): boolean {
  const auth = req.headers.authorization ?? "";
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m || m[1] !== KEY || m[3] !== REGION) return false;
  const signedHeaders = m[4]!.split(";");
  if (!signedHeaders.includes("host") || !signedHeaders.includes("x-amz-date")) return false;
  const payload = req.headers["x-amz-content-sha256"] as string;
  if (payload !== sha(body)) return false;
  const amzDate = req.headers["x-amz-date"] as string;
  const canonical = [
    req.method,
    req.url!.split("?")[0],
    "",
    ...signedHeaders.map((h) => `${h}:${String(req.headers[h]).trim()}`),
    "",
    signedHeaders.join(";"),
    payload,
  ].join("\n");
  const scope = `${m[2]}/${REGION}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha(canonical)].join("\n");
  const key = mac(mac(mac(mac(`AWS4${SECRET}`, m[2]!), REGION), "s3"), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex") === m[5];
}

let db: Db;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const ok = verify(req, body);
      seen.push({ method: req.method!, url: req.url!, ok });
      if (!ok) return void res.writeHead(403).end("SignatureDoesNotMatch");
      if (req.method === "PUT") {
        objects.set(req.url!, body);
        return void res.writeHead(200).end();
      }
      const found = objects.get(req.url!);
      if (!found) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(found);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Set before the first use of fileStorage(): uploads in this file go to the stand-in.
  process.env.STORAGE_URL = `${endpoint.replace("//", `//${KEY}:${encodeURIComponent(SECRET)}@`)}/wasla-files?region=${REGION}`;
  ({ db } = await createTestDatabase());
});

afterAll(async () => {
  delete process.env.STORAGE_URL;
  await new Promise((resolve) => server.close(resolve));
});

describe("S3-compatible file storage (STORAGE_URL)", () => {
  it("reads its settings from the URL", () => {
    expect(parseStorageUrl("https://AK:s%2Fk@s3.example.ma/docs?region=eu-west-3")).toEqual({
      endpoint: "https://s3.example.ma",
      bucket: "docs",
      region: "eu-west-3",
      accessKeyId: "AK",
      secretAccessKey: "s/k",
    });
    expect(() => parseStorageUrl("https://s3.example.ma/docs")).toThrow(/credentials/);
  });

  it("stores an upload under its content hash with signed requests, and reads it back", async () => {
    const user = await userByEmail(db, "youssef@wasla.example");
    const bytes = pdfBytes("s3");
    const uploaded = await uploadConnectionDocument(db, {
      userId: user.id,
      bytes,
      name: "titre.pdf",
    });
    const hash = sha(Buffer.from(bytes));
    expect([...objects.keys()]).toContain(`/wasla-files/${hash.slice(0, 2)}/${hash}`);
    expect(await fileStorage().get(hash)).toEqual(new Uint8Array(bytes));
    expect(await fileStorage().get("0".repeat(64))).toBeNull();
    expect(seen.every((r) => r.ok)).toBe(true);
    expect(uploaded.mime).toBe("application/pdf");
  });

  it("is refused by the service when the secret is wrong", async () => {
    const wrong = s3Storage({
      ...parseStorageUrl(process.env.STORAGE_URL!),
      secretAccessKey: "nope",
    });
    await expect(wrong.get("a".repeat(64))).rejects.toThrow(/403/);
    expect(seen.at(-1)!.ok).toBe(false);
  });
});
