import packageJson from "../../package.json";

/** The whydenied version whose engine made a snapshot's diagnosis: package.json's version. */
export const ENGINE_VERSION: string = packageJson.version;
