import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { complaints, departments, workItems, type User } from "@/db/schema";
import {
  askAction,
  fileForCustomerAction,
  noteAction,
  replyAction,
  resolveAction,
  transferAction,
} from "@/app/[locale]/(backoffice)/backoffice/items/actions";
import type { FormState } from "@/lib/actions/form-state";
import { resetEnvCache } from "@/lib/env";
import { claimItem } from "@/lib/workflow/claim";
import { closeItem, resolveItem } from "@/lib/workflow/clerk-actions";
import { ITEM_TEXT_MAX } from "@/lib/workflow/schemas";
import { DESCRIPTION_MAX } from "@/lib/complaints/schemas";
import { createTestDatabase } from "../helpers/db";
import { expectLocalisedRefusal, formOf, snapshot } from "../helpers/bad-input";
import { fileAsCustomer, itemRow, userByEmail } from "../helpers/workflow";

// The server actions read the session and the request through the guards, the locale through
// next-intl and revalidate through next/cache (all request-bound): the test says who is signed
// in; the actions, the workflow and the database are real.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
  currentRequestMeta: async () => ({ ip: "203.0.113.7", userAgent: "vitest" }),
  isStaff: (u: Pick<User, "role">) => ["clerk", "supervisor", "admin"].includes(u.role),
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "fr" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: Db;
let customer: User;
let clerk: User;
let clerk2: User;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

const TABLES = ["work_items", "work_item_events", "audit_log", "outbox", "complaints"] as const;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  // The actions use the process-wide database: this file's own.
  globalForDb.__waslaDb = db;
  customer = await userByEmail(db, "customer@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
  clerk2 = await userByEmail(db, "clerk2@wasla.example");
});

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function act(action: Action, user: User, fields: Record<string, string>) {
  session.user = user;
  return action({ status: "idle" }, formOf(fields));
}

/** A customer-relations complaint filed now, held by `holder` (its lease runs from now). */
async function heldItem(holder: User): Promise<string> {
  const filed = await fileAsCustomer(
    db,
    customer,
    {
      category: "wrong_name",
      description: "Le contrat est encore au nom de l'ancien propriétaire du logement.",
    },
    new Date(),
  );
  await claimItem(db, holder, filed.itemId);
  return filed.itemId;
}

/** Runs `refuse` and checks that the item, its timeline, the audit log and the outbox stayed. */
async function expectNothingChanged(itemId: string, refuse: () => Promise<void>) {
  const before = { row: await itemRow(db, itemId), counts: await snapshot(db, TABLES) };
  await refuse();
  expect(await itemRow(db, itemId)).toEqual(before.row);
  expect(await snapshot(db, TABLES)).toEqual(before.counts);
}

const MESSAGE_ACTIONS = { reply: replyAction, note: noteAction, ask: askAction } as const;

