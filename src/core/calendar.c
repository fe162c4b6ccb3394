/* Calendar arithmetic (proleptic Gregorian) and ISO 8601 in and out.
 * days_from_civil / civil_from_days follow Howard Hinnant's algorithms
 * ("chrono-compatible low-level date algorithms"). */
#include <stdio.h>
#include <string.h>

#include "kabar/dates.h"

const char *kb_date_from_name(kb_date_from from) {
  switch (from) {
  case KB_FROM_NONE: return "";
  case KB_FROM_META: return "meta";
  case KB_FROM_JSONLD: return "json-ld";
  case KB_FROM_URL: return "url";
  case KB_FROM_TIME: return "time";
  case KB_FROM_PRINTED: return "printed";
  case KB_FROM_INTEXT: return "in-text";
  case KB_FROM_INFERRED: return "inferred";
  }
  return "";
}

int64_t kb_days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void kb_civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
  int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400) + (mm <= 2);
  *m = mm;
  *d = dd;
}

int kb_weekday_of_days(int64_t days) {
  int64_t w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
  return (int)(w < 0 ? w + 7 : w);
}

int kb_weekday(int y, int m, int d) {
  return kb_weekday_of_days(kb_days_from_civil(y, m, d));
}

int kb_days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12)
    return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dm[m - 1];
}

int64_t kb_datetime_epoch(const kb_datetime *t) {
  int64_t s = kb_days_from_civil(t->year, t->month ? t->month : 1,
                                 t->day ? t->day : 1) *
              86400;
  if (t->hour >= 0)
    s += t->hour * 3600 + t->minute * 60 + t->second;
  if (t->has_tz)
    s -= (int64_t)t->tz_min * 60;
  return s;
}

void kb_datetime_from_epoch(int64_t secs, int tz_min, kb_datetime *out) {
  secs += (int64_t)tz_min * 60;
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  memset(out, 0, sizeof *out);
  kb_civil_from_days(days, &out->year, &out->month, &out->day);
  out->hour = (int)(rem / 3600);
  out->minute = (int)(rem / 60 % 60);
  out->second = (int)(rem % 60);
  out->tz_min = tz_min;
  out->has_tz = 1;
}

int kb_datetime_day(const kb_datetime *t, char out[11]) {
  if (!t->year || !t->month || !t->day) {
    out[0] = '\0';
    return 0;
  }
  snprintf(out, 11, "%04u-%02u-%02u", (unsigned)t->year % 10000u,
           (unsigned)t->month % 13u, (unsigned)t->day % 32u);
  return 10;
}

int kb_datetime_iso(const kb_datetime *t, char out[32]) {
  int n = kb_datetime_day(t, out);
  if (n == 0 || t->hour < 0)
    return n;
  n += snprintf(out + n, (size_t)(32 - n), "T%02d:%02d:%02d", t->hour % 100,
                t->minute % 100, t->second % 100);
  if (t->has_tz) {
    int off = t->tz_min < 0 ? -t->tz_min : t->tz_min;
    n += snprintf(out + n, (size_t)(32 - n), "%c%02d:%02d",
                  t->tz_min < 0 ? '-' : '+', (off / 60) % 100, off % 60);
  }
  return n;
}

static int digits(const char *s, size_t n, size_t *i, int count, int *out) {
  int v = 0;
  for (int k = 0; k < count; k++) {
    if (*i >= n || s[*i] < '0' || s[*i] > '9')
      return 0;
    v = v * 10 + (s[(*i)++] - '0');
  }
  *out = v;
  return 1;
}

int kb_datetime_parse_iso(const char *s, size_t n, kb_datetime *out) {
  kb_datetime t = {.hour = -1};
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (!digits(s, n, &i, 4, &t.year))
    return 0;
  if (i < n && (s[i] == '-' || s[i] == '/'))
    i++;
  if (!digits(s, n, &i, 2, &t.month))
    return 0;
  if (i < n && (s[i] == '-' || s[i] == '/'))
    i++;
  if (!digits(s, n, &i, 2, &t.day))
    return 0;
  if (t.month < 1 || t.month > 12 || t.day < 1 ||
      t.day > kb_days_in_month(t.year, t.month))
    return 0;
  /* the time after 'T' or a space; also " T" (a CMS writing
     "2016-02-23 T16:00:20Z") */
  size_t ti = i + (i + 1 < n && s[i] == ' ' && (s[i + 1] | 0x20) == 't');
  if (ti < n && (s[ti] == 'T' || s[ti] == 't' || s[ti] == ' ') && ti + 1 < n &&
      s[ti + 1] >= '0' && s[ti + 1] <= '9') {
    i = ti + 1;
    int h, mi, sec = 0;
    if (!digits(s, n, &i, 2, &h))
      return 0;
    if (i < n && s[i] == ':')
      i++;
    if (!digits(s, n, &i, 2, &mi))
      return 0;
    if (i < n && s[i] == ':') {
      i++;
      if (!digits(s, n, &i, 2, &sec))
        return 0;
    }
    if (i < n && (s[i] == '.' || s[i] == ',')) {
      i++;
      while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    }
    if (h > 23 || mi > 59 || sec > 60)
      return 0;
    t.hour = h, t.minute = mi, t.second = sec > 59 ? 59 : sec;
    while (i < n && s[i] == ' ')
      i++;
    if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
      t.has_tz = 1;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
      int sign = s[i++] == '-' ? -1 : 1, oh, om = 0;
      if (digits(s, n, &i, 2, &oh)) {
        if (i < n && s[i] == ':')
          i++;
        digits(s, n, &i, 2, &om);
        if (oh <= 14 && om < 60) {
          t.tz_min = sign * (oh * 60 + om);
          t.has_tz = 1;
        }
      }
    }
  }
  *out = t;
  return 1;
}
