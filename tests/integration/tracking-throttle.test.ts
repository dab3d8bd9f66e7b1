import { eq, like } from "drizzle-orm";
import { cloneElement, createElement, Fragment, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { authThrottle, type User } from "@/db/schema";
import { GET as getItem } from "@/app/api/v1/items/[number]/route";
import { GET as getAcknowledgement } from "@/app/api/registry/acknowledgement/route";
import { GET as getReply } from "@/app/api/registry/reply/route";
import TrackPage from "@/app/[locale]/(public)/track/page";
import { errorSchema } from "@/lib/api/schemas";
import { resetEnvCache } from "@/lib/env";
import ar from "@/lib/i18n/messages/ar.json";
import fr from "@/lib/i18n/messages/fr.json";
import { issueChallenge, solveChallenge } from "@/lib/registry/proof-of-work";
import { registerIncoming } from "@/lib/registry/register-incoming";
import { trackingAccess } from "@/lib/workflow/tracking-access";
import { createTestDatabase } from "../helpers/db";
import { eventCount, fileAsCustomer, itemRow, rowCount, userByEmail } from "../helpers/workflow";

// The route handlers and the page read the session and the caller's address through the guards
// (Auth.js cookies and request headers, absent outside a request), and the page its messages
// through next-intl's request config: the test says who is signed in, from where, in which
// language; everything else, the database included, is real.
const session = vi.hoisted(() => ({
  user: null as User | null,
  ip: null as string | null,
  locale: "fr" as "ar" | "fr" | "en",
}));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentUser: async () => session.user,
  currentRequestMeta: async () => ({ ip: session.ip, userAgent: null }),
  isStaff: (u: Pick<User, "role">) => ["clerk", "supervisor", "admin"].includes(u.role),
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async (namespace?: string) =>
      createTranslator({
        locale: session.locale,
        messages: MESSAGES[session.locale],
        namespace: namespace as never,
      }),
  };
});

let db: Db;
let customer: User;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  process.env.REGISTRY_POW_BITS = "8";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  // The route handlers use the process-wide database: this file's own.
  globalForDb.__waslaDb = db;
  customer = await userByEmail(db, "customer@wasla.example");
});
afterAll(() => {
  delete globalForDb.__waslaDb;
});

const none = undefined as never;
const FILED_AT = new Date("2026-06-03T09:00:00Z");
const MINUTE = 60_000;

/** A complaint of the demo customer: an owner for the session, a number and code for guests. */
async function fileItem() {
  return fileAsCustomer(
    db,
    customer,
    {
      category: "wrong_name",
      description: "Le contrat est encore au nom de l'ancien propriétaire du logement.",
    },
    FILED_AT,
  );
}

/** A wrong code: real codes never hold O or 0 (numbering.ts), so it cannot be the right one. */
const wrongCode = (_code: string, i = 0) => `WRONG${String(i).padStart(3, "0")}`;

function api(number: string, ip: string, code?: string, user: User | null = null) {
  session.user = user;
  const query = code === undefined ? "" : `?code=${encodeURIComponent(code)}`;
  return getItem(
    new Request(`http://localhost/api/v1/items/${encodeURIComponent(number)}${query}`, {
      headers: { "x-forwarded-for": ip, "accept-language": "fr" },
    }),
    { params: Promise.resolve({ number }) },
  );
}

async function failures(key: string): Promise<number> {
  const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
  return row?.failures ?? 0;
}

