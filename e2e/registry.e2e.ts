import { describe, expect, it } from "vitest";
import { pdfText } from "@/lib/documents/pdf-text";
import ar from "@/lib/i18n/messages/ar.json";
import registryAr from "@/lib/i18n/messages/registry/ar.json";
import { solveChallenge } from "@/lib/registry/proof-of-work";
import { setupBrowser, signIn } from "./support/browser";
import { get } from "./support/http";

const { newPage } = setupBrowser();
const desktop = { viewport: { width: 1280, height: 900 } };

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

describe("a letter to the mail registry, in Arabic", () => {
  it("is deposited by a guest, distributed, answered, approved, registered and read on the tracking page", async () => {
    // 1. A guest finds the deposit on the home page and sends a complaint with a PDF.
    const guest = await newPage();
    const dialogs: string[] = [];
    guest.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await guest.goto("/ar");
    await Promise.all([
      guest.waitForURL(/\/ar\/letters\/new/),
      guest.getByRole("link", { name: registryAr.home.cta }).click(),
    ]);
    expect(await guest.locator("html").getAttribute("dir")).toBe("rtl");
    await guest.fill("#senderName", "فاطمة الزهراء العمراني");
    await guest.fill("#nationalId", "ab 123456");
    await guest.fill("#phone", "٠٦١٢٣٤٥٦٧٨");
    await guest.selectOption("#category", "complaint");
    await guest.fill("#subject", "انقطاع الماء منذ ثلاثة أيام");
    await guest.fill("#message", `لا يصل الماء إلى منزلي منذ ثلاثة أيام. ${HOSTILE}`);
    await guest.setInputFiles("#attachments", {
      name: "فاتورة.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await guest.locator("input[name=consent]").check();
    const submit = guest.getByRole("button", { name: registryAr.deposit.submit });
    // The proof of work is solved in the browser before the button is enabled.
    await expect.poll(() => submit.isEnabled(), { timeout: 60_000 }).toBe(true);
    await Promise.all([guest.waitForURL(/\/ar\/letters\/acknowledgement\?/), submit.click()]);

    // 2. The acknowledgement, at once: number, code, and its PDF.
    const values = await guest.locator("dd").allInnerTexts();
    const number = values[0]!.trim();
    const code = values[2]!.trim();
    expect(number).toMatch(/^ARR-\d{4}-\d{6}$/);
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    const ack = await guest.request.get(
      `/api/registry/acknowledgement?number=${number}&code=${code}&lang=ar`,
    );
    expect(ack.headers()["content-type"]).toBe("application/pdf");
    const ackText = pdfText(Buffer.from(await ack.body()));
    expect(ackText).toContain(number);
    expect(ackText).toContain(code);
    expect(ackText).toMatch(/[0-9a-f]{64}/);

    // 3. A registry clerk finds it in the incoming register and distributes it.
    const registry = await newPage(desktop);
    await signIn(registry, "ar", "registry@wasla.example");
    await registry.goto(`/ar/backoffice/registry?number=${number}`);
    await Promise.all([
      registry.waitForURL(/\/ar\/backoffice\/registry\/[0-9a-f-]+$/),
      registry.getByRole("link", { name: number }).click(),
    ]);
    const entryUrl = registry.url();
    // The message is shown as text, never run.
    expect(await registry.locator("[data-testid=letter-body]").innerText()).toContain("<script>");
    await registry.selectOption("#lead", "customer_relations");
    await registry.getByRole("button", { name: registryAr.admin.distribute.submit }).click();
    await registry.getByText(registryAr.admin.distribute.done).waitFor();
    const itemHref = await registry
      .locator("a[href*='/backoffice/items/']")
      .filter({ hasText: /^BO-/ })
      .first()
      .getAttribute("href");
    expect(itemHref).toBeTruthy();

    // 4. A clerk of the lead department drafts the reply on the item in their queue.
    const clerk = await newPage(desktop);
    await signIn(clerk, "ar", "clerk@wasla.example");
    await clerk.goto(itemHref!);
    await clerk.selectOption("#reply-locale", "ar");
    await clerk.fill("#reply-subject", "جواب على شكايتكم");
    await clerk.fill(
      "#reply-body",
      `تدخلت فرقنا التقنية وعاد التزويد بالماء إلى حالته العادية. ${HOSTILE}`,
    );
    await clerk.getByRole("button", { name: registryAr.admin.replyPanel.save }).click();
    await clerk.getByText(registryAr.admin.replyPanel.saved).waitFor();

    // 5. The supervisor approves it.
    const supervisor = await newPage(desktop);
    await signIn(supervisor, "ar", "supervisor@wasla.example");
    await supervisor.goto(itemHref!);
    await supervisor.getByRole("button", { name: registryAr.admin.replyPanel.approve }).click();
    await supervisor.getByText(registryAr.admin.replyPanel.approved).waitFor();

    // 6. The registry office registers it in the outgoing register and sends it.
    await registry.goto(entryUrl);
    await registry.getByRole("button", { name: registryAr.admin.entry.register }).click();
    const notice = registry.getByText(/DEP-\d{4}-\d{6}/).first();
    await notice.waitFor();
    const outgoing = /DEP-\d{4}-\d{6}/.exec(await notice.innerText())![0];

    // 7. The guest reads the answer on the tracking page, with the letter's PDF.
    await guest.goto(`/ar/track?number=${number}&code=${code}`);
    const timeline = await guest.locator("[data-testid=timeline]").innerText();
    expect(timeline).toContain("تدخلت فرقنا التقنية");
    expect(timeline).toContain(`alert("x")`);
    expect(await guest.locator("main").innerText()).toContain(outgoing);
    expect(await guest.locator("main").innerText()).toContain(ar.items.status.resolved);
    const reply = await guest.request.get(`/api/registry/reply?number=${number}&code=${code}`);
    expect(reply.status()).toBe(200);
    expect(pdfText(Buffer.from(await reply.body()))).toContain(outgoing);
    // Nothing the guest or the clerk typed ever ran.
    expect(dialogs).toEqual([]);

    // A wrong code says nothing about whether the number exists.
    await guest.goto(`/ar/track?number=${number}&code=WRONG234`);
    const wrong = await guest.locator("main").innerText();
    await guest.goto(`/ar/track?number=ARR-1999-000001&code=WRONG234`);
    expect(await guest.locator("main").innerText()).toBe(wrong.replace(number, "ARR-1999-000001"));
    expect(
      (await guest.request.get(`/api/registry/reply?number=${number}&code=WRONG234`)).status(),
    ).toBe(404);
  }, 240_000);

  it("refuses a file that lies about its type and a message of 100,000 characters", async () => {
    const guest = await newPage();
    await guest.goto("/fr/letters/new");
    await guest.fill("#senderName", "Sara Alaoui");
    await guest.fill("#nationalId", "AB123456");
    await guest.fill("#email", "sara@example.com");
    await guest.selectOption("#category", "request");
    await guest.fill("#subject", "Copie du contrat");
    await guest.fill("#message", "Merci de m'envoyer une copie du contrat.");
    await guest.setInputFiles("#attachments", {
      name: "contrat.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await guest.locator("input[name=consent]").check();
    const submit = guest.locator("main button[type=submit]");
    await expect.poll(() => submit.isEnabled(), { timeout: 60_000 }).toBe(true);
    await submit.click();
    const fr = (await import("@/lib/i18n/messages/fr.json")).default;
    await guest.getByText(fr.validation.attachmentType).first().waitFor();
    expect(guest.url()).toContain("/fr/letters/new");

    // The browser checks the length first, with the same message the server gives.
    await guest.fill("#message", "x".repeat(100_000));
    await guest.locator("#subject").focus();
    await guest.getByText(fr.validation.messageTooLong).first().waitFor();
  }, 120_000);

  it("takes a guest's letter through the API with a proof of work, once per proof", async () => {
    const { challenge } = (await (await get("/api/v1/letters/challenge")).json()) as {
      challenge: string;
    };
    const body = {
      category: "inquiry",
      subject: "Copie du contrat",
      message: "Merci de m'envoyer une copie de mon contrat.",
      sender: { name: "Sara Alaoui", nationalId: "AB123456", email: "sara@example.com" },
      consent: true,
      proof: { challenge, nonce: solveChallenge(challenge) },
    };
    const post = (json: unknown) =>
      get("/api/v1/letters", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "fr" },
        body: JSON.stringify(json),
      });
    const filed = await post(body);
    expect(filed.status).toBe(201);
    const { registryNo, trackingCode } = (await filed.json()) as {
      registryNo: string;
      trackingCode: string;
    };
    expect(registryNo).toMatch(/^ARR-\d{4}-\d{6}$/);
    // The same proof files nothing more.
    const again = await post({ ...body, subject: "Autre" });
    expect(again.status).toBe(400);
    expect(
      ((await again.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toHaveProperty("proof");
    // A message of 100,000 characters: a clear 400, not an oversized body or a 500.
    const long = await post({ ...body, message: "x".repeat(100_000) });
    expect(long.status).toBe(400);
    const fr = (await import("@/lib/i18n/messages/fr.json")).default;
    expect(
      ((await long.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toEqual({ message: fr.validation.messageTooLong });
    // Status by number and code; a wrong code and an unknown number answer alike.
    const status = await get(`/api/v1/items/${registryNo}?code=${trackingCode}`);
    expect(status.status).toBe(200);
    expect(((await status.json()) as { status: string }).status).toBe("new");
    const wrong = await get(`/api/v1/items/${registryNo}?code=WRONG234`);
    const unknown = await get(`/api/v1/items/ARR-1999-000001?code=${trackingCode}`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.text()).toBe(await unknown.text());
  }, 60_000);
});
