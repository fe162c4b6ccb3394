/* Unit tests for src/pagetext (kb_text_extract): the five sample pages in
 * $KB_SRC/data/samples must come out as exactly their article paragraphs;
 * synthetic pages written here cover English and Indonesian furniture,
 * listings, credits and the cross-page site memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kbtest.h"

static char *load(const char *name, size_t *n) {
  const char *src = getenv("KB_SRC");
  char path[1024];
  snprintf(path, sizeof path, "%s/data/samples/%s", src ? src : ".", name);
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = malloc(1 << 20);
  *n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  return buf;
}

/* kb_article_clear keeps one arena block for reuse (src/core/article.c);
 * the tests free it so the leak checker stays meaningful */
static void article_free(kb_article *a) {
  kb_article_clear(a);
  kb_arena_clear(&a->arena);
}

static int starts(const char *s, const char *prefix) {
  return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static int in_body(const kb_article *a, const char *text) {
  for (size_t i = 0; i < a->nbody; i++)
    if (strstr(a->body[i], text))
      return 1;
  return 0;
}

static int has_credit(const kb_article *a, const char *name) {
  for (size_t i = 0; i < a->ncredits; i++)
    if (strcmp(a->credits[i], name) == 0)
      return 1;
  return 0;
}

static int has_diag(const kb_article *a, const char *code) {
  for (size_t i = 0; i < a->ndiags; i++)
    if (strcmp(a->diags[i].code, code) == 0)
      return 1;
  return 0;
}

typedef struct sample {
  const char *file;
  const char *title;      /* NULL: none */
  const char *standfirst; /* prefix; NULL: none */
  const char *first;      /* prefix of the first body paragraph */
  const char *last;       /* prefix of the last body paragraph */
  size_t count;
  int year, month, day; /* printed date; 0 = none */
  const char *credit;   /* one expected credit, or NULL */
  const char *furniture[12];
} sample;

static const sample samples[] = {
    {"000_a7f6cac26c6d8739.txt",
     "Putin-Kim Jong-un Berkirim Surat: Bersama Lawan Imperialis",
     "Kim menegaskan kembali soal persahabatan dua negara",
     "REPUBLIKA.CO.ID, MOSKOW \xe2\x80\x93 Pemimpin Korea Utara",
     "Secara terpisah, Wakil Menlu Korut Kim Son Gyong",
     13,
     2023,
     8,
     16,
     "Reuters",
     {"Rabu 16 Aug 2023", "Menhan Rusia Sergei Shoigu di Pyongyang",
      "Foto: EPA-EFE/KCNA", "Baca Juga", "sumber : Reuters", "Advertisement",
      "Berita Lainnya", NULL}},
    {"001_38936c8c4744511e.txt",
     "Gawat, Putin-Kim Jong Un makin \xe2\x80\x98Nempel\xe2\x80\x99",
     NULL,
     "MOSKOW-KEMPALAN: Presiden Rusia yaitu Putin",
     "Hubungan antara kedua negara tersebut memang tidak dapat",
     12,
     0,
     0,
     0,
     "Al Jazeera",
     {"waktu baca 2 menit", "Putin dan Kim Jong Un-Detik",
      "(Aljazeera, Muhamad Nurilham)", "Tinggalkan Balasan",
      "Alamat email Anda", NULL}},
    {"002_6faa7d76818c4bcc.txt",
     "Vladimir Putin dan Kim Jong Un Janji akan Mempererat Kerja Sama",
     NULL,
     "TEMPO.CO, Jakarta - Pemimpin Korea Utara Kim Jong Un",
     "Pakta tersebut diteken ketika muncul tuduhan",
     8,
     2024,
     8,
     16,
     "Reuters",
     {"Jumat, 16 Agustus 2024 11:55 WIB",
      "Alexander Zemlianichenko/Pool via REUTERS", "KCNA WATCH | REUTERS",
      "Pilihan editor", "Advertising", "Ikuti berita terkini", "Berita terkait",
      "18 jam lalu", "Baca Selengkapnya",
      "Angkatan Laut Italia dan TNI AL sepakat", "RT menyebut pemblokiran",
      NULL}},
    {"003_c6cf95386d819e1d.txt",
     "Peringati Hari Pembebasan Korut, Putin Kirim Surat Khusus ke Kim Jong "
     "Un",
     NULL,
     "PYONGYANG, iNewsSemarang.id \xe2\x80\x93 Presiden Rusia",
     "Korea Utara pada bulan Juli mengakui dua negara baru",
     9,
     2022,
     8,
     15,
     NULL,
     {"get app", "Aa Read Next", "header img", "Foto Ist",
      "Editor : Sulhanudin Attar", "Follow Whatsapp Channel",
      "Lihat Berita Lainnya", "iNews Network", "Kami membuka kesempatan",
      NULL}},
    {"004_5f690164bdc1d8e4.txt",
     NULL,
     "Dalam pertukaran surat terakhir, para pemimpin memuji",
     "Pemimpin Korea Utara Kim Jong Un dan Presiden Rusia Vladimir Putin "
     "kembali",
     "Pada kesempatan itu, Kim berjanji",
     13,
     0,
     0,
     0,
     NULL,
     {"Dalam pertukaran surat terakhir", "Sumber", "Previous article",
      "Next article", "Freelance journalist", NULL}},
};

static void test_samples(void) {
  for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++) {
    const sample *s = &samples[k];
    size_t n = 0;
    char *page = load(s->file, &n);
    CHECK(page != NULL);
    if (!page)
      continue;
    kb_article a;
    kb_article_init(&a);
    kb_extract_opts o;
    memset(&o, 0, sizeof o);
    o.now = 1767225600; /* 2026-01-01 */
    CHECK_INT(kb_text_extract(page, n, &o, &a), KB_OK);
    fprintf(stderr, "sample %s: %zu paragraphs\n", s->file, a.nbody);
    CHECK_INT(a.nbody, s->count);
    CHECK_STR(a.title, s->title);
    if (s->standfirst)
      CHECK(starts(a.standfirst, s->standfirst));
    else
      CHECK(a.standfirst == NULL);
    CHECK(a.nbody > 0 && starts(a.body[0], s->first));
    CHECK(a.nbody > 0 && starts(a.body[a.nbody - 1], s->last));
    CHECK_STR(a.language, "id");
    for (size_t f = 0; s->furniture[f]; f++) {
      if (in_body(&a, s->furniture[f]))
        fprintf(stderr, "  furniture in body: %s\n", s->furniture[f]);
      CHECK(!in_body(&a, s->furniture[f]));
    }
    if (s->year) {
      CHECK_INT(a.published.from, KB_FROM_PRINTED);
      CHECK_INT(a.published.t.year, s->year);
      CHECK_INT(a.published.t.month, s->month);
      CHECK_INT(a.published.t.day, s->day);
      CHECK(a.published.confidence >= 0.8);
    }
    if (s->credit)
      CHECK(has_credit(&a, s->credit));
    CHECK(a.confidence > 0.5);
    article_free(&a);
    free(page);
  }
  /* the brief's exact ends of page 000 */
  size_t n = 0;
  char *page = load("000_a7f6cac26c6d8739.txt", &n);
  if (page) {
    kb_article a;
    kb_article_init(&a);
    kb_text_extract(page, n, NULL, &a);
    CHECK(a.nbody == 13 &&
          strstr(a.body[12], "Pertemuan dijadwalkan Kamis (17/8/2023), "
                             "diajukan AS, Albania, dan Jepang.") != NULL);
    article_free(&a);
    free(page);
  }
}

