export { diagnose } from "./diagnose";
export { diagnoseRecord } from "./finding";
export { actionKeys, diagnoseParsed } from "./pipeline";
