export { parseJson, readLimitedText } from "./read-body";
export { statusFor } from "./status";
