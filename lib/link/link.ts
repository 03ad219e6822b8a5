import { fail, ok, type Result } from "../result";
import { encodeFragment } from "./fragment";
import { MAX_LINK_CHARS } from "./limits";

/** A link to a paste diagnosis: the page's address and the text in its fragment, which browsers never send. */
export interface PasteLink {
  url: string;
  /** Characters in the whole URL, compared with MAX_LINK_CHARS. */
  length: number;
}

/**
 * The link that reopens `text`'s diagnosis at `pageUrl` (its query and fragment are dropped), or `link.too-long`
 * when the URL would be longer than browsers and chat tools carry reliably — then a saved snapshot is the way.
 */
export async function pasteLink(pageUrl: string, text: string): Promise<Result<PasteLink, "link.too-long">> {
  const base = pageUrl.split(/[?#]/, 1)[0] ?? pageUrl;
  const url = `${base}#${await encodeFragment(text)}`;
  if (url.length > MAX_LINK_CHARS) {
    return fail(
      "link.too-long",
      `A link to this text would be ${url.length.toLocaleString("en")} characters, over the ` +
        `${MAX_LINK_CHARS.toLocaleString("en")} that browsers and chat tools carry reliably. Save a snapshot to share it instead.`,
    );
  }
  return ok({ url, length: url.length });
}
