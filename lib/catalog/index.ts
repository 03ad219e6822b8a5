export { diagnose } from "./diagnose";
export { loadCatalog } from "./load-catalog";
