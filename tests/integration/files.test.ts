import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { files, users, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getFileForUser } from "@/lib/files/get-file";
import { fileStorage } from "@/lib/files/storage";
import {
  cleanOriginalName,
  DOCUMENT_TYPES,
  IMAGE_TYPES,
  MAX_DOCUMENT_BYTES,
  MAX_IMAGE_BYTES,
  uploadFile,
} from "@/lib/files/upload-file";
import { createTestDatabase } from "../helpers/db";

let db: Db;
let filesDir: string;
let customer: User;
let youssef: User;
let clerk: User;

beforeAll(async () => {
  // The storage module reads FILES_DIR lazily, on its first use, not at import: setting it here,
  // before any upload, points this file's storage at a directory of its own whatever the order
  // of the imports above (which ES modules hoist above any statement).
  filesDir = await mkdtemp(path.join(tmpdir(), "wasla-files-"));
  process.env.FILES_DIR = filesDir;
  ({ db } = await createTestDatabase());
  customer = await userByEmail("customer@wasla.example");
  youssef = await userByEmail("youssef@wasla.example");
  clerk = await userByEmail("clerk@wasla.example");
});

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

async function userByEmail(email: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user;
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail with an AppError");
}

async function countFileRows(): Promise<number> {
  const { rows } = await db.execute(sql`select count(*)::int as n from files`);
  return (rows[0] as { n: number }).n;
}

/** Every file under the storage directory, relative to it (temp files included). */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(filesDir, path.join(e.parentPath, e.name)))
    .sort();
}

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const diskPathOf = (sha256: string) => path.join(filesDir, sha256.slice(0, 2), sha256);
const ascii = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A complete, valid 1×1 PNG: one opaque blue pixel. */
function tinyPng(): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const scanline = Buffer.from([0, 0x1e, 0x60, 0xd0, 0xff]); // filter byte, then R G B A
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", header),
      pngChunk("IDAT", deflateSync(scanline)),
      pngChunk("IEND", new Uint8Array()),
    ]),
  );
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF\0"), 1, 1, 0]);
const WEBP = ascii("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07");
const PDF = ascii("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n");

const asImage = { allowed: IMAGE_TYPES, maxBytes: MAX_IMAGE_BYTES } as const;
const asDocument = { allowed: DOCUMENT_TYPES, maxBytes: MAX_DOCUMENT_BYTES } as const;

