"use client";

import { useMutation } from "@tanstack/react-query";
import { diagnosisSchema, type Diagnosis } from "@/lib/wire";
import { postJson, type ApiError } from "./api";

/** Diagnoses pasted text through POST /api/diagnose. */
export function useDiagnose() {
  return useMutation<Diagnosis, ApiError, string>({
    mutationKey: ["diagnose"],
    mutationFn: (text) => postJson("/api/diagnose", { text }, diagnosisSchema),
  });
}