/* An English page: menu, headline, byline and date, an inline related box,
 * an ad, comments with long prose, a footer. */
static const char english_page[] =
    "Home\nWorld\nBusiness\nSport\nWeather\nSign in\n\n"
    "City council approves new riverside park after long debate\n"
    "By Jane Doe\n"
    "March 3, 2024\n\n"
    "The city council voted on Tuesday to approve a new riverside park, "
    "ending a debate that has lasted for more than three years.\n\n"
    "The park will cover an area of twelve hectares along the eastern bank "
    "of the river, where an old warehouse district now stands empty.\n\n"
    "Advertisement\n\n"
    "Related Articles\n"
    "Mayor outlines budget plan\n"
    "Bridge repairs to start in May\n\n"
    "Supporters said the project would give families in the crowded "
    "eastern districts a place to walk, play and meet their neighbours.\n\n"
    "Opponents argued that the money should have been spent on housing, and "
    "they said they would keep pressing the council on the issue.\n\n"
    "Work on the first section is expected to begin in the autumn.\n\n"
    "Share this article\n"
    "Facebook\nTwitter\nEmail\n\n"
    "42 Comments\n"
    "greenfan on March 3, 2024 at 9:12 am said:\n"
    "I have been waiting for this park for years and I am really glad that "
    "the council finally made the decision, it will change the whole area "
    "for the better and I hope they keep the old trees.\n"
    "Reply\n"
    "oldtimer on March 3, 2024 at 10:40 am said:\n"
    "This is a waste of money in my opinion, the city has many other "
    "problems that are much more urgent than a park, and the housing "
    "situation is getting worse every year for young people here.\n"
    "Reply\n\n"
    "Privacy Policy\nTerms of Use\n"
    "\xc2\xa9 2024 Example News. All rights reserved.\n";