describe("uploading files", () => {
  it("stores a real PNG under its content hash, with a row for its uploader", async () => {
    const png = tinyPng();
    const result = await uploadFile(db, {
      bytes: png,
      originalName: "compteur.png",
      uploader: { userId: customer.id },
      ...asImage,
    });
    expect(result).toEqual({ fileId: expect.any(String), mime: "image/png", size: png.byteLength });

    const [row] = await db.select().from(files).where(eq(files.id, result.fileId));
    expect(row).toMatchObject({
      sha256: sha256Of(png),
      mime: "image/png",
      size: png.byteLength,
      originalName: "compteur.png",
      uploadedByUserId: customer.id,
      guestScope: null,
    });
    expect(new Uint8Array(await readFile(diskPathOf(sha256Of(png))))).toEqual(png);
    expect(await fileStorage().get(sha256Of(png))).toEqual(png);
  });

  it.each([
    ["a JPEG", JPEG, "image/jpeg"],
    ["a WebP", WEBP, "image/webp"],
  ])("accepts %s as an image, typed by its bytes", async (_label, bytes, mime) => {
    const result = await uploadFile(db, {
      bytes,
      originalName: "photo",
      uploader: { userId: customer.id },
      ...asImage,
    });
    expect(result.mime).toBe(mime);
    expect(await fileStorage().get(sha256Of(bytes))).toEqual(bytes);
  });

  it("refuses a PDF renamed photo.jpg as an image, and stores nothing", async () => {
    const rowsBefore = await countFileRows();
    const error = await appErrorOf(
      uploadFile(db, {
        bytes: PDF,
        originalName: "photo.jpg",
        uploader: { userId: customer.id },
        ...asImage,
      }),
    );
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await countFileRows()).toBe(rowsBefore);
    expect(await fileStorage().get(sha256Of(PDF))).toBeNull();
  });

  it("refuses the same PDF renamed photo.jpg even where PDFs are allowed: its name lies", async () => {
    const rowsBefore = await countFileRows();
    const error = await appErrorOf(
      uploadFile(db, {
        bytes: PDF,
        originalName: "photo.jpg",
        uploader: { userId: customer.id },
        ...asDocument,
      }),
    );
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await countFileRows()).toBe(rowsBefore);
    expect(await fileStorage().get(sha256Of(PDF))).toBeNull();
  });

  it("accepts a PDF as a document under a name without a type, typed application/pdf", async () => {
    const result = await uploadFile(db, {
      bytes: PDF,
      originalName: "scan",
      uploader: { userId: customer.id },
      ...asDocument,
    });
    expect(result).toEqual({
      fileId: expect.any(String),
      mime: "application/pdf",
      size: PDF.byteLength,
    });
    const [row] = await db.select().from(files).where(eq(files.id, result.fileId));
    expect(row?.mime).toBe("application/pdf");
    expect(row?.originalName).toBe("scan");
  });

  it("refuses an HTML page as a document", async () => {
    const error = await appErrorOf(
      uploadFile(db, {
        bytes: ascii("<!doctype html><script>alert(1)</script>"),
        originalName: "facture.pdf",
        uploader: { userId: customer.id },
        ...asDocument,
      }),
    );
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses 30 MB with PAYLOAD_TOO_LARGE and stores neither a row nor a file", async () => {
    // A valid PNG signature, so that the size alone is the reason.
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set(tinyPng());
    const rowsBefore = await countFileRows();
    const diskBefore = await filesOnDisk();

    const error = await appErrorOf(
      uploadFile(db, {
        bytes: big,
        originalName: "big.png",
        uploader: { userId: customer.id },
        ...asImage,
      }),
    );
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.status).toBe(413);
    expect(await countFileRows()).toBe(rowsBefore);
    expect(await filesOnDisk()).toEqual(diskBefore);
    expect(
      await db
        .select()
        .from(files)
        .where(eq(files.sha256, sha256Of(big))),
    ).toEqual([]);
  });

  it("refuses an empty file as a missing one", async () => {
    const rowsBefore = await countFileRows();
    const error = await appErrorOf(
      uploadFile(db, {
        bytes: new Uint8Array(),
        originalName: "",
        uploader: { userId: customer.id },
        ...asDocument,
      }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ file: "required" });
    expect(await countFileRows()).toBe(rowsBefore);
  });

  it("stores the same bytes once on disk, with a row per upload", async () => {
    const bytes = new Uint8Array([...JPEG, ...ascii(`same bytes ${randomUUID()}`)]);
    const first = await uploadFile(db, {
      bytes,
      originalName: "a.jpg",
      uploader: { userId: customer.id },
      ...asImage,
    });
    const second = await uploadFile(db, {
      bytes,
      originalName: "b.jpg",
      uploader: { userId: youssef.id },
      ...asImage,
    });
    expect(second.fileId).not.toBe(first.fileId);

    const rows = await db
      .select()
      .from(files)
      .where(eq(files.sha256, sha256Of(bytes)));
    expect(rows.map((r) => r.originalName).sort()).toEqual(["a.jpg", "b.jpg"]);
    const sha = sha256Of(bytes);
    expect((await filesOnDisk()).filter((f) => f.includes(sha))).toEqual([
      path.join(sha.slice(0, 2), sha),
    ]);
    // Atomic writes leave no temporary file behind.
    expect((await filesOnDisk()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("records a guest's upload against the guest session, with no user", async () => {
    const guestScope = randomUUID();
    const result = await uploadFile(db, {
      bytes: tinyPng(),
      originalName: "compteur.png",
      uploader: { guestScope },
      ...asImage,
    });
    const [row] = await db.select().from(files).where(eq(files.id, result.fileId));
    expect(row).toMatchObject({ guestScope, uploadedByUserId: null });
  });

  it("keeps a display name only: last path segment, trimmed, no control characters, 200 characters", async () => {
    const result = await uploadFile(db, {
      bytes: tinyPng(),
      originalName: "  C:\\fakepath\\..\\../etc/ عداد\n.png  ",
      uploader: { userId: customer.id },
      ...asImage,
    });
    const [row] = await db.select().from(files).where(eq(files.id, result.fileId));
    expect(row?.originalName).toBe("عداد.png");

    expect(cleanOriginalName("a".repeat(300) + ".png")).toHaveLength(200);
    expect(cleanOriginalName("😀".repeat(250))).toBe("😀".repeat(200));
    expect(cleanOriginalName("../")).toBeNull();
    expect(cleanOriginalName("   ")).toBeNull();
    expect(cleanOriginalName(null)).toBeNull();
  });
});

describe("getFileForUser", () => {
  let fileId: string;
  let guestFileId: string;
  beforeAll(async () => {
    ({ fileId } = await uploadFile(db, {
      bytes: tinyPng(),
      originalName: "mine.png",
      uploader: { userId: customer.id },
      ...asImage,
    }));
    ({ fileId: guestFileId } = await uploadFile(db, {
      bytes: tinyPng(),
      originalName: "guest.png",
      uploader: { guestScope: randomUUID() },
      ...asImage,
    }));
  });

  it("gives a customer the file they uploaded", async () => {
    const file = await getFileForUser(db, { fileId, userId: customer.id, staff: false });
    expect(file).toMatchObject({ id: fileId, uploadedByUserId: customer.id, mime: "image/png" });
  });

  it("finds nothing for another customer, exactly as for an unknown id", async () => {
    expect(await getFileForUser(db, { fileId, userId: youssef.id, staff: false })).toBeUndefined();
    expect(
      await getFileForUser(db, { fileId: randomUUID(), userId: youssef.id, staff: false }),
    ).toBeUndefined();
  });

  it("finds nothing for a customer asking for a guest's file", async () => {
    expect(
      await getFileForUser(db, { fileId: guestFileId, userId: customer.id, staff: false }),
    ).toBeUndefined();
  });

  it("gives staff any file", async () => {
    expect(await getFileForUser(db, { fileId, userId: clerk.id, staff: true })).toMatchObject({
      id: fileId,
    });
    expect(
      await getFileForUser(db, { fileId: guestFileId, userId: clerk.id, staff: true }),
    ).toMatchObject({ id: guestFileId });
  });

  it("answers undefined, not a database error, for an id that is not a uuid", async () => {
    for (const bad of ["", "42", "not-a-uuid", "----", `${fileId}x`, "' or 1=1 --"]) {
      expect(
        await getFileForUser(db, { fileId: bad, userId: clerk.id, staff: true }),
      ).toBeUndefined();
    }
  });
});
