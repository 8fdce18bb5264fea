// The TypeORM CLI with the workspace's TypeScript and path aliases, e.g.
//   DATABASE_URL=... npm run migration:generate -- migrations/1764000000000-targets
const { join } = require('node:path');
const root = join(__dirname, '..');
require('ts-node').register({ transpileOnly: true, project: join(root, 'apps/api/tsconfig.app.json') });
require('tsconfig-paths').register({ baseUrl: root, paths: require('../tsconfig.base.json').compilerOptions.paths });
require('typeorm/cli.js');
