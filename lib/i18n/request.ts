import { getRequestConfig } from "next-intl/server";
import { isLocale } from "./locales";
import { MESSAGES } from "./messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return { locale, messages: MESSAGES[locale], timeZone: "Africa/Casablanca" };
});
