import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { GuestReadingForm } from "./guest-reading-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("readings"))("guestTitle") };
}

/** Meter self-reading for customers without an account, linked from the home page. */
export default async function GuestReadingPage() {
  const t = await getTranslations("readings");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("guestLead")}>{t("guestTitle")}</PageTitle>
      <Card>
        <GuestReadingForm idempotencyKey={randomUUID()} />
      </Card>
    </div>
  );
}
