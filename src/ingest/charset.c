/* kabar ingest: charset detection and conversion to UTF-8. Order: byte
 * order mark, declared charset (HTTP), <meta>/XML declaration, UTF-8
 * validity, windows-1252; labels follow the WHATWG Encoding Standard. Runs on
 * every page before extraction; the result is always sanitised UTF-8. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "ingest/ingest_int.h"

/* How far into a page the <meta> prescan looks. WHATWG says 1024 bytes;
 * pages with long <head> scripts put their <meta charset> later. */
#define PRESCAN_BYTES 4096

typedef struct encoding {
  const char *name;  /* WHATWG name, reported as page->charset */
  const char *iconv; /* glibc iconv name; NULL = built in */
  int single_byte;   /* a legacy one-byte-per-character encoding */
} encoding;

enum {
  E_UTF8,
  E_1252,
  E_8859_2,
  E_8859_3,
  E_8859_4,
  E_8859_5,
  E_8859_6,
  E_8859_7,
  E_8859_8,
  E_8859_10,
  E_8859_13,
  E_8859_14,
  E_8859_15,
  E_8859_16,
  E_KOI8R,
  E_KOI8U,
  E_874,
  E_1250,
  E_1251,
  E_1253,
  E_1254,
  E_1255,
  E_1256,
  E_1257,
  E_1258,
  E_MAC,
  E_MACCYR,
  E_IBM866,
  E_GBK,
  E_GB18030,
  E_BIG5,
  E_EUCJP,
  E_2022JP,
  E_SJIS,
  E_EUCKR,
  E_UTF16BE,
  E_UTF16LE
};

static const encoding encodings[] = {
    [E_UTF8] = {"UTF-8", NULL, 0},
    [E_1252] = {"windows-1252", NULL, 1},
    [E_8859_2] = {"ISO-8859-2", "ISO-8859-2", 1},
    [E_8859_3] = {"ISO-8859-3", "ISO-8859-3", 1},
    [E_8859_4] = {"ISO-8859-4", "ISO-8859-4", 1},
    [E_8859_5] = {"ISO-8859-5", "ISO-8859-5", 1},
    [E_8859_6] = {"ISO-8859-6", "ISO-8859-6", 1},
    [E_8859_7] = {"ISO-8859-7", "ISO-8859-7", 1},
    [E_8859_8] = {"ISO-8859-8", "ISO-8859-8", 1},
    [E_8859_10] = {"ISO-8859-10", "ISO-8859-10", 1},
    [E_8859_13] = {"ISO-8859-13", "ISO-8859-13", 1},
    [E_8859_14] = {"ISO-8859-14", "ISO-8859-14", 1},
    [E_8859_15] = {"ISO-8859-15", "ISO-8859-15", 1},
    [E_8859_16] = {"ISO-8859-16", "ISO-8859-16", 1},
    [E_KOI8R] = {"KOI8-R", "KOI8-R", 1},
    [E_KOI8U] = {"KOI8-U", "KOI8-U", 1},
    [E_874] = {"windows-874", "CP874", 1},
    [E_1250] = {"windows-1250", "CP1250", 1},
    [E_1251] = {"windows-1251", "CP1251", 1},
    [E_1253] = {"windows-1253", "CP1253", 1},
    [E_1254] = {"windows-1254", "CP1254", 1},
    [E_1255] = {"windows-1255", "CP1255", 1},
    [E_1256] = {"windows-1256", "CP1256", 1},
    [E_1257] = {"windows-1257", "CP1257", 1},
    [E_1258] = {"windows-1258", "CP1258", 1},
    [E_MAC] = {"macintosh", "MACINTOSH", 1},
    [E_MACCYR] = {"x-mac-cyrillic", "MAC-CYRILLIC", 1},
    [E_IBM866] = {"IBM866", "IBM866", 1},
    [E_GBK] = {"GBK", "GBK", 0},
    [E_GB18030] = {"gb18030", "GB18030", 0},
    [E_BIG5] = {"Big5", "BIG5-HKSCS", 0},
    [E_EUCJP] = {"EUC-JP", "EUC-JP", 0},
    [E_2022JP] = {"ISO-2022-JP", "ISO-2022-JP", 0},
    [E_SJIS] = {"Shift_JIS", "CP932", 0}, /* WHATWG Shift_JIS = windows-31j */
    [E_EUCKR] = {"EUC-KR", "CP949", 0},   /* WHATWG EUC-KR = windows-949 */
    [E_UTF16BE] = {"UTF-16BE", "UTF-16BE", 0},
    [E_UTF16LE] = {"UTF-16LE", "UTF-16LE", 0},
};

