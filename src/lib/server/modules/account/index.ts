/** My account: name, password, language, own logins. Import as a namespace. */
export { changeLocale } from './change-locale';
export { changeName } from './change-name';
export { changePassword } from './change-password';
export { endOtherSession } from './end-session';
export * from './queries';
