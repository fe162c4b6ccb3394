/* Event-date reasoning: collects date cues from an article's paragraphs
 * (explicit dates, weekday + day/month, weekdays alone, anniversaries with a
 * base date or year, the years the text mentions), turns them into scored
 * candidate days bounded by publication and now, and picks the best. Runs
 * after extraction, in analysis; cue words come from data/dates/reason-*. */
#include <math.h>
#ifdef KB_DATES_DEBUG
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "dates/dates_int.h"

#define MAX_CUES 256
#define MAX_CANDS 512

enum { CUE_FULL = 1, CUE_DM, CUE_WDAY, CUE_MONTH, CUE_RELDAY };

typedef struct cue {
  int kind;
  int y, m, d, wday;
  int para;
  int report; /* governed by a reporting verb */
  int sched;  /* planned/future context */
  int paren;  /* "(4/5)": the Indonesian event-day idiom */
  int on;     /* "pada 15 Agustus", "on Thursday" */
  int lastyear;
  int relday;
} cue;

typedef struct year_mention {
  int y, para;
} year_mention;

typedef struct anniv {
  int n, para;
} anniv;

typedef struct cand {
  int64_t day;
  double score;
  double best_single; /* the largest single explicit-cue weight */
  double sum_single;  /* all explicit-cue weights: repeats count little */
} cand;

typedef struct reason_state {
  cue cues[MAX_CUES];
  size_t ncue;
  year_mention years[MAX_CUES];
  size_t nyear;
  anniv annivs[64];
  size_t nanniv;
  cand cands[MAX_CANDS];
  size_t ncand;
  int64_t lower; /* earliest day an event may have; INT64_MIN: no bound */
} reason_state;

/* How long before publication an event may be (days). */
#define KB_EVENT_MAX_AGE_DAYS 31

static int is_sentence_end(const dscan *sc, size_t i) {
  const dtok *t = &sc->tok[i];
  if (t->type != DT_PUNCT)
    return 0;
  if (t->cp == '!' || t->cp == '?')
    return 1;
  return t->cp == '.' && (i + 1 >= sc->ntok || sc->tok[i + 1].sp);
}

/* Looks back from token i (within the sentence, up to `span` words) for a
 * cue word with one of the flags. */
static int cue_before(const dscan *sc, size_t i, size_t span, uint32_t flags) {
  size_t words = 0;
  while (i > 0 && words < span) {
    i--;
    const dtok *t = &sc->tok[i];
    if (is_sentence_end(sc, i))
      return 0;
    if (t->type != DT_WORD)
      continue;
    words++;
    if (t->w && (t->w->flags & flags))
      return 1;
  }
  return 0;
}

/* A reporting verb governing the date: "melaporkan pada Kamis",
 * "melansir pada Jumat, 16 ...", "reported on Friday". Only words like
 * "pada"/"hari"/"on" may stand between. */
static int report_before(const dscan *sc, size_t i) {
  size_t words = 0;
  while (i > 0 && words < 4) {
    i--;
    const dtok *t = &sc->tok[i];
    if (t->type == DT_PUNCT) {
      if (t->cp == ',')
        continue;
      return 0;
    }
    if (t->type != DT_WORD)
      return 0;
    words++;
    if (!t->w)
      return 0;
    if (t->w->flags & DW_REPORT)
      return 1;
    if (!(t->w->flags & DW_ON) && !(t->w->flags & DW_YEARS))
      return 0;
  }
  return 0;
}

static void add_cue(reason_state *st, const cue *c) {
  if (st->ncue < MAX_CUES)
    st->cues[st->ncue++] = *c;
}

static void add_year(reason_state *st, int y, int para) {
  if (st->nyear < MAX_CUES)
    st->years[st->nyear++] = (year_mention){y, para};
}

/* "peringatan 50 tahun", "HUT ke-60", "ulang tahun ke-25": an anniversary
 * cue a few words before a count; "40th anniversary": after it; "30 years
 * since". Returns the count or 0. */
