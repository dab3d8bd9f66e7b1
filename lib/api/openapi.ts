import { z } from "zod";
import {
  billDetailSchema,
  billListSchema,
  checkoutRequestDocSchema,
  checkoutResponseSchema,
  simulateRequestSchema,
  simulateResponseSchema,
  tariffListSchema,
  complaintRequestSchema,
  contractListSchema,
  contractResponseSchema,
  errorSchema,
  partnerBillsSchema,
  partnerPaymentRequestSchema,
  partnerPaymentResponseSchema,
  filedSchema,
  healthSchema,
  itemStatusSchema,
  readingHistorySchema,
  readingReceiptSchema,
  readingRequestSchema,
  connectionRequestDocSchema,
  connectionFiledSchema,
  connectionStatusSchema,
  uploadedDocumentSchema,
} from "./schemas";
import {
  letterChallengeSchema,
  letterFiledSchema,
  letterRequestSchema,
} from "@/lib/registry/api-schemas";
import { kpisResponseSchema } from "@/lib/reports/api-schema";

type Operation = {
  method: "get" | "post";
  path: string;
  /** The request body's schema (POST). */
  body?: z.ZodType;
  /** Query parameters, documented. */
  query?: { name: string; description: string }[];
  summary: string;
  /** An example path for tests, with the parameters filled in by the caller. */
  params?: string[];
  /** session-or-serial: a guest may call it too, proving the contract with the meter serial. */
  /** partner: `Authorization: Bearer <partner key>` with the scope named in the summary. */
  /** session-or-proof: a guest may call it too, with a solved proof of work (mail registry). */
  auth:
    | "none"
    | "session"
    | "session-or-code"
    | "session-or-serial"
    | "session-or-proof"
    | "partner"
    | "staff";
  idempotent?: boolean;
  /** The body is multipart/form-data with one `file` part (uploads), not JSON. */
  multipart?: boolean;
  /** headers: response header → its description (all integers here: Retry-After). */
  responses: Record<
    number,
    { description: string; schema?: z.ZodType; headers?: Record<string, string> }
  >;
};