typedef struct charset_label {
  const char *label;
  int enc;
} charset_label;

/* WHATWG Encoding Standard, "Encodings" table (labels), plus cp936/cp949
 * which servers send although the standard does not list them. */
static const charset_label labels[] = {
    {"unicode-1-1-utf-8", E_UTF8},
    {"unicode11utf8", E_UTF8},
    {"unicode20utf8", E_UTF8},
    {"utf-8", E_UTF8},
    {"utf8", E_UTF8},
    {"x-unicode20utf8", E_UTF8},
    {"ansi_x3.4-1968", E_1252},
    {"ascii", E_1252},
    {"cp1252", E_1252},
    {"cp819", E_1252},
    {"csisolatin1", E_1252},
    {"ibm819", E_1252},
    {"iso-8859-1", E_1252},
    {"iso-ir-100", E_1252},
    {"iso8859-1", E_1252},
    {"iso88591", E_1252},
    {"iso_8859-1", E_1252},
    {"iso_8859-1:1987", E_1252},
    {"l1", E_1252},
    {"latin1", E_1252},
    {"us-ascii", E_1252},
    {"windows-1252", E_1252},
    {"x-cp1252", E_1252},
    {"x-user-defined", E_1252},
    {"csisolatin2", E_8859_2},
    {"iso-8859-2", E_8859_2},
    {"iso-ir-101", E_8859_2},
    {"iso8859-2", E_8859_2},
    {"iso88592", E_8859_2},
    {"iso_8859-2", E_8859_2},
    {"iso_8859-2:1987", E_8859_2},
    {"l2", E_8859_2},
    {"latin2", E_8859_2},
    {"csisolatin3", E_8859_3},
    {"iso-8859-3", E_8859_3},
    {"iso-ir-109", E_8859_3},
    {"iso8859-3", E_8859_3},
    {"iso88593", E_8859_3},
    {"iso_8859-3", E_8859_3},
    {"l3", E_8859_3},
    {"latin3", E_8859_3},
    {"csisolatin4", E_8859_4},
    {"iso-8859-4", E_8859_4},
    {"iso-ir-110", E_8859_4},
    {"iso8859-4", E_8859_4},
    {"iso88594", E_8859_4},
    {"iso_8859-4", E_8859_4},
    {"l4", E_8859_4},
    {"latin4", E_8859_4},
    {"csisolatincyrillic", E_8859_5},
    {"cyrillic", E_8859_5},
    {"iso-8859-5", E_8859_5},
    {"iso-ir-144", E_8859_5},
    {"iso8859-5", E_8859_5},
    {"iso88595", E_8859_5},
    {"iso_8859-5", E_8859_5},
    {"arabic", E_8859_6},
    {"asmo-708", E_8859_6},
    {"csiso88596e", E_8859_6},
    {"csiso88596i", E_8859_6},
    {"csisolatinarabic", E_8859_6},
    {"ecma-114", E_8859_6},
    {"iso-8859-6", E_8859_6},
    {"iso-8859-6-e", E_8859_6},
    {"iso-8859-6-i", E_8859_6},
    {"iso-ir-127", E_8859_6},
    {"iso8859-6", E_8859_6},
    {"iso88596", E_8859_6},
    {"iso_8859-6", E_8859_6},
    {"csisolatingreek", E_8859_7},
    {"ecma-118", E_8859_7},
    {"elot_928", E_8859_7},
    {"greek", E_8859_7},
    {"greek8", E_8859_7},
    {"iso-8859-7", E_8859_7},
    {"iso-ir-126", E_8859_7},
    {"iso8859-7", E_8859_7},
    {"iso88597", E_8859_7},
    {"iso_8859-7", E_8859_7},
    {"sun_eu_greek", E_8859_7},
    {"csiso88598e", E_8859_8},
    {"csisolatinhebrew", E_8859_8},
    {"hebrew", E_8859_8},
    {"iso-8859-8", E_8859_8},
    {"iso-8859-8-e", E_8859_8},
    {"iso-ir-138", E_8859_8},
    {"iso8859-8", E_8859_8},
    {"iso88598", E_8859_8},
    {"iso_8859-8", E_8859_8},
    {"visual", E_8859_8},
    {"csiso88598i", E_8859_8},
    {"iso-8859-8-i", E_8859_8},
    {"logical", E_8859_8},
    {"csisolatin6", E_8859_10},
    {"iso-8859-10", E_8859_10},
    {"iso-ir-157", E_8859_10},
    {"iso8859-10", E_8859_10},
    {"iso885910", E_8859_10},
    {"l6", E_8859_10},
    {"latin6", E_8859_10},
    {"iso-8859-13", E_8859_13},
    {"iso8859-13", E_8859_13},
    {"iso885913", E_8859_13},
    {"iso-8859-14", E_8859_14},
    {"iso8859-14", E_8859_14},
    {"iso885914", E_8859_14},
    {"csisolatin9", E_8859_15},
    {"iso-8859-15", E_8859_15},
    {"iso8859-15", E_8859_15},
    {"iso885915", E_8859_15},
    {"iso_8859-15", E_8859_15},
    {"l9", E_8859_15},
    {"iso-8859-16", E_8859_16},
    {"cskoi8r", E_KOI8R},
    {"koi", E_KOI8R},
    {"koi8", E_KOI8R},
    {"koi8-r", E_KOI8R},
    {"koi8_r", E_KOI8R},
    {"koi8-ru", E_KOI8U},
    {"koi8-u", E_KOI8U},
    {"dos-874", E_874},
    {"iso-8859-11", E_874},
    {"iso8859-11", E_874},
    {"iso885911", E_874},
    {"tis-620", E_874},
    {"windows-874", E_874},
    {"cp1250", E_1250},
    {"windows-1250", E_1250},
    {"x-cp1250", E_1250},
    {"cp1251", E_1251},
    {"windows-1251", E_1251},
    {"x-cp1251", E_1251},
    {"cp1253", E_1253},
    {"windows-1253", E_1253},
    {"x-cp1253", E_1253},
    {"cp1254", E_1254},
    {"csisolatin5", E_1254},
    {"iso-8859-9", E_1254},
    {"iso-ir-148", E_1254},
    {"iso8859-9", E_1254},
    {"iso88599", E_1254},
    {"iso_8859-9", E_1254},
    {"l5", E_1254},
    {"latin5", E_1254},
    {"windows-1254", E_1254},
    {"x-cp1254", E_1254},
    {"cp1255", E_1255},
    {"windows-1255", E_1255},
    {"x-cp1255", E_1255},
    {"cp1256", E_1256},
    {"windows-1256", E_1256},
    {"x-cp1256", E_1256},
    {"cp1257", E_1257},
    {"windows-1257", E_1257},
    {"x-cp1257", E_1257},
    {"cp1258", E_1258},
    {"windows-1258", E_1258},
    {"x-cp1258", E_1258},
    {"csmacintosh", E_MAC},
    {"mac", E_MAC},
    {"macintosh", E_MAC},
    {"x-mac-roman", E_MAC},
    {"x-mac-cyrillic", E_MACCYR},
    {"x-mac-ukrainian", E_MACCYR},
    {"866", E_IBM866},
    {"cp866", E_IBM866},
    {"csibm866", E_IBM866},
    {"ibm866", E_IBM866},
    {"chinese", E_GBK},
    {"csgb2312", E_GBK},
    {"csiso58gb231280", E_GBK},
    {"gb2312", E_GBK},
    {"gb_2312", E_GBK},
    {"gb_2312-80", E_GBK},
    {"gbk", E_GBK},
    {"iso-ir-58", E_GBK},
    {"x-gbk", E_GBK},
    {"cp936", E_GBK},
    {"gb18030", E_GB18030},
    {"big5", E_BIG5},
    {"big5-hkscs", E_BIG5},
    {"cn-big5", E_BIG5},
    {"csbig5", E_BIG5},
    {"x-x-big5", E_BIG5},
    {"cseucpkdfmtjapanese", E_EUCJP},
    {"euc-jp", E_EUCJP},
    {"x-euc-jp", E_EUCJP},
    {"csiso2022jp", E_2022JP},
    {"iso-2022-jp", E_2022JP},
    {"csshiftjis", E_SJIS},
    {"ms932", E_SJIS},
    {"ms_kanji", E_SJIS},
    {"shift-jis", E_SJIS},
    {"shift_jis", E_SJIS},
    {"sjis", E_SJIS},
    {"windows-31j", E_SJIS},
    {"x-sjis", E_SJIS},
    {"cseuckr", E_EUCKR},
    {"csksc56011987", E_EUCKR},
    {"euc-kr", E_EUCKR},
    {"iso-ir-149", E_EUCKR},
    {"korean", E_EUCKR},
    {"ks_c_5601-1987", E_EUCKR},
    {"ks_c_5601-1989", E_EUCKR},
    {"ksc5601", E_EUCKR},
    {"ksc_5601", E_EUCKR},
    {"windows-949", E_EUCKR},
    {"cp949", E_EUCKR},
    {"unicodefffe", E_UTF16BE},
    {"utf-16be", E_UTF16BE},
    {"csunicode", E_UTF16LE},
    {"iso-10646-ucs-2", E_UTF16LE},
    {"ucs-2", E_UTF16LE},
    {"unicode", E_UTF16LE},
    {"unicodefeff", E_UTF16LE},
    {"utf-16", E_UTF16LE},
    {"utf-16le", E_UTF16LE},
};

