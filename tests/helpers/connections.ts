import { deflateSync, crc32 } from "node:zlib";

/** A small valid PDF, made unique by its text so each upload has its own hash. */
export function pdfBytes(text = "Wasla"): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** A 1×1 PNG. */
export function pngBytes(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.from([0, 255, 255, 255]))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** A French new water connection's answers, documents to be filled in. */
export function waterConnectionInput(documents: Record<string, string>) {
  return {
    typeCode: "connection",
    service: "water",
    applicant: {
      name: "Youssef Alaoui",
      nationalId: "AB123456",
      phone: "06 61 23 45 67",
      email: "youssef@wasla.example",
    },
    premises: {
      addressLine: "45 rue des Orangers, lotissement Al Qods",
      city: "El Jadida",
      latitude: "33.2316",
      longitude: "-8.5007",
      use: "domestic",
    },
    detail: "15",
    documents,
  };
}
