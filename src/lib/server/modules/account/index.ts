/** My account: name, password, language, own logins. Import as a namespace. */
export { changeLocale, localeSchema } from './change-locale';
export { changeName, nameSchema } from './change-name';
export { changePassword, changePasswordSchema } from './change-password';
export { endOtherSession, endSessionSchema } from './end-session';
export * from './queries';
export { sessionRef } from './session-ref';
