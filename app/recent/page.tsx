import type { Metadata } from "next";
import { RecentPage } from "@/components/recent-page";

export const metadata: Metadata = { title: "Recent diagnoses — whydenied" };

export default function Recent() {
  return <RecentPage />;
}
