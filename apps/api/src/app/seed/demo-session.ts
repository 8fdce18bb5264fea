import { SessionUser } from '@pm/api-contract';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity';

/** A demo user as the services see a signed-in one: the loaders act through the real services as that user. */
export async function demoSession(dataSource: DataSource, username: string): Promise<SessionUser> {
  const u = await dataSource.getRepository(User).findOneByOrFail({ username });
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, organizationId: u.organizationId };
}
