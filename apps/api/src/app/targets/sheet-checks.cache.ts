import { checkSheet, SettingsProfile, SheetCheck } from '@pm/domain';
import { TargetIndicatorDto } from '@pm/api-contract';

type LevelWeights = Parameters<typeof checkSheet>[2];

/**
 * The checks of a sheet version under a year's profile, worked out once: a version's rows and
 * level weights never change (every change makes a new version), and the profile is the same
 * object until the settings change (SettingsService forgets it then), so the pair names one result.
 */
export class SheetChecksCache {
  private readonly held = new Map<string, { profile: SettingsProfile; checks: SheetCheck[] }>();

  constructor(private readonly limit = 20_000) {}

  of(sheet: { id: string; version: number } | null, rows: TargetIndicatorDto[], profile: SettingsProfile, levelWeights: LevelWeights): SheetCheck[] {
    if (!sheet) return checkSheet(rows, profile, levelWeights);
    const key = `${sheet.id}:${sheet.version}`;
    const hit = this.held.get(key);
    if (hit && hit.profile === profile) return hit.checks;
    const checks = checkSheet(rows, profile, levelWeights);
    if (this.held.size >= this.limit) this.held.delete(this.held.keys().next().value as string);
    this.held.set(key, { profile, checks });
    return checks;
  }
}