/* windows-1252 bytes 0x80..0x9F (WHATWG index-windows-1252); the rest of
 * the upper half is Latin-1. The five unassigned bytes map to C1 controls
 * as the standard says. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static unsigned char lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int find_encoding(const char *s, size_t n) {
  char key[48];
  while (n && (is_space((unsigned char)*s) || *s == '"' || *s == '\''))
    s++, n--;
  while (n && (is_space((unsigned char)s[n - 1]) || s[n - 1] == '"' ||
               s[n - 1] == '\'' || s[n - 1] == ';'))
    n--;
  if (n == 0 || n >= sizeof key)
    return -1;
  for (size_t i = 0; i < n; i++)
    key[i] = (char)lower((unsigned char)s[i]);
  key[n] = '\0';
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strcmp(labels[i].label, key) == 0)
      return labels[i].enc;
  return -1;
}

const char *kb_charset_canonical(const char *label, size_t n) {
  int e = find_encoding(label, n);
  return e < 0 ? NULL : encodings[e].name;
}

/* Case-insensitive search for an ASCII needle (given in lower case). */
static const char *find_ci(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++) {
    if (lower((unsigned char)s[i]) != (unsigned char)needle[0])
      continue;
    size_t k = 1;
    while (k < m && lower((unsigned char)s[i + k]) == (unsigned char)needle[k])
      k++;
    if (k == m)
      return s + i;
  }
  return NULL;
}