static int anniv_at(const dscan *sc, size_t i) {
  const dtok *t = &sc->tok[i];
  if (t->type != DT_NUM || t->ndig > 3 || t->num < 1 || t->num > 300)
    return 0;
  /* before: skip "ke", "-", "the", "yang" */
  size_t j = i, words = 0;
  while (j > 0 && words < 3) {
    j--;
    const dtok *p = &sc->tok[j];
    if (p->type == DT_PUNCT && (p->cp == '-'))
      continue;
    if (p->type != DT_WORD)
      break;
    words++;
    if (p->w && (p->w->flags & DW_ANNIV))
      return t->num;
    if (!(p->lowlen == 2 && memcmp(p->low, "ke", 2) == 0) &&
        !(p->lowlen == 3 && memcmp(p->low, "the", 3) == 0))
      break;
  }
  /* after: "40th anniversary", "50 tahun ... sejak", "30 years since" */
  size_t k = i + 1;
  if (k < sc->ntok && sc->tok[k].type == DT_WORD && !sc->tok[k].sp)
    k++; /* th */
  if (k < sc->ntok && sc->tok[k].type == DT_WORD && sc->tok[k].w &&
      (sc->tok[k].w->flags & DW_ANNIV) && !(sc->tok[k].w->flags & DW_YEARS))
    return t->num;
  if (k < sc->ntok && sc->tok[k].type == DT_WORD && sc->tok[k].w &&
      (sc->tok[k].w->flags & DW_YEARS) && k + 1 < sc->ntok &&
      sc->tok[k + 1].type == DT_WORD && sc->tok[k + 1].w &&
      (sc->tok[k + 1].w->flags & DW_SINCE))
    return t->num;
  return 0;
}

/* 1 when the date's first number or month follows '(': "Kamis (4/5)". */
static int paren_before(const dscan *sc, size_t t0, size_t t1) {
  for (size_t i = t0; i < t1; i++) {
    const dtok *t = &sc->tok[i];
    if (t->type == DT_NUM || (t->w && t->w->month))
      return i > 0 && sc->tok[i - 1].type == DT_PUNCT &&
             sc->tok[i - 1].cp == '(';
  }
  return 0;
}

/* 1 when the words from token i on say "the year before" ("tahun lalu",
 * "last year", "the previous year"; reason-*.tsv lastyear). */
static int lastyear_at(const dscan *sc, size_t i) {
  char buf[40];
  size_t len = 0;
  for (size_t k = 0; k < 3 && i + k < sc->ntok; k++) {
    const dtok *w = &sc->tok[i + k];
    if (w->type != DT_WORD || w->lowlen == 0 ||
        len + w->lowlen + 1 >= sizeof buf)
      return 0;
    if (k)
      buf[len++] = ' ';
    memcpy(buf + len, w->low, w->lowlen);
    len += w->lowlen;
    const kb_dword *lw = kb_dtables_find(sc->tb, buf, len);
    if (k && lw && (lw->flags & DW_LASTYEAR))
      return 1;
  }
  return 0;
}

