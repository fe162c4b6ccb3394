/* kabar dates: calendar arithmetic, date parsing in many languages, finding
 * printed dates, and reasoning about the event date from what a text says.
 * Sits after extraction: extractors call it on lines, paragraphs and DOMs. */
#ifndef KABAR_DATES_H
#define KABAR_DATES_H

#include "kabar/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a date came from. Names (kb_date_from_name) are the JSON words. */
typedef enum kb_date_from {
  KB_FROM_NONE = 0, /* no date */
  KB_FROM_META,     /* "meta": <meta> tags */
  KB_FROM_JSONLD,   /* "json-ld" */
  KB_FROM_URL,      /* "url": /2023/08/16/ in the address */
  KB_FROM_TIME,     /* "time": an HTML <time> element */
  KB_FROM_PRINTED,  /* "printed": a date line printed on the page */
  KB_FROM_INTEXT,  /* "in-text": a cue in the article text, "Rabu (3/5/2023)" */
  KB_FROM_INFERRED /* "inferred": reasoned from several cues */
} kb_date_from;

const char *kb_date_from_name(kb_date_from from); /* static; "" for NONE */

/* A calendar date with optional time and offset. */
typedef struct kb_datetime {
  int year;   /* e.g. 2023; 0 = unknown */
  int month;  /* 1..12; 0 = unknown */
  int day;    /* 1..31; 0 = unknown */
  int hour;   /* 0..23; -1 = no time of day */
  int minute; /* 0..59 */
  int second; /* 0..59 */
  int tz_min; /* offset east of UTC in minutes (WIB = +420) */
  int has_tz; /* 1 when tz_min is known */
} kb_datetime;

/* A date with provenance and confidence. from == KB_FROM_NONE: no date. */
typedef struct kb_date {
  kb_datetime t;
  kb_date_from from;
  double confidence; /* 0..1 */
} kb_date;

/* ---- calendar ---------------------------------------------------------- */
int64_t kb_days_from_civil(int y, int m, int d); /* days since 1970-01-01 */
void kb_civil_from_days(int64_t days, int *y, int *m, int *d);
int kb_weekday(int y, int m, int d);  /* 0 = Monday .. 6 = Sunday */
int kb_weekday_of_days(int64_t days); /* the same for days since 1970 */
int kb_days_in_month(int y, int m);
/* Seconds since the epoch (UTC) of t; an unknown offset counts as UTC, an
 * unknown time as 00:00. */
int64_t kb_datetime_epoch(const kb_datetime *t);
void kb_datetime_from_epoch(int64_t secs, int tz_min, kb_datetime *out);

/* ISO 8601: "2023-08-16T09:46:00+07:00" with time and offset,
 * "2023-08-16T09:46:00" with time only, "2023-08-16" for a day.
 * Returns the length written (< 32). */
int kb_datetime_iso(const kb_datetime *t, char out[32]);
/* "YYYY-MM-DD" only; returns 10, or 0 when the day is not known. */
int kb_datetime_day(const kb_datetime *t, char out[11]);
/* Parses ISO 8601 / RFC 3339 and close variants ("2023-08-16 09:46:00"). */
int kb_datetime_parse_iso(const char *s, size_t n, kb_datetime *out);

#ifdef __cplusplus
}
#endif

/* The rest of the dates API (parsing free text in many languages, printed
 * date lines, URL dates, HTML date discovery, event-date reasoning) is
 * declared in kabar/dates_parse.h. */
#include "kabar/dates_parse.h"

#endif
