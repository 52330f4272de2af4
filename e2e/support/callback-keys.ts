/**
 * The Token and EncodingAESKey of the e2e app's event callback: what an admin would copy
 * from the WeCom console into both WeCom and the app. Fixed, so specs can also sign bodies
 * themselves; they only ever open the local mock.
 */
export const CALLBACK_TOKEN = 'e2eCallbackToken7Kq';
/** 43 characters of base64, the shape WeCom generates. */
export const CALLBACK_AES_KEY = 'kWxPl2N5v7ZcR0tYq8sHfJd3gB6mLaE1uI4oV9nC2yT';

export const CALLBACK_ENV = { WECOM_CALLBACK_TOKEN: CALLBACK_TOKEN, WECOM_CALLBACK_AES_KEY: CALLBACK_AES_KEY };
