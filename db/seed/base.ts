import type { DbOrTx } from "@/db/client";
import { departments, utilities } from "@/db/schema";
import { seedConnections } from "./connections";
import { seedWorkflow } from "./workflow";

/** Department codes the engine and routing rules refer to. */
export const DEPARTMENTS = [
  {
    code: "metering",
    nameAr: "القياس والعدادات",
    nameFr: "Comptage et relève",
    nameEn: "Metering",
  },
  { code: "billing", nameAr: "الفوترة", nameFr: "Facturation", nameEn: "Billing" },
  {
    code: "connections",
    nameAr: "الربط والاشتراكات",
    nameFr: "Branchements et abonnements",
    nameEn: "Connections",
  },
  {
    code: "customer_relations",
    nameAr: "العلاقات مع الزبناء",
    nameFr: "Relation clientèle",
    nameEn: "Customer relations",
  },
  {
    code: "mail_registry",
    nameAr: "مكتب الضبط",
    nameFr: "Bureau d'ordre",
    nameEn: "Mail registry office",
  },
  {
    code: "technical_interventions",
    nameAr: "التدخلات التقنية",
    nameFr: "Interventions techniques",
    nameEn: "Technical interventions",
  },
  {
    code: "customer_satisfaction",
    nameAr: "رضا الزبناء",
    nameFr: "Satisfaction client",
    nameEn: "Customer satisfaction",
  },
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]["code"];

/**
 * What every deployment needs before anyone signs in: the utility and its departments. The
 * values are the demo utility's; an administrator edits them for a real one.
 */
export async function seedBase(
  db: DbOrTx,
): Promise<{ utilityId: string; departmentIds: Record<DepartmentCode, string> }> {
  const [utility] = await db
    .insert(utilities)
    .values({
      code: "wasla-demo",
      nameAr: "وكالة وصلة لتوزيع الماء والكهرباء",
      nameFr: "Régie Wasla de distribution d'eau et d'électricité",
      nameEn: "Wasla Water and Electricity Distribution Utility",
      addressAr: "شارع محمد الخامس، الجديدة، المغرب",
      addressFr: "Avenue Mohammed V, El Jadida, Maroc",
      addressEn: "Avenue Mohammed V, El Jadida, Morocco",
      phone: "+212523000000",
      email: "contact@wasla.example",
      currency: "MAD",
      timeZone: "Africa/Casablanca",
    })
    .onConflictDoUpdate({ target: utilities.code, set: { code: "wasla-demo" } })
    .returning();
  const rows = await db
    .insert(departments)
    .values(DEPARTMENTS.map((d) => ({ ...d, utilityId: utility!.id })))
    .onConflictDoUpdate({ target: departments.code, set: { utilityId: utility!.id } })
    .returning();
  const departmentIds = Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<
    DepartmentCode,
    string
  >;
  await seedWorkflow(db, utility!.id, departmentIds);
  await seedConnections(db);
  return { utilityId: utility!.id, departmentIds };
}
