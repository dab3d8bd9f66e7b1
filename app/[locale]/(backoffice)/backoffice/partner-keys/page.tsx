import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, inputClass } from "@/components/backoffice/admin-ui";
import { TableScroll, td, th } from "@/components/backoffice/billing/format";
import { PaymentsForm } from "@/components/backoffice/payments/payments-form";
import { PaymentsIntl } from "@/components/backoffice/payments/payments-intl";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { listApiKeys } from "@/lib/payments/admin-keys";
import { PARTNER_SCOPES } from "@/lib/payments/admin-schemas";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentsAdmin.partnerKeys"))("title") };
}

/** "bills:read" → "billsRead", the catalogue key of a scope's label. */
const scopeKey = (scope: string) => scope.replace(/:(\w)/, (_, c: string) => c.toUpperCase());

/** Partner API keys: who may call the partner API, with which scopes; create once, revoke. */
export default async function PartnerKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("partnerKeys"));
  const db = getDb();
  const [t, keys, utility] = await Promise.all([
    getTranslations("paymentsAdmin.partnerKeys"),
    listApiKeys(db),
    getCurrentUtility(),
  ]);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, utility.timeZone) : t("never"));
  const scopeLabel = (s: string) =>
    t.has(`scope.${scopeKey(s)}` as never) ? t(`scope.${scopeKey(s)}` as never) : s;

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("create")}</h2>
        <PaymentsIntl locale={locale}>
          <PaymentsForm
            action={createApiKeyAction}
            submitLabel={t("submit")}
            successText={t("created")}
            revealLabel={t("keyLabel")}
            resetOnSuccess
            testId="create-key"
          >
            <label className="flex flex-col gap-1 text-sm font-semibold sm:max-w-md">
              {t("partnerName")}
              <input name="partnerName" required maxLength={80} className={inputClass} />
            </label>
            <fieldset className="flex flex-col gap-1 text-sm">
              <legend className="mb-1 font-semibold">{t("scopes")}</legend>
              {PARTNER_SCOPES.map((s) => (
                <label key={s} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name={`scope:${s}`} className="size-4" />
                  <span>{scopeLabel(s)}</span>
                  <code className="text-xs text-slate-600" dir="ltr">
                    {s}
                  </code>
                </label>
              ))}
            </fieldset>
          </PaymentsForm>
        </PaymentsIntl>
      </Card>

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("list")}</h2>
        {keys.length ? (
          <TableScroll>
            <table className="w-full min-w-[48rem] text-sm" data-testid="api-keys">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className={th}>{t("partnerName")}</th>
                  <th className={th}>{t("prefix")}</th>
                  <th className={th}>{t("scopes")}</th>
                  <th className={th}>{t("createdAt")}</th>
                  <th className={th}>{t("lastUsed")}</th>
                  <th className={th}>{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} className="border-b border-slate-100 last:border-0">
                    <td className={`${td} font-semibold`}>{k.partnerName}</td>
                    <td className={td}>
                      <code dir="ltr">{k.prefix}…</code>
                    </td>
                    <td className={td}>
                      <ul className="flex flex-col gap-0.5">
                        {k.scopes.map((s) => (
                          <li key={s}>{scopeLabel(s)}</li>
                        ))}
                      </ul>
                    </td>
                    <td className={td}>{when(k.createdAt)}</td>
                    <td className={td}>{when(k.lastUsedAt)}</td>
                    <td className={td}>
                      {k.revokedAt ? (
                        <Badge tone="neutral">
                          {t("revokedOn", {
                            date: formatDateTime(k.revokedAt, locale, utility.timeZone),
                          })}
                        </Badge>
                      ) : (
                        <div className="flex flex-col items-start gap-2">
                          <Badge tone="success">{t("live")}</Badge>
                          <PaymentsIntl locale={locale}>
                            <PaymentsForm
                              action={revokeApiKeyAction}
                              submitLabel={t("revoke")}
                              successText={t("revoked")}
                              variant="danger"
                              className="flex flex-col gap-2"
                            >
                              <input type="hidden" name="keyId" value={k.id} />
                            </PaymentsForm>
                          </PaymentsIntl>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        )}
      </Card>
    </div>
  );
}
