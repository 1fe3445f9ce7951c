/** The body of one Calltouch callback request, exactly as sent (API.md "Body fields"). */
export interface CallbackRequest {
  routeKey: string;
  /** 11 digits, `7xxxxxxxxxx`. */
  phone: string;
  fields?: { name: string; value: string }[];
  sessionId?: string;
  /** `yyyy-mm-dd hh:mm:ss` (or the campaign's scheduleTimeFormat), in calltouchTimezone. */
  scheduleTime?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmContent?: string;
  utmTerm?: string;
  callUrl?: string;
  tags?: string[];
  unitId?: number;
}
