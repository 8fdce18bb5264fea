import { Foundation1763900000000 } from './1763900000000-foundation';
import { TargetSheets1764000000000 } from './1764000000000-target-sheets';
import { SettingsProfiles1764100000000 } from './1764100000000-settings-profiles';
import { IndicatorLibrary1764200000000 } from './1764200000000-indicator-library';
import { TargetDeadline1764300000000 } from './1764300000000-target-deadline';
import { DepartmentTargets1764400000000 } from './1764400000000-department-targets';
import { IndicatorResults1764500000000 } from './1764500000000-indicator-results';
import { ReviewChain1764600000000 } from './1764600000000-review-chain';
import { Monitoring1764700000000 } from './1764700000000-monitoring';
import { SelfEvaluation1764800000000 } from './1764800000000-self-evaluation';
import { Sessions1764900000000 } from './1764900000000-sessions';
import { ChangeNotifications1765000000000 } from './1765000000000-change-notifications';
import { QualitativeComparator1765100000000 } from './1765100000000-qualitative-comparator';
import { LastYearActualText1765200000000 } from './1765200000000-last-year-actual-text';
import { ImportLayouts1765300000000 } from './1765300000000-import-layouts';

/** Every migration, in order. The API bundles this list and runs it at start. */
export const MIGRATIONS = [Foundation1763900000000, TargetSheets1764000000000, SettingsProfiles1764100000000, IndicatorLibrary1764200000000, TargetDeadline1764300000000, DepartmentTargets1764400000000, IndicatorResults1764500000000, ReviewChain1764600000000, Monitoring1764700000000, SelfEvaluation1764800000000, Sessions1764900000000, ChangeNotifications1765000000000, QualitativeComparator1765100000000, LastYearActualText1765200000000, ImportLayouts1765300000000];
