import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission, type Channel, type Service } from "@/lib/intake/file-submission";
import type { Staff } from "@/lib/workflow/access";
import { addBusinessMinutes } from "@/lib/workflow/business-time";
import { claimItem, takeNext } from "@/lib/workflow/claim";
import {
  askCustomer,
  closeItem,
  recordCustomerAnswer,
  reopenItem,
  replyToCustomer,
  resolveItem,
  resumeWork,
  transferItem,
  waitInternal,
} from "@/lib/workflow/clerk-actions";
import {
  answerAsCustomer,
  LOW_RATING,
  rateItem,
  reopenAsCustomer,
  requestFollowUp,
} from "@/lib/workflow/customer-actions";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { openIncident, resolveIncident } from "@/lib/workflow/incidents";
import { mergeItems } from "@/lib/workflow/merge";
import type { Priority } from "@/lib/workflow/routing";
import { localDateOf, wallClockToInstant } from "@/lib/workflow/wall-clock";
import { DEMO_PARTNER_KEY } from "./demo";
import { planLetters } from "./history-letters";

/**
 * A demo history of work items: about three months of a utility in use, so that the
 * supervisor's dashboard has figures and charts and the clerks' queues are not empty. Every
 * item goes through the real engine (intake filing, clerk, customer and supervisor actions),
 * each step with its own past clock, so events, SLA deadlines, audit rows and the report tables
 * are exactly what real use would have left. Deterministic (a seeded PRNG), and run once: a
 * database that already holds work items is left alone.
 */

const ZONE = "Africa/Casablanca";
const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const MIN = 60_000;

