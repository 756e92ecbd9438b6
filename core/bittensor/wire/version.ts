/** `version_as_int` of the SDK whose wire behaviour we reproduce (9.9.0). */
export const SDK_VERSION_AS_INT = 9_009_000;
