import { z } from "zod";
import { printedCodeField } from "@/lib/validation/fields";

/** Linking a contract: its number plus something only its holder has (meter serial or the
 * customer code printed on bills). */
export const linkContractSchema = z.object({
  contractNo: printedCodeField,
  proof: printedCodeField,
});
export type LinkContractInput = z.infer<typeof linkContractSchema>;

export const contractIdSchema = z.uuid();
