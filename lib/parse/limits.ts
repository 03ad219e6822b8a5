/** Largest paste the engine accepts, in bytes of UTF-8. */
export const MAX_INPUT_BYTES = 256 * 1024;

/** A pasted log rarely holds more distinct denials; past this the parser stops and says so. */
export const MAX_RECORDS = 500;

/** Characters of context kept around a match for the excerpt shown to the user. */
export const EXCERPT_LENGTH = 600;
