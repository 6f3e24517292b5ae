import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { formValues } from '../../../src/lib/server/http/form-failure';

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
	new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': type } });

describe('formValues: any field name a stranger can send is read, never a crash', () => {
	it('reads `name[]` as a list and a plain field as its last value', async () => {
		expect({ ...(await formValues(post('a=1&a=2&b[]=x&b[]=y'))) }).toEqual({ a: '2', b: ['x', 'y'] });
	});

	it('`x[]` next to a plain `x` makes a list of both, in either order', async () => {
		expect({ ...(await formValues(post('x=1&x[]=2&x[]=3'))) }).toEqual({ x: ['1', '2', '3'] });
		expect({ ...(await formValues(post('x[]=1&x=2'))) }).toEqual({ x: '2' });
	});

	it('`__proto__[]`, `constructor[]` and `toString[]` are fields like any other and touch no prototype', async () => {
		const values = await formValues(post('email=a%40b.nl&__proto__[]=x&constructor[]=y&toString[]=z&__proto__=w'));
		expect(values.email).toBe('a@b.nl');
		expect(Object.getOwnPropertyNames(values).sort()).toEqual(['__proto__', 'constructor', 'email', 'toString']);
		expect(values.constructor).toEqual(['y']);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('push');
	});

	it('a body that is no form at all is refused with 400 and a Dutch message', async () => {
		const err = await formValues(post('--x\r\n', 'multipart/form-data')).catch((e: unknown) => e);
		expect(isHttpError(err) && err.status).toBe(400);
		expect(isHttpError(err) && err.body.message).toMatch(/^Dit formulier kon niet worden gelezen/);
	});
});
