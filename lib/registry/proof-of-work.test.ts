import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { issueChallenge, leadingZeroBits, solveChallenge, verifyProof } from "./proof-of-work";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
});

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.fields?.proof;
    throw error;
  }
  return undefined;
}

describe("proof of work", () => {
  it("counts leading zero bits", () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
  });

  it("asks 16 bits of work by default", () => {
    expect(issueChallenge().split(".")[2]).toBe("16");
  });

  it("accepts a solved challenge and returns its id", () => {
    const challenge = issueChallenge();
    const nonce = solveChallenge(challenge);
    expect(verifyProof({ challenge, nonce })).toBe(challenge.split(".")[0]);
  });

  it("refuses a wrong nonce, a forged signature, an easier challenge and an expired one", () => {
    const now = new Date("2026-05-01T10:00:00Z");
    const challenge = issueChallenge(now);
    const nonce = solveChallenge(challenge);
    const [id, expires, , signature] = challenge.split(".");
    expect(fieldOf(() => verifyProof({ challenge, nonce: "x" }, now))).toBe("proofInvalid");
    expect(
      fieldOf(() => verifyProof({ challenge: `${id}.${expires}.1.${signature}`, nonce: "0" }, now)),
    ).toBe("proofInvalid");
    const easy = issueChallenge(now, 1);
    expect(fieldOf(() => verifyProof({ challenge: easy, nonce: solveChallenge(easy) }, now))).toBe(
      "proofInvalid",
    );
    const later = new Date(now.getTime() + 7 * 3600_000);
    expect(fieldOf(() => verifyProof({ challenge, nonce }, later))).toBe("proofExpired");
    expect(fieldOf(() => verifyProof({}, now))).toBe("proofInvalid");
  });
});
