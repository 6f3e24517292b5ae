import QRCode from 'qrcode';

/** The otpauth URI as an SVG QR code in a data URI, for an <img> with a text alternative (the CSP allows data: images). */
export async function qrCodeDataUri(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
