import { describe, expect, it } from "vitest";
import { EventQueue } from "./event-queue";

async function drain<T>(queue: EventQueue<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of queue) items.push(item);
  return items;
}

describe("EventQueue", () => {
  it("hands over items pushed before and while the consumer waits, in order", async () => {
    const queue = new EventQueue<number>();
    queue.push(1, 2);
    const drained = drain(queue);
    await Promise.resolve();
    queue.push(3);
    await Promise.resolve();
    queue.push(4);
    queue.close();
    expect(await drained).toEqual([1, 2, 3, 4]);
  });

  it("throws a producer's failure after the items before it", async () => {
    const queue = new EventQueue<number>();
    const items: number[] = [];
    queue.push(1);
    queue.fail(new Error("upload failed"));
    await expect(
      (async () => {
        for await (const item of queue) items.push(item);
      })(),
    ).rejects.toThrow("upload failed");
    expect(items).toEqual([1]);
  });
});
