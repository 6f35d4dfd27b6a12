/**
 * A scripted XMLHttpRequest for uploads in component tests: `send()` reports the body going out in two
 * progress steps, then hands the request to the fake API's fetch and answers with what it returned.
 */
/**
 * jsdom's FormData and File are not the ones fetch (undici) knows: undici reads the form but names every file
 * "blob". Read it through undici once, then put the file names back.
 */
async function toFetchFormData(body: FormData): Promise<FormData> {
  const parsed = await new Request('http://localhost/', { method: 'POST', body }).formData();
  const names = [...body.entries()].map(([, value]) => (typeof value === 'string' ? null : value.name));
  const form = await new Response(new URLSearchParams()).formData();
  [...parsed.entries()].forEach(([name, value], i) => {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, names[i] ?? value.name);
  });
  return form;
}

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
    const form = await toFetchFormData(body);
    let total = 0;
    for (const [, value] of body.entries()) if (typeof value !== 'string') total += value.size;
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
