// Shared locations for the front-end unit tests (run with: node --test tests/Escalation.Web.Tests.js/).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const wwwroot = path.resolve(here, '../../Escalation.Api/wwwroot');
export const modulePath = (relative) => new URL(`file://${path.join(wwwroot, relative)}`).href;
