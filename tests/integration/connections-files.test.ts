import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { getRequestDocumentFile, uploadConnectionDocument } from "@/lib/connections/documents";
import { getRequestDetail } from "@/lib/connections/queries";
import { submitConnectionRequest } from "@/lib/connections/submit";
import { fileResponse } from "@/lib/files/serve-file";
import { createTestDatabase } from "../helpers/db";
import { pdfBytes, pngBytes, waterConnectionInput } from "../helpers/connections";
import { appErrorOf, rowCount, userByEmail } from "../helpers/workflow";

let db: Db;
let filesDir: string;
let youssef: User;
let khadija: User;
let connectionsClerk: User;
let billingClerk: User;

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "wasla-conn-files-"));
  process.env.FILES_DIR = filesDir;
  ({ db } = await createTestDatabase());
  youssef = await userByEmail(db, "youssef@wasla.example");
  khadija = await userByEmail(db, "khadija@wasla.example");
  connectionsClerk = await userByEmail(db, "connections@wasla.example");
  billingClerk = await userByEmail(db, "billing@wasla.example");
});

/** Every object in file storage (two-level layout), to prove a refusal stored nothing. */
async function storedObjects(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of await readdir(filesDir).catch(() => []))
    out.push(...(await readdir(path.join(filesDir, dir))));
  return out;
}

const html = new TextEncoder().encode(
  "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
);

describe("documents of a connection request", () => {
  it.each([
    ["a PDF renamed .png", pdfBytes("pdf as png"), "photo.png", "UNSUPPORTED_MEDIA_TYPE"],
    ["an HTML page renamed .pdf", html, "titre.pdf", "UNSUPPORTED_MEDIA_TYPE"],
    ["a 0-byte file", new Uint8Array(0), "vide.pdf", "VALIDATION_FAILED"],
    [
      "an 11 MB file",
      (() => {
        const b = new Uint8Array(11 * 1024 * 1024);
        b.set(pdfBytes("big"));
        return b;
      })(),
      "gros.pdf",
      "PAYLOAD_TOO_LARGE",
    ],
    ["a PDF named ../../etc/passwd", pdfBytes("passwd"), "../../etc/passwd", "VALIDATION_FAILED"],
    [
      "a GIF (not an accepted type)",
      new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000"),
      "a.gif",
      "UNSUPPORTED_MEDIA_TYPE",
    ],
  ] as const)("refuses %s without storing anything", async (_label, bytes, name, code) => {
    const before = await rowCount(db, "files");
    const objects = await storedObjects();
    const error = await appErrorOf(
      uploadConnectionDocument(db, { userId: youssef.id, bytes, name }),
    );
    expect(error.code).toBe(code);
    expect(await rowCount(db, "files")).toBe(before);
    expect(await storedObjects()).toEqual(objects);
  });

  it("stores bytes under their SHA-256, never under the uploader's name", async () => {
    await uploadConnectionDocument(db, {
      userId: youssef.id,
      bytes: pdfBytes("hash"),
      name: "Titre foncier.pdf",
    });
    for (const name of await storedObjects()) expect(name).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses another customer's document id in a request, storing no request", async () => {
    const theirs = await uploadConnectionDocument(db, {
      userId: khadija.id,
      bytes: pngBytes(),
      name: "cin.png",
    });
    const mine = await uploadConnectionDocument(db, {
      userId: youssef.id,
      bytes: pdfBytes("mine"),
      name: "t.pdf",
    });
    const before = await rowCount(db, "connection_requests");
    const items = await rowCount(db, "work_items");
    const error = await appErrorOf(
      submitConnectionRequest(
        db,
        waterConnectionInput({
          national_id: theirs.fileId,
          title_or_lease: mine.fileId,
          occupancy_permit: mine.fileId,
        }),
        { customer: { id: youssef.id, role: "customer", locale: "fr" }, channel: "web" },
      ),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await rowCount(db, "connection_requests")).toBe(before);
    expect(await rowCount(db, "work_items")).toBe(items);
  });

  it("serves a document to its customer and the connections department only, by its detected type and never sniffed", async () => {
    const id = await uploadConnectionDocument(db, {
      userId: youssef.id,
      bytes: pngBytes(),
      name: "بطاقة.png",
    });
    const deed = await uploadConnectionDocument(db, {
      userId: youssef.id,
      bytes: pdfBytes("serve"),
      name: "titre.pdf",
    });
    const filed = await submitConnectionRequest(
      db,
      waterConnectionInput({
        national_id: id.fileId,
        title_or_lease: deed.fileId,
        occupancy_permit: deed.fileId,
      }),
      { customer: { id: youssef.id, role: "customer", locale: "fr" }, channel: "web" },
    );
    const detail = await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { customerId: youssef.id },
    });
    const documentId = detail!.documents.find((d) => d.docCode === "national_id")!.id;
    expect(await getRequestDocumentFile(db, { documentId, user: youssef })).toBeDefined();
    expect(await getRequestDocumentFile(db, { documentId, user: connectionsClerk })).toBeDefined();
    expect(await getRequestDocumentFile(db, { documentId, user: khadija })).toBeUndefined();
    expect(await getRequestDocumentFile(db, { documentId, user: billingClerk })).toBeUndefined();
    expect(
      await getRequestDocumentFile(db, { documentId: "../../etc/passwd", user: youssef }),
    ).toBeUndefined();
    expect(
      await getRequestDetail(db, {
        requestId: filed.requestId,
        access: { customerId: khadija.id },
      }),
    ).toBeUndefined();

    const response = await fileResponse(
      (await getRequestDocumentFile(db, { documentId, user: youssef }))!,
    );
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(
      /^inline; filename="_____.png"; filename\*=UTF-8''/,
    );
  });
});
