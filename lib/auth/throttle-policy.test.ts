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

  it("locks an address tracking items on the tenth wrong code within 15 minutes, for 15 minutes", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 9; i++) state = afterFailure(state, at(i), POLICIES.trackIp);
    expect(isLocked(state, at(9))).toBe(false);
    state = afterFailure(state, at(9), POLICIES.trackIp);
    expect(isLocked(state, at(10))).toBe(true);
    expect(isLocked(state, at(23.9))).toBe(true);
    expect(isLocked(state, at(24))).toBe(false);
    // A guest mistyping now and then, a quarter of an hour apart, never adds up.
    let slow: ThrottleState | undefined;
    for (let i = 0; i < 30; i++) slow = afterFailure(slow, at(i * 16), POLICIES.trackIp);
    expect(slow?.failures).toBe(1);
    expect(isLocked(slow, at(30 * 16))).toBe(false);
  });

  it("locks an item number on the twentieth wrong code within an hour, 15 minutes at a time", () => {
    let state: ThrottleState | undefined;
    // One wrong code every 2 minutes (from as many addresses as the guesser likes).
    for (let i = 0; i < 19; i++) state = afterFailure(state, at(i * 2), POLICIES.trackNumber);
    expect(isLocked(state, at(38))).toBe(false);
    state = afterFailure(state, at(38), POLICIES.trackNumber);
    expect(isLocked(state, at(39))).toBe(true);
    expect(isLocked(state, at(53))).toBe(false);
    // Still within the hour: the next wrong code locks the number again at once.
    state = afterFailure(state, at(54), POLICIES.trackNumber);
    expect(state.failures).toBe(21);
    expect(isLocked(state, at(55))).toBe(true);
    // After the hour a new window starts: one wrong code is just one.
    state = afterFailure(state, at(70), POLICIES.trackNumber);
    expect(state.failures).toBe(1);
  });

  it("never locks anyone out of tracking for more than 15 minutes at a time", () => {
    expect(POLICIES.trackIp.lockMs).toBeLessThanOrEqual(15 * 60_000);
    expect(POLICIES.trackNumber.lockMs).toBeLessThanOrEqual(15 * 60_000);
  });
});