/** Mulberry32: small, fast and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

type Topic = {
  kind: string;
  service: Service;
  texts: { locale: Locale; title: string; description: string }[];
};

// The routing rules' keywords (fuite, انقطاع, facture, bill…) are in the texts on purpose: the
// real routing sends them to technical interventions, billing or customer relations.
const TOPICS: Topic[] = [
  {
    kind: "complaint_technical",
    service: "water",
    texts: [
      {
        locale: "ar",
        title: "تسرب الماء قبل العداد",
        description: "يوجد تسرب للماء في الأنبوب قبل العداد منذ يومين، والماء يسيل في الزنقة.",
      },
      {
        locale: "fr",
        title: "Fuite d'eau devant le compteur",
        description:
          "Une fuite importante devant le compteur depuis hier soir, le trottoir est inondé.",
      },
      {
        locale: "en",
        title: "Low water pressure upstairs",
        description: "The pressure on the upper floor has been very low every evening this week.",
      },
      {
        locale: "ar",
        title: "ضعف ضغط الماء",
        description: "ضغط الماء ضعيف جدا في الطابق الثاني خاصة في المساء.",
      },
    ],
  },
  {
    kind: "complaint_technical",
    service: "electricity",
    texts: [
      {
        locale: "ar",
        title: "انقطاع الكهرباء في الحي",
        description: "انقطاع الكهرباء منذ الصباح في عدة منازل بالحي.",
      },
      {
        locale: "fr",
        title: "Coupure de courant",
        description: "Coupure de courant dans tout l'immeuble depuis 7 h, l'ascenseur est bloqué.",
      },
      {
        locale: "en",
        title: "Damaged meter box",
        description: "The meter box cover was broken during road works and the wires are visible.",
      },
      {
        locale: "fr",
        title: "Compteur endommagé",
        description:
          "Le boîtier du compteur a été endommagé par la pluie, l'écran ne s'allume plus.",
      },
    ],
  },
  {
    kind: "complaint_commercial",
    service: "electricity",
    texts: [
      {
        locale: "ar",
        title: "فاتورة مرتفعة",
        description: "الفاتورة هذا الشهر مرتفعة جدا مقارنة باستهلاكي المعتاد.",
      },
      {
        locale: "fr",
        title: "Facture trop élevée",
        description:
          "Ma facture de ce mois est le double de d'habitude sans changement de consommation.",
      },
      {
        locale: "en",
        title: "Bill shown as unpaid",
        description: "I paid my bill at the agency last week but the portal still shows it unpaid.",
      },
      {
        locale: "ar",
        title: "أداء مزدوج",
        description: "تم اقتطاع أداء الفاتورة مرتين من حسابي البنكي.",
      },
    ],
  },
  {
    kind: "complaint_commercial",
    service: "water",
    texts: [
      {
        locale: "fr",
        title: "Accueil à l'agence",
        description:
          "J'ai attendu deux heures à l'agence sans être reçu, je souhaite un rendez-vous.",
      },
      {
        locale: "ar",
        title: "تغيير رقم الهاتف",
        description: "أرغب في تحديث رقم هاتفي وعنوان بريدي الإلكتروني في ملفي.",
      },
      {
        locale: "en",
        title: "No answer to my letter",
        description: "I wrote to the customer service a month ago and have had no answer yet.",
      },
    ],
  },
  {
    kind: "reading_review",
    service: "water",
    texts: [
      {
        locale: "fr",
        title: "Relevé erroné",
        description: "L'index relevé ne correspond pas à celui de mon compteur, photo à l'appui.",
      },
      {
        locale: "ar",
        title: "قراءة العداد غير صحيحة",
        description: "القراءة المسجلة أعلى بكثير من الرقم الظاهر على العداد.",
      },
      {
        locale: "en",
        title: "Estimated reading too high",
        description: "The estimated reading is far above the real index of my meter.",
      },
    ],
  },
  {
    kind: "connection",
    service: "electricity",
    texts: [
      {
        locale: "fr",
        title: "Branchement d'un local commercial",
        description:
          "Demande de branchement électrique pour un local commercial au rez-de-chaussée.",
      },
      {
        locale: "ar",
        title: "ربط منزل جديد بشبكة الماء",
        description: "طلب ربط منزل جديد في طور البناء بشبكة الماء الصالح للشرب.",
      },
      {
        locale: "en",
        title: "New connection for a villa",
        description: "New electricity connection for a villa under construction, plans attached.",
      },
    ],
  },
  {
    kind: "subscription",
    service: "water",
    texts: [
      {
        locale: "fr",
        title: "Abonnement nouveau locataire",
        description: "Je viens d'emménager et je souhaite un abonnement à mon nom.",
      },
      {
        locale: "ar",
        title: "طلب اشتراك جديد",
        description: "طلب اشتراك جديد في الكهرباء باسمي بعد شراء الشقة.",
      },
    ],
  },
  {
    kind: "termination",
    service: "water",
    texts: [
      {
        locale: "fr",
        title: "Résiliation pour déménagement",
        description: "Je quitte le logement à la fin du mois, merci de résilier le contrat.",
      },
      {
        locale: "ar",
        title: "فسخ عقد الماء",
        description: "أطلب فسخ عقد الماء بسبب بيع المنزل.",
      },
    ],
  },
];

/** Zones of walk-in and phone customers without an account; the incidents' zones are apart. */
const GUEST_ZONES = ["EJ-CENTRE", "EJ-PLATEAU", "EJ-HAY-NAHDA", "AZ-MEDINA", "EJ-SIDI-BOUZID"];
const PAST_OUTAGE_ZONE = "EJ-MOUILHA";
const CURRENT_OUTAGE_ZONE = "AZ-CENTRE";
const GUEST_NAMES = [
  "محمد الصغير",
  "Rachida El Amrani",
  "عبد الله بنسالم",
  "Mustapha Ouali",
  "نادية الحداد",
  "Jamal Berrada",
  "Latifa Chafik",
  "يوسف الشرقاوي",
];

const CLERKS_OF: Record<string, string[]> = {
  metering: ["clerk@wasla.example", "clerk2@wasla.example"],
  customer_relations: ["clerk@wasla.example", "clerk2@wasla.example"],
  billing: ["billing@wasla.example"],
  connections: ["connections@wasla.example"],
  technical_interventions: ["technician@wasla.example"],
  customer_satisfaction: ["satisfaction@wasla.example"],
};

