/** The rate card's parts as the staff form names them (staff screens are English). */
import type { Category, MealBand, PaymentMethod } from '../../shared/ratecard';

export const MILEAGE = ['car', 'motorcycle', 'bicycle', 'passenger'] as const;
export type Mileage = (typeof MILEAGE)[number];

export const CATEGORY_NAMES: Record<Category, string> = {
  public_transport: 'Public transport',
  mileage: 'Mileage',
  taxi: 'Taxi',
  parking: 'Parking',
  childcare: 'Childcare or replacement care',
  support_worker: 'Support worker',
  interpreter: 'Interpreter',
  meals: 'Meals',
  phone: 'Phone or data',
  other: 'Other',
};
export const MILEAGE_NAMES: Record<Mileage, string> = {
  car: 'Car',
  motorcycle: 'Motorcycle',
  bicycle: 'Bicycle',
  passenger: 'Each passenger',
};
export const MEAL_NAMES: Record<MealBand, string> = { over5h: 'Away more than 5 hours', over10h: 'Away more than 10 hours' };
export const METHOD_NAMES: Record<PaymentMethod, string> = { bank: 'Bank transfer', cash: 'Cash', voucher: 'Voucher', none: 'No payment' };
