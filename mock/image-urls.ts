// Where the mock serves its demo avatars and QR codes. Responses point at the mock's own origin so
// a browser can load them without internet access.

export function avatarUrl(origin: string, userid: string): string {
  return `${origin}/__mock/avatar/${encodeURIComponent(userid)}.svg`;
}

export function thumbAvatarUrl(origin: string, userid: string): string {
  return `${avatarUrl(origin, userid)}?size=100`;
}

export function qrCodeUrl(origin: string, userid: string): string {
  return `${origin}/__mock/qr/${encodeURIComponent(userid)}.svg`;
}

/** agent/get's square_logo_url. */
export function appLogoUrl(origin: string, agentId: number): string {
  return `${origin}/__mock/logo/${agentId}.svg`;
}
