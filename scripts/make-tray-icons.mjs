// Writes the tray icons in resources/: one filled disc per alert severity, 16 px and
// 32 px (@2x, picked up by Electron on high-density screens). Run once after changing
// a colour: `node scripts/make-tray-icons.mjs`. Plain PNG bytes, no image library.

import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

// The dashboard's MUI palette: success, info, warning, error.
const COLOURS = {
  ok: [46, 125, 50],
  info: [2, 136, 209],
  warning: [237, 108, 2],
  critical: [211, 47, 47],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A disc with a soft edge and a darker ring, so it reads on light and dark panels. */
function discPng(size, [r, g, b]) {
  const rows = [];
  const centre = size / 2;
  const radius = size / 2 - size / 16;
  for (let y = 0; y < size; y += 1) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
      const alpha = Math.max(0, Math.min(1, radius - distance + 0.5));
      const ring = distance > radius - size / 10 ? 0.7 : 1;
      row.push(
        Math.round(r * ring),
        Math.round(g * ring),
        Math.round(b * ring),
        Math.round(alpha * 255),
      );
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [level, colour] of Object.entries(COLOURS)) {
  writeFileSync(join(resources, `tray-${level}.png`), discPng(16, colour));
  writeFileSync(join(resources, `tray-${level}@2x.png`), discPng(32, colour));
}
console.log(`Wrote ${Object.keys(COLOURS).length * 2} tray icons to ${resources}`);