/* The value after "charset" / "encoding" and "=" in p[0..n): a label. */
static int label_after(const char *p, size_t n, size_t klen) {
  size_t i = klen;
  while (i < n && is_space((unsigned char)p[i]))
    i++;
  if (i >= n || p[i] != '=')
    return -1;
  i++;
  while (i < n &&
         (is_space((unsigned char)p[i]) || p[i] == '"' || p[i] == '\''))
    i++;
  size_t b = i;
  while (i < n && !is_space((unsigned char)p[i]) && p[i] != '"' &&
         p[i] != '\'' && p[i] != ';' && p[i] != '>' && p[i] != '/')
    i++;
  return find_encoding(p + b, i - b);
}

/* WHATWG "prescan a byte stream" made small: <meta charset=...>, <meta
 * http-equiv content="...; charset=...">, and <?xml encoding="..."?>. */
static int prescan(const char *s, size_t n) {
  if (n > PRESCAN_BYTES)
    n = PRESCAN_BYTES;
  if (n >= 5 && memcmp(s, "<?xml", 5) == 0) {
    const char *end = memchr(s, '>', n);
    size_t m = end ? (size_t)(end - s) : n;
    const char *enc = find_ci(s, m, "encoding");
    if (enc) {
      int e = label_after(enc, m - (size_t)(enc - s), 8);
      if (e >= 0)
        return e;
    }
  }
  const char *p = s, *end = s + n;
  while (p < end) {
    const char *meta = find_ci(p, (size_t)(end - p), "<meta");
    if (!meta)
      break;
    const char *close = memchr(meta, '>', (size_t)(end - meta));
    size_t m = close ? (size_t)(close - meta) : (size_t)(end - meta);
    const char *cs = find_ci(meta, m, "charset");
    if (cs) {
      int e = label_after(cs, m - (size_t)(cs - meta), 7);
      /* a <meta> cannot truly say UTF-16: the bytes were read as ASCII */
      if (e == E_UTF16BE || e == E_UTF16LE)
        e = E_UTF8;
      if (e >= 0)
        return e;
    }
    p = meta + 5;
  }
  return -1;
}

