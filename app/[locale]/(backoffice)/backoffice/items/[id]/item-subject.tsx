import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { Complaint } from "@/db/schema";

/** What the customer wrote, and for a complaint where it happened and the photo they attached. */
export function ItemSubject({
  description,
  complaint,
}: {
  description: string;
  complaint?: Pick<Complaint, "location" | "photoFileId">;
}) {
  const t = useTranslations("backoffice.item");
  return (
    <Card>
      <p className="whitespace-pre-line" dir="auto">
        {description}
      </p>
      {complaint?.location ? (
        <p className="mt-2 text-sm text-slate-600">{complaint.location}</p>
      ) : null}
      {complaint?.photoFileId ? (
        <a
          href={`/api/files/${complaint.photoFileId}`}
          target="_blank"
          rel="noreferrer"
          className="mt-2 inline-block font-semibold text-brand-700 underline"
        >
          {t("photo")}
        </a>
      ) : null}
    </Card>
  );
}
