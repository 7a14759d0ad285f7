import './strict-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell, Starting } from './shell';
import { StartupError } from './startup-error';
import { initialThemeHint } from './theme';

/**
 * Paints the themed shell at once, then loads the host, sign-in and Graph (teams-js, MSAL and
 * the Graph client stay out of the first bundle) and swaps in the view for this frame.
 */
const element = document.getElementById('root');
if (!element) throw new Error('index.html lacks #root');
const root = createRoot(element);
const hint = initialThemeHint(window.location.search);

root.render(
  <StrictMode>
    <Shell theme={hint}>
      <Starting />
    </Shell>
  </StrictMode>,
);

/**
 * Resolves once the browser has painted the shell's content (its first-contentful-paint), so
 * the app's larger chunks never compete with that first paint. A second at most where paint
 * timing is not reported.
 */
const afterFirstPaint = (): Promise<void> =>
  new Promise((resolve) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (typeof PerformanceObserver === 'undefined' || painted()) {
      resolve();
      return;
    }
    const finish = () => {
      observer.disconnect();
      clearTimeout(fallback);
      resolve();
    };
    const observer = new PerformanceObserver(() => {
      if (painted()) finish();
    });
    observer.observe({ type: 'paint', buffered: true });
    const fallback = setTimeout(finish, 1000);
  });

afterFirstPaint()
  .then(() => import('./app-root'))
  .then(async ({ startApp }) => {
    const App = await startApp();
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.render(
      <StrictMode>
        <Shell theme={hint}>
          <StartupError error={error} />
        </Shell>
      </StrictMode>,
    );
  });