describe("item actions refuse bad text and change nothing", () => {
  for (const [name, action] of Object.entries(MESSAGE_ACTIONS)) {
    it(`${name}: text over ITEM_TEXT_MAX is tooLong`, async () => {
      const itemId = await heldItem(clerk);
      await expectNothingChanged(itemId, async () => {
        const state = await act(action, clerk, { itemId, body: "م".repeat(ITEM_TEXT_MAX + 1) });
        expectLocalisedRefusal(state, { fields: { body: "tooLong" } });
      });
    });

    it(`${name}: empty or blank text is required, control characters invalid`, async () => {
      const itemId = await heldItem(clerk);
      await expectNothingChanged(itemId, async () => {
        for (const body of ["", "   \n\t "]) {
          const state = await act(action, clerk, { itemId, body });
          expectLocalisedRefusal(state, { fields: { body: "required" } });
        }
        const missing = await act(action, clerk, { itemId });
        expectLocalisedRefusal(missing, { fields: { body: "required" } });
        const nul = await act(action, clerk, { itemId, body: "bonjour\u0000" });
        expectLocalisedRefusal(nul, { fields: { body: "invalid" } });
      });
    });
  }

  it("the text at exactly ITEM_TEXT_MAX is accepted (the bound is not off by one)", async () => {
    const itemId = await heldItem(clerk);
    const events = await snapshot(db, ["work_item_events"]);
    const state = await act(noteAction, clerk, { itemId, body: "x".repeat(ITEM_TEXT_MAX) }).catch(
      (e: { digest?: string }) => e,
    );
    // Success ends in redirect(), which signals by throwing.
    expect((state as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT/);
    expect((await snapshot(db, ["work_item_events"])).work_item_events).toBe(
      events.work_item_events! + 1,
    );
  });

  it("a malformed item id is refused as invalid before any lookup", async () => {
    const itemId = await heldItem(clerk);
    await expectNothingChanged(itemId, async () => {
      const state = await act(replyAction, clerk, {
        itemId: "not-a-uuid'; drop table x",
        body: "ok",
      });
      expectLocalisedRefusal(state, { fields: { itemId: "invalid" } });
    });
  });
});

describe("transfer refuses an unknown department and changes nothing", () => {
  it("an unknown department code is invalid; an overlong one tooLong; no reason required", async () => {
    const itemId = await heldItem(clerk);
    await expectNothingChanged(itemId, async () => {
      const unknown = await act(transferAction, clerk, {
        itemId,
        departmentCode: "no_such_department",
        reason: "Pour la facturation",
      });
      expectLocalisedRefusal(unknown, {
        formError: "VALIDATION_FAILED",
        fields: { departmentCode: "invalid" },
      });
      const long = await act(transferAction, clerk, {
        itemId,
        departmentCode: "b".repeat(41),
        reason: "Pour la facturation",
      });
      expectLocalisedRefusal(long, { fields: { departmentCode: "tooLong" } });
      const noReason = await act(transferAction, clerk, {
        itemId,
        departmentCode: "billing",
        reason: " ",
      });
      expectLocalisedRefusal(noReason, { fields: { reason: "required" } });
    });
  });

  it("the item's own department is sameDepartment", async () => {
    const itemId = await heldItem(clerk);
    const [own] = await db
      .select({ code: departments.code })
      .from(workItems)
      .innerJoin(departments, eq(departments.id, workItems.departmentId))
      .where(eq(workItems.id, itemId));
    await expectNothingChanged(itemId, async () => {
      const state = await act(transferAction, clerk, {
        itemId,
        departmentCode: own!.code,
        reason: "Mauvais service",
      });
      expectLocalisedRefusal(state, { fields: { departmentCode: "sameDepartment" } });
    });
  });
});

describe("acting on an item someone else holds, or a closed one", () => {
  it("reply, ask, transfer and resolve on a colleague's item are ITEM_NOT_HELD", async () => {
    const itemId = await heldItem(clerk2);
    await expectNothingChanged(itemId, async () => {
      const attempts: [Action, Record<string, string>][] = [
        [replyAction, { itemId, body: "Bonjour, nous avons corrigé le nom." }],
        [askAction, { itemId, body: "Pouvez-vous envoyer l'acte de vente ?" }],
        [transferAction, { itemId, departmentCode: "billing", reason: "Facturation" }],
        [resolveAction, { itemId, outcome: "resolved", note: "Corrigé" }],
      ];
      for (const [action, fields] of attempts) {
        const state = await act(action, clerk, fields);
        expectLocalisedRefusal(state, { formError: "ITEM_NOT_HELD" });
      }
    });
  });

  it("reply, note, ask and transfer on a closed item are ITEM_CLOSED", async () => {
    const itemId = await heldItem(clerk);
    await resolveItem(db, clerk, itemId, { outcome: "resolved", note: "Nom corrigé." });
    await closeItem(db, clerk, itemId);
    expect((await itemRow(db, itemId)).status).toBe("closed");
    await expectNothingChanged(itemId, async () => {
      const attempts: [Action, Record<string, string>][] = [
        [replyAction, { itemId, body: "Encore un mot" }],
        [noteAction, { itemId, body: "Note tardive" }],
        [askAction, { itemId, body: "Une question ?" }],
        [transferAction, { itemId, departmentCode: "billing", reason: "Facturation" }],
      ];
      for (const [action, fields] of attempts) {
        const state = await act(action, clerk, fields);
        expectLocalisedRefusal(state, { formError: "ITEM_CLOSED" });
      }
    });
  });

  it("a customer calling a staff action is FORBIDDEN", async () => {
    const itemId = await heldItem(clerk);
    await expectNothingChanged(itemId, async () => {
      const state = await act(replyAction, customer, { itemId, body: "Je réponds moi-même" });
      expectLocalisedRefusal(state, { formError: "FORBIDDEN" });
    });
  });
});

describe("filing a complaint for a caller (back office) refuses bad input and files nothing", () => {
  const caller = (over: Record<string, string> = {}) => ({
    category: "leak",
    channel: "phone",
    contractNo: "2000000101",
    description: "Fuite d'eau devant le compteur depuis ce matin.",
    callerName: "Fatima",
    callerPhone: "0612345678",
    ...over,
  });
  const FILE_TABLES = ["work_items", "work_item_events", "audit_log", "complaints", "outbox"];

  async function refused(fields: Record<string, string>, expected: Record<string, string>) {
    const before = await snapshot(db, FILE_TABLES);
    const state = await act(fileForCustomerAction, clerk, fields);
    expectLocalisedRefusal(state, { fields: expected });
    expect(await snapshot(db, FILE_TABLES)).toEqual(before);
  }

  it("an unknown kind, a missing channel, contract or description", async () => {
    await refused(caller({ category: "alien_invasion" }), { category: "required" });
    await refused(caller({ channel: "pigeon" }), { channel: "required" });
    const { channel: _c, ...noChannel } = caller();
    await refused(noChannel, { channel: "required" });
    const { description: _d, ...noDescription } = caller();
    await refused(noDescription, { description: "required" });
    await refused(caller({ description: "court" }), { description: "descriptionTooShort" });
    const { contractNo: _n, ...noContract } = caller();
    const before = await snapshot(db, FILE_TABLES);
    const state = await act(fileForCustomerAction, clerk, noContract);
    expect(state.status).toBe("error");
    expect(state.status === "error" && state.fields?.contractNo).toBeTruthy();
    expect(await snapshot(db, FILE_TABLES)).toEqual(before);
  });

  it("an overlong description, name or phone", async () => {
    await refused(caller({ description: "ا".repeat(DESCRIPTION_MAX + 1) }), {
      description: "tooLong",
    });
    await refused(caller({ callerName: "n".repeat(121) }), { callerName: "tooLong" });
    await refused(caller({ callerPhone: "0".repeat(33) }), { callerPhone: "tooLong" });
  });

  it("a contract that does not exist", async () => {
    const before = await snapshot(db, FILE_TABLES);
    const state = await act(fileForCustomerAction, clerk, caller({ contractNo: "9999999999" }));
    expectLocalisedRefusal(state, {
      formError: "VALIDATION_FAILED",
      fields: { contractNo: "contractUnknown" },
    });
    expect(await snapshot(db, FILE_TABLES)).toEqual(before);
  });

  it("stores hostile markup as the text it is (files once, verbatim)", async () => {
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> تسرب الماء`;
    const before = await snapshot(db, ["work_items", "complaints"]);
    const outcome = await act(
      fileForCustomerAction,
      clerk,
      caller({ description: hostile, callerName: "Fatima" }),
    ).catch((e: { digest?: string }) => e);
    expect((outcome as { digest?: string }).digest).toMatch(
      /^NEXT_REDIRECT.*\/fr\/backoffice\/items\//,
    );
    const after = await snapshot(db, ["work_items", "complaints"]);
    expect(after.work_items).toBe(before.work_items! + 1);
    expect(after.complaints).toBe(before.complaints! + 1);
    const stored = await db
      .select({ description: complaints.description })
      .from(complaints)
      .where(eq(complaints.description, hostile));
    expect(stored).toHaveLength(1);
  });
});
