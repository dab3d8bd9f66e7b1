import type { DbOrTx } from "@/db/client";
import { connectionPrices, connectionRequestTypes, type RequiredDocument } from "@/db/schema";

const doc = (
  code: string,
  nameFr: string,
  nameAr: string,
  nameEn: string,
  required = true,
): RequiredDocument => ({ code, nameFr, nameAr, nameEn, required });

const NATIONAL_ID = doc(
  "national_id",
  "Carte d'identité nationale",
  "البطاقة الوطنية للتعريف",
  "National identity card",
);
const TITLE = doc(
  "title_or_lease",
  "Titre de propriété, bail ou autorisation du propriétaire",
  "رسم الملكية أو عقد الكراء أو إذن المالك",
  "Title deed, lease or owner's authorisation",
);

/**
 * The request types the demo utility starts with. Admins change documents and deadlines, and
 * add types (meter relocation, change of holder) as rows, each with its request kind.
 */
export const CONNECTION_TYPES = [
  {
    code: "connection",
    family: "connection" as const,
    nameFr: "Nouveau branchement",
    nameAr: "ربط جديد",
    nameEn: "New connection",
    documents: [
      NATIONAL_ID,
      TITLE,
      doc(
        "occupancy_permit",
        "Permis d'habiter ou certificat de conformité",
        "رخصة السكن أو شهادة المطابقة",
        "Occupancy permit or certificate of conformity",
      ),
      // Often drawn up later by a surveyor: the file may be filed without it, and the clerk
      // asks for it in the one request for missing documents when the visit needs it.
      doc("site_plan", "Plan de situation", "تصميم الموقع", "Site plan", false),
    ],
    needsContract: false,
    decisionDays: 15,
    position: 1,
  },
  {
    code: "subscription",
    family: "subscription" as const,
    nameFr: "Abonnement sur un branchement existant",
    nameAr: "اشتراك في ربط قائم",
    nameEn: "Subscription on an existing connection",
    documents: [NATIONAL_ID, TITLE],
    needsContract: false,
    decisionDays: 10,
    position: 2,
  },
  {
    code: "termination",
    family: "termination" as const,
    nameFr: "Résiliation de contrat",
    nameAr: "فسخ العقد",
    nameEn: "Contract termination",
    documents: [NATIONAL_ID],
    needsContract: true,
    decisionDays: 10,
    position: 3,
  },
];

// Minor units (centimes). Stamp duty is a fixed fee; the deposit is returned at termination.
const PRICES = {
  water: {
    connection_works: 250000,
    meter: 60000,
    contract_fee: 15000,
    deposit: 30000,
    stamp_duty: 2000,
  },
  electricity: {
    connection_works: 320000,
    meter: 85000,
    contract_fee: 15000,
    deposit: 50000,
    stamp_duty: 2000,
  },
  sanitation: {
    connection_works: 280000,
    meter: 0,
    contract_fee: 10000,
    deposit: 0,
    stamp_duty: 2000,
  },
} as const;

export async function seedConnections(db: DbOrTx): Promise<void> {
  await db.insert(connectionRequestTypes).values(CONNECTION_TYPES).onConflictDoNothing();
  const rows = Object.entries(PRICES).flatMap(([service, kinds]) =>
    ["domestic", "professional"].flatMap((use) =>
      Object.entries(kinds).map(([kind, amount]) => ({
        service: service as keyof typeof PRICES,
        use,
        kind: kind as keyof (typeof PRICES)["water"],
        // A professional connection carries more works and a larger deposit.
        amountMinor:
          use === "professional" && (kind === "connection_works" || kind === "deposit")
            ? amount * 2
            : amount,
        currency: "MAD",
      })),
    ),
  );
  await db.insert(connectionPrices).values(rows).onConflictDoNothing();
}
