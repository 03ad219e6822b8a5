export { loadCatalog } from "./load-catalog";