describe("guests following an item by number and tracking code", () => {
  it("refuses the right code with 429 after 10 wrong ones from one address, and changes nothing else", async () => {
    const filed = await fileItem();
    const ip = "198.51.100.10";
    const before = {
      row: await itemRow(db, filed.itemId),
      events: await eventCount(db, filed.itemId),
    };
    for (let i = 0; i < 10; i++) {
      const res = await api(filed.number, ip, wrongCode(filed.trackingCode, i));
      expect(res.status).toBe(404);
    }
    expect(await failures(`track:ip:${ip}`)).toBe(10);
    expect(await failures(`track:number:${filed.number}`)).toBe(10);
    const items = await rowCount(db, "work_items");
    const audit = await rowCount(db, "audit_log");

    const refused = await api(filed.number, ip, filed.trackingCode);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(errorSchema.parse(await refused.json()).error).toEqual({
      code: "RATE_LIMITED",
      message: fr.errors.RATE_LIMITED,
    });
    // Nothing else moved: the item, its timeline, the tables, and the counts themselves (a
    // refused request is not compared, so it is neither a failure nor a success).
    expect(await itemRow(db, filed.itemId)).toEqual(before.row);
    expect(await eventCount(db, filed.itemId)).toBe(before.events);
    expect(await rowCount(db, "work_items")).toBe(items);
    expect(await rowCount(db, "audit_log")).toBe(audit);
    expect(await failures(`track:ip:${ip}`)).toBe(10);
    expect(await failures(`track:number:${filed.number}`)).toBe(10);
    // A wrong code is refused alike: the lock answers before any comparison.
    expect((await api(filed.number, ip, wrongCode(filed.trackingCode))).status).toBe(429);

    // Another address is not affected (the number has 10 of its 20).
    const other = await api(filed.number, "198.51.100.11", filed.trackingCode);
    expect(other.status).toBe(200);
    expect(((await other.json()) as { number: string }).number).toBe(filed.number);

    // The owner, signed in, reads from the locked address, with or without a (wrong) code,
    // and counts nothing.
    expect((await api(filed.number, ip, undefined, customer)).status).toBe(200);
    expect((await api(filed.number, ip, wrongCode(filed.trackingCode), customer)).status).toBe(200);
    expect(await failures(`track:ip:${ip}`)).toBe(10);

    // After the lock (the throttle's clock): the right code works again from that address.
    const later = new Date(Date.now() + 15 * MINUTE + 1000);
    const gate = { number: filed.number, code: filed.trackingCode, ip };
    expect((await trackingAccess(db, gate)).kind).toBe("throttled");
    expect((await trackingAccess(db, gate, later)).kind).toBe("code");
  });

  it("answers a wrong number and a wrong code alike, and counts them alike", async () => {
    const filed = await fileItem();
    const ip = "198.51.100.20";
    const unknownNumber = filed.number.replace(/\d{6}$/, "999999");
    const wrongCodeRes = await api(filed.number, ip, wrongCode(filed.trackingCode));
    const wrongNumberRes = await api(unknownNumber, ip, filed.trackingCode);
    expect(wrongCodeRes.status).toBe(404);
    expect(wrongNumberRes.status).toBe(404);
    expect(await wrongCodeRes.json()).toEqual(await wrongNumberRes.json());
    expect(wrongCodeRes.headers.get("retry-after")).toBeNull();
    expect(await failures(`track:ip:${ip}`)).toBe(2);
    expect(await failures(`track:number:${filed.number}`)).toBe(1);
    expect(await failures(`track:number:${unknownNumber}`)).toBe(1);
    // The number's key is canonical: a lower-case variant does not get a fresh allowance.
    await api(filed.number.toLowerCase(), ip, wrongCode(filed.trackingCode));
    expect(await failures(`track:number:${filed.number}`)).toBe(2);
  });

  it("locks a number after 20 wrong codes from many addresses, but never its owner", async () => {
    const filed = await fileItem();
    for (let i = 0; i < 20; i++) {
      const res = await api(filed.number, `203.0.113.${i + 1}`, wrongCode(filed.trackingCode, i));
      expect(res.status).toBe(404);
    }
    const fresh = "203.0.113.200";
    const refused = await api(filed.number, fresh, filed.trackingCode);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await failures(`track:ip:${fresh}`)).toBe(0);
    expect((await api(filed.number, fresh, undefined, customer)).status).toBe(200);
    // Another number from the same fresh address is not affected.
    const another = await fileItem();
    expect((await api(another.number, fresh, another.trackingCode)).status).toBe(200);
    // 15 minutes after the twentieth, the right code passes again.
    const later = new Date(Date.now() + 15 * MINUTE + 1000);
    const gate = { number: filed.number, code: filed.trackingCode, ip: fresh };
    expect((await trackingAccess(db, gate, later)).kind).toBe("code");
  });

  it("does not let a right code (an item of one's own) reset an address's count", async () => {
    const target = await fileItem();
    const mine = await fileItem();
    const ip = "198.51.100.30";
    for (let i = 0; i < 9; i++) await api(target.number, ip, wrongCode(target.trackingCode, i));
    expect((await api(mine.number, ip, mine.trackingCode)).status).toBe(200);
    expect(await failures(`track:ip:${ip}`)).toBe(9);
    expect((await api(target.number, ip, wrongCode(target.trackingCode, 9))).status).toBe(404);
    expect((await api(mine.number, ip, mine.trackingCode)).status).toBe(429);
  });

  it("never counts a signed-in customer asking without a code", async () => {
    const filed = await fileItem();
    const youssef = await userByEmail(db, "youssef@wasla.example");
    const ip = "198.51.100.40";
    expect((await api(filed.number, ip, undefined, youssef)).status).toBe(404);
    expect(await failures(`track:ip:${ip}`)).toBe(0);
    // With a wrong code, a customer who is not the owner is a guesser like any other.
    expect((await api(filed.number, ip, wrongCode(filed.trackingCode), youssef)).status).toBe(404);
    expect(await failures(`track:ip:${ip}`)).toBe(1);
  });
});

