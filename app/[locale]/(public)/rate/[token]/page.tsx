import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { RatingFields } from "@/components/requests/rating-fields";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { itemRatings, workItems } from "@/db/schema";
import { verifyRatingToken } from "@/lib/workflow/rating-link";
import { rateByLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("rateTitle") };
}

export default async function RateByLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const itemId = verifyRatingToken(decodeURIComponent(token));
  if (!itemId) notFound();
  const db = getDb();
  const [[item], [rating], t, { done }] = await Promise.all([
    db
      .select({ number: workItems.number, title: workItems.title, status: workItems.status })
      .from(workItems)
      .where(eq(workItems.id, itemId)),
    db.select().from(itemRatings).where(eq(itemRatings.itemId, itemId)),
    getTranslations("requests"),
    searchParams,
  ]);
  if (!item) notFound();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageTitle lead={<span className="ltr-nums">{item.number}</span>}>{item.title}</PageTitle>
      {done || rating ? (
        <Alert tone="success">
          {rating ? t("yourRating", { quality: rating.quality, speed: rating.speed }) : t("rated")}
        </Alert>
      ) : (
        <Card>
          <h2 className="text-lg font-bold">{t("rateTitle")}</h2>
          <p className="mb-3 text-slate-600">{t("rateLead")}</p>
          <ActionForm action={rateByLinkAction} submitLabel={t("rateSubmit")}>
            <input type="hidden" name="token" value={decodeURIComponent(token)} />
            <RatingFields />
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
