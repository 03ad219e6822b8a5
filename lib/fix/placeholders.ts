/**
 * Finds `<Name>` placeholders (a letter, then up to 40 letters, digits or `_`) by hand: one indexOf
 * per `<` instead of a global regex, because every fix of every finding is scanned.
 */

const MAX_NAME = 41;

function isNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return first ? letter : letter || (code >= 48 && code <= 57) || code === 95;
}

/** The placeholder name starting just after the `<` at `open`, or null when none closes there. */
function nameAt(text: string, open: number): string | null {
  let index = open + 1;
  while (index < text.length && index - open <= MAX_NAME && isNameChar(text.charCodeAt(index), index === open + 1))
    index++;
  return index > open + 1 && text.charCodeAt(index) === 62 /* > */ ? text.slice(open + 1, index) : null;
}

/** Appends the placeholder names in `text` to `found`, in order, each name once. */
export function addPlaceholders(text: string, found: string[]): void {
  for (let open = text.indexOf("<"); open !== -1;) {
    const name = nameAt(text, open);
    if (name !== null && !found.includes(name)) found.push(name);
    // Matches do not overlap: scanning resumes after a placeholder's `>`, else at the next `<`.
    open = text.indexOf("<", name === null ? open + 1 : open + name.length + 2);
  }
}

/**
 * Appends the placeholders in `value`'s JSON text without serialising it: a placeholder holds no quote
 * or backslash, so it always lies inside one key or string of the JSON, which are visited in JSON order.
 */
export function addJsonPlaceholders(value: unknown, found: string[]): void {
  if (typeof value === "string") {
    addPlaceholders(value, found);
  } else if (Array.isArray(value)) {
    for (const item of value) addJsonPlaceholders(item, found);
  } else if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      addPlaceholders(key, found);
      addJsonPlaceholders(item, found);
    }
  }
}
