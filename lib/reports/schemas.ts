import { z } from "zod";

/** The admin's switch of the public transparency page (a hidden field of the form). */
export const transparencySchema = z.object({
  publish: z.enum(["0", "1"], { error: "invalid" }),
});
