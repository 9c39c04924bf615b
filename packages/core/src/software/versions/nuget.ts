/** NuGet versions: up to four numeric parts, case-insensitive pre-release labels, build metadata ignored. */
import type { VersionFailure } from './errors.ts';
import { checkSemverLike, compareSemverKeys, semverLikeKey, type SemverKey } from './semver.ts';

export type NugetKey = SemverKey;

export function parseNuget(input: string): NugetKey | VersionFailure {
  return checkSemverLike(input) ?? semverLikeKey(input, 4, true);
}

export const compareNugetKeys = compareSemverKeys;
