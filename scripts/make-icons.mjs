// Draws the app's install icons (the favicon's white cross on the brand teal) as PNG with Node's zlib
// only: static/icons/icon-192.png, icon-512.png and icon-maskable-512.png (the cross inside the
// central safe zone a maskable icon's shape may crop to). Usage: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0f, 0x5c, 0x6e];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of `size` px; `pixel(x, y)` gives [r, g, b, a] for each pixel (in a 32-unit frame). */
function png(size, pixel) {
	const raw = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0; // no filter
		for (let x = 0; x < size; x++) {
			const [r, g, b, a] = pixel(((x + 0.5) / size) * 32, ((y + 0.5) / size) * 32);
			raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The favicon's cross (M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z), scaled by `k` about the centre. */
function inCross(x, y, k) {
	const u = 16 + (x - 16) / k;
	const v = 16 + (y - 16) / k;
	return (u >= 13 && u <= 19 && v >= 7 && v <= 25) || (u >= 7 && u <= 25 && v >= 13 && v <= 19);
}
/** Inside the favicon's rounded square (rx 6). */
function inRoundedSquare(x, y) {
	const r = 6;
	const cx = Math.min(Math.max(x, r), 32 - r);
	const cy = Math.min(Math.max(y, r), 32 - r);
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const standard = (x, y) => (!inRoundedSquare(x, y) ? [0, 0, 0, 0] : inCross(x, y, 1) ? [...WHITE, 255] : [...BRAND, 255]);
// Maskable: full bleed, the cross shrunk to sit well inside the 80% safe circle.
const maskable = (x, y) => (inCross(x, y, 0.75) ? [...WHITE, 255] : [...BRAND, 255]);

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', png(192, standard));
writeFileSync('static/icons/icon-512.png', png(512, standard));
writeFileSync('static/icons/icon-maskable-512.png', png(512, maskable));
console.log('wrote static/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
