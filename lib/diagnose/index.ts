export { diagnoseRecord } from "./finding";
export { checkInput, type InputErrorCode } from "./input";
export { actionKeys, diagnoseParsed } from "./pipeline";
