import { DiagnosePage } from "@/components/diagnose-page";

export default function HomePage() {
  return <DiagnosePage />;
}