const REPLIES: Record<Locale, string[]> = {
  ar: ["شكرا على رسالتكم، نحن بصدد دراسة طلبكم.", "تمت برمجة زيارة تقني إلى عنوانكم."],
  fr: ["Merci, votre demande est à l'étude.", "Un technicien passera à votre adresse."],
  en: ["Thank you, we are looking into it.", "A technician is scheduled to visit."],
};
const QUESTIONS: Record<Locale, string> = {
  ar: "المرجو إرسال صورة للعداد تظهر الرقم بوضوح.",
  fr: "Merci d'envoyer une photo du compteur où l'index est lisible.",
  en: "Please send a photo of the meter showing the index clearly.",
};
const ANSWERS: Record<Locale, string> = {
  ar: "أرسلت الصورة عبر البريد الإلكتروني.",
  fr: "Voici la photo demandée, l'index est 04512.",
  en: "Photo sent, the index reads 04512.",
};
const NOTES: Record<Locale, string> = {
  ar: "تمت معالجة طلبكم، شكرا على صبركم.",
  fr: "Votre demande est traitée, merci de votre patience.",
  en: "Your request has been dealt with, thank you for your patience.",
};

const LOW_COMMENTS: Record<Locale, string> = {
  ar: "انتظرت طويلا ولم يتصل بي أحد.",
  fr: "Trop long, personne ne m'a rappelé.",
  en: "It took far too long and nobody called me back.",
};
const TRANSFER_REASON = "Relève de l'autre service / من اختصاص المصلحة الأخرى";
const INTERNAL_WAIT = "Attente du rapport de l'équipe terrain";
const CHANNELS: Channel[] = ["web", "web", "web", "phone", "phone", "counter", "email", "api"];
const OUTCOMES = [
  "resolved",
  "resolved",
  "resolved",
  "resolved",
  "partly_resolved",
  "rejected",
] as const;

/** What happens to one item, decided up front so the counts are the same on every run. */
type Fate =
  | "closed"
  | "resolved"
  | "reopened"
  | "new"
  | "in_progress"
  | "followed_up"
  | "waiting_customer"
  | "waiting_internal"
  | "transferred";

/** The plan: how many items meet each fate (the incidents and duplicates come on top). */
export const HISTORY_PLAN: Record<Fate, number> = {
  closed: 110,
  resolved: 36,
  reopened: 4,
  new: 8,
  in_progress: 6,
  followed_up: 2,
  waiting_customer: 6,
  waiting_internal: 3,
  transferred: 3,
};
/** Complaints attached to the past (resolved) outage and to the current (open) one. */
export const PAST_OUTAGE_ITEMS = 6;
export const CURRENT_OUTAGE_ITEMS = 3;
/** Pairs filed twice by the same customer: the second is merged into the first. */
export const DUPLICATE_PAIRS = 2;

type Customer = {
  userId: string;
  locale: Locale;
  name: string;
  email: string;
  contracts: { id: string; service: Service; zone: string }[];
};

type Item = {
  id: string;
  number: string;
  dept: string;
  customer: Customer | null;
  locale: Locale;
  /** The resolution deadline the intake set (every seeded kind has one). */
  due: number;
};

export type HistorySummary = {
  skipped: boolean;
  filed: number;
  ratings: number;
  /** Letters registered by the mail registry (db/seed/history-letters.ts). */
  letters: number;
  ms: number;
};

/**
 * Add the demo history to a database seeded with the demo data set (staff and customers by
 * their demo e-mails). `now` is the end of the history: no step happens after it.
 */
