/**
 * A scripted XMLHttpRequest for uploads in component tests: `send()` reports the body going out in two
 * progress steps, then hands the request to the fake API's fetch and answers with what it returned.
 */
export class FakeApiXhr {
  readonly upload: {
    onprogress: ((event: ProgressEvent) => void) | null;
    onload: (() => void) | null;
  } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  private method = 'GET';
  private url = '';
  private readonly headers = new Headers();
  private aborted = false;

  constructor(private readonly fetchImpl: typeof fetch) {}

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }

  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }

  send(body: FormData): void {
    void this.run(body);
  }

  private async run(body: FormData): Promise<void> {
    // jsdom's File is not the fetch realm's: pass the file names on explicitly.
    const form = new FormData();
    let total = 0;
    for (const [name, value] of body.entries()) {
      if (typeof value === 'string') form.append(name, value);
      else {
        total += value.size;
        form.append(name, value, value.name);
      }
    }
    await Promise.resolve();
    for (const loaded of [Math.floor(total / 2), total]) {
      if (this.aborted) return;
      this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
    }
    this.upload.onload?.();
    const response = await this.fetchImpl(new URL(this.url, 'http://localhost').toString(), {
      method: this.method,
      headers: this.headers,
      body: form,
    });
    if (this.aborted) return;
    this.status = response.status;
    this.statusText = response.statusText;
    this.responseText = await response.text();
    this.onload?.();
  }
}
