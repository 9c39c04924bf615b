// ELK (elkjs) for the browser: the layout runs in a web worker, so a large model does not freeze the page.
// The worker script is a separate static file (loaded on first use); one instance serves the page.
import ELK, { type ELK as ElkApi } from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

let instance: ElkApi | null = null;

export function browserElk(): ElkApi {
  instance ??= new ELK({ workerUrl, workerFactory: (url) => new Worker(url ?? workerUrl) });
  return instance;
}
