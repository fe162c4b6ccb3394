/* Deterministic mutation test for src/pagetext and src/text: plain page
 * texts (very long lines, 100k short lines, only separators, invalid UTF-8,
 * NUL bytes) corrupted with a fixed seed go through kb_text_extract,
 * kb_tokenize and kb_langid. Checks that each ends, returns KB_OK, and hands
 * out only valid UTF-8 inside the input; ASan/UBSan watch the rest. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extract/extract_int.h"
#include "kabar/text.h"
#include "kbfuzz.h"
#include "kbtest.h"

/* Rounds per seed page; the big pages run BIG_ROUNDS. KB_FUZZ_ROUNDS and
 * KB_FUZZ_SEED in the environment run longer searches. */
#define ROUNDS 150
#define BIG_ROUNDS 2

#define SEED 0xA0761D6478BD642Full /* this test's own generator seed */

static const char *const dict[] = {
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "Baca Juga:",
    "(ant)",
    "KCNA",
    "Reuters",
    "Foto: ",
    "Editor: ",
    "Penulis:",
    "JAKARTA - ",
    "MEDAN, KOMPAS.com - ",
    "Rabu, 16 Agustus 2023 09:46 WIB",
    "Senin (15/8)",
    "2 jam lalu",
    "|",
    "------",
    "\xc2\xa0",
    "\xe2\x80\x8b",
    "\xff",
    "\xc3",
    "\xed\xa0\x80",
    "\0",
    "\x01\x1b",
    "Copyright \xc2\xa9 2023",
    "https://example.com/a/b?c=d",
    "#",
    "* * *",
    "ADVERTISEMENT",
};

static void mutate(kb_buf *b, const kb_buf *other) {
  kbf_mutate(b, other, dict, sizeof dict / sizeof dict[0]);
}

static const int64_t now_fixed = 1700000000;

typedef struct tok_ctx {
  const char *buf_lo, *buf_hi; /* tokens must lie in the scratch buffer */
  size_t count, bad;
} tok_ctx;

static int on_token(const char *t, size_t n, void *vctx) {
  tok_ctx *c = vctx;
  c->count++;
  if (n == 0 || !kb_utf8_valid(t, n))
    c->bad++;
  return 0;
}

static long slow_runs;

static void run_one(const char *page, size_t n, kb_site_memory *mem) {
  kb_article a;
  kb_article_init(&a);
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.input = KB_INPUT_TEXT;
  o.url = "https://news.example.org/read/2023/08/16/x";
  o.now = now_fixed;
  o.memory = mem;
  clock_t t0 = clock();
  kb_status rc = kb_text_extract(page, n, &o, &a);
  CHECK(rc == KB_OK || rc == KB_ELIMIT);
  for (size_t i = 0; i < a.nbody; i++) {
    CHECK(a.body[i] != NULL && a.body[i][0] != '\0');
    if (!text_ok(a.body[i])) {
      CHECK(!"body paragraph is not clean UTF-8");
      kbf_show("body", a.body[i]);
      break;
    }
  }
  const char *fields[] = {a.title, a.standfirst, a.author, a.dateline};
  for (int k = 0; k < 4; k++)
    if (!text_ok(fields[k])) {
      CHECK(!"field is not clean UTF-8");
      kbf_show("field", fields[k]);
    }
  for (size_t i = 0; i < a.ncredits; i++)
    CHECK(text_ok(a.credits[i]));
  CHECK(kbf_date_ok(&a.published, now_fixed));
  kb_article_free(&a);

  /* tokens and language of the same bytes */
  kb_buf scratch;
  kb_buf_init(&scratch, 0);
  tok_ctx tc = {NULL, NULL, 0, 0};
  CHECK_INT(kb_tokenize(page, n, &scratch, on_token, &tc), KB_OK);
  CHECK_INT(tc.bad, 0);
  /* tokens and words are counted alike, CJK characters one each */
  CHECK_INT(tc.count, kb_count_words(page, n));
  double score = -1;
  const char *lang = kb_langid(page, n, &score);
  CHECK(!lang || (strlen(lang) == 2 && score >= 0 && score <= 1));
  kb_text_stats st;
  kb_text_stats_of(page, n < 4096 ? n : 4096, kb_lang_index("id"), &st);
  CHECK(st.stopwords <= st.words);
  kb_buf_clear(&scratch);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  if (secs > 2.0 + (double)n / 1e6 * 4.0)
    slow_runs++;
}

/* ---- seeds ------------------------------------------------------------ */
static void seed_page(kb_buf *b) {
  kb_buf_puts(
      b, "Beranda\nNasional\nInternasional\nOlahraga\n\n"
         "Banjir Melanda Kota Pesisir, Ribuan Warga Mengungsi\n"
         "Ribuan warga mengungsi setelah hujan deras sejak Selasa malam.\n"
         "Budi Santoso | Rabu, 16 Agustus 2023 09:46 WIB\n\n"
         "JAKARTA - Hujan deras yang turun sejak Selasa (15/8) malam membuat "
         "sungai meluap dan merendam ratusan rumah warga di tepi pantai.\n\n"
         "Menurut petugas, air mulai surut pada Rabu pagi, tetapi warga belum "
         "bisa kembali ke rumah mereka karena lumpur masih tebal.\n\n"
         "Baca Juga: Jalan Tol Ditutup Sementara\n\n"
         "Pemerintah daerah menyiapkan dapur umum dan tenda darurat, sementara "
         "bantuan dari berbagai pihak terus berdatangan ke lokasi.\n\n"
         "(ant/rtr)\nEditor: Siti Aminah\n\nBerita Terkait\n"
         "Gempa Guncang Pulau Seberang\nHarga Beras Naik Lagi\n"
         "Copyright \xc2\xa9 2023 Kabar Contoh. All rights reserved.\n");
}

