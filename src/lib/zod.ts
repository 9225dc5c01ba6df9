/**
 * zod, configured once for every schema in the app: "jitless" stops zod from probing for eval
 * (new Function), which the strict Content-Security-Policy forbids and reports.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
