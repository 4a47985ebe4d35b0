/** Sent in the User-Agent; a unit test keeps it equal to package.json's version. */
export const ACTION_NAME = 'rollback-action';
export const ACTION_VERSION = '1.0.0';
