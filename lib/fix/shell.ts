/**
 * Values from a pasted message or a trail file go into the suggested commands: each is one shell word, so no
 * value can end a command, start another, expand or redirect, whatever the user's shell (sh, bash, zsh).
 */

/** Characters no POSIX shell gives a meaning to outside quotes. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** A whole `<PLACEHOLDER>` the user replaces before running the command: left as it is, so the hole stays visible. */
const PLACEHOLDER = /^<[A-Z][A-Z0-9_]{0,40}>$/;

/**
 * `value` as one shell word: unchanged when it is plain or a whole placeholder, else single-quoted (a `'` inside
 * becomes `'\''`), which no shell expands. An empty value becomes `''`, so it still takes its argument's place.
 */
export function shellWord(value: string): string {
  return PLAIN_WORD.test(value) || PLACEHOLDER.test(value) ? value : singleQuoted(value);
}

/** `value` single-quoted whatever it holds (a `'` inside becomes `'\''`): one shell word that no shell expands. */
export function singleQuoted(value: string): string {
  return `'${value.includes("'") ? value.replace(/'/g, "'\\''") : value}'`;
}