/** Every documented route. A test requests each one and checks its answer against this list. */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    auth: "none",
    responses: {
      200: { description: "Up", schema: healthSchema },
      503: { description: "Database unreachable", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    auth: "none",
    responses: { 200: { description: "OpenAPI 3.1 document" } },
  },
  {
    method: "get",
    path: "/api/v1/contracts",
    query: [{ name: "cursor", description: "nextCursor of the previous page" }],
    summary:
      "The signed-in customer's linked contracts with their meters and last indexes, by service then number, 50 a page",
    auth: "session",
    responses: {
      200: { description: "Contracts", schema: contractListSchema },
      400: { description: "Malformed cursor", schema: errorSchema },
      401: { description: "Not signed in", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/contracts/{id}",
    params: ["id"],
    summary:
      "One of the signed-in customer's contracts; anyone else's answers 404, like an unknown id",
    auth: "session",
    responses: {
      200: { description: "The contract", schema: contractResponseSchema },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "Unknown, or not this customer's", schema: errorSchema },
    },
  },
  {
    method: "post",
    path: "/api/v1/complaints",
    summary:
      "File a complaint (technical or commercial); staff may file for a customer with customerId and channel. The contract, if named, must be one linked to that customer",
    auth: "session",
    body: complaintRequestSchema,
    idempotent: true,
    responses: {
      201: { description: "Filed and committed", schema: filedSchema },
      400: {
        description:
          "Invalid input (fields say which), including a contract not linked to the customer",
        schema: errorSchema,
      },
      401: { description: "Not signed in", schema: errorSchema },
      409: { description: "Idempotency-Key reused with another body", schema: errorSchema },
      413: { description: "Body too large", schema: errorSchema },
      415: { description: "Not JSON", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/items/{number}",
    params: ["number"],
    query: [{ name: "code", description: "Tracking code from the acknowledgement, for a guest" }],
    summary:
      "An item's status, deadline and customer-visible timeline, for its owner or a guest with the tracking code; a letter's registry number (ARR-…) is its item's number, with the registered reply in the timeline",
    auth: "session-or-code",
    responses: {
      200: { description: "The item", schema: itemStatusSchema },
      401: { description: "Neither signed in nor a code", schema: errorSchema },
      404: { description: "Unknown, or not yours, or wrong code", schema: errorSchema },
      429: {
        description:
          "Too many wrong number/code pairs from this address (10 in 15 minutes) or for this number (20 in an hour): refused for up to 15 minutes, even with the right code; a signed-in owner is never refused",
        schema: errorSchema,
        headers: { "Retry-After": "Seconds until the lock ends" },
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/readings",
    summary:
      "Submit a meter self-reading: a signed-in customer for a linked contract, a partner key with the readings:write scope, or a guest with the contract number and the meter serial (throttled)",
    auth: "session-or-serial",
    body: readingRequestSchema,
    idempotent: true,
    responses: {
      201: { description: "Stored and committed", schema: readingReceiptSchema },
      400: {
        description: "Invalid input or index (fields say which), or a wrong contract/serial pair",
        schema: errorSchema,
      },
      403: { description: "Staff account", schema: errorSchema },
      404: { description: "Contract not linked to this customer", schema: errorSchema },
      409: { description: "Idempotency-Key reused with another body", schema: errorSchema },
      413: { description: "Body too large", schema: errorSchema },
      415: { description: "Not JSON", schema: errorSchema },
      422: {
        description:
          "Refused by a plausibility rule; fields name the rule (e.g. lower_than_previous)",
        schema: errorSchema,
      },
      429: { description: "Too many wrong contract/serial pairs", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/readings",
    query: [
      { name: "contractNo", description: "A contract linked to the signed-in customer" },
      { name: "cursor", description: "nextCursor of the previous page" },
    ],
    summary:
      "A linked contract's readings, newest first, 24 a page (the first page: the last 24), with consumption",
    auth: "session",
    responses: {
      200: { description: "Reading history", schema: readingHistorySchema },
      400: { description: "Malformed cursor", schema: errorSchema },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "Unknown, or not this customer's", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/bills",
    query: [
      { name: "contractNo", description: "Only this linked contract's bills (optional)" },
      { name: "cursor", description: "nextCursor of the previous page" },
    ],
    summary: "The signed-in customer's bills, newest first, 50 a page, with amount due and status",
    auth: "session",
    responses: {
      200: { description: "Bills", schema: billListSchema },
      400: { description: "Malformed cursor", schema: errorSchema },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "contractNo unknown or not this customer's", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/bills/{id}",
    summary:
      "One bill with every line explained (tranche, rate, days), what changed since the previous bill, and its PDF links (/api/bills/{id}/pdf?lang=ar|fr|en)",
    auth: "session",
    responses: {
      200: { description: "The bill", schema: billDetailSchema },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "Unknown, or not this customer's", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/bills/{id}/pdf",
    query: [{ name: "lang", description: "ar, fr or en (default: the user's language)" }],
    summary:
      "The bill as a PDF (application/pdf) in Arabic, French or English, to its owner or to staff",
    auth: "session",
    responses: {
      200: { description: "The bill's PDF (application/pdf)" },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "Unknown, or not this customer's", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/tariffs",
    summary: "Published tariffs: code, service, category, currency, date of the version in force",
    auth: "none",
    responses: { 200: { description: "Tariffs", schema: tariffListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/tariffs/simulate",
    summary:
      "The bill a consumption would produce under a published tariff, line by line (the bill simulator); nothing is stored",
    auth: "none",
    body: simulateRequestSchema,
    responses: {
      200: { description: "The simulated bill", schema: simulateResponseSchema },
      400: {
        description: "Unknown tariff, consumption not a number in range, bad period",
        schema: errorSchema,
      },
      413: { description: "Body too large", schema: errorSchema },
      415: { description: "Not JSON", schema: errorSchema },
    },
  },
  {
    method: "post",
    path: "/api/v1/payments/checkout",
    summary:
      "Open an online checkout (Stripe, or the test provider without keys) for some of the signed-in customer's bills; the payment is confirmed by the provider's webhook, never by the payer's return",
    auth: "session",
    body: checkoutRequestDocSchema,
    idempotent: true,
    responses: {
      201: {
        description: "Checkout opened: send the payer to url",
        schema: checkoutResponseSchema,
      },
      400: {
        description:
          "Invalid input, an already paid bill, bills of several contracts, or an amount outside the limits (fields say which)",
        schema: errorSchema,
      },
      401: { description: "Not signed in", schema: errorSchema },
      403: { description: "Staff account", schema: errorSchema },
      404: { description: "A bill unknown or not this customer's", schema: errorSchema },
      409: {
        description:
          "A cancelled bill (BILL_CANCELLED: pay its replacement), or an Idempotency-Key reused with other bills",
        schema: errorSchema,
      },
      413: { description: "Body too large", schema: errorSchema },
      415: { description: "Not JSON", schema: errorSchema },
      503: { description: "Online payment not configured", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/partner/bills",
    query: [
      { name: "contractNo", description: "The contract number the payer gave" },
      { name: "cursor", description: "nextCursor of the previous page" },
    ],
    summary:
      "Partner key with scope bills:read: a contract's unpaid bills, oldest first, 50 a page, with only what collecting them needs",
    auth: "partner",
    responses: {
      200: {
        description: "Unpaid bills (an empty list when nothing is due)",
        schema: partnerBillsSchema,
      },
      400: { description: "contractNo missing, or a malformed cursor", schema: errorSchema },
      401: { description: "No key, or an unknown or revoked key", schema: errorSchema },
      403: { description: "The key lacks the scope bills:read", schema: errorSchema },
      404: { description: "Unknown contract number", schema: errorSchema },
    },
  },
  {
    method: "post",
    path: "/api/v1/partner/payments",
    summary:
      "Partner key with scope payments:write: confirm a payment taken for a bill. The same partnerRef again returns the same paymentId with 200 and records nothing; a bill already paid by someone else still takes the money, as a credit on the contract (201)",
    auth: "partner",
    body: partnerPaymentRequestSchema,
    responses: {
      201: { description: "Recorded and settled", schema: partnerPaymentResponseSchema },
      200: {
        description: "This partnerRef was recorded before: the same payment, nothing changed",
        schema: partnerPaymentResponseSchema,
      },
      400: {
        description:
          "Invalid input: amount format or decimals, paidAt in the future (fields say which)",
        schema: errorSchema,
      },
      401: { description: "No key, or an unknown or revoked key", schema: errorSchema },
      403: { description: "The key lacks the scope payments:write", schema: errorSchema },
      404: { description: "Unknown bill number", schema: errorSchema },
      409: {
        description:
          "BILL_CANCELLED: the bill was cancelled (pay its replacement); CONFLICT: this partnerRef was used for another bill or amount",
        schema: errorSchema,
      },
      413: { description: "Body too large", schema: errorSchema },
      415: { description: "Not JSON", schema: errorSchema },
      422: { description: "CURRENCY_MISMATCH: not the bill's currency", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/letters/challenge",
    summary:
      "A signed proof-of-work challenge for a guest's letter: find a decimal nonce whose SHA-256 of `challenge:nonce` starts with `bits` zero bits; each challenge files one letter",
    auth: "none",
    responses: { 200: { description: "A fresh challenge", schema: letterChallengeSchema } },
  },
  {
    method: "post",
    path: "/api/v1/letters",
    summary:
      "Deposit a letter with the mail registry office: a signed-in customer, or a guest with a solved proof (rate-limited per address). Registered at once with a gap-free yearly number; follow it with GET /api/v1/items/{number}?code=",
    auth: "session-or-proof",
    body: letterRequestSchema,
    idempotent: true,
    responses: {
      201: { description: "Registered and committed", schema: letterFiledSchema },
      400: {
        description:
          "Invalid input (fields say which: messageTooLong, contactRequired, consentRequired, proofInvalid, proofReused…)",
        schema: errorSchema,
      },
      409: { description: "Idempotency-Key reused with another body", schema: errorSchema },
      413: { description: "Body too large", schema: errorSchema },
      415: {
        description: "Not JSON, or an attachment that is not PDF, JPEG or PNG",
        schema: errorSchema,
      },
      429: { description: "Too many letters from this address or account", schema: errorSchema },
    },
  },
  {
    method: "post",
    path: "/api/v1/files",
    summary:
      "Upload a photo or document (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by its content) for a reading or a letter, which names its fileId; signed in, or as a guest (the upload then belongs to this browser's session cookie). 30 uploads an hour per guest address, 100 per account",
    auth: "none",
    multipart: true,
    responses: {
      201: { description: "Stored", schema: uploadedDocumentSchema },
      400: { description: "Empty file, a path for a name, or no file part", schema: errorSchema },
      413: { description: "Over 10 MB", schema: errorSchema },
      415: { description: "Not a PDF, JPEG or PNG by its content", schema: errorSchema },
      429: {
        description: "Too many uploads from this address or account",
        schema: errorSchema,
        headers: { "Retry-After": "Seconds until uploads are accepted again" },
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/requests/documents",
    summary:
      "Upload one document for a connection request (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by its content); name the fileId in the request",
    auth: "session",
    multipart: true,
    responses: {
      201: { description: "Stored", schema: uploadedDocumentSchema },
      400: { description: "Empty file, a path for a name, or no file part", schema: errorSchema },
      401: { description: "Not signed in", schema: errorSchema },
      413: { description: "Over 10 MB", schema: errorSchema },
      415: { description: "Not a PDF, JPEG or PNG by its content", schema: errorSchema },
    },
  },
  {
    method: "post",
    path: "/api/v1/requests",
    summary:
      "File a connection, subscription or termination request with its documents; answers the request number (acknowledgement)",
    auth: "session",
    body: connectionRequestDocSchema,
    idempotent: true,
    responses: {
      201: { description: "Filed and committed", schema: connectionFiledSchema },
      400: {
        description: "Invalid input or a required document missing (fields say which)",
        schema: errorSchema,
      },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "A document id that is not this customer's upload", schema: errorSchema },
      409: { description: "Idempotency-Key reused with another body", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/reports/kpis",
    query: [
      { name: "from", description: "First local day, YYYY-MM-DD (default: the 1st of this month)" },
      { name: "to", description: "Last local day, inclusive (default: today)" },
      {
        name: "department",
        description: "A department code (a supervisor's own departments only)",
      },
      { name: "kind", description: "A request type code" },
      { name: "channel", description: "web, phone, counter, email or api" },
      { name: "zone", description: "A zone" },
      { name: "clerk", description: "A clerk's id: the requests they took part in" },
    ],
    summary:
      "Supervisor or admin session: the dashboard's figures for a period and the period of the same length before it (rates 0–1, durations in business minutes, days in the utility's time zone). The same filters give every table as CSV at /api/v1/reports/tables.csv and the monthly report at /api/v1/reports/monthly.pdf?month=YYYY-MM&lang=ar|fr|en",
    auth: "staff",
    responses: {
      200: { description: "The figures", schema: kpisResponseSchema },
      400: {
        description: "A date or filter that is not valid (fields say which)",
        schema: errorSchema,
      },
      401: { description: "Not signed in (partner keys are refused)", schema: errorSchema },
      403: { description: "Signed in, but not a supervisor or admin", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}",
    params: ["id"],
    summary:
      "A connection request's stage, deadline, visit, quote, documents and timeline, for its customer",
    auth: "session",
    responses: {
      200: { description: "The request", schema: connectionStatusSchema },
      401: { description: "Not signed in", schema: errorSchema },
      404: { description: "Unknown, or not this customer's", schema: errorSchema },
    },
  },
];

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function buildOpenApiDocument(serverUrl: string) {
  const schemas: Record<string, unknown> = {};
  const ref = (schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" }) as Record<
      string,
      unknown
    >;
    const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
    if (!id) return json;
    const { $schema: _ignored, ...rest } = json;
    void _ignored;
    schemas[id] = rest;
    return { $ref: `#/components/schemas/${id}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      security:
        op.auth === "session" || op.auth === "staff"
          ? [{ session: [] }]
          : op.auth === "partner"
            ? [{ partnerKey: [] }]
            : op.auth === "session-or-serial"
              ? // Either credential, or none (a guest proves the contract with the serial).
                [{ session: [] }, { partnerKey: [] }, {}]
              : [],
      parameters: [
        {
          name: "Accept-Language",
          in: "header",
          required: false,
          schema: { type: "string", enum: ["ar", "fr", "en"] },
          description: "Language of error messages",
        },
        ...(op.query ?? []).map((q) => ({
          name: q.name,
          in: "query",
          required: false,
          schema: { type: "string" },
          description: q.description,
        })),
      ],
      ...(op.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    properties: { file: { type: "string", format: "binary" } },
                    required: ["file"],
                  },
                },
              },
            },
          }
        : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: ref(op.body) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.headers
              ? {
                  headers: Object.fromEntries(
                    Object.entries(r.headers).map(([name, description]) => [
                      name,
                      { description, schema: { type: "integer", minimum: 1 } },
                    ]),
                  ),
                }
              : {}),
            ...(r.schema ? { content: { "application/json": { schema: ref(r.schema) } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Wasla public API",
      version: "1.0.0",
      description:
        "Self-service API of the utility portal: contracts, readings, bills, payments, requests. Errors are { error: { code, message } } with the message in the Accept-Language language.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The portal's session cookie (same origin)",
        },
        partnerKey: { type: "http", scheme: "bearer", description: "Partner API key" },
      },
    },
  };
}
