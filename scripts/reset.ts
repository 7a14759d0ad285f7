// `npm run reset`: deletes the local tenant's data file so the next start seeds a fresh one.
import { existsSync, rmSync } from 'node:fs';
import { localConfig } from './local-config';

const { dataFile } = localConfig();
if (existsSync(dataFile)) {
  rmSync(dataFile);
  console.log(`Removed ${dataFile}; the next npm start seeds a fresh tenant.`);
} else {
  console.log(`Nothing to reset: ${dataFile} does not exist.`);
}
