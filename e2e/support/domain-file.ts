/** The domain-ownership file the e2e apps serve, shaped like the one WeCom's console hands out. */
export const DOMAIN_FILE = { name: 'WW_verify_Ab12cd34Ef56gh78.txt', content: 'Zx9yW8vU7tS6rQ5p' };

export const DOMAIN_FILE_ENV = { WECOM_DOMAIN_VERIFICATION: `${DOMAIN_FILE.name}:${DOMAIN_FILE.content}` };
