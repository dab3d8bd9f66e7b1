import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workItems } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { distributeEntry } from "@/lib/registry/distribute";
import { registerIncoming, type RegistryChannel } from "@/lib/registry/register-incoming";
import { approveReply, draftReply, registerReply } from "@/lib/registry/replies";
import type { RegistryCategory } from "@/lib/registry/schemas";
import type { Staff } from "@/lib/workflow/access";

/**
 * The mail registry's part of the demo history: letters deposited on the portal by customers
 * and received on paper at the office, registered with their yearly numbers in date order,
 * distributed to a lead department (sometimes with a copy), and for most of the older ones a
 * reply drafted by the department, approved by its supervisor and registered as outgoing mail.
 * Each step goes through lib/registry with its own past clock, like the rest of the history.
 */

/** What becomes of a letter: answered, waiting on its department, or just registered. */
type LetterFate = "replied" | "distributed" | "registered";

type DemoLetter = {
  daysAgo: number;
  fate: LetterFate;
  channel: RegistryChannel;
  category: RegistryCategory;
  /** The demo customer who deposits it on the portal; absent for paper mail. */
  customerEmail?: string;
  sender?: { name: string; nationalId: string; phone: string };
  locale: Locale;
  subject: string;
  message: string;
  lead: "billing" | "connections" | "customer_relations" | "technical_interventions";
  copies?: string[];
  reply?: { subject: string; body: string };
};

const LETTERS: DemoLetter[] = [
  {
    daysAgo: 75,
    fate: "replied",
    channel: "post",
    category: "request",
    sender: { name: "جمعية سكان حي الرياض", nationalId: "AB123456", phone: "0537112233" },
    locale: "ar",
    subject: "طلب تمديد شبكة الماء إلى الزنقة 14",
    message:
      "نلتمس منكم تمديد شبكة الماء الصالح للشرب إلى الزنقة 14 بحي الرياض، حيث تقطن أكثر من ثلاثين أسرة دون ربط.",
    lead: "connections",
    copies: ["technical_interventions"],
    reply: {
      subject: "جواب على طلب تمديد الشبكة",
      body: "تمت برمجة دراسة تقنية للزنقة 14 خلال الشهر المقبل، وسنوافيكم بنتائجها وبالكلفة التقديرية.",
    },
  },
  {
    daysAgo: 62,
    fate: "replied",
    channel: "web",
    category: "complaint",
    customerEmail: "customer@wasla.example",
    locale: "ar",
    subject: "اعتراض على فاتورة شهر غشت",
    message: "توصلت بفاتورة مرتفعة جدا مقارنة بالأشهر السابقة رغم أنني كنت مسافرا طيلة الشهر.",
    lead: "billing",
    reply: {
      subject: "جواب على اعتراضكم",
      body: "بعد مراجعة المؤشرات تبين أن القراءة كانت تقديرية، وتم تصحيح الفاتورة وفق القراءة الفعلية.",
    },
  },
  {
    daysAgo: 48,
    fate: "replied",
    channel: "post",
    category: "inquiry",
    sender: { name: "Cabinet Benjelloun & Associés", nationalId: "BE778899", phone: "0522334455" },
    locale: "fr",
    subject: "Attestation de non-dette pour une vente",
    message:
      "Dans le cadre de la vente d'un appartement, nous vous prions de nous indiquer la procédure pour obtenir une attestation de non-dette au nom de notre client.",
    lead: "customer_relations",
    reply: {
      subject: "Attestation de non-dette",
      body: "L'attestation est délivrée au titulaire du contrat après la résiliation et le paiement de la facture de clôture. Le titulaire peut en faire la demande depuis son espace client.",
    },
  },
  {
    daysAgo: 33,
    fate: "replied",
    channel: "web",
    category: "suggestion",
    customerEmail: "youssef@wasla.example",
    locale: "fr",
    subject: "Rappel par SMS avant la relève",
    message:
      "Il serait utile d'envoyer un SMS la veille du passage du releveur, pour que l'on puisse laisser l'accès au compteur.",
    lead: "customer_relations",
    copies: ["billing"],
    reply: {
      subject: "Votre suggestion",
      body: "Merci pour votre suggestion : les rappels avant la période de relève sont à l'étude et seront proposés dans l'espace client.",
    },
  },
  {
    daysAgo: 16,
    fate: "distributed",
    channel: "post",
    category: "complaint",
    sender: { name: "محمد الإدريسي", nationalId: "C445566", phone: "0661445566" },
    locale: "ar",
    subject: "تضرر الرصيف بعد أشغال الربط",
    message:
      "بقي الرصيف أمام منزلي محفورا منذ انتهاء أشغال الربط قبل ثلاثة أسابيع، مما يشكل خطرا على المارة.",
    lead: "technical_interventions",
  },
  {
    daysAgo: 9,
    fate: "distributed",
    channel: "web",
    category: "request",
    customerEmail: "customer@wasla.example",
    locale: "ar",
    subject: "طلب جدولة أداء المتأخرات",
    message: "أرجو منكم الموافقة على أداء المبلغ المتأخر على ثلاثة أشطر شهرية.",
    lead: "billing",
  },
  {
    daysAgo: 5,
    fate: "distributed",
    channel: "post",
    category: "request",
    sender: { name: "Société Atlas Textile", nationalId: "RC45821", phone: "0528556677" },
    locale: "fr",
    subject: "Augmentation de la puissance souscrite",
    message:
      "Notre atelier s'agrandit : nous souhaitons passer à une puissance supérieure et connaître le délai et le coût des travaux.",
    lead: "connections",
  },
  {
    daysAgo: 2,
    fate: "registered",
    channel: "web",
    category: "inquiry",
    customerEmail: "youssef@wasla.example",
    locale: "fr",
    subject: "Changement de titulaire",
    message: "Je loue l'appartement depuis septembre : comment mettre le contrat à mon nom ?",
    lead: "customer_relations",
  },
  {
    daysAgo: 1,
    fate: "registered",
    channel: "post",
    category: "other",
    sender: { name: "فاطمة الزهراء بناني", nationalId: "D998877", phone: "0670998877" },
    locale: "ar",
    subject: "شكر وتقدير",
    message: "أتقدم بالشكر للفريق التقني على سرعة التدخل أثناء انقطاع الماء الأسبوع الماضي.",
    lead: "technical_interventions",
  },
];

