import type { RateTable } from "../../../../../modules/transport/rates/types"

export type {
  CarrierRow,
  PostalRange,
  RateRow,
  RateTable,
  ServiceLevelRow,
  SurchargeRow,
  WeightDefaultRow,
  ZoneRow,
} from "../../../../../modules/transport/rates/types"

/** Changes the draft table: `change` mutates a copy, which then replaces the draft. */
export type Edit = (change: (table: RateTable) => void) => void
