import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { formFieldErrors, readingFormSchema, readingsFromForm } from "./form";

describe("reading form ↔ submission", () => {
  it("collects one reading per register field present, in register order", () => {
    const input = readingFormSchema.parse({
      contractNo: "1000000102",
      meterSerial: "ELE-2018-02210",
      index_night: "٢٠",
      index_day: "1234",
    });
    expect(readingsFromForm(input)).toEqual([
      { register: "day", index: "1234" },
      { register: "night", index: "٢٠" },
    ]);
  });

  it("puts the service's errors back on the register inputs", () => {
    const error = new AppError("READING_REFUSED", "x", {
      "readings.1.index": "lower_than_previous",
      meterSerial: "wrong_serial",
    });
    const mapped = formFieldErrors(error, [{ register: "day" }, { register: "night" }]);
    expect(mapped.fields).toEqual({
      index_night: "lower_than_previous",
      meterSerial: "wrong_serial",
    });
    expect(mapped.code).toBe("READING_REFUSED");
  });

  it("refuses oversized fields before anything else", () => {
    expect(
      readingFormSchema.safeParse({ contractNo: "1".repeat(41), meterSerial: "x" }).success,
    ).toBe(false);
    expect(
      readingFormSchema.safeParse({
        contractNo: "1",
        meterSerial: "x",
        index_single: "9".repeat(41),
      }).success,
    ).toBe(false);
  });
});
