/* Unit tests for src/extract: page sniffing and the shared metadata pass
 * (dateline, outlet, credits) on paragraphs written for the test. */
#include "extract/extract_int.h"
#include "kbtest.h"

typedef struct dl_case {
  const char *para;
  const char *place;  /* expected dateline, or NULL */
  const char *outlet; /* expected outlet, or NULL */
  const char *credit; /* expected first credit, or NULL */
} dl_case;

static const dl_case cases[] = {
    {"REPUBLIKA.CO.ID, MOSKOW \xE2\x80\x93 Pemimpin kedua negara bertemu.",
     "MOSKOW", "Republika", NULL},
    {"MOSKOW-KEMPALAN: Presiden Rusia mengatakan hal itu.", "MOSKOW",
     "Kempalan", NULL},
    {"PYONGYANG, iNewsSemarang.id \xE2\x80\x93 Presiden mengirim surat.",
     "PYONGYANG", "iNewsSemarang", NULL},
    {"TEMPO.CO, Jakarta - Pemerintah menegaskan kembali janjinya.", "Jakarta",
     "Tempo", NULL},
    {"WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.",
     "WASHINGTON", NULL, "Reuters"},
    {"LONDON, Aug 16 (Reuters) - Britain said on Wednesday it would act.",
     "LONDON", NULL, "Reuters"},
    {"Jakarta (ANTARA) - Pemerintah mengumumkan kebijakan baru.", "Jakarta",
     NULL, "Antara"},
    {"KARAWANG, KOMPAS.com - Banjir melanda desa itu.", "KARAWANG", "Kompas",
     NULL},
    {"Presiden Jokowi: Kita harus bekerja lebih keras tahun ini.", NULL, NULL,
     NULL},
    {"The minister said: we will act on the report soon.", NULL, NULL, NULL},
    {"Kerja sama antara kedua negara, kata dia, akan diperluas.", NULL, NULL,
     NULL},
    {"BEIJING \xE2\x80\x94 China reported growth of five percent.", "BEIJING",
     NULL, NULL},
    /* scrapers glue link text: dashes without their spaces */
    {"Liputan6.com, Jakarta -HargaBitcoin turun tajam pagi ini.", "Jakarta",
     "Liputan6", NULL},
    {"JAKARTA- Ketegangan di kawasan itu meningkat lagi.", "JAKARTA", NULL,
     NULL},
    {"KOMPAS.com,Medan-Banjir melanda sejumlah kawasan.", "Medan", "Kompas",
     NULL},
    /* a hyphenated place pair is not a dateline */
    {"Jakarta-Bandung kini ditempuh dalam empat puluh menit.", NULL, NULL,
     NULL},
    /* a label before a colon is not a dateline */
    {"UPDATE: The minister resigned on Friday after the vote.", NULL, NULL,
     NULL},
    {"FOTO: Warga memadati alun-alun kota sejak pagi hari.", NULL, NULL, NULL},
    /* a place alone before a colon still is */
    {"JAKARTA: Pemerintah menaikkan harga bahan bakar mulai besok.", "JAKARTA",
     NULL, NULL},
};

static void test_datelines(void) {
  kb_extract_opts o;
  kb_extract_opts_init(&o);
  o.flags = KB_EXTRACT_NO_EVENT_DATE;
  kb_article a;
  kb_article_init(&a);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int before = kbt_failures;
    kb_article_clear(&a);
    kb_article_add_para(&a, cases[i].para, strlen(cases[i].para));
    CHECK_INT(kb_extract_finish(&o, &a), KB_OK);
    CHECK_STR(a.dateline, cases[i].place);
    CHECK_STR(a.outlet, cases[i].outlet);
    CHECK_STR(a.ncredits ? a.credits[0] : NULL, cases[i].credit);
    if (kbt_failures > before)
      fprintf(stderr, "  (case %zu: %s)\n", i, cases[i].para);
  }
  kb_article_free(&a);
}