static void test_english(void) {
  kb_article a;
  kb_article_init(&a);
  CHECK_INT(kb_text_extract(english_page, sizeof english_page - 1, NULL, &a),
            KB_OK);
  CHECK_STR(a.language, "en");
  CHECK_INT(a.nbody, 5);
  CHECK(a.nbody > 0 && starts(a.body[0], "The city council voted"));
  CHECK(a.nbody > 0 && starts(a.body[a.nbody - 1], "Work on the first"));
  CHECK_STR(a.title,
            "City council approves new riverside park after long debate");
  CHECK(!in_body(&a, "Advertisement"));
  CHECK(!in_body(&a, "Mayor outlines"));
  CHECK(!in_body(&a, "waiting for this park"));
  CHECK(!in_body(&a, "waste of money"));
  CHECK(!in_body(&a, "All rights reserved"));
  CHECK_INT(a.published.t.year, 2024);
  CHECK_INT(a.published.t.month, 3);
  CHECK_INT(a.published.t.day, 3);
  article_free(&a);
}

/* An Indonesian page: a caption with a photo credit, "Baca Juga" with a
 * related title, an in-text credit "(ant)", an editor line. */
static const char indonesian_page[] =
    "Beranda\nNasional\nEkonomi\nOlahraga\n\n"
    "Harga Beras di Pasar Tradisional Mulai Turun Menjelang Panen Raya\n"
    "Senin, 4 Maret 2024 10:15 WIB\n\n"
    "Pedagang menata karung beras di sebuah pasar. ANTARA FOTO/Nama "
    "Fotografer\n\n"
    "JAKARTA, Kabarindo.id \xe2\x80\x93 Harga beras di sejumlah pasar "
    "tradisional mulai turun pada pekan ini karena pasokan dari daerah "
    "sentra produksi kembali lancar.\n\n"
    "Baca Juga\n"
    "Pemerintah Siapkan Cadangan Beras untuk Ramadhan\n\n"
    "Seorang pedagang mengatakan bahwa harga beras medium kini turun "
    "sekitar lima ratus rupiah per kilogram dibandingkan pekan lalu.\n\n"
    "Menurut dia, pembeli juga mulai kembali ramai setelah beberapa minggu "
    "sepi karena harga yang terlalu tinggi.\n\n"
    "Pemerintah memperkirakan harga akan terus turun hingga panen raya "
    "yang diperkirakan berlangsung pada akhir bulan ini.\n\n"
    "(ant)\n"
    "Editor : Nama Editor\n\n"
    "Berita Terkait\n"
    "Harga Cabai Naik Lagi di Pasar Induk\n"
    "2 jam lalu\n"
    "Baca Selengkapnya\n";

