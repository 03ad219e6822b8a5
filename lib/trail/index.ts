export { readTrail } from "./read-trail";
export { type TrailBatch, type TrailResult } from "./types";
