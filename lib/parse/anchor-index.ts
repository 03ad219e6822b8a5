/**
 * Every anchor of every pattern table, looked for in one pass over a text. A pasted line is tried against some sixty
 * anchored patterns; an Aho–Corasick automaton over all their anchors reads it once and answers all of them, where
 * one `includes` per anchor read it ninety times.
 */

interface Automaton {
  /** Each UTF-16 code unit's column: 0 for a unit no anchor holds. */
  columnOf: Uint16Array;
  columns: number;
  /**
   * `next[row + column]`, for the row of the state just reached (`state * columns`): the next state's row, doubled, plus
   * 1 when anchors end at that state. One lookup per code unit, and the outputs are read only where there are some.
   */
  next: Int32Array;
  /** The anchors that end at a state: `ids[outputStart[state] .. outputStart[state + 1]]`. */
  outputStart: Int32Array;
  outputIds: Int32Array;
  /** 32-bit words in a found-set. */
  words: number;
}

const idOf = new Map<string, number>();
let automaton: Automaton | null = null;

/** The texts scanned last, with what was found in each: one line is asked about by every table in turn. */
const RECENT = 4;
const recentTexts: (string | null)[] = Array.from({ length: RECENT }, () => null);
const recentFound: Uint32Array[] = Array.from({ length: RECENT }, () => new Uint32Array(0));
let nextSlot = 0;

/** Gives each anchor its number, adding new ones to the index (which is then rebuilt on its next use). */
export function registerAnchors(anchors: readonly string[]): number[] {
  return anchors.map((anchor) => {
    if (anchor === "") throw new Error("An anchor must not be empty: every text contains it.");
    let id = idOf.get(anchor);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(anchor, id);
      automaton = null;
      recentTexts.fill(null);
    }
    return id;
  });
}

/** The anchors `text` contains, as a bit set over their numbers (bit `id & 31` of word `id >>> 5`). */
export function anchorsFoundIn(text: string): Uint32Array {
  for (let slot = 0; slot < RECENT; slot++) if (recentTexts[slot] === text) return recentFound[slot]!;
  automaton ??= build([...idOf.keys()]);
  const found = scan(automaton, text);
  recentTexts[nextSlot] = text;
  recentFound[nextSlot] = found;
  nextSlot = (nextSlot + 1) % RECENT;
  return found;
}

function scan({ columnOf, columns, next, outputStart, outputIds, words }: Automaton, text: string): Uint32Array {
  const found = new Uint32Array(words);
  let row = 0;
  for (let at = 0; at < text.length; at++) {
    const step = next[row + columnOf[text.charCodeAt(at)]!]!;
    row = step >>> 1;
    if ((step & 1) === 0) continue;
    const state = row / columns;
    for (let output = outputStart[state]!; output < outputStart[state + 1]!; output++) {
      const id = outputIds[output]!;
      found[id >>> 5]! |= 1 << (id & 31);
    }
  }
  return found;
}

function build(anchors: string[]): Automaton {
  const columnOf = new Uint16Array(0x10000);
  let columns = 1;
  for (const anchor of anchors)
    for (let at = 0; at < anchor.length; at++) {
      const unit = anchor.charCodeAt(at);
      if (columnOf[unit] === 0) columnOf[unit] = columns++;
    }
  // The trie of all anchors: state 0 is the root.
  const children = [new Map<number, number>()];
  const endsHere: number[][] = [[]];
  anchors.forEach((anchor, id) => {
    let state = 0;
    for (let at = 0; at < anchor.length; at++) {
      const column = columnOf[anchor.charCodeAt(at)]!;
      let child = children[state]!.get(column);
      if (child === undefined) {
        child = children.length;
        children.push(new Map<number, number>());
        endsHere.push([]);
        children[state]!.set(column, child);
      }
      state = child;
    }
    endsHere[state]!.push(id);
  });
  // Breadth first, each state's failure link is shallower than itself, so its transitions and outputs are complete.
  const next = new Int32Array(children.length * columns);
  const failure = new Int32Array(children.length);
  const outputs: number[][] = endsHere.map((ids) => [...ids]);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (let column = 0; column < columns; column++) {
      const child = children[state]!.get(column);
      const fallback = state === 0 ? 0 : next[failure[state]! * columns + column]!;
      if (child === undefined) {
        next[state * columns + column] = fallback;
        continue;
      }
      next[state * columns + column] = child;
      failure[child] = fallback;
      outputs[child]!.push(...outputs[fallback]!);
      queue.push(child);
    }
  }
  for (let cell = 0; cell < next.length; cell++) {
    const state = next[cell]!;
    next[cell] = ((state * columns) << 1) | (outputs[state]!.length > 0 ? 1 : 0);
  }
  const outputStart = new Int32Array(children.length + 1);
  outputs.forEach((ids, state) => (outputStart[state + 1] = outputStart[state]! + ids.length));
  return {
    columnOf,
    columns,
    next,
    outputStart,
    outputIds: Int32Array.from(outputs.flat()),
    words: Math.max(1, Math.ceil(anchors.length / 32)),
  };
}