export async function seedHistory(
  db: Db,
  options: { now?: Date; seed?: number } = {},
): Promise<HistorySummary> {
  const started = Date.now();
  const wallStart = new Date();
  const { rows: existing } = await db.execute(sql`select 1 from work_items limit 1`);
  if (existing.length) return { skipped: true, filed: 0, ratings: 0, letters: 0, ms: 0 };

  const { rows: staffRows } = await db.execute(
    sql`select id, role, email from users where role <> 'customer'`,
  );
  const staffByEmail = new Map(
    (staffRows as { id: string; role: Staff["role"]; email: string }[]).map((r) => [
      r.email,
      { id: r.id, role: r.role },
    ]),
  );
  const staff = (email: string): Staff => {
    const s = staffByEmail.get(email);
    if (!s) throw new Error(`demo history: no staff ${email} (seed the demo data set first)`);
    return s;
  };
  const supervisor = staff("supervisor@wasla.example");
  const customers = await loadCustomers(db);
  const { calendar } = await loadWorkflowConfig(db);

  const now = (options.now ?? new Date()).getTime();
  const rng = prng(options.seed ?? 2026);
  const counts = { filed: 0, ratings: 0, letters: 0 };

  // A queue of timed steps, run in time order across all items (an outage opened at 9:00 must
  // exist when the 9:30 complaint is filed). A step may queue later steps of its item.
  const queue: { at: number; seq: number; run: () => Promise<void> }[] = [];
  let seq = 0;
  const at = (t: number, run: () => Promise<void>) => {
    if (t < now) queue.push({ at: t, seq: seq++, run });
  };

  const clerkOf = (dept: string, salt: number) => {
    const list = CLERKS_OF[dept] ?? ["supervisor@wasla.example"];
    return staff(list[salt % list.length]!);
  };
  /** Claim a moment before acting, as a clerk does from the queue (the lease is 15 minutes). */
  const claimed = async (clerk: Staff, it: Item, when: number) => {
    await claimItem(db, clerk, it.id, new Date(when - 2 * MIN));
    return { now: new Date(when) };
  };

  /** A local instant `daysAgo` days before the end, at `minuteOfDay` on the zone's clock. */
  const localInstant = (daysAgo: number, minuteOfDay: number) => {
    const local = localDateOf(new Date(now - daysAgo * DAY), ZONE);
    const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, "0");
    const mm = String(minuteOfDay % 60).padStart(2, "0");
    return wallClockToInstant(`${local}T${hh}:${mm}`, ZONE)!.getTime();
  };

  type Filing = {
    topic: Topic;
    text: Topic["texts"][number];
    channel: Channel;
    customer: Customer | null;
    contractId: string | null;
    zone: string;
    priority?: Priority;
    guest: number;
  };

  const fileAt = async (t: number, f: Filing): Promise<Item> => {
    const counterClerk = staff(f.guest % 2 ? "clerk@wasla.example" : "clerk2@wasla.example");
    const byClerk = f.channel === "phone" || f.channel === "counter";
    const actor: Actor =
      f.channel === "api"
        ? { kind: "partner", keyPrefix: DEMO_PARTNER_KEY.slice(0, 12) }
        : byClerk
          ? { kind: "user", userId: counterClerk.id, role: counterClerk.role }
          : f.customer && f.channel === "web"
            ? { kind: "user", userId: f.customer.userId, role: "customer" }
            : { kind: "system", label: "mailbox" };
    const filed = await fileSubmission(
      db,
      {
        kind: f.topic.kind,
        channel: f.channel,
        title: f.text.title,
        description: f.text.description,
        locale: f.text.locale,
        actor,
        customerUserId: f.customer?.userId ?? null,
        contractId: f.contractId,
        filedById: byClerk ? counterClerk.id : null,
        contact: f.customer
          ? { name: f.customer.name, email: f.customer.email }
          : {
              name: GUEST_NAMES[f.guest % GUEST_NAMES.length]!,
              phone: `06${String(10_000_000 + f.guest * 7_919_113).slice(-8)}`,
              email: f.channel === "email" ? `guest${f.guest}@mail.example` : null,
            },
        service: f.topic.service,
        zone: f.zone,
        priority: f.priority,
        createSubject: async () => ({ type: "request", id: null }),
      },
      new Date(t),
    );
    counts.filed++;
    return {
      id: filed.itemId,
      number: filed.number,
      dept: filed.departmentCode,
      customer: f.customer,
      locale: f.text.locale,
      due: new Date(filed.resolutionDueAt!).getTime(),
    };
  };

  /** The customer's rating some days after the resolution; a low one opens a satisfaction item. */
  const rateLater = (it: Item, t: number) => {
    const low = rng.chance(0.14);
    const quality = low ? rng.int(1, 2) : rng.pick([3, 4, 4, 5, 5, 5]);
    const speed = low ? rng.int(1, 3) : rng.pick([2, 3, 4, 4, 5, 5]);
    at(t, async () => {
      await rateItem(
        db,
        {
          itemId: it.id,
          quality,
          speed,
          comment: low ? LOW_COMMENTS[it.locale] : undefined,
          via: it.customer ? "portal" : "email",
          actor: it.customer
            ? { kind: "user", userId: it.customer.userId, role: "customer" }
            : { kind: "system", label: "rating-link" },
          locale: it.locale,
        },
        { now: new Date(t) },
      );
      counts.ratings++;
      if (Math.min(quality, speed) > LOW_RATING) return;
      // The customer-satisfaction team calls back and closes the matter within a few days.
      const { rows } = await db.execute(
        sql`select id, number from work_items where parent_item_id = ${it.id} and kind_code = 'low_rating'`,
      );
      const row = rows[0] as { id: string; number: string };
      const sat: Item = { ...it, id: row.id, number: row.number, dept: "customer_satisfaction" };
      const clerk = staff("satisfaction@wasla.example");
      const call = t + rng.int(4, 30) * HOUR;
      at(call, async () => {
        await replyToCustomer(
          db,
          clerk,
          sat.id,
          REPLIES[sat.locale][0]!,
          await claimed(clerk, sat, call),
        );
      });
      const done = call + rng.int(20, 60) * HOUR;
      at(done, async () => {
        await resolveItem(
          db,
          clerk,
          sat.id,
          { outcome: "resolved", note: NOTES[sat.locale] },
          await claimed(clerk, sat, done),
        );
      });
    });
  };

  /** The clerk resolves the item at `t`; what follows depends on its fate. */
  const resolveAt = (
    it: Item,
    clerk: Staff,
    t: number,
    outcome: (typeof OUTCOMES)[number],
    fate: Fate,
    salt: number,
  ) =>
    at(t, async () => {
      await resolveItem(
        db,
        clerk,
        it.id,
        { outcome, note: NOTES[it.locale] },
        await claimed(clerk, it, t),
      );
      afterResolution(it, t, fate, salt);
    });

  /** Resolved at `t`: the rating (about half), the closing, and perhaps a reopening. */
  const afterResolution = (it: Item, t: number, fate: Fate, salt: number) => {
    if (fate === "reopened") {
      const back = t + rng.int(20, 72) * HOUR;
      at(back, async () => {
        const why = ANSWERS[it.locale];
        if (it.customer)
          await reopenAsCustomer(db, { id: it.customer.userId, role: "customer" }, it.number, why, {
            now: new Date(back),
          });
        else await reopenItem(db, supervisor, it.id, why, { now: new Date(back) });
        const again = back + rng.int(6, 40) * HOUR;
        const clerk = clerkOf(it.dept, salt);
        resolveAt(it, clerk, again, "resolved", "closed", salt);
      });
      return;
    }
    if (rng.chance(0.55)) rateLater(it, t + rng.int(2, 60) * HOUR);
    if (fate === "closed") {
      // Closed a few days later; a late resolution of the last days is closed before the end.
      const close = Math.max(Math.min(t + rng.int(3, 7) * DAY, now - 30 * MIN), t + MIN);
      at(close, async () => {
        await closeItem(db, supervisor, it.id, { now: new Date(close) });
      });
    }
  };

  /** Claim, answer, perhaps ask the customer or wait on a colleague, transfer, resolve. */
  const handle = (it: Item, t0: number, due: number, fate: Fate, salt: number) => {
    const clerk = clerkOf(it.dept, salt);
    // Every step lands before the end, so the counts by status are the plan's on any day.
    // The first answer comes in working hours: mostly within the day, sometimes two days late.
    const delay = rng.chance(0.75) ? rng.int(10, 360) : rng.int(360, 16 * 60);
    const answer = addBusinessMinutes(calendar, new Date(t0), delay).getTime();
    const open = !["closed", "resolved", "reopened"].includes(fate);
    const first = Math.min(answer, now - (open ? 20 * MIN : 5 * HOUR));
    if (fate === "transferred") {
      at(first, async () => {
        await transferItem(
          db,
          clerk,
          it.id,
          {
            departmentCode: it.dept === "customer_relations" ? "billing" : "customer_relations",
            reason: TRANSFER_REASON,
          },
          await claimed(clerk, it, first),
        );
      });
      return;
    }
    at(first, async () => {
      await replyToCustomer(
        db,
        clerk,
        it.id,
        rng.pick(REPLIES[it.locale]),
        await claimed(clerk, it, first),
      );
    });
    if (fate === "followed_up" && it.customer) {
      const c = it.customer;
      const when = now - rng.int(20, 40) * HOUR;
      at(when, async () => {
        await requestFollowUp(db, { id: c.userId, role: "customer", locale: c.locale }, it.number, {
          now: new Date(when),
        });
      });
    }
    if (fate === "waiting_customer" || fate === "waiting_internal") {
      const when = Math.min(first + rng.int(1, 20) * HOUR, now - 10 * MIN);
      at(when, async () => {
        const opts = await claimed(clerk, it, when);
        if (fate === "waiting_customer")
          await askCustomer(db, clerk, it.id, QUESTIONS[it.locale], opts);
        else await waitInternal(db, clerk, it.id, INTERNAL_WAIT, opts);
      });
    }
    if (open) return;

    // Most on time, about a fifth late; never later than a few hours before the end.
    const late = rng.chance(0.22);
    const share = late ? 1.05 + rng.next() * 0.9 : 0.25 + rng.next() * 0.65;
    const end = Math.max(Math.min(t0 + (due - t0) * share, now - 4 * HOUR), first + 40 * MIN);
    const step = (f: number) => first + (end - first) * f;
    let handler = clerk;
    if (rng.chance(0.2)) {
      const ask = step(0.25);
      const answer = step(0.5);
      at(ask, async () => {
        await askCustomer(db, clerk, it.id, QUESTIONS[it.locale], await claimed(clerk, it, ask));
      });
      at(answer, async () => {
        if (it.customer)
          await answerAsCustomer(
            db,
            { id: it.customer.userId, role: "customer" },
            it.number,
            ANSWERS[it.locale],
            {
              now: new Date(answer),
            },
          );
        else
          await recordCustomerAnswer(
            db,
            clerk,
            it.id,
            { body: ANSWERS[it.locale], channel: "phone" },
            { now: new Date(answer) },
          );
      });
    } else if (rng.chance(0.12)) {
      const wait = step(0.3);
      const resume = step(0.6);
      at(wait, async () => {
        await waitInternal(db, clerk, it.id, INTERNAL_WAIT, await claimed(clerk, it, wait));
      });
      at(resume, async () => {
        await resumeWork(db, clerk, it.id, await claimed(clerk, it, resume));
      });
    }
    if ((it.dept === "customer_relations" || it.dept === "billing") && rng.chance(0.12)) {
      const target = it.dept === "customer_relations" ? "billing" : "customer_relations";
      const move = step(0.7);
      handler = clerkOf(target, salt);
      at(move, async () => {
        await transferItem(
          db,
          clerk,
          it.id,
          { departmentCode: target, reason: TRANSFER_REASON },
          await claimed(clerk, it, move),
        );
        it.dept = target;
      });
    }
    const outcome = rng.pick(OUTCOMES);
    resolveAt(it, handler, end, outcome, fate, salt);
  };

  // The ordinary requests, one fate each.
  const fates = (Object.entries(HISTORY_PLAN) as [Fate, number][]).flatMap(([f, n]) =>
    Array.from({ length: n }, () => f),
  );
  for (const [i, fate] of fates.entries()) {
    const open = !["closed", "resolved", "reopened"].includes(fate);
    const daysAgo =
      fate === "followed_up"
        ? rng.int(12, 20)
        : open
          ? rng.chance(0.35)
            ? rng.int(8, 25)
            : rng.int(0, 4)
          : fate === "resolved"
            ? rng.int(2, 24)
            : fate === "reopened"
              ? rng.int(45, 89)
              : rng.int(14, 89);
    const channel = fate === "followed_up" ? "web" : rng.pick(CHANNELS);
    const customer =
      channel === "api"
        ? null
        : channel === "web" || rng.chance(0.3)
          ? customers[rng.int(0, customers.length - 1)]!
          : null;
    const contract = customer ? rng.pick(customer.contracts) : null;
    let topic = rng.pick(TOPICS);
    if (fate === "transferred") topic = TOPICS.find((x) => x.kind === "complaint_commercial")!;
    if (contract && topic.service !== contract.service)
      topic = TOPICS.find((x) => x.kind === topic.kind && x.service === contract.service) ?? topic;
    const text =
      rng.pick(customer ? topic.texts.filter((x) => x.locale === customer.locale) : topic.texts) ??
      rng.pick(topic.texts);
    const minute =
      channel === "web" || channel === "email" || channel === "api"
        ? rng.int(7 * 60, 22 * 60)
        : rng.int(8 * 60 + 30, 16 * 60 + 15);
    let t0 = localInstant(daysAgo, minute);
    if (t0 > now - 30 * MIN) t0 = now - rng.int(30, 180) * MIN;
    const priority: Priority | undefined = rng.chance(0.07)
      ? "urgent"
      : rng.chance(0.1)
        ? "low"
        : undefined;
    const filing: Filing = {
      topic,
      text: text ?? topic.texts[0]!,
      channel,
      customer,
      contractId: contract?.id ?? null,
      zone: contract?.zone ?? rng.pick(GUEST_ZONES),
      priority,
      guest: i,
    };
    at(t0, async () => {
      const it = await fileAt(t0, filing);
      if (fate !== "new") handle(it, t0, it.due, fate, i);
    });
  }

  // A water outage a month and a half ago: the supervisor opens an incident, the complaints
  // of the zone attach to it on filing, and resolving the incident resolves them all.
  const outage = localInstant(45, 9 * 60 + 10);
  let pastIncident = "";
  at(outage, async () => {
    pastIncident = (
      await openIncident(
        db,
        supervisor,
        {
          title: "Fuite sur la conduite principale — Mouilha",
          departmentCode: "technical_interventions",
          service: "water",
          zone: PAST_OUTAGE_ZONE,
          keywords: ["fuite", "تسرب", "انقطاع", "coupure", "leak", "no water"],
        },
        { now: new Date(outage) },
      )
    ).id;
  });
  for (let k = 0; k < PAST_OUTAGE_ITEMS; k++) {
    const water = TOPICS[0]!;
    at(outage + (20 + k * 35) * MIN, () =>
      fileAt(outage + (20 + k * 35) * MIN, {
        topic: water,
        text: water.texts[k % 2]!,
        channel: k % 3 === 0 ? "phone" : "web",
        customer: null,
        contractId: null,
        zone: PAST_OUTAGE_ZONE,
        guest: 300 + k,
      }).then(() => undefined),
    );
  }
  const repaired = outage + 29 * HOUR;
  at(repaired, async () => {
    await resolveIncident(
      db,
      supervisor,
      pastIncident,
      { note: "La conduite a été réparée, l'eau est rétablie." },
      { now: new Date(repaired) },
    );
  });

  // A power cut of this morning, still open: three complaints attached, in the technicians' queue.
  const cut = Math.min(localInstant(0, 8 * 60), now - 3 * HOUR);
  at(cut, async () => {
    await openIncident(
      db,
      supervisor,
      {
        title: "انقطاع الكهرباء — أزمور الوسط",
        departmentCode: "technical_interventions",
        service: "electricity",
        zone: CURRENT_OUTAGE_ZONE,
        keywords: ["انقطاع", "coupure", "panne", "outage", "no power"],
      },
      { now: new Date(cut) },
    );
  });
  for (let k = 0; k < CURRENT_OUTAGE_ITEMS; k++) {
    const power = TOPICS[1]!;
    const t = cut + (15 + k * 25) * MIN;
    at(t, async () => {
      await fileAt(t, {
        topic: power,
        text: power.texts[k % 2]!,
        channel: k === 2 ? "counter" : "phone",
        customer: null,
        contractId: null,
        zone: CURRENT_OUTAGE_ZONE,
        guest: 400 + k,
      });
    });
  }

  // Duplicates: a customer writes in the portal, then calls about the same thing; the clerk
  // merges the call into the first request and resolves that one.
  for (let k = 0; k < DUPLICATE_PAIRS; k++) {
    const c = customers[k % customers.length]!;
    const contract = c.contracts[0]!;
    const topic = TOPICS.find((x) => x.kind === "reading_review")!;
    const text = topic.texts.find((x) => x.locale === c.locale) ?? topic.texts[0]!;
    const t = localInstant(20 + k * 17, 10 * 60);
    at(t, async () => {
      const filing = {
        topic,
        text,
        customer: c,
        contractId: contract.id,
        zone: contract.zone,
        guest: 500 + k,
      };
      const survivor = await fileAt(t, { ...filing, channel: "web" });
      const call = t + 3 * HOUR;
      const clerk = clerkOf(survivor.dept, k);
      at(call, async () => {
        const duplicate = await fileAt(call, { ...filing, channel: "phone" });
        const merge = call + 40 * MIN;
        at(merge, async () => {
          await mergeItems(
            db,
            clerk,
            survivor.id,
            duplicate.id,
            await claimed(clerk, survivor, merge),
          );
        });
        const end = call + 2 * DAY;
        resolveAt(survivor, clerk, end, "resolved", "closed", k);
      });
    });
  }

  // This morning's session: each front-office clerk takes the most urgent item of their queue.
  for (const [k, email] of ["clerk@wasla.example", "clerk2@wasla.example"].entries()) {
    const t = now - (12 - k * 4) * MIN;
    at(t, async () => {
      await takeNext(db, staff(email), { now: new Date(t) });
    });
  }

  planLetters({
    db,
    at,
    staff,
    customer: (email) => {
      const c = customers.find((x) => x.email === email);
      if (!c) throw new Error(`demo history: no customer ${email}`);
      return c;
    },
    localInstant,
    counts,
  });

  while (queue.length) {
    let next = 0;
    for (let k = 1; k < queue.length; k++) {
      const a = queue[k]!;
      const b = queue[next]!;
      if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = k;
    }
    const [step] = queue.splice(next, 1);
    await step!.run();
  }
  // These e-mails describe the past: with SMTP configured they must not go out now.
  await db
    .update(outbox)
    .set({ status: "stored" })
    .where(sql`${outbox.status} = 'pending' and ${outbox.createdAt} >= ${wallStart}`);
  return { skipped: false, ...counts, ms: Date.now() - started };
}

async function loadCustomers(db: Db): Promise<Customer[]> {
  const { rows } = await db.execute(sql`
    select u.id as user_id, u.locale, u.name, u.email, c.id as contract_id, c.service, p.zone
      from users u
      join account_contracts ac on ac.user_id = u.id
      join contracts c on c.id = ac.contract_id
      join premises p on p.id = c.premise_id
     where u.role = 'customer'
     order by u.email, c.contract_no`);
  const customers: Customer[] = [];
  for (const r of rows as {
    user_id: string;
    locale: Locale;
    name: string;
    email: string;
    contract_id: string;
    service: Service;
    zone: string;
  }[]) {
    let c = customers.find((x) => x.userId === r.user_id);
    if (!c) {
      c = { userId: r.user_id, locale: r.locale, name: r.name, email: r.email, contracts: [] };
      customers.push(c);
    }
    c.contracts.push({ id: r.contract_id, service: r.service, zone: r.zone });
  }
  if (!customers.length)
    throw new Error("demo history: no demo customers (seed the demo data set first)");
  return customers;
}