/* Counts well-formed multi-byte UTF-8 sequences and bytes that fit none. */
static void utf8_census(const char *s, size_t n, size_t *multi, size_t *bad) {
  size_t i = 0;
  *multi = *bad = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    if (k == 1) {
      (*bad)++;
    } else {
      (*multi)++;
    }
    i += k;
  }
}

static kb_status from_1252(const char *s, size_t n, kb_buf *out) {
  size_t run = 0;
  kb_status rc;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
      continue;
    if ((rc = kb_buf_append(out, s + run, i - run)))
      return rc;
    char enc[4];
    uint32_t cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
    if ((rc = kb_buf_append(out, enc, kb_utf8_encode(cp, enc))))
      return rc;
    run = i + 1;
  }
  return kb_buf_append(out, s + run, n - run);
}

static kb_status from_iconv(iconv_t cd, const char *s, size_t n, kb_buf *out) {
  char chunk[16384];
  char *in = (char *)s;
  size_t left = n;
  kb_status rc = KB_OK;
  int done = 0;
  while (rc == KB_OK && !done) {
    char *o = chunk;
    size_t room = sizeof chunk;
    int flushing = left == 0; /* stateful charsets (ISO-2022-JP) end here */
    size_t r = flushing ? iconv(cd, NULL, NULL, &o, &room)
                        : iconv(cd, &in, &left, &o, &room);
    int e = r == (size_t)-1 ? errno : 0;
    rc = kb_buf_append(out, chunk, (size_t)(o - chunk));
    if (rc || e == E2BIG)
      continue;
    if (!e || flushing) {
      done = flushing;
      continue;
    }
    /* a byte the charset does not allow, or a truncated sequence at the
     * end: one U+FFFD, and go on after that byte */
    rc = kb_buf_append(out, "\xEF\xBF\xBD", 3);
    if (e == EILSEQ && left) {
      in++, left--;
    } else {
      left = 0;
    }
  }
  return rc;
}

