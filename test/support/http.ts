export const DEMO_PASSWORD = 'Demo@2026';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client over fetch: real requests to the running app. */
export class Client {
  constructor(
    readonly base: string,
    public token: string | null = null,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML pages)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }

  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  /** Posts text as pasted from a spreadsheet (tab-separated). */
  async postText<T = any>(path: string, text: string): Promise<Reply<T>> {
    const response = await fetch(this.base + path, {
      method: 'POST',
      headers: { 'content-type': 'text/tab-separated-values; charset=utf-8', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: text,
    });
    const body = await response.text();
    return { status: response.status, body: (body ? JSON.parse(body) : null) as T, headers: response.headers };
  }

  /** Sends a file as multipart form data (field `file`), as the browser's upload does. */
  async upload<T = any>(path: string, fileName: string, content: Buffer | string, type = 'application/octet-stream'): Promise<Reply<T>> {
    const form = new FormData();
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
    const response = await fetch(this.base + path, { method: 'POST', headers: this.token ? { authorization: `Bearer ${this.token}` } : {}, body: form });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  /** Downloads a file's bytes. */
  async download(path: string): Promise<{ status: number; content: Buffer; headers: Headers }> {
    const response = await fetch(this.base + path, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    return { status: response.status, content: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  /** Signs in and returns a client carrying the bearer token. */
  async as(username: string, password = DEMO_PASSWORD): Promise<Client> {
    const reply = await new Client(this.base).post('/api/auth/login', { username, password });
    if (reply.status !== 200) throw new Error(`login of ${username} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return new Client(this.base, reply.body.accessToken);
  }
}
