import 'jest-canvas-mock';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

// jsdom has no ResizeObserver; ng-zorro and ECharts look for it.
const ignore = (): void => undefined;
class ResizeObserverStub {
  observe = ignore;
  unobserve = ignore;
  disconnect = ignore;
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
