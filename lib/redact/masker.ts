import type { Shape, Token } from "./tokens";

/**
 * The consistent mapping: every original gets one mask, the first time it is rendered, and never a mask that is
 * itself an original the masker has seen (so no original survives by coincidence) or another original's mask.
 */
export class Masker {
  private readonly shapes = new Map<string, { shape: Shape; priority: number }>();
  private readonly masks = new Map<string, string>();
  private readonly usedMasks = new Set<string>();
  private readonly counters = new Map<string, number>();

  /** Records an original before any mask is handed out, so masks can avoid it. */
  register(token: Token): void {
    const known = this.shapes.get(token.original);
    if (this.masks.has(token.original) || (known && known.priority >= token.priority)) return;
    this.shapes.set(token.original, { shape: token.shape, priority: token.priority });
  }

  /** The mask of a registered original; the same original always gets the same mask. */
  maskOf(original: string): string {
    const existing = this.masks.get(original);
    if (existing !== undefined) return existing;
    const shape = this.shapes.get(original)?.shape ?? { kind: "name", label: "name" };
    let mask: string;
    do mask = render(shape, this.next(counterKey(shape)));
    while (this.shapes.has(mask) || this.usedMasks.has(mask));
    this.masks.set(original, mask);
    this.usedMasks.add(mask);
    return mask;
  }

  /** How many distinct originals have been masked so far. */
  get size(): number {
    return this.masks.size;
  }

  private next(key: string): number {
    const value = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, value);
    return value;
  }
}

function counterKey(shape: Shape): string {
  switch (shape.kind) {
    case "name":
      return `name:${shape.label}`;
    case "prefixed":
      return `prefixed:${shape.prefix}`;
    default:
      return shape.kind;
  }
}

function render(shape: Shape, n: number): string {
  switch (shape.kind) {
    case "account":
      return String(n).padStart(12, "0");
    case "name":
      return `${shape.label}-${n}`;
    case "email":
      return `user-${n}@example.com`;
    case "prefixed":
      return shape.prefix + String(n).padStart(shape.width, "0");
    case "uuid":
      return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    case "hex":
      return n.toString(16).padStart(shape.width, "0");
  }
}
