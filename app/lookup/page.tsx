import type { Metadata } from "next";
import { LookupPage } from "@/components/lookup-page";

export const metadata: Metadata = { title: "CloudTrail lookup — whydenied" };

export default function Lookup() {
  return <LookupPage />;
}