kb_status kb_to_utf8(const char *s, size_t n, const char *declared, int is_html,
                     kb_buf *out, const char **used) {
  int e = -1, from_bom = 0;
  kb_status rc;
  if (!s && n)
    return KB_EINVAL;
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    e = E_UTF8, s += 3, n -= 3, from_bom = 1;
  } else if (n >= 2 && memcmp(s, "\xFF\xFE", 2) == 0) {
    e = E_UTF16LE, s += 2, n -= 2, from_bom = 1;
  } else if (n >= 2 && memcmp(s, "\xFE\xFF", 2) == 0) {
    e = E_UTF16BE, s += 2, n -= 2, from_bom = 1;
  }
  if (e < 0 && declared)
    e = find_encoding(declared, strlen(declared));
  if (e < 0 && is_html)
    e = prescan(s, n);
  /* Valid multi-byte UTF-8 is next to impossible in real one-byte legacy
   * text, while servers and templates that claim latin1 for UTF-8 pages
   * are common: trust the bytes. Undeclared bytes that are mostly UTF-8
   * with a few broken sequences (cut and pasted, truncated) are UTF-8 to
   * repair, not windows-1252. */
  if (e < 0 || (!from_bom && encodings[e].single_byte)) {
    size_t multi, bad;
    utf8_census(s, n, &multi, &bad);
    if (multi > 0 && (bad == 0 || (e < 0 && bad * 2 <= multi)))
      e = E_UTF8;
    else if (e < 0)
      e = bad ? E_1252 : E_UTF8;
  }
  if (e == E_UTF8) {
    if (used)
      *used = encodings[e].name;
    return kb_utf8_sanitize(out, s, n);
  }
  kb_buf tmp;
  kb_buf_init(&tmp, out->max);
  if (e == E_1252) {
    rc = from_1252(s, n, &tmp);
  } else {
    iconv_t cd = iconv_open("UTF-8", encodings[e].iconv);
    if (cd == (iconv_t)-1) {
      e = E_1252; /* glibc without that gconv module */
      rc = from_1252(s, n, &tmp);
    } else {
      rc = from_iconv(cd, s, n, &tmp);
      iconv_close(cd);
    }
  }
  if (rc == KB_OK)
    rc = kb_utf8_sanitize(out, tmp.data ? tmp.data : "", tmp.len);
  kb_buf_clear(&tmp);
  if (used)
    *used = encodings[e].name;
  return rc;
}

/* ---- sniffing ---------------------------------------------------------- */

int kb_ingest_sniff_binary(const char *s, size_t n) {
  static const struct {
    const char *magic;
    size_t n;
  } magics[] = {{"%PDF-", 5},
                {"\x89PNG", 4},
                {"\xFF\xD8\xFF", 3},
                {"GIF8", 4},
                {"PK\x03\x04", 4},
                {"\x7F"
                 "ELF",
                 4},
                {"RIFF", 4},
                {"OggS", 4},
                {"ID3", 3},
                {"\x1A\x45\xDF\xA3", 4},
                {"BZh", 3},
                {"\xFD"
                 "7zXZ",
                 5}};
  if (n >= 2 &&
      (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0))
    return 0; /* UTF-16 text is full of NUL bytes */
  for (size_t k = 0; k < sizeof magics / sizeof magics[0]; k++)
    if (n >= magics[k].n && memcmp(s, magics[k].magic, magics[k].n) == 0)
      return 1;
  if (n > 4096)
    n = 4096;
  size_t controls = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0)
      return 1;
    if (c < 0x20 && !is_space(c) && c != 0x1B)
      controls++;
  }
  return controls * 10 > n;
}