static void scan_para(reason_state *st, const dscan *sc, int para, int yhi) {
  size_t skip_to = 0;
  for (size_t i = 0; i < sc->ntok; i++) {
    const dtok *t = &sc->tok[i];
    if (t->type == DT_PUNCT)
      continue;
    if (i >= skip_to &&
        (t->type == DT_NUM || (t->w && (t->w->month || t->w->wday >= 0)))) {
      dmatch m;
      if (dscan_match(sc, i, &m) && !m.relative && m.m && (m.d || m.y)) {
        cue c = {0};
        c.para = para;
        c.y = m.y, c.m = m.m, c.d = m.d, c.wday = m.wday;
        c.kind = m.d ? (m.y ? CUE_FULL : CUE_DM) : CUE_MONTH;
        c.paren = paren_before(sc, m.t0, m.t1);
        c.report = report_before(sc, m.t0);
        c.sched = cue_before(sc, m.t0, 6, DW_SCHED);
        c.on = cue_before(sc, m.t0, 2, DW_ON);
        c.lastyear = lastyear_at(sc, m.t1);
        if (c.kind == CUE_MONTH && m.y) {
          add_year(st, m.y, para);
        } else if (c.kind == CUE_MONTH && !c.lastyear) {
          /* a month name without day ("pada bulan Agustus"): weak */
          if (!c.on)
            c.kind = 0;
        }
        if (c.kind)
          add_cue(st, &c);
        if (m.y && m.y <= yhi)
          add_year(st, m.y, para);
        skip_to = m.t1;
        i = m.t1 - 1;
        continue;
      }
    }
    if (i >= skip_to && t->type == DT_WORD && t->w && t->w->month &&
        t->w->month_full && lastyear_at(sc, i + 1)) {
      /* "Februari tahun lalu", "February last year": that month of the year
       * before publication; the year is fixed in kb_date_reason */
      cue c = {0};
      c.kind = CUE_MONTH;
      c.para = para;
      c.m = t->w->month;
      c.wday = -1;
      c.lastyear = 1;
      add_cue(st, &c);
      continue;
    }
    if (t->type == DT_NUM && t->ndig == 4 && t->num >= 1800 && t->num <= yhi) {
      add_year(st, t->num, para);
      /* "1910-1945", "1910-45": the range's end */
      if (i + 2 < sc->ntok && sc->tok[i + 1].type == DT_PUNCT &&
          (sc->tok[i + 1].cp == '-' || sc->tok[i + 1].cp == 0x2013) &&
          sc->tok[i + 2].type == DT_NUM) {
        const dtok *e = &sc->tok[i + 2];
        int end = e->ndig == 4   ? e->num
                  : e->ndig == 2 ? t->num / 100 * 100 + e->num
                                 : 0;
        if (end > t->num && end <= yhi)
          add_year(st, end, para);
        i += 2;
      }
      continue;
    }
    if (t->type == DT_NUM) {
      int n = anniv_at(sc, i);
      if (n && st->nanniv < sizeof st->annivs / sizeof st->annivs[0])
        st->annivs[st->nanniv++] = (anniv){n, para};
      continue;
    }
    const kb_dword *w = t->w;
    if (!w)
      continue;
    if (w->wday >= 0 && w->wday_full && t->cap) {
      /* a weekday alone; "Kamis depan" or "Minggu lalu" (a week) are not */
      const kb_dword *nx = i + 1 < sc->ntok && sc->tok[i + 1].type == DT_WORD
                               ? sc->tok[i + 1].w
                               : NULL;
      if (nx && (nx->flags & DW_NEXTWEEK))
        continue;
      if (nx && (nx->flags & DW_AGO) && (w->flags & DW_UNIT))
        continue;
      /* a weekday names a day after "pada"/"on" or standing at a clause
       * end ("kata dia, Kamis."); elsewhere it is likely a name or teaser */
      const dtok *nt = i + 1 < sc->ntok ? &sc->tok[i + 1] : NULL;
      int clause_end =
          !nt || (nt->type == DT_PUNCT && (nt->cp == '.' || nt->cp == ',' ||
                                           nt->cp == ';' || nt->cp == ')'));
      if (!clause_end && !cue_before(sc, i, 2, DW_ON))
        continue;
      cue c = {0};
      c.kind = CUE_WDAY;
      c.wday = w->wday;
      c.para = para;
      c.report = report_before(sc, i);
      c.sched = cue_before(sc, i, 6, DW_SCHED);
      c.on = cue_before(sc, i, 2, DW_ON);
      add_cue(st, &c);
    } else if ((w->flags & DW_RELDAY) && !(w->flags & DW_UNIT)) {
      cue c = {0};
      c.kind = CUE_RELDAY;
      c.relday = w->relday;
      c.para = para;
      add_cue(st, &c);
    }
  }
}

static cand *cand_at(reason_state *st, int64_t day) {
  for (size_t i = 0; i < st->ncand; i++)
    if (st->cands[i].day == day)
      return &st->cands[i];
  if (st->ncand == MAX_CANDS)
    return NULL;
  cand *c = &st->cands[st->ncand++];
  memset(c, 0, sizeof *c);
  c->day = day;
  return c;
}

static void support(reason_state *st, int y, int m, int d, double w,
                    int combined, int64_t upper) {
  if (y < 1990 || m < 1 || m > 12 || d < 1 || d > kb_days_in_month(y, m))
    return;
  int64_t day = kb_days_from_civil(y, m, d);
  if (day > upper || day < st->lower || w <= 0)
    return;
  cand *c = cand_at(st, day);
  if (!c)
    return;
  if (combined) {
    c->score += w;
  } else {
    c->sum_single += w;
    if (w > c->best_single)
      c->best_single = w;
  }
}

static double cue_weight(const cue *c) {
  double w = 1.0;
  if (c->wday >= 0 && c->kind != CUE_WDAY)
    w += 0.5;
  if (c->paren)
    w += 0.3;
  if (c->on)
    w += 0.2;
  if (c->report)
    w *= 0.3;
  if (c->sched)
    w *= 0.3;
  return w;
}

