"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { rateItem } from "@/lib/workflow/customer-actions";
import { verifyRatingToken } from "@/lib/workflow/rating-link";
import { ratingSchema } from "@/lib/workflow/schemas";

/** Rating from the e-mailed link: the signed token is the proof, no session needed. */
export const rateByLinkAction = publicAction({
  schema: ratingSchema.extend({ token: z.string().max(100, "invalid") }),
  handler: async ({ token, ...rating }, { meta, locale }) => {
    const itemId = verifyRatingToken(token);
    if (!itemId) throw new AppError("NOT_FOUND");
    await rateItem(
      getDb(),
      { itemId, ...rating, via: "email", actor: { kind: "system", label: "rating-link" }, locale },
      { meta },
    );
    redirect(`/${locale}/rate/${token}?done=1`);
  },
});
