import { describe, expect, it } from "vitest";
import { detectFileType, nameContradictsType, type Mime } from "./detect-type";

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? ascii(p) : p)));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Case = { file: string; input: Uint8Array; expected: Mime | null };

describe("detectFileType", () => {
  it.each<Case>([
    {
      file: "a JPEG (JFIF)",
      input: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"),
      expected: "image/jpeg",
    },
    {
      file: "a JPEG (Exif, as phones write)",
      input: bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0x18], "Exif"),
      expected: "image/jpeg",
    },
    { file: "a PNG", input: bytes(PNG_SIGNATURE, [0, 0, 0, 13], "IHDR"), expected: "image/png" },
    { file: "a WebP", input: bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), expected: "image/webp" },
    { file: "a PDF", input: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), expected: "application/pdf" },
    // Only the bytes count: the name a file came with is not even an argument.
    {
      file: "a PDF renamed photo.jpg",
      input: bytes("%PDF-1.4\n1 0 obj\n"),
      expected: "application/pdf",
    },
    {
      file: "an HTML page",
      input: bytes("<!DOCTYPE html><html><script>alert(1)</script>"),
      expected: null,
    },
    {
      file: "an SVG (it can carry scripts)",
      input: bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/>'),
      expected: null,
    },
    {
      file: "an SVG with an XML declaration",
      input: bytes('<?xml version="1.0"?><svg></svg>'),
      expected: null,
    },
    { file: "an empty file", input: bytes(), expected: null },
    { file: "a PNG header cut short", input: bytes(PNG_SIGNATURE.slice(0, 4)), expected: null },
    { file: "a JPEG header cut short", input: bytes([0xff, 0xd8]), expected: null },
    {
      file: "a RIFF header cut before WEBP",
      input: bytes("RIFF", [0x24, 0, 0, 0], "WEB"),
      expected: null,
    },
    {
      file: "a RIFF that is not WebP (WAV audio)",
      input: bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "),
      expected: null,
    },
    { file: "%PDF without its dash", input: bytes("%PDF"), expected: null },
    { file: "a GIF", input: bytes("GIF89a", [1, 0, 1, 0]), expected: null },
    { file: "plain text", input: bytes("hello"), expected: null },
  ])("types $file as $expected", ({ input, expected }) => {
    expect(detectFileType(input)).toBe(expected);
  });

  it("looks for a signature only at the start of the file", () => {
    expect(detectFileType(bytes("junk", PNG_SIGNATURE))).toBeNull();
  });
});

describe("nameContradictsType", () => {
  it.each([
    ["photo.png", "application/pdf", true],
    ["scan.PDF", "image/jpeg", true],
    ["compteur.jpg", "image/png", true],
    ["compteur.jpeg", "image/jpeg", false],
    ["عقد.pdf", "application/pdf", false],
    ["lettre.docx.pdf", "application/pdf", false],
    ["scan", "application/pdf", false],
    ["notes.txt", "application/pdf", false],
    [null, "image/png", false],
    ["", "image/png", false],
  ] as const)("%s holding %s contradicts: %s", (name, mime, expected) => {
    expect(nameContradictsType(name, mime as Mime)).toBe(expected);
  });
});
