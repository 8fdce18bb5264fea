import pg from 'pg';
import { testDatabaseUrl } from './app';

/** A database of its own on the test server, for tests that need an empty or disposable one. */
export class ScratchDatabase {
  readonly name = `pm_scratch_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1000)}`;
  private admin = new pg.Client({ connectionString: testDatabaseUrl() });

  get url(): string {
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${this.name}`;
    return url.toString();
  }

  async create(): Promise<this> {
    await this.admin.connect();
    await this.admin.query(`CREATE DATABASE ${this.name}`);
    return this;
  }

  /** Drops it even while connections are open (what a crashed database looks like to the app). */
  async drop(): Promise<void> {
    await this.admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }

  async dispose(): Promise<void> {
    await this.drop();
    await this.admin.end();
  }
}
