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

import('./app-root')
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
