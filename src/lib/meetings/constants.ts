import { z } from 'zod';

/** A klankbordgroep session: planned, running (live mode), closed; or cancelled before it started. */
export const meetingStatuses = ['gepland', 'live', 'afgesloten', 'geannuleerd'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** A temperature check uses the words of the positions, without "no position yet" and "does not take part". */
export const temperatureValues = ['steunt', 'steunt_onder_voorwaarden', 'neutraal', 'bezwaar'] as const;
export type TemperatureValue = (typeof temperatureValues)[number];
export const temperatureValueSchema = z.enum(temperatureValues, { message: 'validation_meeting_temperature' });

/** What the minutes hold: what was discussed, decisions, action points, questions for the councils. */
export const minuteKinds = ['besproken', 'besluit', 'actiepunt', 'vraag'] as const;
export type MinuteKind = (typeof minuteKinds)[number];
export const minuteKindSchema = z.enum(minuteKinds, { message: 'validation_meeting_minute_kind' });
