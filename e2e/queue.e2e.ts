import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import fr from "@/lib/i18n/messages/fr.json";
import { setupBrowser, signIn } from "./support/browser";

const { newPage } = setupBrowser();
const desktop = { viewport: { width: 1280, height: 900 } };

describe("a complaint through the back-office queue", () => {
  it("is filed by phone, worked by another clerk, answered by the customer, resolved and rated", async () => {
    // 1. A clerk takes a call and files the complaint for the customer.
    const clerk = await newPage(desktop);
    await signIn(clerk, "fr", "clerk@wasla.example");
    await clerk.goto("/fr/backoffice/items/new");
    await clerk.selectOption("#channel", "phone");
    await clerk.fill("#contractNo", "1000000105");
    await clerk.fill("#callerName", "Salma Idrissi");
    await clerk.selectOption("#category", "wrong_name");
    await clerk.fill(
      "#description",
      "Le nom sur le contrat est mal orthographié : Idrissi et non Drissi.",
    );
    await Promise.all([
      clerk.waitForURL(/\/fr\/backoffice\/items\/[0-9a-f-]+\?filed=1/),
      clerk.click("main button[type=submit]"),
    ]);
    const number = (await clerk.locator("[data-testid=item-number]").innerText()).trim();
    expect(number).toMatch(/^RC-\d{4}-\d{6}$/);
    // It lands in the customer-relations queue (the routing rule for commercial complaints).
    expect(await clerk.locator("aside").innerText()).toContain("Relation clientèle");
    expect(await clerk.locator("aside").innerText()).toContain(fr.items.channel.phone);

    // 2. Another clerk takes it from the queue and asks the customer for information.
    const clerk2 = await newPage(desktop);
    await signIn(clerk2, "fr", "clerk2@wasla.example");
    await clerk2.goto("/fr/backoffice/queue");
    const row = clerk2.locator(`tr[data-number="${number}"]`);
    await Promise.all([
      clerk2.waitForURL(/\/fr\/backoffice\/items\//),
      row.getByRole("button", { name: fr.backoffice.queue.take }).click(),
    ]);
    const itemUrl = clerk2.url();
    await clerk2.fill("#ask-body", "Merci d'envoyer une copie de votre CIN pour corriger le nom.");
    await clerk2.getByRole("button", { name: fr.backoffice.item.askSubmit }).click();
    // The item now waits on the customer and leaves the clerk's hands (staff read it from their
    // side: "waiting for the customer", where the customer reads "waiting for your answer").
    await clerk2.locator("header").getByText(fr.items.staffStatus.waiting_customer).waitFor();

    // 3. The customer answers in the portal, in Arabic.
    const customer = await newPage();
    await signIn(customer, "ar", "salma@wasla.example");
    await customer.goto("/ar/requests");
    await Promise.all([
      customer.waitForURL(/\/ar\/requests\/RC-/),
      customer.getByText(number).click(),
    ]);
    expect(await customer.locator("[data-testid=item-status]").innerText()).toBe(
      ar.items.status.waiting_customer,
    );
    // The question is visible; nothing internal is.
    const timeline = await customer.locator("[data-testid=timeline]").innerText();
    expect(timeline).toContain("copie de votre CIN");
    await customer.fill("#answer-body", "أرسلت نسخة من البطاقة الوطنية إلى الوكالة.");
    await customer.getByRole("button", { name: ar.requests.answerSubmit }).click();
    await customer.getByText(ar.requests.answered).waitFor();

    // 4. The clerk sees the answer, takes the item again and resolves it.
    await clerk2.goto(itemUrl);
    expect(await clerk2.locator("[data-testid=staff-timeline]").innerText()).toContain(
      "أرسلت نسخة",
    );
    await clerk2.getByRole("button", { name: fr.backoffice.item.claim }).click();
    await clerk2.waitForURL(itemUrl);
    await clerk2.selectOption("#outcome", "resolved");
    await clerk2.fill("#resolve-note", "Le nom a été corrigé sur votre contrat.");
    await clerk2.getByRole("button", { name: fr.backoffice.item.resolveSubmit }).click();
    await clerk2.locator("header").getByText(fr.items.status.resolved).waitFor();

    // 5. The customer sees the outcome and rates it, once.
    await customer.reload();
    expect(await customer.locator("[data-testid=item-status]").innerText()).toBe(
      ar.items.status.resolved,
    );
    await customer
      .locator("label")
      .filter({ has: customer.locator('input[name="quality"][value="5"]') })
      .click();
    await customer
      .locator("label")
      .filter({ has: customer.locator('input[name="speed"][value="4"]') })
      .click();
    await customer.getByRole("button", { name: ar.requests.rateSubmit }).click();
    await customer.getByText(ar.requests.rated).waitFor();
    await customer.reload();
    await customer
      .getByText(ar.requests.yourRating.replace("{quality}", "5").replace("{speed}", "4"))
      .waitFor();
    expect(await customer.getByRole("button", { name: ar.requests.rateSubmit }).count()).toBe(0);
  });

  it("keeps one item when the complaint form is submitted twice with the same token", async () => {
    const customer = await newPage();
    await signIn(customer, "fr", "omar@wasla.example");
    await customer.goto("/fr/requests/new");
    await customer.selectOption("#category", "leak");
    await customer.fill("#description", "Fuite d'eau devant le compteur depuis ce matin.");
    // A double click: the second submission carries the same hidden key.
    await Promise.all([
      customer.waitForURL(/\/fr\/requests\/RT-/),
      customer.dblclick("main button[type=submit]"),
    ]);
    await customer.getByText(fr.requests.filedTitle).waitFor();
    await customer.goto("/fr/requests");
    expect(await customer.locator("[data-testid=request-list] li").count()).toBe(1);
  });
});
