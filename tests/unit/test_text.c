/* Unit tests for src/text: tokens, stopwords, text statistics and language
 * identification on sentences written for these tests. */
#include "kabar/text.h"

#include "kbtest.h"

typedef struct toks {
  char all[256];
  size_t len, count;
} toks;

static int collect(const char *t, size_t n, void *ctx) {
  toks *k = ctx;
  if (k->len + n + 1 < sizeof k->all) {
    memcpy(k->all + k->len, t, n);
    k->len += n;
    k->all[k->len++] = '|';
    k->all[k->len] = 0;
  }
  k->count++;
  return 0;
}

static void test_tokenize(void) {
  kb_buf scratch;
  kb_buf_init(&scratch, 0);
  toks k = {{0}, 0, 0};
  const char *s = "Über 3 Straßen, ÉTÉ! Kim's "
                  "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 x";
  CHECK_INT(kb_tokenize(s, strlen(s), &scratch, collect, &k), KB_OK);
  CHECK_STR(k.all, "über|3|straßen|été|kim|s|"
                   "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0|x|");
  CHECK_INT(kb_count_words(s, strlen(s)), 8);
  CHECK_INT(kb_count_words("", 0), 0);
  CHECK_INT(kb_count_words(" -- ", 4), 0);
  /* ideographs and kana are a token each, as they are a word each (a run of
   * them was one token, while kb_count_words counted each: found by fuzzing) */
  k.len = 0, k.count = 0, k.all[0] = 0;
  const char *cjk =
      "Seoul\xe5\x8c\x97\xe6\x9c\x9d\xe9\xb2\x9c"; /* Seoul北朝鲜 */
  CHECK_INT(kb_tokenize(cjk, strlen(cjk), &scratch, collect, &k), KB_OK);
  CHECK_INT(k.count, 4);
  CHECK_INT(kb_count_words(cjk, strlen(cjk)), 4);
  /* invalid UTF-8 does not crash and is a separator */
  CHECK_INT(kb_count_words("ab\xff\xfe"
                           "cd",
                           6),
            2);
  kb_buf_clear(&scratch);
}

static void test_stopwords(void) {
  CHECK(kb_is_stopword("id", "yang", 4));
  CHECK(kb_is_stopword("en", "the", 3));
  CHECK(kb_is_stopword("en", "The", 3)); /* lower-cased for the caller */
  CHECK(!kb_is_stopword("en", "yang", 4));
  CHECK(!kb_is_stopword("xx", "the", 3));
  CHECK(kb_is_stopword("ru", "\xd0\xb8", 2));
  CHECK(kb_lang_index("id") >= 0);
  CHECK_STR(kb_lang_code(kb_lang_index("ms")), "ms");
  CHECK(kb_stopword_mask("kerana", 6) != 0);
}

static void test_stats(void) {
  kb_text_stats st;
  const char *s = "The Minister said on Monday that the plan was dead. It is.";
  kb_text_stats_of(s, strlen(s), kb_lang_index("en"), &st);
  CHECK_INT(st.words, 12);
  CHECK_INT(st.stopwords, 8); /* the said on that the was it is */
  CHECK_INT(st.capital, 4);
  CHECK_INT(st.sentences, 2);
  CHECK_INT(st.final_punct, 1);
  const char *menu = "Home News Sport WORLD";
  kb_text_stats_of(menu, strlen(menu), kb_lang_index("en"), &st);
  CHECK_INT(st.words, 4);
  CHECK_INT(st.capital, 4);
  CHECK_INT(st.upper, 1);
  CHECK_INT(st.final_punct, 0);
  CHECK_INT(st.sentences, 0);
  const char *q = "Dia berkata, \xe2\x80\x9cini selesai.\xe2\x80\x9d";
  kb_text_stats_of(q, strlen(q), kb_lang_index("id"), &st);
  CHECK_INT(st.final_punct, 1);
  CHECK_INT(st.sentences, 1);
}

static void test_langid(void) {
  double sc = 0;
  const char *id = "Pemerintah mengatakan bahwa harga beras akan turun karena "
                   "panen sudah dimulai di banyak daerah, menurut menteri.";
  const char *ms = "Kerajaan berkata bahawa harga beras akan turun kerana "
                   "musim menuai sudah bermula di banyak negeri, kata beliau.";
  const char *en = "The government said that rice prices would fall because "
                   "the harvest has started in many regions.";
  const char *de = "Die Regierung sagte, dass die Preise fallen werden, weil "
                   "die Ernte in vielen Regionen begonnen hat.";
  const char *fr = "Le gouvernement a dit que les prix vont baisser car la "
                   "récolte a commencé dans les régions.";
  const char *es = "El gobierno dijo que los precios van a bajar porque la "
                   "cosecha ya empezó en muchas regiones.";
  const char *pt = "O governo disse que os preços vão cair porque a colheita "
                   "já começou em muitas regiões do país.";
  CHECK_STR(kb_langid(id, strlen(id), &sc), "id");
  CHECK(sc > 0.3);
  CHECK_STR(kb_langid(ms, strlen(ms), NULL), "ms");
  CHECK_STR(kb_langid(en, strlen(en), NULL), "en");
  CHECK_STR(kb_langid(de, strlen(de), NULL), "de");
  CHECK_STR(kb_langid(fr, strlen(fr), NULL), "fr");
  CHECK_STR(kb_langid(es, strlen(es), NULL), "es");
  CHECK_STR(kb_langid(pt, strlen(pt), NULL), "pt");
  CHECK_STR(kb_langid("", 0, &sc), NULL);
  CHECK_STR(kb_langid("Xyzzy Qwerty Plugh", 18, &sc), NULL);
}

int main(void) {
  test_tokenize();
  test_stopwords();
  test_stats();
  test_langid();
  return KBT_DONE();
}
