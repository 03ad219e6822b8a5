export { LOOKUP_BLIND_SPOT_NOTE } from "./notes";
export {
  hiddenRows,
  INITIAL_LOOKUP_STATE,
  newestFirst,
  reduceLookup,
  splitResolved,
  type DenialGroup,
  type LookupState,
  type RunEvent,
} from "./state";
