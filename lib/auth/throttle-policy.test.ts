import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, POLICIES, type ThrottleState } from "./throttle-policy";

const t0 = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("throttle policy", () => {
  it("locks an account on the fifth failure within 15 minutes, for 15 minutes", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) state = afterFailure(state, at(i), POLICIES.account);
    expect(isLocked(state, at(4))).toBe(false);
    state = afterFailure(state, at(4), POLICIES.account);
    expect(state.failures).toBe(5);
    expect(isLocked(state, at(5))).toBe(true);
    expect(isLocked(state, at(18.9))).toBe(true);
    expect(isLocked(state, at(19))).toBe(false);
  });

  it("starts a new window when failures are spread out", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 10; i++) state = afterFailure(state, at(i * 16), POLICIES.account);
    expect(state?.failures).toBe(1);
    expect(isLocked(state, at(10 * 16))).toBe(false);
  });

  it("allows many more failures per IP than per account", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 29; i++) state = afterFailure(state, at(0), POLICIES.ip);
    expect(isLocked(state, at(0))).toBe(false);
    state = afterFailure(state, at(0), POLICIES.ip);
    expect(isLocked(state, at(1))).toBe(true);
  });

  it("locks a contract against guest readings after 5 wrong serials in an hour", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) state = afterFailure(state, at(i * 10), POLICIES.readingContract);
    expect(isLocked(state, at(40))).toBe(false);
    state = afterFailure(state, at(50), POLICIES.readingContract);
    expect(isLocked(state, at(51))).toBe(true);
    expect(isLocked(state, at(110))).toBe(false);
  });
});