describe("a letter's documents by number and tracking code", () => {
  function pdfRoute(
    route: typeof getAcknowledgement,
    path: string,
    number: string,
    code: string,
    ip: string,
    user: User | null = null,
  ) {
    session.user = user;
    const q = `number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}&lang=fr`;
    return route(
      new Request(`http://localhost${path}?${q}`, {
        headers: { "x-forwarded-for": ip, "accept-language": "fr" },
      }),
      none,
    );
  }

  it("share the tracking throttle: wrong codes on the PDFs lock the item API and the PDFs", async () => {
    const challenge = issueChallenge(FILED_AT);
    const filed = await registerIncoming(
      db,
      {
        channel: "web",
        category: "inquiry",
        subject: "Question sur ma facture",
        message: "Pourquoi ma facture de mai est-elle plus élevée que d'habitude ?",
        sender: { name: "Nadia Benali", nationalId: "CD654321", email: "nadia@example.com" },
        locale: "fr",
      },
      { kind: "guest", ip: "192.0.2.99", proof: { challenge, nonce: solveChallenge(challenge) } },
      { now: FILED_AT },
    );
    const ip = "198.51.100.50";
    const wrong = (i: number) => wrongCode(filed.trackingCode, i);
    for (let i = 0; i < 5; i++) {
      const res = await pdfRoute(
        getAcknowledgement,
        "/api/registry/acknowledgement",
        filed.registryNo,
        wrong(i),
        ip,
      );
      expect(res.status).toBe(404);
    }
    for (let i = 5; i < 10; i++) {
      const res = await pdfRoute(getReply, "/api/registry/reply", filed.registryNo, wrong(i), ip);
      expect(res.status).toBe(404);
    }
    expect(await failures(`track:ip:${ip}`)).toBe(10);
    expect((await api(filed.registryNo, ip, filed.trackingCode)).status).toBe(429);
    const ack = await pdfRoute(
      getAcknowledgement,
      "/api/registry/acknowledgement",
      filed.registryNo,
      filed.trackingCode,
      ip,
    );
    expect(ack.status).toBe(429);
    expect(ack.headers.get("retry-after")).toMatch(/^\d+$/);
    // From elsewhere the right code still downloads the acknowledgement.
    const elsewhere = await pdfRoute(
      getAcknowledgement,
      "/api/registry/acknowledgement",
      filed.registryNo,
      filed.trackingCode,
      "198.51.100.51",
    );
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get("content-type")).toBe("application/pdf");
    // Counted against the letter's number like any item's.
    const numberKeys = await db
      .select()
      .from(authThrottle)
      .where(like(authThrottle.key, `track:number:${filed.registryNo}`));
    expect(numberKeys[0]?.failures).toBe(10);
  });
});

/** A server component tree with its async components awaited, ready for static rendering. */
async function resolveTree(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveTree));
  if (!isValidElement<{ children?: ReactNode }>(node)) return node;
  const { type, props } = node;
  if (typeof type === "function" && type.constructor.name === "AsyncFunction")
    return resolveTree(await (type as (p: unknown) => Promise<ReactNode>)(props));
  if (props.children === undefined) return node;
  const children = await resolveTree(props.children);
  // Children go back as they came (spread, not one array), so React sees no unkeyed list.
  return Array.isArray(props.children)
    ? cloneElement(node, undefined, ...(children as ReactNode[]))
    : cloneElement(node, undefined, children);
}

describe("the tracking page", () => {
  async function page(
    number: string,
    code: string,
    ip: string,
    options: { user?: User | null; locale?: "ar" | "fr" | "en" } = {},
  ): Promise<string> {
    session.user = options.user ?? null;
    session.ip = ip;
    session.locale = options.locale ?? "fr";
    const tree = await TrackPage({
      params: Promise.resolve({ locale: session.locale }),
      searchParams: Promise.resolve({ number, code }),
    });
    return renderToStaticMarkup(createElement(Fragment, null, await resolveTree(tree)));
  }

  it("shows the throttle message in the form's language once an address made 10 wrong guesses", async () => {
    const filed = await fileItem();
    const { title } = await itemRow(db, filed.itemId);
    const ip = "198.51.100.60";
    const escape = (text: string) => renderToStaticMarkup(createElement(Fragment, null, text));
    for (let i = 0; i < 10; i++) {
      const html = await page(filed.number, wrongCode(filed.trackingCode, i), ip);
      expect(html).toContain(escape(fr.track.notFound));
    }
    const refused = await page(filed.number, filed.trackingCode, ip);
    expect(refused).toContain(escape(fr.track.throttled));
    expect(refused).not.toContain(escape(fr.track.notFound));
    expect(refused).not.toContain(escape(title));
    const refusedAr = await page(filed.number, filed.trackingCode, ip, { locale: "ar" });
    expect(refusedAr).toContain(escape(ar.track.throttled));
    // Another address sees the item; so does the owner, signed in, from the locked address.
    expect(await page(filed.number, filed.trackingCode, "198.51.100.61")).toContain(escape(title));
    const owner = await page(filed.number, filed.trackingCode, ip, { user: customer });
    expect(owner).toContain(escape(title));
    expect(owner).not.toContain(escape(fr.track.throttled));
    // The page and the API count against the same keys.
    expect((await api(filed.number, ip, filed.trackingCode)).status).toBe(429);
  });
});
