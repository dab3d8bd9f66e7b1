import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { registryEntries, type User } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { anyLocked, recordFailure, throttleKeys, type ThrottleKey } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import type { Uploader } from "@/lib/files/upload-file";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getUtility } from "@/lib/utility/get-utility";
import { fileSubmission, type Channel } from "@/lib/intake/file-submission";
import { hashRequest } from "@/lib/intake/idempotency";
import { attachUploaded, storeAttachments, type CheckedAttachment } from "./attachments";
import { registryLinks } from "./links";
import { nextRegistryNumber } from "./numbers";
import { isSpentChallenge, spendChallenge, verifyProof } from "./proof-of-work";
import type { RegistryCategory } from "./schemas";

export type RegistryChannel = "web" | "counter" | "post" | "email" | "partner";

/** An incoming letter as every channel gives it. */
export type IncomingLetter = {
  channel: RegistryChannel;
  category: RegistryCategory;
  subject: string;
  message: string;
  sender: { name: string; nationalId?: string; email?: string; phone?: string };
  contractNo?: string;
  locale: Locale;
};

/** Who files it: a guest (with a proof of work), a signed-in customer, or a registry clerk. */
export type Filer =
  | {
      kind: "guest";
      ip: string | null;
      guestScope?: string;
      proof: { challenge?: string; nonce?: string };
    }
  | { kind: "customer"; user: Pick<User, "id" | "role"> }
  | { kind: "clerk"; user: Pick<User, "id" | "role"> };

export type RegisteredLetter = {
  entryId: string;
  registryNo: string;
  trackingCode: string;
  itemId: string;
  registeredAt: string;
  resolutionDueAt: string | null;
  replayed: boolean;
};

// The registry office's own work item: channels the engine knows.
const ITEM_CHANNEL: Record<RegistryChannel, Channel> = {
  web: "web",
  counter: "counter",
  post: "counter",
  email: "email",
  partner: "api",
};

function throttleOf(filer: Filer): ThrottleKey[] {
  if (filer.kind === "guest") return [throttleKeys.registryGuest(filer.ip)];
  if (filer.kind === "customer") return [throttleKeys.registryAccount(filer.user.id)];
  return [];
}

function actorOf(filer: Filer): Actor {
  return filer.kind === "guest"
    ? { kind: "system", label: "guest" }
    : { kind: "user", userId: filer.user.id, role: filer.user.role };
}

/**
 * Register an incoming letter: in one transaction (the intake path) the registry entry with its
 * gap-free yearly number, its attachments, the registry office's work item — whose number IS
 * the registry number, so tracking and "My requests" need nothing else — its deadline (the
 * `letter` kind's SLA policy, 60 days by default), the timeline, the audit row and the
 * acknowledgement e-mail. Guests must bring a solved proof of work, spent in that transaction;
 * guests and customers are rate-limited. With an idempotency key a double click files once.
 */
export async function registerIncoming(
  db: Db,
  letter: IncomingLetter,
  filer: Filer,
  options: {
    attachments?: CheckedAttachment[];
    attachmentIds?: string[];
    idempotencyKey?: string;
    meta?: RequestMeta;
    now?: Date;
  } = {},
): Promise<RegisteredLetter> {
  const now = options.now ?? new Date();
  const keys = throttleOf(filer);
  if (keys.length && (await anyLocked(db, keys, now))) throw new AppError("RATE_LIMITED");
  const challengeId = filer.kind === "guest" ? verifyProof(filer.proof, now) : null;
  const uploader: Uploader =
    filer.kind === "guest"
      ? { guestScope: filer.guestScope ?? `registry:${filer.ip ?? "unknown"}` }
      : { userId: filer.user.id };
  const attachments = options.attachments ?? [];
  const { timeZone } = await getUtility(db);
  let entryId = "";
  let registeredYear = 0;
  let seq = 0;
  try {
    const filed = await fileSubmission(
      db,
      {
        kind: "letter",
        channel: ITEM_CHANNEL[letter.channel],
        title: letter.subject,
        description: letter.message,
        locale: letter.locale,
        actor: actorOf(filer),
        meta: options.meta,
        customerUserId: filer.kind === "customer" ? filer.user.id : null,
        filedById: filer.kind === "clerk" ? filer.user.id : null,
        contact: {
          name: letter.sender.name,
          email: letter.sender.email,
          phone: letter.sender.phone,
        },
        // Every letter is first registered by the office, which then distributes it.
        departmentCode: "mail_registry",
        assignNumber: async (tx, year) => {
          const next = await nextRegistryNumber(tx, "incoming", year);
          registeredYear = year;
          seq = next.seq;
          return next.registryNo;
        },
        createSubject: async (tx, { number }) => {
          if (challengeId) await spendChallenge(tx, challengeId);
          const [entry] = await tx
            .insert(registryEntries)
            .values({
              direction: "incoming",
              registryNo: number,
              year: registeredYear,
              seq,
              registeredAt: now,
              channel: letter.channel,
              category: letter.category,
              subject: letter.subject,
              body: letter.message,
              partyName: letter.sender.name,
              partyNationalId: letter.sender.nationalId ?? null,
              partyEmail: letter.sender.email ?? null,
              partyPhone: letter.sender.phone ?? null,
              contractNo: letter.contractNo ?? null,
              customerUserId: filer.kind === "customer" ? filer.user.id : null,
              locale: letter.locale,
              registeredById: filer.kind === "clerk" ? filer.user.id : null,
            })
            .returning({ id: registryEntries.id });
          entryId = entry!.id;
          await storeAttachments(tx, entryId, attachments, uploader);
          await attachUploaded(tx, entryId, options.attachmentIds ?? [], uploader);
          return { type: "registry_entry", id: entryId };
        },
        acknowledgement: (item, locale) => {
          const links = registryLinks(locale, {
            number: item.number,
            trackingCode: item.trackingCode,
          });
          return {
            template: "registryAcknowledgement",
            params: {
              number: item.number,
              trackingCode: item.trackingCode,
              due: item.resolutionDueAt ? formatDate(item.resolutionDueAt, locale, timeZone) : "",
              link: links.track,
              pdfLink: links.acknowledgement,
            },
          };
        },
        idempotency: options.idempotencyKey
          ? {
              scope: filer.kind === "guest" ? "registry:guest" : `user:${filer.user.id}`,
              key: options.idempotencyKey,
              requestHash: hashRequest({
                letter,
                attachments: attachments.map((a) => a.sha256),
                attachmentIds: options.attachmentIds ?? [],
              }),
            }
          : undefined,
      },
      now,
    );
    if (keys.length && !filed.replayed) await recordFailure(db, keys, now);
    return {
      entryId: entryId || (await entryIdOf(db, filed.number)),
      registryNo: filed.number,
      trackingCode: filed.trackingCode,
      itemId: filed.itemId,
      registeredAt: now.toISOString(),
      resolutionDueAt: filed.resolutionDueAt,
      replayed: filed.replayed,
    };
  } catch (error) {
    if (isSpentChallenge(error))
      throw new AppError("VALIDATION_FAILED", "proof reused", { proof: "proofReused" });
    throw error;
  }
}

async function entryIdOf(db: Db, registryNo: string): Promise<string> {
  const [row] = await db
    .select({ id: registryEntries.id })
    .from(registryEntries)
    .where(eq(registryEntries.registryNo, registryNo));
  return row?.id ?? "";
}
