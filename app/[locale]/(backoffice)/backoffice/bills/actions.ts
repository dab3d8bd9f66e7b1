"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { cancelReissueSchema } from "@/lib/billing/admin-schemas";
import { importBills } from "@/lib/billing/import-bills";
import { MAX_IMPORT_BYTES } from "@/lib/billing/import-csv";
import { cancelAndReissue } from "@/lib/billing/reissue";

export const cancelReissueAction = userAction({
  roles: ["clerk", "supervisor", "admin"],
  schema: cancelReissueSchema,
  handler: async (input, { user, meta, locale }) => {
    const { replacement } = await cancelAndReissue(getDb(), user, input, { meta });
    revalidatePath(`/${locale}/backoffice/bills`, "layout");
    // The cancelled bill's form is gone: show the replacement, which links back to it.
    redirect(`/${locale}/backoffice/bills/${replacement.billId}`);
  },
});

// The file is checked by importBills; only its presence is checked here.
const importSchema = z.object({ file: z.instanceof(File, { message: "fileRequired" }) });

export const importBillsAction = userAction({
  roles: ["clerk", "supervisor", "admin"],
  schema: importSchema,
  handler: async ({ file }, { user, meta, locale }) => {
    // Read no more than the limit: a larger upload is refused without being decoded.
    const bytes =
      file.size > MAX_IMPORT_BYTES
        ? new Uint8Array(MAX_IMPORT_BYTES + 1)
        : new Uint8Array(await file.arrayBuffer());
    const result = await importBills(getDb(), user, bytes, { meta });
    if (!result.ok)
      return {
        status: "error",
        formError: "VALIDATION_FAILED",
        fields: Object.fromEntries(
          result.errors.slice(0, 200).map((e) => [`${e.line}:${e.column ?? ""}`, e.code]),
        ),
      };
    revalidatePath(`/${locale}/backoffice/bills`, "layout");
    return { status: "ok", values: { count: String(result.imported.length) } };
  },
});
