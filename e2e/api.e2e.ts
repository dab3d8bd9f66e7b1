import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/openapi";
import { contractListSchema, errorSchema, itemStatusSchema } from "@/lib/api/schemas";
import fr from "@/lib/i18n/messages/fr.json";
import { setupBrowser, signIn } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

describe("the JSON API", () => {
  it("documents every route, and each answers in its documented shape", async () => {
    const doc = (await (await get("/api/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const customer = await sessionCookieFor("customer@wasla.example");
    const own = (
      (await (await get("/api/v1/contracts", { cookie: customer })).json()) as {
        contracts: {
          id: string;
          contractNo: string;
          meters: { serial: string; registers: { lastIndex: string | null }[] }[];
        }[];
      }
    ).contracts;
    // The water contract's last seeded index, so that the example reading is a little above it.
    const water = own.find((c) => c.contractNo === "2000000101");
    const lastIndex = Number(water?.meters[0]?.registers[0]?.lastIndex ?? "0");
    // A bill with something due for the checkout example: Omar's, which no other journey pays
    // (the journeys share one database, and their order is not fixed).
    const omar = await sessionCookieFor("omar@wasla.example");
    // Staff operations (the figures) are read by a supervisor.
    const supervisor = await sessionCookieFor("supervisor@wasla.example");
    const payable = (
      (await (await get("/api/v1/bills?contractNo=2000000104", { cookie: omar })).json()) as {
        bills: { id: string; amountDue: string }[];
      }
    ).bills.find((b) => Number(b.amountDue) > 0);
    // Partner operations authenticate with the demo partner key (seeded outside production, or
    // with DEMO_PARTNER_KEY). The example pays Youssef's bill: the payment journeys use Fatima's.
    const partner = { authorization: "Bearer wasla_demo_partner_2026" };
    const unpaid = (
      (await (
        await get("/api/v1/partner/bills?contractNo=1000000102", { headers: partner })
      ).json()) as { bills: { billNo: string; amountDue: string; currency: string }[] }
    ).bills[0];
    // Each POST operation's example body; a new POST route needs its entry here.
    const examples: Record<string, unknown> = {
      "/api/v1/partner/payments": {
        billNo: unpaid?.billNo,
        amount: unpaid?.amountDue,
        currency: unpaid?.currency,
        partnerRef: `doc-${Date.now()}`,
        paidAt: new Date().toISOString(),
      },
      "/api/v1/complaints": {
        category: "leak",
        contractNo: "2000000101",
        description: "Fuite d'eau au niveau du compteur",
      },
      "/api/v1/tariffs/simulate": { tariffCode: "MA-ELEC-RES", consumption: "١٥١" },
      "/api/v1/readings": {
        contractNo: "2000000101",
        meterSerial: "EAU-2020-01187",
        readings: [{ register: "single", index: String(lastIndex + 20) }],
      },
      "/api/v1/payments/checkout": { billIds: [payable?.id] },
      "/api/v1/letters": {
        category: "inquiry",
        subject: "Copie du contrat",
        message: "Merci de m'envoyer une copie de mon contrat d'abonnement.",
        sender: { name: "Fatima-Zahra El Amrani", nationalId: "AB123456", phone: "0612345678" },
        consent: true,
      },
    };
    // Query strings of GET operations that need one.
    const queries: Record<string, string> = {
      "/api/v1/partner/bills": "?contractNo=1000000102",
      "/api/v1/readings": "?contractNo=2000000101",
      "/api/v1/bills": "?contractNo=2000000101",
      "/api/bills/{id}/pdf": "?lang=ar",
    };
    const bills = (
      (await (await get("/api/v1/bills", { cookie: customer })).json()) as {
        bills: { id: string }[];
      }
    ).bills;
    // Operations run in document order: the complaint filed by POST is the item read by GET.
    let filedNumber = "";
    // The connection request names the document uploaded just before it, and is then read back.
    let uploadedFileId = "";
    let requestId = "";
    for (const op of OPERATIONS) {
      if (op.path === "/api/v1/requests")
        examples[op.path] = {
          typeCode: "subscription",
          service: "water",
          applicant: {
            name: "Fatima Zahra Amrani",
            nationalId: "M123456",
            phone: "0661000000",
            email: "customer@wasla.example",
          },
          premises: { addressLine: "12 rue Al Andalous", city: "El Jadida", use: "domestic" },
          detail: "15",
          occupancy: "tenant",
          documents: { national_id: uploadedFileId, title_or_lease: uploadedFileId },
        };
      expect(doc.paths[op.path], op.path).toBeDefined();
      const isPost = op.method === "post";
      const path =
        op.path
          .replace(
            "{id}",
            op.path.includes("/bills/")
              ? bills[0]!.id
              : op.path.startsWith("/api/v1/requests")
                ? requestId
                : own[0]!.id,
          )
          .replace("{number}", filedNumber) + (isPost ? "" : (queries[op.path] ?? ""));
      expect(
        isPost && !op.multipart ? examples[op.path] : true,
        `example body of ${op.path}`,
      ).toBeDefined();
      const init: RequestInit & { cookie?: string } = {
        cookie:
          op.auth === "none" || op.auth === "partner"
            ? undefined
            : op.path === "/api/v1/payments/checkout"
              ? omar
              : op.auth === "staff"
                ? supervisor
                : customer,
        ...(op.auth === "partner" && !isPost ? { headers: partner } : {}),
        ...(op.multipart
          ? { method: "POST", body: pdfForm() }
          : isPost
            ? {
                method: "POST",
                headers: {
                  "content-type": "application/json",
                  "idempotency-key": `doc-${op.path}-${Date.now()}`,
                  ...(op.auth === "partner" ? partner : {}),
                },
                body: JSON.stringify(examples[op.path]),
              }
            : {}),
      };
      const res = await get(path, init);
      // A POST that stores nothing (the bill simulator) answers 200.
      const ok = isPost && op.responses[201] ? 201 : 200;
      expect(res.status, op.path).toBe(ok);
      const body = (await res.json().catch(() => null)) as unknown;
      const schema = op.responses[ok]?.schema;
      if (schema) expect(schema.safeParse(body).success, op.path).toBe(true);
      if (op.path === "/api/bills/{id}/pdf")
        expect(res.headers.get("content-type"), op.path).toMatch(/^application\/pdf/);
      if (op.path === "/api/v1/complaints") filedNumber = (body as { number: string }).number;
      if (op.path === "/api/v1/requests/documents")
        uploadedFileId = (body as { fileId: string }).fileId;
      if (op.path === "/api/v1/requests") requestId = (body as { id: string }).id;
      // A guest may submit a reading without a session (the serial is the proof), so only the
      // routes that need a session are checked for 401.
      if (op.auth !== "none" && op.auth !== "session-or-serial" && op.auth !== "session-or-proof") {
        const { cookie: _omit, ...anonymousInit } = init;
        void _omit;
        const { authorization: _key, ...headers } = (anonymousInit.headers ?? {}) as Record<
          string,
          string
        >;
        void _key;
        const anonymous = await get(path, {
          ...anonymousInit,
          headers: { ...headers, "accept-language": "fr" },
        });
        expect(anonymous.status, `${op.path} without a session`).toBe(401);
        const error = errorSchema.parse(await anonymous.json());
        expect(error.error).toEqual({
          code: "UNAUTHENTICATED",
          message: fr.errors.UNAUTHENTICATED,
        });
      }
    }
  });

  it("files a complaint once per Idempotency-Key, and refuses bad input with a localised 4xx that changes nothing", async () => {
    const customer = await sessionCookieFor("khadija@wasla.example");
    const post = (body: string, headers: Record<string, string> = {}) =>
      get("/api/v1/complaints", {
        method: "POST",
        cookie: customer,
        headers: { "content-type": "application/json", "accept-language": "ar", ...headers },
        body,
      });
    const valid = JSON.stringify({
      category: "outage",
      contractNo: "1000000103",
      description: "انقطاع التيار الكهربائي في المنزل",
    });
    const first = await post(valid, { "idempotency-key": "khadija-retry-1" });
    expect(first.status).toBe(201);
    const filed = (await first.json()) as { number: string; trackingCode: string };
    const replay = await post(valid, { "idempotency-key": "khadija-retry-1" });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(filed);
    const conflict = await post(
      JSON.stringify({ category: "leak", description: "Une autre chose entièrement" }),
      { "idempotency-key": "khadija-retry-1" },
    );
    expect(conflict.status).toBe(409);

    const bad: [string, Record<string, string>, number, string][] = [
      ["", {}, 400, "VALIDATION_FAILED"],
      ["{not json", {}, 400, "VALIDATION_FAILED"],
      [
        JSON.stringify({ category: "earthquake", description: "x".repeat(20) }),
        {},
        400,
        "VALIDATION_FAILED",
      ],
      [JSON.stringify({ category: "outage", description: 12345 }), {}, 400, "VALIDATION_FAILED"],
      [
        JSON.stringify({ category: "outage", description: "x".repeat(10_000) }),
        {},
        400,
        "VALIDATION_FAILED",
      ],
      [
        JSON.stringify({
          category: "outage",
          contractNo: "1000000101",
          description: "le contrat de quelqu'un d'autre",
        }),
        {},
        400,
        "VALIDATION_FAILED",
      ],
      [
        JSON.stringify({
          category: "outage",
          contractNo: "1'; DROP TABLE work_items;--",
          description: "<script>alert(1)</script> injection",
        }),
        {},
        400,
        "VALIDATION_FAILED",
      ],
      [
        JSON.stringify({ category: "outage", description: "y".repeat(70_000) }),
        {},
        413,
        "PAYLOAD_TOO_LARGE",
      ],
      [valid, { "content-type": "text/plain" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ];
    for (const [body, headers, status, code] of bad) {
      const res = await post(body, headers);
      expect(res.status, body.slice(0, 40)).toBe(status);
      const error = errorSchema.parse(await res.json());
      expect(error.error.code).toBe(code);
      expect(error.error.message).toMatch(/[\u0600-\u06ff]/);
    }
    // Only the one complaint exists for Khadija.
    const mine = await get(`/api/v1/items/${filed.number}`, { cookie: customer });
    expect(mine.status).toBe(200);
  });

  it("shows an item to its owner and to a guest with the tracking code, and to nobody else", async () => {
    const owner = await sessionCookieFor("salma@wasla.example");
    const res = await get("/api/v1/complaints", {
      method: "POST",
      cookie: owner,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        category: "bill_dispute",
        contractNo: "1000000105",
        description: "Montant de la facture anormal",
      }),
    });
    const { number, trackingCode } = (await res.json()) as { number: string; trackingCode: string };
    const asGuest = await get(`/api/v1/items/${number}?code=${trackingCode}`, {
      headers: { "accept-language": "fr" },
    });
    expect(asGuest.status).toBe(200);
    const item = itemStatusSchema.parse(await asGuest.json());
    expect(item.timeline[0]?.text).toBe(fr.items.events.created);
    expect((await get(`/api/v1/items/${number}?code=WRONGCODE`)).status).toBe(404);
    const other = await sessionCookieFor("youssef@wasla.example");
    expect((await get(`/api/v1/items/${number}`, { cookie: other })).status).toBe(404);
    expect((await get(`/api/v1/items/${number}`)).status).toBe(401);
  });

  it("lists only the signed-in customer's own contracts", async () => {
    const mine = contractListSchema.parse(
      await (
        await get("/api/v1/contracts", { cookie: await sessionCookieFor("customer@wasla.example") })
      ).json(),
    );
    const theirs = contractListSchema.parse(
      await (
        await get("/api/v1/contracts", { cookie: await sessionCookieFor("youssef@wasla.example") })
      ).json(),
    );
    expect(mine.contracts.map((c) => c.contractNo)).toContain("1000000101");
    // Containment, not equality: the connections journey may have given Youssef a new contract.
    expect(theirs.contracts.map((c) => c.contractNo)).toEqual(
      expect.arrayContaining(["1000000102", "2000000102"]),
    );
    const overlap = mine.contracts.filter((c) => theirs.contracts.some((t) => t.id === c.id));
    expect(overlap).toEqual([]);
    const dayNight = theirs.contracts
      .find((c) => c.service === "electricity")!
      .meters[0]!.registers.map((r) => r.name);
    expect(dayNight.sort()).toEqual(["day", "night"]);
  });

  it("answers 404 for another customer's contract, exactly like an unknown id", async () => {
    const customer = await sessionCookieFor("customer@wasla.example");
    const theirs = contractListSchema.parse(
      await (
        await get("/api/v1/contracts", { cookie: await sessionCookieFor("youssef@wasla.example") })
      ).json(),
    );
    for (const id of [
      theirs.contracts[0]!.id,
      "00000000-0000-4000-8000-000000000000",
      "not-a-uuid",
      "1%27%20OR%201=1",
    ]) {
      const res = await get(`/api/v1/contracts/${id}`, { cookie: customer });
      expect(res.status, id).toBe(404);
      expect(errorSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("answers /api/health with the database checked", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("sends security headers and a locked-down session cookie", async () => {
    const res = await get("/fr");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    expect(res.headers.get("x-powered-by")).toBeNull();

    const page = await newPage();
    await signIn(page, "fr", "omar@wasla.example");
    const cookie = (await page.context().cookies()).find((c) =>
      c.name.endsWith("authjs.session-token"),
    );
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  it("still runs a server action when the request carries no Origin header", async () => {
    const page = await newPage();
    await signIn(page, "en", "omar@wasla.example");
    await page.route("**/*", async (route) => {
      const headers = { ...route.request().headers() };
      delete headers.origin;
      await route.continue({ headers });
    });
    await page.goto("/en/dashboard");
    await page.fill("#contractNo", "1000000106");
    await page.fill("#proof", "C100006");
    await page.click("main form button[type=submit]");
    await page.getByText("The contract has been added to your account.").waitFor();
  });
});

/** A multipart body with a small PDF, for the upload operation. */
function pdfForm(): FormData {
  const form = new FormData();
  const pdf = `%PDF-1.4\n% api ${Date.now()}\n%%EOF\n`;
  form.set("file", new Blob([pdf], { type: "application/pdf" }), "piece.pdf");
  return form;
}
