// The DataSource the TypeORM CLI uses (npm run migration:generate -- migrations/<name>).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './typeorm-options';

export default new DataSource({
  ...dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test'),
  migrationsRun: false,
});
