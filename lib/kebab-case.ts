/** A name as IAM and CloudFormation spell their kebab-case words: `LogGroup` → `log-group`, `tag_policy` → `tag-policy`. */
export function kebabCase(word: string): string {
  return word
    .replace(/[A-Z]/g, (letter, at: number) => (at === 0 ? "" : "-") + letter.toLowerCase())
    .replace(/_/g, "-");
}
