import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { NONCE_HEADER } from "@/lib/http";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "whydenied — why was my AWS request denied?",
  description: "Paste an AWS AccessDenied error and get the permission layer that denied it and the exact fix.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

/** Applies the saved or system theme before paint, so dark mode never flashes white. */
const themeScript =
  'try{var t=localStorage.getItem("whydenied-theme");' +
  'if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))' +
  'document.documentElement.classList.add("dark")}catch(e){}';

/** Every page is rendered per request: its theme script carries the nonce proxy.ts made for this request. */
/**
 * zod probes `new Function` once to decide whether to compile its parsers, and a strict CSP reports that probe as a
 * violation even though zod catches it. Its global config is read from `globalThis` before any schema exists, so
 * setting it here, ahead of the app's bundles, turns the probe off in the browser (the server keeps compiling).
 */
const zodWithoutEval = "globalThis.__zod_globalConfig={jitless:true}";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: zodWithoutEval }} />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
