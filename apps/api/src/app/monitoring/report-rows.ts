import { MonitoringIndicatorDto } from '@pm/api-contract';
import { ReportRow } from '@pm/domain';
import { MonitoringRow } from './monitoring-row.entity';

/** A stored row as the domain's checks and warnings read it. */
export function reportRowOf(r: MonitoringRow): ReportRow {
  return {
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparator: r.comparator,
    value: r.value,
    unit: r.unit,
    kind: r.kind,
    current: r.current,
    forecast: r.forecast,
    likelihood: r.likelihood,
    reasons: r.reasons,
    reasonNote: r.reasonNote,
    measures: r.measures,
  };
}

/** A stored row → the contract's row (SPEC §12). */
export function toMonitoringIndicatorDto(r: MonitoringRow): MonitoringIndicatorDto {
  return {
    indicatorId: r.indicatorId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparator: r.comparator,
    value: r.value,
    unit: r.unit,
    kind: r.kind,
    weight: r.weight,
    evidenceRequired: r.evidenceRequired,
    current: r.current,
    forecast: r.forecast,
    likelihood: r.likelihood,
    reasons: r.reasons,
    reasonNote: r.reasonNote,
    measures: r.measures,
    warning: r.warning,
  };
}
