export { readTrail } from "./read-trail";
export {
  DEFAULT_MAX_RECORD_BYTES,
  type TrailBatch,
  type TrailErrorCode,
  type TrailFormat,
  type TrailResult,
} from "./types";
