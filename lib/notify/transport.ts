import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type MailTransport = {
  send: (m: { to: string; subject: string; text: string }) => Promise<void>;
};

let cached: MailTransport | null | undefined;

/** The SMTP transport when SMTP_URL is set; null when e-mail stays in the outbox. */
export function getMailTransport(): MailTransport | null {
  if (cached !== undefined) return cached;
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return (cached = null);
  const transporter = nodemailer.createTransport(SMTP_URL);
  cached = {
    send: async ({ to, subject, text }) => {
      await transporter.sendMail({ from: MAIL_FROM, to, subject, text });
    },
  };
  return cached;
}
