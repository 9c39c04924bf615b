/**
 * Progress for long-running commands: a self-rewriting line with count, rate and time left on a terminal,
 * plain lines (at most one a second) when output is piped.
 */
export class Progress {
  private readonly started = Date.now();
  private lastPlain = 0;

  constructor(
    private readonly label: string,
    private readonly unit: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(current: number, total: number): void {
    const secs = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = current / secs;
    const left = rate > 0 && total > current ? (total - current) / rate : 0;
    const pct = total > 0 ? Math.floor((current / total) * 100) : 100;
    const line = `${this.label}: ${current.toLocaleString()}/${total.toLocaleString()} ${this.unit} (${pct}%) ${rate.toFixed(0)}/s, ETA ${formatSeconds(left)}`;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${line}`);
    } else if (Date.now() - this.lastPlain >= 1000 || current >= total) {
      this.lastPlain = Date.now();
      this.out.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}

export function formatSeconds(s: number): string {
  const total = Math.round(s);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}
