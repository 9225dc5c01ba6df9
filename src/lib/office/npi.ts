/**
 * NPI check digit: Luhn over the first nine digits with the card-issuer prefix 80840 in front
 * (CMS NPI standard), so "80840" + 9 digits + check digit passes a plain Luhn test.
 */
export function isValidNpi(npi: string): boolean {
	if (!/^\d{10}$/.test(npi)) return false;
	const digits = `80840${npi}`.split('').map(Number);
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits[digits.length - 1 - i]!;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}
