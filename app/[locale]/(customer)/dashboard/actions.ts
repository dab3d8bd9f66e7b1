"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { linkContract } from "@/lib/contracts/link-contract";
import { linkContractSchema } from "@/lib/contracts/schemas";

export const linkContractAction = userAction({
  roles: ["customer"],
  schema: linkContractSchema,
  handler: async (input, { user, meta, locale }) => {
    const { alreadyLinked } = await linkContract(getDb(), user, input, meta);
    revalidatePath(`/${locale}/dashboard`);
    return { status: "ok", notice: alreadyLinked ? "alreadyLinked" : "linked" };
  },
});