static void test_credits_and_outlet(void) {
  kb_extract_opts o;
  kb_extract_opts_init(&o);
  o.flags = KB_EXTRACT_NO_EVENT_DATE;
  kb_article a;
  kb_article_init(&a);
  const char *p1 = "Pernyataan itu disiarkan KCNA pada pagi hari.";
  const char *p2 =
      "Melansir dari Aljazeera, hubungan antara kedua negara erat.";
  kb_article_add_para(&a, p1, strlen(p1));
  kb_article_add_para(&a, p2, strlen(p2));
  kb_article_add_credit(&a, "REUTERS", 7); /* as a credit line spelled it */
  kb_article_set(&a, &a.url, "https://www.example-news.com/a/1", 32);
  CHECK_INT(kb_extract_finish(&o, &a), KB_OK);
  CHECK_INT(a.ncredits, 3);
  CHECK_STR(a.credits[0], "Reuters");
  CHECK_STR(a.credits[1], "KCNA");
  CHECK_STR(a.credits[2], "Al Jazeera");
  CHECK_STR(a.outlet, "Example-news"); /* from the host when nothing else */
  /* a section's subdomain is not the outlet */
  kb_article_clear(&a);
  kb_article_add_para(&a, p1, strlen(p1));
  kb_article_set(&a, &a.url, "https://oto.detik.com/berita/1", 30);
  CHECK_INT(kb_extract_finish(&o, &a), KB_OK);
  CHECK_STR(a.outlet, "Detik");
  kb_article_free(&a);
}

static void test_sniff(void) {
  const char *html = "<!DOCTYPE html><html><body><p>x</p></body></html>";
  const char *frag = "  <div><p>one</p><p>two</p></div>";
  const char *text = "Judul berita\n\nIsi berita dengan <3 tanda.";
  CHECK(kb_sniff_html(html, strlen(html)));
  CHECK(kb_sniff_html(frag, strlen(frag)));
  CHECK(!kb_sniff_html(text, strlen(text)));
  /* a page opening with a script (ads, analytics) before any markup */
  const char *script =
      "<script>var ads = 1;</script><style>.x{}</style><div>story</div>";
  CHECK(kb_sniff_html(script, strlen(script)));
  const char *lt = "Harga naik <5% dan turun > 3% di pasar.";
  CHECK(!kb_sniff_html(lt, strlen(lt)));
}

/* The line classifier over an HTML page's visible text: block elements and
 * <br> become lines, scripts and styles are not seen. */
static void test_text_fallback(void) {
  const char *page =
      "<html><head><title>Warta</title><style>p{color:red}</style></head>"
      "<body><table><tr><td><a href='/'>Beranda</a> | <a href='/b'>Berita</a>"
      "</td></tr><tr><td><script>var x = 'Baca juga';</script>"
      "Para petani memulai panen raya padi pada pekan ini setelah musim "
      "tanam yang cukup baik, dan hasilnya disebut lebih tinggi.<br><br>"
      "Kepala desa mengatakan bahwa harga gabah di tingkat petani masih "
      "stabil, sehingga warga berharap pendapatan mereka meningkat.<br><br>"
      "Menurut dia, pemerintah daerah akan membantu pengeringan gabah agar "
      "kualitas beras tetap terjaga sampai musim berikutnya.</td></tr>"
      "<tr><td>Hak cipta Warta</td></tr></table></body></html>";
  kb_extract_opts o;
  kb_extract_opts_init(&o);
  kb_article a;
  kb_article_init(&a);
  CHECK_INT(kb_extract_text_fallback(page, strlen(page), &o, &a), KB_OK);
  CHECK_INT(a.nbody, 3);
  if (a.nbody == 3) {
    CHECK(strncmp(a.body[0], "Para petani", 11) == 0);
    CHECK(strncmp(a.body[2], "Menurut dia", 11) == 0);
  }
  for (size_t i = 0; i < a.nbody; i++) {
    CHECK(strstr(a.body[i], "color:red") == NULL);
    CHECK(strstr(a.body[i], "var x") == NULL);
  }
  CHECK(a.ndiags == 1 && strcmp(a.diags[0].code, "text-fallback") == 0);
  kb_article_free(&a);
}

/* Agencies in the body: whole words, in exact case or all capitals, listed
 * in the order of the agency list, each once; a spelling at the very start
 * or end of the text counts. */
