import Sqlite from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** SQLite online backup: consistent while the server keeps writing. */
export async function backupSqlite(
  sourceFile: string,
  destination: string,
  onProgress: (p: BackupProgress) => void,
): Promise<void> {
  const src = new Sqlite(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await src.backup(destination, {
      progress: (info) => {
        onProgress(info);
        return 100;
      },
    });
  } finally {
    src.close();
  }
}

/** Checks that a file is a readable Shinrai SQLite database; returns the failing reason or null. */
export function checkSqliteBackup(file: string): string | null {
  if (!existsSync(file)) return 'missing';
  try {
    const db = new Sqlite(file, { readonly: true, fileMustExist: true });
    try {
      const ok = db.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') return 'integrity';
      const t = db.prepare("select name from sqlite_master where type='table' and name='audit_log'").get();
      return t === undefined ? 'not_shinrai' : null;
    } finally {
      db.close();
    }
  } catch {
    return 'not_sqlite';
  }
}

/** Replaces the live database file with a backup; the server must be stopped. */
export function restoreSqlite(backupFile: string, targetFile: string): void {
  const tmp = `${targetFile}.restore-tmp`;
  copyFileSync(backupFile, tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${targetFile}${suffix}`, { force: true });
  renameSync(tmp, targetFile);
}
