/** `bytes[start, end)`. */
export interface ByteRange {
  bytes: Buffer;
  start: number;
  end: number;
}

/**
 * The bytes of the item being read. An item inside one chunk stays a view of that chunk; only an
 * item that spans chunks is copied, piece by piece, so that memory is bounded by the largest item.
 */
export class PendingItem {
  /** Where the item starts in the current chunk (0 when it began in an earlier one); -1 when there is none. */
  private start = -1;
  private pieces: Buffer[] = [];
  private pieceBytes = 0;

  get active(): boolean {
    return this.start >= 0;
  }

  begin(index: number): void {
    this.start = index;
  }

  /** At the end of a chunk, keeps the item's bytes so far. Returns how many bytes the item holds now. */
  carryOver(chunk: Buffer): number {
    const piece = Buffer.from(chunk.subarray(this.start));
    this.pieces.push(piece);
    this.pieceBytes += piece.length;
    this.start = 0;
    return this.pieceBytes;
  }

  /** Ends the item at `end` in `chunk`, setting `range` to where its bytes are. */
  complete(chunk: Buffer, end: number, range: ByteRange): void {
    if (this.pieces.length === 0) {
      range.bytes = chunk;
      range.start = this.start;
      range.end = end;
    } else {
      range.bytes = Buffer.concat([...this.pieces, chunk.subarray(0, end)]);
      range.start = 0;
      range.end = range.bytes.length;
    }
    this.drop();
  }

  drop(): void {
    this.start = -1;
    this.pieces = [];
    this.pieceBytes = 0;
  }
}
