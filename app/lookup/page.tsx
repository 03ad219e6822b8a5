import type { Metadata } from "next";
import { LookupPage } from "@/components/LookupPage";

export const metadata: Metadata = { title: "CloudTrail lookup — whydenied" };

export default function Lookup() {
  return <LookupPage />;
}
