/**
 * Token providers. MSAL (about 70 KB gzip) is loaded only inside these async factories, so the
 * app's first bundle never carries it: import from here, never from '@azure/msal-browser'.
 */
export { createNaaProvider } from './naa-provider';
export { createBrowserProvider } from './browser-provider';
export { createTeamsPopupProvider, type TeamsPopupProviderOptions } from './teams-popup-provider';
export { completeAuthRedirect, runRedirectSignIn } from './redirect-sign-in';
export { readAuthConfig, authConfigSchema, type AuthConfig } from './auth-config';
export { hasAuthResponse, type SignedInAccount } from './account';
export type { PopupResult } from './popup-result';