kb_status kb_date_reason(const char *const *paras, size_t npara,
                         const kb_date_ctx *ctx, kb_date *event) {
  if (!event || (npara && !paras))
    return KB_EINVAL;
  memset(event, 0, sizeof *event);
  event->t.hour = -1;
  /* every array entry is written before it is read (the counts say how
     many), so only the counts are cleared: zeroing ~40 KB per article was a
     tenth of the reasoner's work */
  reason_state *st = malloc(sizeof *st);
  if (!st)
    return KB_ENOMEM;
  st->ncue = st->nyear = st->nanniv = st->ncand = 0;
  st->lower = INT64_MIN;
  kb_status rc = KB_OK;
  int64_t now = kb_dates_now(ctx);
  int64_t upper = (now + 86400) / 86400; /* days */
  const kb_datetime *pub = ctx ? ctx->published : NULL;
  int has_pub = pub && pub->year >= 1990 && pub->month && pub->day;
  int64_t pub_day = 0;
  if (has_pub) {
    pub_day = kb_days_from_civil(pub->year, pub->month, pub->day);
    if (pub_day < upper)
      upper = pub_day; /* the event is not after publication */
    /* News reports what just happened: a date weeks before publication is
     * background ("lahir 29 Juli 1995", "sejak 20 Juli 2000", "the last
     * meeting in 2019"), not the event. Seen on a day of Indonesian news,
     * where such dates were taken as the event with full confidence. */
    st->lower = pub_day - KB_EVENT_MAX_AGE_DAYS;
  }
  int yhi, mtmp, dtmp;
  kb_civil_from_days(upper, &yhi, &mtmp, &dtmp);

  for (size_t p = 0; p < npara; p++) {
    if (!paras[p])
      continue;
    dscan sc;
    rc = dscan_init(&sc, paras[p], strlen(paras[p]), ctx);
    if (rc != KB_OK)
      goto fail;
    /* a printed date line is the page's publication line, not a cue: its
     * cues are taken back. Tested only when the paragraph gave some (most
     * give none), as the test tries a date at every number and known word */
    size_t ncue = st->ncue, nyear = st->nyear, nanniv = st->nanniv;
    scan_para(st, &sc, (int)p, yhi);
    if ((st->ncue != ncue || st->nyear != nyear || st->nanniv != nanniv) &&
        kb_dates_line_scan(&sc, 1, NULL))
      st->ncue = ncue, st->nyear = nyear, st->nanniv = nanniv;
    dscan_clear(&sc);
  }

  /* the event is not before the latest past year the text states */
  int ylo = 0;
  for (size_t i = 0; i < st->nyear; i++)
    if (st->years[i].y > ylo && st->years[i].y <= yhi)
      ylo = st->years[i].y;
  if (ylo < yhi - 15)
    ylo = yhi - 15;
  if (ylo < 1990)
    ylo = 1990;

  /* anniversaries: count + base year (or base date) stated in the text */
  double year_support[64] = {0}; /* index y - (yhi - 63) */
  int ybase = yhi - 63;
  for (size_t a = 0; a < st->nanniv; a++) {
    const anniv *an = &st->annivs[a];
    for (size_t b = 0; b < st->nyear; b++) {
      int y = st->years[b].y + an->n;
      if (y > yhi || y < 1990 || y < ybase)
        continue;
      int dist = abs(st->years[b].para - an->para);
      year_support[y - ybase] += 1.0 / (1.0 + dist);
    }
    for (size_t c = 0; c < st->ncue; c++) {
      const cue *cu = &st->cues[c];
      if (cu->kind != CUE_FULL)
        continue;
      int dist = abs(cu->para - an->para);
      support(st, cu->y + an->n, cu->m, cu->d, 0.8 / (1.0 + 0.2 * dist), 1,
              upper);
    }
  }

  /* "Februari tahun lalu": the month of the year before; a day of that month
   * given elsewhere without a year ("15 Februari") is in that year too */
  for (size_t c = 0; c < st->ncue; c++) {
    cue *cu = &st->cues[c];
    if (cu->kind != CUE_MONTH || !cu->lastyear || cu->y)
      continue;
    cu->y = yhi - 1;
    for (size_t k = 0; k < st->ncue; k++)
      if (st->cues[k].kind == CUE_DM && st->cues[k].m == cu->m)
        st->cues[k].lastyear = 1;
  }

  /* direct candidates */
  int explicit_days = 0;
  for (size_t c = 0; c < st->ncue; c++)
    if (st->cues[c].kind == CUE_FULL || st->cues[c].kind == CUE_DM)
      explicit_days = 1;
  for (size_t c = 0; c < st->ncue; c++) {
    const cue *cu = &st->cues[c];
    double w = cue_weight(cu);
    if (cu->kind == CUE_FULL) {
      if (cu->wday >= 0 && kb_weekday(cu->y, cu->m, cu->d) != cu->wday)
        continue;
      support(st, cu->y, cu->m, cu->d, w, 0, upper);
    } else if (cu->kind == CUE_DM) {
      if (has_pub) {
        int y = pub->year - cu->lastyear;
        if (kb_days_from_civil(y, cu->m, cu->d) > pub_day)
          y--;
        if (cu->wday >= 0 && kb_weekday(y, cu->m, cu->d) != cu->wday)
          continue;
        support(st, y, cu->m, cu->d, w * 0.9, 1, upper);
      } else {
        /* the latest fitting years first; several fits lower the weight */
        int fits = 0;
        for (int y = yhi; y >= ylo; y--) {
          if (cu->d > kb_days_in_month(y, cu->m))
            continue;
          if (kb_days_from_civil(y, cu->m, cu->d) > upper)
            continue;
          if (cu->wday >= 0 && kb_weekday(y, cu->m, cu->d) != cu->wday)
            continue;
          if (cu->lastyear && y != yhi - 1)
            continue;
          support(st, y, cu->m, cu->d, w * 0.8 * pow(0.85, fits), 1, upper);
          fits++;
        }
      }
    } else if (cu->kind == CUE_RELDAY && has_pub && !cu->sched) {
      int y, m, d;
      kb_civil_from_days(pub_day + cu->relday, &y, &m, &d);
      support(st, y, m, d, 0.4, 1, upper);
    } else if (cu->kind == CUE_WDAY && has_pub && !cu->sched &&
               !explicit_days) {
      /* the most recent such weekday on or before publication */
      int64_t day = pub_day;
      while (kb_weekday_of_days(day) != cu->wday)
        day--;
      int y, m, d;
      kb_civil_from_days(day, &y, &m, &d);
      support(st, y, m, d, 0.4 * (cu->report ? 0.5 : 1.0), 1, upper);
    }
  }

  /* supporting evidence on every candidate: weekdays, months, years,
   * closeness to publication */
  double best = 0, second = 0;
  cand *win = NULL;
  for (size_t i = 0; i < st->ncand; i++) {
    cand *c = &st->cands[i];
    int y, m, d;
    kb_civil_from_days(c->day, &y, &m, &d);
    int wd = kb_weekday_of_days(c->day);
    /* a caption repeating a date is not twice the evidence */
    c->score += c->best_single + 0.25 * (c->sum_single - c->best_single);
    double wday_bonus = 0;
    for (size_t k = 0; k < st->ncue; k++) {
      const cue *cu = &st->cues[k];
      if (cu->kind == CUE_WDAY && cu->wday == wd && !cu->sched) {
        double b = cu->report ? 0.15 : 0.3;
        if (b > wday_bonus)
          wday_bonus = b;
      } else if (cu->kind == CUE_MONTH && cu->m == m &&
                 (!cu->y || cu->y == y)) {
        c->score += 0.1;
      }
    }
    if (wday_bonus > 0)
      c->score += wday_bonus;
    if (y >= ybase && y - ybase < 64 && year_support[y - ybase] > 0) {
      c->score +=
          0.3 * (year_support[y - ybase] > 1 ? 1 : year_support[y - ybase]);
    }
    if (has_pub)
      c->score += 0.4 * exp(-(double)(pub_day - c->day) / 5.0);
    if (c->score > best) {
      second = best;
      best = c->score;
      win = c;
    } else if (c->score > second) {
      second = c->score;
    }
  }
#ifdef KB_DATES_DEBUG
  /* developer trace, compiled only with -DKB_DATES_DEBUG: a library does
   * not print */
  for (size_t i = 0; i < st->ncand; i++) {
    int y, m, d;
    kb_civil_from_days(st->cands[i].day, &y, &m, &d);
    fprintf(stderr, "cand %04d-%02d-%02d %.3f single %.2f\n", y, m, d,
            st->cands[i].score, st->cands[i].best_single);
  }
#endif
  if (!win || best < 0.3 || (second > 0 && best - second < 0.02 * best))
    goto done;
  kb_civil_from_days(win->day, &event->t.year, &event->t.month, &event->t.day);
  int direct = win->best_single >= 0.9 && win->best_single >= 0.5 * best;
  event->from = direct ? KB_FROM_INTEXT : KB_FROM_INFERRED;
  double margin = (best - second) / best;
  event->confidence = (direct ? 0.6 : 0.4) + 0.4 * margin;
  if (event->confidence > 1)
    event->confidence = 1;
done:
fail:
  free(st);
  return rc;
}