static void test_indonesian(void) {
  kb_article a;
  kb_article_init(&a);
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.now = 1767225600;
  CHECK_INT(
      kb_text_extract(indonesian_page, sizeof indonesian_page - 1, &o, &a),
      KB_OK);
  CHECK_STR(a.language, "id");
  CHECK_INT(a.nbody, 4);
  CHECK(a.nbody > 0 && starts(a.body[0], "JAKARTA, Kabarindo.id"));
  CHECK(a.nbody > 0 && starts(a.body[a.nbody - 1], "Pemerintah memperkirakan"));
  CHECK_STR(a.title,
            "Harga Beras di Pasar Tradisional Mulai Turun Menjelang Panen "
            "Raya");
  CHECK(a.standfirst == NULL);
  CHECK(!in_body(&a, "ANTARA FOTO"));
  CHECK(!in_body(&a, "Baca Juga"));
  CHECK(!in_body(&a, "Cadangan Beras"));
  CHECK(!in_body(&a, "(ant)"));
  CHECK(!in_body(&a, "Editor"));
  CHECK(!in_body(&a, "Harga Cabai"));
  CHECK(has_credit(&a, "Antara"));
  CHECK_INT(a.published.from, KB_FROM_PRINTED);
  CHECK_INT(a.published.t.day, 4);
  article_free(&a);
}

/* A home page: teasers between labels and links gives no body. */
static void test_listing(void) {
  kb_buf page;
  kb_buf_init(&page, 0);
  kb_buf_puts(&page, "Beranda\nTerkini\nPopuler\n\n");
  for (int i = 0; i < 8; i++)
    kb_buf_printf(&page,
                  "Judul Berita Nomor %d Tentang Kota\n%d jam lalu\n"
                  "Ringkasan singkat berita nomor %d yang ditulis oleh "
                  "redaksi untuk pembaca.\nBaca Selengkapnya\n\n",
                  i, i + 1, i);
  kb_article a;
  kb_article_init(&a);
  CHECK_INT(kb_text_extract(page.data, page.len, NULL, &a), KB_OK);
  CHECK_INT(a.nbody, 0);
  CHECK(has_diag(&a, "no-body"));
  CHECK(a.confidence < 0.2);
  article_free(&a);
  kb_buf_clear(&page);
}

/* Bad input is data: empty text, control bytes, invalid UTF-8. */
static void test_bad_input(void) {
  kb_article a;
  kb_article_init(&a);
  CHECK_INT(kb_text_extract("", 0, NULL, &a), KB_OK);
  CHECK_INT(a.nbody, 0);
  CHECK(has_diag(&a, "no-body"));
  article_free(&a);
  kb_article_init(&a);
  const char junk[] = "\xff\xfe\x00\x01 abc\n\n\n\xc3\x28\n---\n";
  CHECK_INT(kb_text_extract(junk, sizeof junk - 1, NULL, &a), KB_OK);
  CHECK_INT(a.nbody, 0);
  article_free(&a);
}

/* Site memory: a prose-like line printed on every page of a site is
 * furniture once the site's earlier pages showed it. */