export const LETTER_PLAN: Record<LetterFate, number> = {
  replied: LETTERS.filter((l) => l.fate === "replied").length,
  distributed: LETTERS.filter((l) => l.fate === "distributed").length,
  registered: LETTERS.filter((l) => l.fate === "registered").length,
};

/** The clerk of each lead department who drafts the reply (the demo's staff, by e-mail). */
const DRAFTER: Record<DemoLetter["lead"], string> = {
  billing: "billing@wasla.example",
  connections: "connections@wasla.example",
  customer_relations: "clerk@wasla.example",
  technical_interventions: "technician@wasla.example",
};

const HOUR = 3600_000;

export type LetterContext = {
  db: Db;
  /** Queue a step of the history at an instant (skipped when after its end). */
  at: (t: number, run: () => Promise<void>) => void;
  staff: (email: string) => Staff;
  /** A demo customer by e-mail: who deposits a letter on the portal. */
  customer: (email: string) => { userId: string; name: string; email: string };
  /** A local instant `daysAgo` days before the end, at `minuteOfDay` on the zone's clock. */
  localInstant: (daysAgo: number, minuteOfDay: number) => number;
  counts: { letters: number };
};

/** Queue every letter's steps in the history's timeline. */
export function planLetters(ctx: LetterContext): void {
  const registry = ctx.staff("registry@wasla.example");
  const supervisor = ctx.staff("supervisor@wasla.example");
  for (const [k, letter] of LETTERS.entries()) {
    const received = ctx.localInstant(letter.daysAgo, 9 * 60 + 20 + 37 * k);
    ctx.at(received, async () => {
      const customer = letter.customerEmail ? ctx.customer(letter.customerEmail) : null;
      const filed = await registerIncoming(
        ctx.db,
        {
          channel: letter.channel,
          category: letter.category,
          subject: letter.subject,
          message: letter.message,
          sender: customer ? { name: customer.name, email: customer.email } : letter.sender!,
          locale: letter.locale,
        },
        customer
          ? { kind: "customer", user: { id: customer.userId, role: "customer" } }
          : { kind: "clerk", user: registry },
        { now: new Date(received) },
      );
      ctx.counts.letters++;
      if (letter.fate === "registered") return;

      // The office distributes the morning's mail before noon.
      const distributed = received + 2 * HOUR;
      ctx.at(distributed, async () => {
        const { items } = await distributeEntry(
          ctx.db,
          registry,
          { entryId: filed.entryId, lead: letter.lead, copies: letter.copies ?? [] },
          { now: new Date(distributed) },
        );
        const reply = letter.reply;
        if (letter.fate !== "replied" || !reply) return;
        const [lead] = await ctx.db
          .select({ id: workItems.id })
          .from(workItems)
          .where(eq(workItems.number, items.find((i) => i.lead)!.number));

        // Drafted within the week, approved the same afternoon, registered the next morning.
        const drafted = distributed + 3 * 24 * HOUR;
        ctx.at(drafted, async () => {
          const draft = await draftReply(
            ctx.db,
            ctx.staff(DRAFTER[letter.lead]),
            {
              itemId: lead!.id,
              locale: letter.locale === "ar" ? "ar" : "fr",
              subject: reply.subject,
              body: reply.body,
            },
            { now: new Date(drafted) },
          );
          const approved = drafted + 3 * HOUR;
          ctx.at(approved, async () => {
            await approveReply(ctx.db, supervisor, draft.id, { now: new Date(approved) });
            const sent = approved + 20 * HOUR;
            ctx.at(sent, async () => {
              await registerReply(ctx.db, registry, draft.id, { now: new Date(sent) });
            });
          });
        });
      });
    });
  }
}
