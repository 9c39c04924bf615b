import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

const WINDOW = 8 * 1024 * 1024;

/**
 * A yauzl random-access reader over a file that reads ahead in 8 MB windows. Entries of an all.zip are
 * read in order, so almost every range yauzl asks for is already in the window: a few hundred reads for
 * the whole archive instead of two per entry. Memory stays at two windows (or larger ranges). Small reads
 * (headers) are copied straight from the window and entry data is handed out as a slice, without the
 * Readable and Writable yauzl would make for every read (those dominated the time of a 200,000-entry zip).
 */
export class WindowReader extends yauzl.RandomAccessReader {
  /** Two windows: yauzl alternates between the central directory (at the end) and the entry data. */
  private windows: { start: number; data: Buffer }[] = [];

  private constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {
    super();
  }

  static async open(file: string): Promise<WindowReader> {
    const fh = await open(file, 'r');
    try {
      return new WindowReader(fh, (await fh.stat()).size);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  /** The bytes `start`…`end`, a view into a window (valid until it is replaced: copy what is kept). */
  async slice(start: number, end: number): Promise<Buffer> {
    return this.cached(start, end) ?? this.range(start, end);
  }

  private async range(start: number, end: number): Promise<Buffer> {
    let w = this.windows.find((x) => start >= x.start && end <= x.start + x.data.length);
    if (!w) {
      const length = Math.min(Math.max(WINDOW, end - start), this.size - start);
      const buf = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await this.fh.read(buf, got, length - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      w = { start, data: buf.subarray(0, got) };
      this.windows = [w, ...this.windows].slice(0, 2);
    } else if (this.windows[0] !== w) {
      this.windows = [w, ...this.windows.filter((x) => x !== w)];
    }
    return w.data.subarray(start - w.start, end - w.start);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    const copy = (data: Buffer) =>
      callback(null, data.copy(buffer, offset, 0, Math.min(length, data.length)));
    const hit = this.cached(position, position + length);
    if (hit) {
      copy(hit);
      return;
    }
    this.range(position, Math.min(position + length, this.size)).then(copy, (err: Error) => callback(err));
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const out = new Readable({ read() {} });
    const hit = this.cached(start, end);
    if (hit) {
      out.push(hit);
      out.push(null);
      return out;
    }
    this.range(start, end).then(
      (data) => {
        out.push(data);
        out.push(null);
      },
      (err: Error) => out.destroy(err),
    );
    return out;
  }

  private cached(start: number, end: number): Buffer | undefined {
    const w = this.windows.find((x) => start >= x.start && end <= x.start + x.data.length);
    return w?.data.subarray(start - w.start, end - w.start);
  }

  override close(callback: (err: Error | null) => void): void {
    this.fh.close().then(
      () => callback(null),
      (err: Error) => callback(err),
    );
  }
}