static void test_site_memory(void) {
  kb_site_memory *m = NULL;
  CHECK_INT(kb_site_memory_new(&m), KB_OK);
  const char *footer =
      "Kami berkomitmen menyajikan berita yang akurat dan berimbang untuk "
      "para pembaca setia kami di seluruh tanah air setiap hari.";
  const char *topics[] = {"jalan tol", "pelabuhan", "bandara", "stasiun"};
  int seen_footer[4] = {0};
  for (int p = 0; p < 4; p++) {
    kb_buf page;
    kb_buf_init(&page, 0);
    kb_buf_printf(&page,
                  "Pembangunan %s Baru Dimulai\n\n"
                  "Pemerintah daerah mulai membangun %s baru yang diharapkan "
                  "dapat mengurangi kemacetan di pusat kota pada tahun "
                  "depan.\n\n"
                  "Kepala dinas mengatakan bahwa pekerjaan %s akan selesai "
                  "dalam waktu dua tahun jika cuaca mendukung.\n\n"
                  "Warga menyambut baik rencana %s itu karena mereka sudah "
                  "lama menunggu perbaikan layanan di kota mereka.\n\n%s\n",
                  topics[p], topics[p], topics[p], topics[p], footer);
    char url[128];
    snprintf(url, sizeof url, "https://www.contoh-berita.id/berita/%d", p);
    kb_extract_opts o;
    memset(&o, 0, sizeof o);
    o.url = url;
    o.memory = m;
    kb_article a;
    kb_article_init(&a);
    CHECK_INT(kb_text_extract(page.data, page.len, &o, &a), KB_OK);
    CHECK(a.nbody >= 3);
    seen_footer[p] = in_body(&a, "Kami berkomitmen");
    /* a re-crawl of the same URL does not count as another page */
    if (p == 0) {
      article_free(&a);
      kb_article_init(&a);
      CHECK_INT(kb_text_extract(page.data, page.len, &o, &a), KB_OK);
    }
    article_free(&a);
    kb_buf_clear(&page);
  }
  CHECK(seen_footer[0]); /* first page: nothing known yet */
  CHECK(seen_footer[1]); /* one earlier page is not a pattern */
  CHECK(!seen_footer[2]);
  CHECK(!seen_footer[3]);
  kb_site_memory_free(m);
  kb_site_memory_free(NULL);
}

/* The same story under several addresses of one site (print and mobile
 * versions, re-crawls with other parameters) is not furniture: the memory
 * must not empty its later copies (the third copy came out empty before). */
static void test_site_memory_repeats_article(void) {
  kb_site_memory *m = NULL;
  CHECK_INT(kb_site_memory_new(&m), KB_OK);
  const char *story =
      "Banjir Rendam Permukiman\n\n"
      "Banjir merendam ratusan rumah di tepi sungai setelah hujan deras "
      "turun sejak sore hari, kata petugas penanggulangan bencana.\n\n"
      "Warga mengungsi ke masjid dan sekolah terdekat sambil menunggu air "
      "surut, sementara petugas membagikan makanan dan selimut.\n\n"
      "Pemerintah kota berjanji memperbaiki tanggul yang jebol dalam waktu "
      "dua minggu agar banjir serupa tidak terulang lagi.\n";
  for (int p = 0; p < 5; p++) {
    char url[128];
    snprintf(url, sizeof url, "https://www.contoh-berita.id/banjir?v=%d", p);
    kb_extract_opts o;
    memset(&o, 0, sizeof o);
    o.url = url;
    o.memory = m;
    kb_article a;
    kb_article_init(&a);
    CHECK_INT(kb_text_extract(story, strlen(story), &o, &a), KB_OK);
    CHECK_INT(a.nbody, 3);
    article_free(&a);
  }
  kb_site_memory_free(m);
}

/* Observing a page teaches the memory what extracting it would have. */
static void test_site_memory_observe(void) {
  kb_site_memory *seen = NULL, *extracted = NULL;
  CHECK_INT(kb_site_memory_new(&seen), KB_OK);
  CHECK_INT(kb_site_memory_new(&extracted), KB_OK);
  const char *footer = "Ikuti terus kabar terbaru dari kami melalui aplikasi "
                       "yang bisa diunduh gratis oleh semua pembaca setia.";
  int kept_seen = 1, kept_extracted = 1;
  for (int p = 0; p < 3; p++) {
    char page[1024], url[96];
    snprintf(page, sizeof page,
             "Petani di desa %d memulai panen padi pekan ini dan hasilnya "
             "lebih baik daripada tahun lalu, kata kepala desa.\n\n"
             "Harga gabah di desa %d masih stabil sehingga warga berharap "
             "pendapatan mereka naik pada musim ini.\n\n%s\n",
             p, p, footer);
    snprintf(url, sizeof url, "https://www.contoh-berita.id/panen/%d", p);
    kb_extract_opts o;
    memset(&o, 0, sizeof o);
    o.url = url;
    kb_article a;
    if (p < 2) { /* the first two pages: observed by one, extracted by other */
      CHECK_INT(kb_site_memory_observe(seen, page, strlen(page), &o), KB_OK);
      o.memory = extracted;
      kb_article_init(&a);
      CHECK_INT(kb_text_extract(page, strlen(page), &o, &a), KB_OK);
      article_free(&a);
      continue;
    }
    o.memory = seen;
    kb_article_init(&a);
    CHECK_INT(kb_text_extract(page, strlen(page), &o, &a), KB_OK);
    kept_seen = in_body(&a, "Ikuti terus");
    article_free(&a);
    o.memory = extracted;
    kb_article_init(&a);
    CHECK_INT(kb_text_extract(page, strlen(page), &o, &a), KB_OK);
    kept_extracted = in_body(&a, "Ikuti terus");
    article_free(&a);
  }
  CHECK(!kept_seen);
  CHECK(kept_seen == kept_extracted);
  kb_site_memory_free(seen);
  kb_site_memory_free(extracted);
}

