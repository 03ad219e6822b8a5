import { z } from "zod";
import type { RowCursor } from "./store";

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

/** The opaque `nextCursor` of a page: the last row's time and id, base64url JSON. */
export function encodeCursor(cursor: RowCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

/** A cursor read back, or null when the text is not one this server made. */
export function decodeCursor(text: string): RowCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
