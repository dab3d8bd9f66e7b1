import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";

export default async function CheckEmailPage() {
  const t = await getTranslations("forms.signUp");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("checkTitle")}</PageTitle>
      <Card>
        <p>{t("checkBody")}</p>
      </Card>
    </div>
  );
}
