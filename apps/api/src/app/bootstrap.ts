import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { BufferedJsonLogger } from './common/buffered-logger';
import { installRequestParsing } from './common/request-body';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { SeedService } from './seed/seed.service';

/**
 * Builds the whole application: used by main.ts and by the end-to-end tests,
 * so both run exactly the same stack. Migrations run while the module starts;
 * the seed runs before the app answers.
 */
export async function createApp(config: AppConfig, options: { logs?: boolean } = {}): Promise<INestApplication> {
  const logger = options.logs === false ? false : new BufferedJsonLogger();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger, bodyParser: false });
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  installRequestParsing(
    app,
    helmet({
      contentSecurityPolicy: {
        directives: {
          // ng-zorro sets inline style attributes; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('绩效目标管理 API')
      .setDescription('预算绩效目标的设定、审核、监控与自评（SPEC §11）')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('pm_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  try {
    await app.get(SeedService).run();
  } catch (error) {
    // a start refused by the seed (no ADMIN_PASSWORD on an empty database) lets go of its connections
    await app.close();
    throw error;
  }
  return app;
}
