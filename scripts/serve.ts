/** `npm run preview`: serves dist/ under BASE_PATH (default /) at http://127.0.0.1:4321, as a static host would. */
import { serveStatic } from './lib/static-server.ts';

const running = await serveStatic('dist', process.env.BASE_PATH || '/', Number(process.env.PORT || 4321));
console.log(`preview: ${running.url}en/ (Ctrl+C to stop)`);
