// One real server for every e2e file of the project: the first start imports the boundaries and generates the
// demo data (minutes), so the files share it instead of each starting their own. Files read its URL with
// inject('appServerUrl') through useAppServer() (helpers/app-server.ts).
import type { TestProject } from 'vitest/node';
import { startAppServer } from './helpers/app-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startAppServer();
  project.provide('appServerUrl', server.url);
  return async () => {
    await server.stop();
  };
}
