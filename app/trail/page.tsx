import type { Metadata } from "next";
import { TrailPage } from "@/components/trail-page";

export const metadata: Metadata = { title: "Trail file — whydenied" };

export default function Trail() {
  return <TrailPage />;
}
