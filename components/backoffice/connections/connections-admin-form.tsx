"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { AdminForm } from "@/components/backoffice/admin-form";

/**
 * A form of the connection types and price list pages: AdminForm with the connectionsAdmin
 * catalogue's messages, each error naming its field ("Amount: an amount cannot be negative").
 * Per-service and per-document fields (service_water, doc_site_plan) are named by their group.
 */
export function ConnectionsAdminForm(
  props: Omit<ComponentProps<typeof AdminForm>, "wording" | "labels">,
) {
  const te = useTranslations("connectionsAdmin.errors");
  const tf = useTranslations("connectionsAdmin.fields");
  const label = (name: string): string | null => {
    if (name === "_form") return null;
    const field = name.startsWith("service_")
      ? "services"
      : name.startsWith("doc_")
        ? "documents"
        : name;
    return tf.has(field as never) ? tf(field as never) : null;
  };
  return (
    <AdminForm
      {...props}
      wording={{
        message: (key) => (te.has(key as never) ? te(key as never) : te("invalid")),
        label,
        format: (field, message) => tf("fieldError", { field, message }),
      }}
    />
  );
}
