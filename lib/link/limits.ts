import { MAX_INPUT_BYTES } from "../parse";

/**
 * The longest link whydenied offers to copy. 8,000 characters is the size RFC 9110 (§4.1) asks every HTTP
 * implementation to handle and the floor browsers, link previewers and chat tools (Slack, Teams, e-mail clients)
 * carry intact; far longer URLs work in a browser's address bar but get cut or refused on the way there. Past it,
 * a saved snapshot is the way to share.
 */
export const MAX_LINK_CHARS = 8_000;

/** A link never holds more text than a paste may: inflating stops past this many bytes (a bomb never finishes). */
export const MAX_DECODED_BYTES = MAX_INPUT_BYTES;

/** The fragment key a paste link uses, so other fragments (`#main`) are not mistaken for one. */
export const FRAGMENT_KEY = "paste";

/** The encoding version this code writes; a link of any other version is refused, never guessed at. */
export const LINK_VERSION = "v1";
