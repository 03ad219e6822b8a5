"use client";

import { useMutation } from "@tanstack/react-query";
import { postJson, type ApiError, type DiagnoseResponse } from "./api";

/** Diagnoses pasted text through POST /api/diagnose. */
export function useDiagnose() {
  return useMutation<DiagnoseResponse, ApiError, string>({
    mutationKey: ["diagnose"],
    mutationFn: (text) => postJson<DiagnoseResponse>("/api/diagnose", { text }),
  });
}
