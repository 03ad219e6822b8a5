import { DiagnosePage } from "@/components/DiagnosePage";

export default function HomePage() {
  return <DiagnosePage />;
}
