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
    private token: string | null = null,
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

  /** Signs in and returns a client carrying the bearer token. */
  async as(username: string, password = DEMO_PASSWORD): Promise<Client> {
    const reply = await new Client(this.base).post('/api/auth/login', { username, password });
    if (reply.status !== 200) throw new Error(`login of ${username} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return new Client(this.base, reply.body.accessToken);
  }
}