static void test_credit_words(void) {
  kb_extract_opts o;
  kb_extract_opts_init(&o);
  o.flags = KB_EXTRACT_NO_EVENT_DATE;
  kb_article a;
  kb_article_init(&a);
  const char *p1 = "ANTARA melaporkan bahwa kapal itu tiba, kata AFPX dan "
                   "xKCNA, bukan reuters.";
  const char *p2 = "Laporan lain dikutip dari Agence France-Presse dan Reuters";
  kb_article_add_para(&a, p1, strlen(p1));
  kb_article_add_para(&a, p2, strlen(p2));
  CHECK_INT(kb_extract_finish(&o, &a), KB_OK);
  CHECK_INT(a.ncredits, 3);
  CHECK_STR(a.ncredits > 0 ? a.credits[0] : NULL, "Reuters"); /* at the end */
  CHECK_STR(a.ncredits > 1 ? a.credits[1] : NULL, "AFP");
  CHECK_STR(a.ncredits > 2 ? a.credits[2] : NULL, "Antara"); /* the start */
  kb_article_clear(&a);
  const char *p3 = "Tidak ada kantor berita yang disebut di sini.";
  kb_article_add_para(&a, p3, strlen(p3));
  CHECK_INT(kb_extract_finish(&o, &a), KB_OK);
  CHECK_INT(a.ncredits, 0);
  kb_article_clear(&a);
  kb_arena_clear(&a.arena);
}

/* The credit scan finds word starts 8 bytes at a time: a name counts at
 * every offset from the paragraph's start, after a space, punctuation or
 * nothing, and not glued to a letter, a digit or a non-ASCII byte on either
 * side; "dpa" is the one spelling that starts in lower case. */
static void test_credit_offsets(void) {
  static const char *const names[] = {"dpa", "DPA",        "Reuters", "REUTERS",
                                      "AP",  "Al Jazeera", "Kyodo"};
  static const char *const display[] = {
      "dpa",        "dpa",  "Reuters", "Reuters", "Associated Press",
      "Al Jazeera", "Kyodo"};
  static const char *const before[] = {"",   " ", "(", "-",
                                       "\"", "x", "9", "\xC3\xA9"};
  static const char *const after[] = {"",  ".", " kata", ")",
                                      "x", "s", "7",     "\xC3\xA9"};
  kb_extract_opts o;
  kb_extract_opts_init(&o);
  o.flags = KB_EXTRACT_NO_EVENT_DATE;
  kb_article a;
  kb_article_init(&a);
  char para[64];
  for (size_t k = 0; k <= 17; k++)
    for (size_t n = 0; n < sizeof names / sizeof names[0]; n++)
      for (size_t b = 0; b < sizeof before / sizeof before[0]; b++)
        for (size_t e = 0; e < sizeof after / sizeof after[0]; e++) {
          /* k bytes of filler words ("xy zw xy..."), then the name */
          size_t len = 0;
          for (; len < k; len++)
            para[len] = len % 3 == 2 ? ' ' : (char)(len % 6 < 3 ? 'x' : 'z');
          int n1 = snprintf(para + len, sizeof para - len, "%s%s%s", before[b],
                            names[n], after[e]);
          len += (size_t)n1;
          /* nothing glued before (at the start, a filler space or
           * punctuation), nothing glued after */
          int start_ok = b < 5 && (b > 0 || k == 0 || para[k - 1] == ' ');
          int end_ok = e < 4;
          kb_article_add_para(&a, para, len);
          CHECK_INT(kb_extract_finish(&o, &a), KB_OK);
          if (start_ok && end_ok) {
            CHECK_INT(a.ncredits, 1);
            CHECK_STR(a.ncredits ? a.credits[0] : NULL, display[n]);
          } else {
            CHECK_INT(a.ncredits, 0);
          }
          kb_article_clear(&a);
        }
  kb_arena_clear(&a.arena);
}

int main(void) {
  test_datelines();
  test_credit_offsets();
  test_credits_and_outlet();
  test_credit_words();
  test_sniff();
  test_text_fallback();
  return KBT_DONE();
}
