/** The users module for routes: `import * as users from '$lib/server/modules/users'`. */
export { inviteUser } from './invite-user';
export { resendInvitation } from './resend-invitation';
export { updateUser } from './update-user';
export { setRoles } from './set-roles';
export { disableUser } from './disable-user';
export { enableUser } from './enable-user';
export { resetTwoFactor } from './reset-two-factor';
export { unlinkSignIn } from './unlink-sign-in';
export { getUser, grantableMunicipalities, listUsers } from './queries';
export { loadActor, loadGrants, requiresTwoFactor } from './actor';