static void seed_en(kb_buf *b) {
  kb_buf_puts(
      b, "Home | World | Business\n"
         "Leaders exchange letters on national day\n"
         "By Jane Doe, Reuters\nAugust 16, 2023 9:46 AM GMT+7\n\n"
         "SEOUL (Reuters) - The two leaders exchanged letters on Tuesday, "
         "pledging closer ties, state media said on Wednesday.\n"
         "The letters marked the 78th anniversary of the country's liberation "
         "from colonial rule, the agency said.\n"
         "Reporting by Jane Doe; Editing by John Roe\n"
         "Our Standards: The Thomson Trust Principles.\n");
}

static void seed_weird(kb_buf *b) {
  for (int i = 0; i < 200; i++)
    kb_buf_puts(b, i % 3 ? "----|----\n" : " \t \xc2\xa0\n");
  static const char nul[] =
      "NUL\0in\0line and \xff\xfe bad bytes \xc3\x28 here\n";
  kb_buf_append(b, nul, sizeof nul - 1);
  kb_buf_puts(b, "\x01\x02\x1b[0m control line with enough words to be text "
                 "in some classifier that reads it.\n\r\r\r\n");
}

static void seed_long_line(kb_buf *b) {
  static const char *const w[] = {"warga ", "yang ", "kota ",  "dan ",
                                  "the ",   "of ",   "rain. ", "(15/8) "};
  while (b->len < (1u << 20))
    kb_buf_puts(b, w[rnd_below(8)]);
}

static void seed_many_lines(kb_buf *b) {
  for (int i = 0; i < 100000; i++)
    kb_buf_puts(b, i % 5 ? "ab\n" : "x y z\n");
}

static long total_rounds;

static void fuzz(const kb_buf *seed, const kb_buf *other, int rounds,
                 kb_site_memory *mem) {
  kb_buf b;
  kb_buf_init(&b, 0);
  run_one(seed->data, seed->len, mem);
  for (int i = 0; i < rounds; i++) {
    kb_buf_reset(&b);
    kb_buf_append(&b, seed->data, seed->len);
    mutate(&b, other);
    run_one(b.data, b.len, (i & 1) ? mem : NULL);
    total_rounds++;
  }
  kb_buf_clear(&b);
}

static void regressions(void) {
  static const char *const cases[] = {"",  "\n", "\n\n\n",     " ",      "\xff",
                                      "a", "|",  "Baca Juga:", "(ant)\n"};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    run_one(cases[i], strlen(cases[i]), NULL);
  run_one(NULL, 0, NULL);

  /* invalid bytes and controls in a line used to reach body paragraphs and
   * the title raw (pagetext.c split_lines); now U+FFFD, \r a space, other
   * controls dropped */
  static const char page[] =
      "Leaders\x01 exchange letters\xc2 on national day\n\n"
      "SEOUL - The two leaders exchanged letters on Tuesday, pledging closer "
      "ties between their countries, state media said on Wednesday.\n\n"
      "The letters marked the anniversary of the country's liberation\x1b "
      "from colonial rule,\rthe agency said\xff in a short report.\n\n"
      "Both sides said they would expand their cooperation in trade and "
      "culture in the coming years, the report added.\n";
  kb_article a;
  kb_article_init(&a);
  CHECK_INT(kb_text_extract(page, sizeof page - 1, NULL, &a), KB_OK);
  CHECK_STR(a.title, "Leaders exchange letters\xef\xbf\xbd on national day");
  CHECK_INT(a.nbody, 3);
  if (a.nbody == 3)
    CHECK_STR(a.body[1], "The letters marked the anniversary of the country's "
                         "liberation from colonial rule, the agency "
                         "said\xef\xbf\xbd in a short report.");
  kb_article_free(&a);
}

int main(void) {
  int rounds = kbf_setup(SEED, ROUNDS);
  int big = rounds == ROUNDS ? BIG_ROUNDS : rounds / 50 + 1;

  kb_site_memory *mem = NULL;
  CHECK_INT(kb_site_memory_new(&mem), KB_OK);
  regressions();
  kb_buf s[5];
  for (int i = 0; i < 5; i++)
    kb_buf_init(&s[i], 0);
  seed_page(&s[0]);
  seed_en(&s[1]);
  seed_weird(&s[2]);
  seed_long_line(&s[3]);
  seed_many_lines(&s[4]);
  fuzz(&s[0], &s[1], rounds, mem);
  fuzz(&s[1], &s[0], rounds, mem);
  fuzz(&s[2], &s[0], rounds, mem);
  fuzz(&s[3], &s[0], big, mem);
  fuzz(&s[4], &s[2], big, mem);
  CHECK_INT(slow_runs, 0);
  fprintf(stderr, "%ld mutated pages\n", total_rounds);
  for (int i = 0; i < 5; i++)
    kb_buf_clear(&s[i]);
  kb_site_memory_free(mem);
  return KBT_DONE();
}
