import Link from "next/link";
import "./globals.css";

// Reached only for paths outside any locale (the proxy adds one to everything else).
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center bg-slate-50 p-6 text-center">
        <main>
          <h1 className="text-2xl font-bold">404</h1>
          <p dir="rtl" lang="ar">
            الصفحة غير موجودة
          </p>
          <p lang="fr">Page introuvable</p>
          <p>Page not found</p>
          <Link className="mt-4 inline-block text-brand-700 underline" href="/">
            وصلة · Wasla
          </Link>
        </main>
      </body>
    </html>
  );
}
