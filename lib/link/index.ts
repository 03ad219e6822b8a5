export { decodeFragment, isPasteFragment, linkErrorMessage, type LinkErrorCode } from "./fragment";
export { pasteLink, type PasteLink } from "./link";
export { MAX_DECODED_BYTES, MAX_LINK_CHARS } from "./limits";
