import { z } from 'zod';
import { idSchema, textInputSchema } from './common';

/** At most this many saved addresses per shopper (WeChat stores use 20). */
export const MAX_ADDRESSES_PER_USER = 20;

/** A mainland mobile number: 11 digits starting 13–19 (what couriers' systems accept). */
export const mobilePhoneSchema = textInputSchema
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { message: 'must be a mainland mobile number (11 digits)' }));

/** A county-level administrative-division code (GB/T 2260, six digits, e.g. 110105 朝阳区). */
export const regionCodeSchema = textInputSchema.regex(/^\d{6}$/, { message: 'must be a six-digit region code' });

/** Province, city, district names as WeChat's chooseAddress gives them. */
export const regionNamesSchema = z.tuple([
  textInputSchema.trim().min(1).max(20),
  textInputSchema.trim().min(1).max(20),
  textInputSchema.trim().min(1).max(20),
]);

/**
 * A new or edited address. The region is a county code (from the picker) or three names
 * (from WeChat's 导入微信地址); the API resolves and checks either against the division data.
 */
export const addressInputSchema = z
  .object({
    recipient: textInputSchema.trim().min(1).max(20),
    phone: mobilePhoneSchema,
    regionCode: regionCodeSchema.optional(),
    regionNames: regionNamesSchema.optional(),
    detail: textInputSchema.trim().min(2).max(120),
    isDefault: z.boolean().default(false),
  })
  .refine((v) => v.regionCode !== undefined || v.regionNames !== undefined, {
    message: 'regionCode or regionNames is required',
    path: ['regionCode'],
  });
export type AddressInput = z.input<typeof addressInputSchema>;

export const addressSchema = z.object({
  id: z.string(),
  recipient: z.string(),
  /** Full number: the owner sees their own address (lists mask it with maskPhone). */
  phone: z.string(),
  regionCode: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
  isDefault: z.boolean(),
  updatedAt: z.string(),
});
export type Address = z.infer<typeof addressSchema>;

export const addressListSchema = z.object({ items: z.array(addressSchema), max: z.number().int() });
export type AddressList = z.infer<typeof addressListSchema>;

export const addressIdParamsSchema = z.object({ id: idSchema });

/** One level of the region picker: the children of `parent` (provinces when absent). */
export const regionQuerySchema = z.object({ parent: regionCodeSchema.optional() });
export const regionSchema = z.object({ code: z.string(), name: z.string(), leaf: z.boolean() });
export type Region = z.infer<typeof regionSchema>;
export const regionListSchema = z.object({ items: z.array(regionSchema) });
export type RegionList = z.infer<typeof regionListSchema>;

/** 138****5678: a phone number as shown in lists and to anyone but its owner's form. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
