import { beforeAll, describe, expect, it } from "vitest";
import { ratingToken, verifyRatingToken } from "./rating-link";

const ID = "3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f";

describe("signed rating links", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  });

  it("round-trips the item id", () => {
    expect(verifyRatingToken(ratingToken(ID))).toBe(ID);
  });

  it("refuses a token moved to another item", () => {
    const other = "00000000-0000-4000-8000-000000000000";
    const [, sig] = ratingToken(ID).split(".");
    expect(verifyRatingToken(`${other}.${sig}`)).toBeNull();
  });

  it.each([
    "",
    "garbage",
    `${ID}.`,
    `${ID}.${"A".repeat(32)}`,
    `${ID}.${"A".repeat(31)}`,
    "<script>.x",
  ])("refuses %j", (token) => {
    expect(verifyRatingToken(token)).toBeNull();
  });
});
