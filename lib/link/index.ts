export { decodeFragment, isPasteFragment } from "./fragment";
export { pasteLink } from "./link";
