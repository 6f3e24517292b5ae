/**
 * Sign-in with a municipality's own account (OpenID Connect, openid-client): the providers an administrator
 * configures, starting and finishing a sign-in or a step-up, and what the login page and user list show.
 * `import * as signIn from '$lib/server/modules/sign-in'`. See docs/security.md.
 */
export { addSignInProvider, updateSignInProvider, removeSignInProvider, testSignInProvider } from './providers';
export { listSignInProviders, getSignInProvider, signInChoices, stepUpChoices, passwordOffFor } from './queries';
export { beginSignIn, ATTEMPT_MS, startLimit, type SignInPurpose } from './begin';
export { finishSignIn, type SignInOutcome } from './finish';
export { SignInRefused, refusalMessageKey, type RefusalReason } from './refusal';
