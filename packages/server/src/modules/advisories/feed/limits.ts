/** Bounds on what an advisory import reads, so a hostile archive cannot exhaust memory or disk. */
export interface ImportLimits {
  /** Largest uncompressed size of one record (bytes). */
  maxEntryBytes: number;
  /** Largest uncompressed ÷ compressed ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (tiny files compress oddly). */
  ratioFloorBytes: number;
  /** Largest sum of the uncompressed sizes in one archive. */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxEntryBytes: 20 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
};

/** Records written per transaction. */
export const BATCH_SIZE = 1000;
