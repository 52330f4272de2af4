// Demo pictures drawn on the fly: an avatar with the person's initials on a coloured circle and a
// QR-looking pattern. Both are deterministic per userid so pages and screenshots do not flicker.

import { createHash } from 'node:crypto';
import { escapeHtml } from './login/layout';

const AVATAR_COLOURS = ['#07c160', '#10aeff', '#fa9d3b', '#576b95', '#fa5151', '#6467f0', '#1aad19', '#e64340'];

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Chinese names show their last two characters (how WeCom avatars read); others their initials. */
function initialsOf(name: string): string {
  if (/[\u4e00-\u9fff]/.test(name)) return [...name].slice(-2).join('');
  return name
    .split(/[\s._@-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function avatarSvg(userid: string, name: string): string {
  const colour = AVATAR_COLOURS[digest(userid)[0]! % AVATAR_COLOURS.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">
<circle cx="60" cy="60" r="60" fill="${colour}"/>
<text x="60" y="60" dy=".35em" text-anchor="middle" font-family="PingFang SC,Microsoft YaHei,sans-serif" font-size="40" fill="#fff">${escapeHtml(initialsOf(name))}</text>
</svg>`;
}

const QR_MODULES = 25;

function isFinderArea(x: number, y: number): boolean {
  const inCorner = (cx: number, cy: number) => x >= cx && x < cx + 7 && y >= cy && y < cy + 7;
  return inCorner(0, 0) || inCorner(QR_MODULES - 7, 0) || inCorner(0, QR_MODULES - 7);
}

/** Not a readable QR code: a pattern that looks like one, with the three finder squares. */
export function qrSvg(seedText: string): string {
  const bits: number[] = [];
  for (let round = 0; bits.length < QR_MODULES * QR_MODULES; round += 1) {
    for (const byte of digest(`${seedText}:${round}`)) {
      for (let bit = 0; bit < 8; bit += 1) bits.push((byte >> bit) & 1);
    }
  }
  const cells: string[] = [];
  for (let y = 0; y < QR_MODULES; y += 1) {
    for (let x = 0; x < QR_MODULES; x += 1) {
      if (!isFinderArea(x, y) && bits[y * QR_MODULES + x]) cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
    }
  }
  const finder = (fx: number, fy: number) =>
    `<rect x="${fx}" y="${fy}" width="7" height="7"/><rect x="${fx + 1}" y="${fy + 1}" width="5" height="5" fill="#fff"/><rect x="${fx + 2}" y="${fy + 2}" width="3" height="3"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ${QR_MODULES + 2} ${QR_MODULES + 2}" width="100%" height="100%" shape-rendering="crispEdges">
<rect x="-1" y="-1" width="${QR_MODULES + 2}" height="${QR_MODULES + 2}" fill="#fff"/>
<g fill="#191919">${finder(0, 0)}${finder(QR_MODULES - 7, 0)}${finder(0, QR_MODULES - 7)}${cells.join('')}</g>
</svg>`;
}
