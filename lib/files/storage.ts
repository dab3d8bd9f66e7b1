import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { parseStorageUrl, s3Storage } from "./s3-storage";

/**
 * Where uploaded bytes live, addressed by their SHA-256. Content addressing makes `put`
 * idempotent (the same bytes twice are one object) and keeps the uploader's file name out of
 * every path. The local disk is the default; an S3-compatible store (DESIGN.md, `STORAGE_URL`)
 * is a second implementation of this interface, chosen in `fileStorage()`.
 */
export interface FileStorage {
  /** Store the bytes under their hex SHA-256; storing bytes that are already there is a no-op. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /**
   * The bytes stored under this hash, or null when there are none. Backed by a plain
   * ArrayBuffer, so they can be handed to `new Response()` as they are.
   */
  get(sha256: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

// The key becomes a path: only a real hex digest gets that far, so no "../" can reach the disk.
function checkKey(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error("file storage: key is not a hex SHA-256");
}

/**
 * Files on the local disk as `<root>/<first 2 hex>/<sha256>`: outside `public/`, so nothing is
 * served without the authorisation check in the route, and split in 256 directories so that
 * none grows to millions of entries.
 */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

  return {
    async put(sha256, bytes) {
      checkKey(sha256);
      const target = pathOf(sha256);
      if (await exists(target)) return;
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside the target, flush, then rename: a reader sees either no file or the whole
      // file, never a half-written one, even if the process dies mid-write. Two uploads of the
      // same bytes at once each rename an identical file into place, which is harmless.
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      const handle = await open(temp, "wx");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await handle.close().catch(() => {});
        await unlink(temp).catch(() => {});
        throw error;
      }
    },

    async get(sha256) {
      checkKey(sha256);
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

let storage: FileStorage | undefined;

/**
 * The process-wide file storage. FILES_DIR and STORAGE_URL are read here rather than in lib/env.ts because it is
 * this module's setting alone, and it is read once, lazily on first use rather than at import:
 * a test can then point it at a temporary directory in its setup, whatever the import order.
 */
export function fileStorage(): FileStorage {
  // STORAGE_URL picks an S3-compatible service (s3-storage.ts); the local disk otherwise.
  storage ??= process.env.STORAGE_URL
    ? s3Storage(parseStorageUrl(process.env.STORAGE_URL))
    : localDiskStorage(process.env.FILES_DIR ?? ".data/files");
  return storage;
}
