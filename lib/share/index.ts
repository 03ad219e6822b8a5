export { ENGINE_VERSION } from "./engine-version";
export { sharing, type Sharing } from "./server";
export { createSnapshot, deleteSnapshot, readSnapshot } from "./snapshots";
