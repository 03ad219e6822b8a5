/**
 * The server's live heap, read over the V8 inspector the benchmark server listens on (loopback, a random port): a full
 * garbage collection first, then the heap in use, so two readings compare what is really retained. Needs the global
 * WebSocket (`--experimental-websocket` on Node 20, as `npm run load` passes).
 */
export async function liveHeapBytes(inspectorUrl: string): Promise<number> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`cannot reach the inspector at ${inspectorUrl}`)), {
      once: true,
    });
  });
  const answers = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as { id?: number; result?: unknown };
    if (message.id !== undefined) answers.get(message.id)?.(message.result);
  });
  let nextId = 0;
  const call = (method: string) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      answers.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    const usage = (await call("Runtime.getHeapUsage")) as { usedSize: number };
    return usage.usedSize;
  } finally {
    socket.close();
  }
}
