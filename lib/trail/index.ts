export { readTrail } from "./read-trail";
export { MAX_UPLOAD_WORK_MS, type TrailBatch, type TrailResult } from "./types";
