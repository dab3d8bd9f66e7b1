import { describe, expect, it } from "vitest";
import { suggestsLeak } from "./leak";

const p = (consumption: number, days = 30) => ({ consumption, days });

describe("leak hint", () => {
  it.each([
    [[p(10), p(14), p(19)], true],
    [[p(10), p(14), p(15)], false],
    [[p(10), p(12), p(19)], false],
    [[p(10), p(14)], false],
    [[p(0), p(5), p(9)], false],
    // The same consumption over a shorter period is a higher daily rate.
    [[p(10), p(10, 20), p(10, 13)], true],
    // A longer period with more consumption is not a rise per day.
    [[p(10), p(14, 42), p(19, 57)], false],
  ])("periods %j → %s", (periods, expected) => {
    expect(suggestsLeak(periods)).toBe(expected);
  });
});