/* A relative date line ("3 jam lalu") under the headline is the page's date
 * only against a known crawl time; without one it is furniture, no date. */
static void test_relative_needs_crawl_time(void) {
  static const char page[] =
      "Jembatan Baru Dibuka untuk Warga Desa di Tepi Sungai\n"
      "3 jam lalu\n\n"
      "Jembatan gantung sepanjang delapan puluh meter itu akhirnya dibuka "
      "untuk umum setelah dibangun selama hampir dua tahun oleh warga.\n\n"
      "Sebelumnya warga harus menyeberang dengan perahu kecil yang sering "
      "terbalik ketika arus sungai sedang deras pada musim hujan.\n\n"
      "Kepala desa mengatakan jembatan itu akan memudahkan anak-anak "
      "berangkat ke sekolah di seberang sungai setiap pagi.\n";
  kb_article a;
  kb_article_init(&a);
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.now = 1767225600; /* 2026-01-01T00:00:00Z */
  CHECK_INT(kb_text_extract(page, sizeof page - 1, &o, &a), KB_OK);
  CHECK_INT(a.published.from, KB_FROM_PRINTED);
  CHECK_INT(a.published.t.year, 2025);
  CHECK_INT(a.published.t.hour, 21);
  CHECK(!in_body(&a, "3 jam lalu"));
  kb_article_clear(&a);
  o.now = 0;
  CHECK_INT(kb_text_extract(page, sizeof page - 1, &o, &a), KB_OK);
  CHECK_INT(a.published.from, KB_FROM_NONE);
  CHECK(!in_body(&a, "3 jam lalu"));
  CHECK_INT(a.nbody, 3);
  kb_article_clear(&a);
  /* a line with a relative and an absolute date: without a crawl time the
   * absolute one dates the page */
  static const char mixed[] =
      "New Bridge Opens for Villagers on the River\n"
      "3 hours ago - August 16, 2023\n\n"
      "The eighty-metre suspension bridge finally opened to the public after "
      "nearly two years of work by the villagers themselves.\n\n"
      "Until now they had to cross in small boats that often capsized when "
      "the current was strong in the rainy season.\n\n"
      "The village head said the bridge would make it easier for children "
      "to reach the school on the other bank every morning.\n";
  CHECK_INT(kb_text_extract(mixed, sizeof mixed - 1, &o, &a), KB_OK);
  CHECK_INT(a.published.from, KB_FROM_PRINTED);
  CHECK_INT(a.published.t.year, 2023);
  CHECK_INT(a.published.t.month, 8);
  CHECK_INT(a.published.t.day, 16);
  kb_article_clear(&a);
  kb_arena_clear(&a.arena);
}

int main(void) {
  test_relative_needs_crawl_time();
  test_samples();
  test_english();
  test_indonesian();
  test_listing();
  test_bad_input();
  test_site_memory();
  test_site_memory_repeats_article();
  test_site_memory_observe();
  return KBT_DONE();
}
