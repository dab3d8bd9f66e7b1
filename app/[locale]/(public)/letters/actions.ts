"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { checkAttachments } from "@/lib/registry/attachments";
import { registerIncoming, type Filer } from "@/lib/registry/register-incoming";
import { depositSchema } from "@/lib/registry/schemas";

/**
 * A letter deposited from the portal, by a signed-in customer (filed under their account) or
 * by anyone else (proof of work and a rate limit per address). The attachments are checked
 * by content before anything is stored; the acknowledgement page opens once it is committed.
 */
export const depositLetterAction = publicAction({
  schema: depositSchema,
  handler: async (input, { user, meta, locale, formData }) => {
    const attachments = await checkAttachments(formData.getAll("attachments"));
    const filer: Filer =
      user?.role === "customer"
        ? { kind: "customer", user }
        : { kind: "guest", ip: meta.ip, proof: { challenge: input.challenge, nonce: input.nonce } };
    const filed = await registerIncoming(
      getDb(),
      {
        channel: "web",
        category: input.category,
        subject: input.subject,
        message: input.message,
        sender: {
          name: input.senderName,
          nationalId: input.nationalId,
          email: input.email,
          phone: input.phone,
        },
        contractNo: input.contractNo,
        locale,
      },
      filer,
      { attachments, idempotencyKey: input.idempotencyKey, meta },
    );
    redirect(
      `/${locale}/letters/acknowledgement?number=${encodeURIComponent(filed.registryNo)}&code=${encodeURIComponent(filed.trackingCode)}`,
    );
  },
});
