/* Unit tests of the HTML extractor (src/html/): body boundaries, furniture
 * pruning, listings, JSON-LD, title suffixes, captions, lists, metadata.
 * Every page here is written for the test. */
#include <stdio.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kbtest.h"

#define P1                                                                     \
  "The river rose by two metres overnight, and the town council opened three " \
  "shelters near the old market, officials said on Tuesday."
#define P2                                                                     \
  "Residents of the lower districts were told to move their cars, and "        \
  "volunteers carried sandbags to the school, which stayed closed."
#define P3                                                                     \
  "Forecasters expect more rain on Wednesday, although the water level "       \
  "should fall slowly by the end of the week, the agency added."
#define P4                                                                     \
  "The mayor said the repairs to the embankment, planned for next spring, "    \
  "would now start as soon as the water is gone."

static kb_status run(const char *html, kb_article *a) {
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.input = KB_INPUT_HTML;
  kb_article_clear(a);
  return kb_html_extract(html, strlen(html), &o, a);
}

static int body_has(const kb_article *a, const char *needle) {
  for (size_t i = 0; i < a->nbody; i++)
    if (strstr(a->body[i], needle))
      return 1;
  return 0;
}

static int has_diag(const kb_article *a, const char *code) {
  for (size_t i = 0; i < a->ndiags; i++)
    if (!strcmp(a->diags[i].code, code))
      return 1;
  return 0;
}

static void test_boilerplate_around_article(kb_article *a) {
  const char *page =
      "<!doctype html><html lang='en-GB'><head><title>Flood waters rise in the "
      "valley - The Daily Example</title>"
      "<meta property='og:site_name' content='The Daily Example'>"
      "<link rel='canonical' "
      "href='https://example.org/news/flood'></head><body>"
      "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a "
      "href='/sport'>Sport</a></nav></header>"
      "<div class='share-bar'><a href='#'>Share on Facebook</a> <a "
      "href='#'>Tweet</a></div>"
      "<main><article><h1>Flood waters rise in the valley</h1>"
      "<p class='byline'>By Jane Doe</p>"
      "<div class='article-body'><p>" P1 "</p><p>" P2 "</p>"
      "<aside class='related'><h3>Related</h3><ul><li><a href='/a'>Storm hits "
      "coast again this week</a></li>"
      "<li><a href='/b'>Council votes on new budget plan</a></li></ul></aside>"
      "<p>" P3 "</p><h2>What comes next</h2><p>" P4 "</p>"
      "<p>Read more: <a href='/c'>How the town prepared for "
      "floods</a></p></div>"
      "<div class='newsletter'><p>Sign up for our newsletter to get the news "
      "every morning in your inbox.</p></div>"
      "<section class='comments'><h2>Comments</h2><p>I live there and the "
      "water is everywhere, terrible.</p></section>"
      "</article></main><footer><p>Copyright 2024 The Daily Example. All "
      "rights reserved.</p></footer></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_INT(a->nbody, 5);
  if (a->nbody == 5) {
    CHECK_STR(a->body[0], P1);
    CHECK_STR(a->body[1], P2);
    CHECK_STR(a->body[2], P3);
    CHECK_STR(a->body[3],
              "What comes next"); /* a heading inside the article is kept */
    CHECK_STR(a->body[4], P4);
  }
  CHECK(!body_has(a, "Storm hits"));
  CHECK(!body_has(a, "newsletter"));
  CHECK(!body_has(a, "terrible"));
  CHECK(!body_has(a, "Read more"));
  CHECK_STR(a->title, "Flood waters rise in the valley");
  CHECK_STR(a->site_name, "The Daily Example");
  CHECK_STR(a->url, "https://example.org/news/flood");
  CHECK_STR(a->language, "en");
  CHECK_STR(a->author, "Jane Doe");
  CHECK(a->confidence > 0.5);
}

static void test_listing_is_empty(kb_article *a) {
  const char *page = "<html><head><title>News - Example</title><meta "
                     "property='og:type' content='website'></head><body>"
                     "<nav><a href='/'>Home</a></nav><main>"
                     "<article><h2><a href='/1'>River rises after a week of "
                     "rain</a></h2><p>Shelters opened in town.</p></article>"
                     "<article><h2><a href='/2'>Council approves new school "
                     "budget</a></h2><p>The vote was close.</p></article>"
                     "<article><h2><a href='/3'>Local team wins the regional "
                     "cup final</a></h2><p>Fans celebrated.</p></article>"
                     "<article><h2><a href='/4'>Market reopens after long "
                     "repairs</a></h2><p>Traders returned.</p></article>"
                     "</main></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_INT(a->nbody, 0);
  CHECK(has_diag(a, "no-body") || has_diag(a, "listing"));
  CHECK(a->confidence < 0.2);
}

static void test_jsonld_graph(kb_article *a) {
  const char *page =
      "<html><head><title>Ignored title | Example News</title>"
      "<script "
      "type='application/ld+json'>{\"@context\":\"https://"
      "schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"name\":\"Example News\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Valley flood: shelters open\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane "
      "Doe\"},{\"@type\":\"Person\",\"name\":\"By John Roe\"}],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example "
      "News\"}}]}</script>"
      "</head><body><article><p>" P1 "</p><p>" P2
      "</p></article></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_STR(a->author, "Jane Doe, John Roe");
  CHECK_STR(a->site_name, "Example News");
  CHECK_STR(a->title, "Valley flood: shelters open");
  CHECK_INT(a->nbody, 2);
}

static void test_broken_jsonld(kb_article *a) {
  /* trailing comma and a raw newline in a string: read leniently */
  const char *lenient =
      "<html><head><script "
      "type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"author\":{\"name\":\"Jane\nDoe\"},}</script></"
      "head><body><article><p>" P1 "</p><p>" P2 "</p></article></body></html>";
  CHECK_INT(run(lenient, a), KB_OK);
  CHECK_STR(a->author, "Jane Doe");
  CHECK_INT(a->nbody, 2);
  /* cut off mid-way: a diagnostic, the body still extracted */
  const char *broken =
      "<html><head><script "
      "type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"na"
      "</script></head><body><article><p>" P1 "</p><p>" P2
      "</p></article></body></html>";
  CHECK_INT(run(broken, a), KB_OK);
  CHECK(has_diag(a, "bad-json-ld"));
  CHECK_INT(a->nbody, 2);
}

static void test_title_suffix(kb_article *a) {
  const char *t1 = "<html><head><title>Shelters open as river rises | Example "
                   "Post</title></head>"
                   "<body><p>" P1 "</p></body></html>";
  CHECK_INT(run(t1, a), KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  const char *t2 =
      "<html><head><title>Shelters open as river rises - example.com</title>"
      "<link rel='canonical' "
      "href='https://www.example.com/a'></head><body></body></html>";
  CHECK_INT(run(t2, a), KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* a dash inside the headline stays */
  const char *t3 =
      "<html><head><meta property='og:site_name' content='Example'>"
      "<title>Pre-war homes - what the flood did to them - "
      "Example</title></head></html>";
  CHECK_INT(run(t3, a), KB_OK);
  CHECK_STR(a->title, "Pre-war homes - what the flood did to them");
}

static void test_captions_dropped(kb_article *a) {
  const char *page =
      "<html><body><article><p>" P1 "</p>"
      "<figure><img src='x.jpg'><figcaption>Volunteers fill sandbags near the "
      "school (Photo: Agency)</figcaption></figure>"
      "<p>" P2 "</p><div class='photo'><img src='y.jpg'><span "
      "class='imageCaption'>The old market under water</span></div>"
      "<p>" P3 "</p></article></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_INT(a->nbody, 3);
  CHECK(!body_has(a, "Volunteers fill"));
  CHECK(!body_has(a, "old market under"));
}

static void test_list_kept(kb_article *a) {
  const char *page =
      "<html><body><div class='sidebar'><ul><li><a href='/x'>Most read story "
      "one</a></li></ul></div>"
      "<article><p>" P1
      "</p><p>The council listed what residents should do:</p>"
      "<ul><li>Move cars to higher ground</li><li>Keep documents in a dry "
      "place</li>"
      "<li>Call the hotline when water enters the house</li></ul><p>" P2
      "</p></article></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK(body_has(a, "Move cars to higher ground"));
  CHECK(body_has(a, "Keep documents in a dry place"));
  CHECK(!body_has(a, "Most read"));
  CHECK_INT(a->nbody, 6);
}

static void test_whitespace_and_br(kb_article *a) {
  const char *page =
      "<html><body><div class='entry-content'>" P1
      "<br><br>  The   second\n\tparagraph is here, after two line breaks, with"
      " <b>bold</b>words and a&nbsp;space.<br>Same paragraph after one break."
      "</div></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_INT(a->nbody, 2);
  if (a->nbody == 2)
    CHECK_STR(
        a->body[1],
        "The second paragraph is here, after two line breaks, with boldwords "
        "and a space. Same paragraph after one break.");
}

static void test_prune_undo(kb_article *a) {
  /* the whole article sits in an element named like furniture: pruning it
     would remove most of the text, so it is kept */
  const char *page = "<html><body><div class='post-sidebar-layout'><p>" P1
                     "</p><p>" P2 "</p><p>" P3 "</p></div></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_INT(a->nbody, 3);
}

static void test_bad_input(kb_article *a) {
  CHECK_INT(run("", a), KB_OK);
  CHECK_INT(a->nbody, 0);
  CHECK(a->ndiags > 0);
  const char junk[] = "<html><body><p>\x01\xff\xfe<<<<div><<</p></b></i>";
  CHECK_INT(run(junk, a), KB_OK);
  CHECK_INT(a->nbody, 0);
}

static void test_end_of_article(kb_article *a) {
  /* stamps and bylines inside the body, and the author's contact line and
     a promotion after the last paragraph, are not body */
  const char *page =
      "<html><head><title>x</title></head><body><h1 class='site-logo'>Example "
      "Daily</h1>"
      "<article><h1>Shelters open as the river rises</h1><div class='story'>"
      "<p>Updated: 18 Nov 2019 9:38 pm</p><p>By Jane Doe</p>"
      "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>"
      "<p>Have a tip? Jane Doe may be reached at jane@example.org.</p>"
      "<p>Get the latest updates in your inbox. Subscribe to our "
      "newsletters.</p>"
      "</div></article></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_INT(a->nbody, 3);
  CHECK(!body_has(a, "Updated"));
  CHECK(!body_has(a, "By Jane"));
  CHECK(!body_has(a, "reached at"));
  CHECK(!body_has(a, "Subscribe"));
  /* the logo <h1> is not the headline */
  CHECK_STR(a->title, "Shelters open as the river rises");
}

static void test_printed_byline(kb_article *a) {
  const char *page =
      "<html><body><article><div class='meta'><span>Text von</span> "
      "<strong>Jane Doe</strong> | 27.01.2022</div><p>" P1 "</p><p>" P2
      "</p></article></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK_STR(a->author, "Jane Doe");
  /* a menu is no byline: "By topic" in <nav> names nobody, and a byline
     class or an author link inside <nav> is the site's, not the article's */
  page = "<html><body><nav><ul><li><span>By</span> <a href='/topics/'>"
         "Topics And Themes</a></li><li><a class='author' "
         "href='/author/staff-list/'>Our Writers</a></li></ul></nav>"
         "<article><p>" P1 "</p><p>" P2 "</p></article></body></html>";
  CHECK_INT(run(page, a), KB_OK);
  CHECK(a->author == NULL);
}

/* Builds a page: head extras, then body html, with two body paragraphs. */
static kb_status run_page(const char *head, const char *body, kb_article *a) {
  static char page[8192];
  int n = snprintf(page, sizeof page,
                   "<html><head>%s</head><body>%s<article><p>" P1 "</p><p>" P2
                   "</p></article></body></html>",
                   head, body);
  if (n < 0 || (size_t)n >= sizeof page)
    return KB_ELIMIT;
  return run(page, a);
}

static void test_title_kicker(kb_article *a) {
  /* a kicker element before the headline inside <h1> */
  CHECK_INT(run_page("<meta property='og:title' content='Shelters open as "
                     "river rises'>",
                     "<h1><span class='roofline'>Valley</span> Shelters open "
                     "as river rises</h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* a kicker in og:title, the bare headline in <h1> */
  CHECK_INT(run_page("<meta property='og:title' content='Floods: Shelters "
                     "open as river rises'>",
                     "<h1>Shelters open as river rises</h1>", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* a colon straight after the first words belongs to the headline */
  CHECK_INT(run_page("<meta property='og:title' content='Shelters open as "
                     "river rises - Example'>",
                     "<h1>\"Water everywhere\": Shelters open as river "
                     "rises</h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "\"Water everywhere\": Shelters open as river rises");
  /* a date line after the headline */
  CHECK_INT(run_page("<meta property='og:title' content='Shelters open as "
                     "river rises'>",
                     "<h1>Shelters open as river rises<br><small>02.02.2022 "
                     "&bull; Local</small></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
}

static void test_title_many_h1(kb_article *a) {
  /* the <h1> equal to the title's headline part wins over a site <h1>;
     hidden text in <h1> is not part of the title */
  CHECK_INT(run_page("<title>Shelters open as river rises | Valley "
                     "Courier</title>",
                     "<h1><a href='/'>Valley Courier</a></h1><h1>Shelters "
                     "open as river rises<span class='sr-only'> | Valley "
                     "Courier</span></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* "Title: Site" with the site given by og:site_name */
  CHECK_INT(run_page("<meta property='og:site_name' content='Courier'>"
                     "<title>Shelters open as river rises: Courier</title>",
                     "", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* a headline holding the site's name in its words keeps them */
  CHECK_INT(run_page("<meta property='og:site_name' content='Courier'>"
                     "<meta property='og:title' content='Mothers day: "
                     "Courier met the mothers of the valley'>",
                     "<h1>Mothers day: Courier met the mothers of the "
                     "valley</h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Mothers day: Courier met the mothers of the valley");
}

static void test_author_sources(kb_article *a) {
  /* JSON-LD author given by @id, resolved in the @graph */
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@graph\":["
                     "{\"@type\":\"NewsArticle\",\"headline\":\"Shelters "
                     "open\",\"author\":{\"@id\":\"https://ex.org/#p1\"}},"
                     "{\"@type\":\"Person\",\"@id\":\"https://ex.org/#p1\","
                     "\"name\":\"Jane Doe\"}]}</script>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author, "Jane Doe");
  /* an organisation in meta author yields to a printed byline ... */
  CHECK_INT(run_page("<meta name='author' content='Valley Verlag GmbH'>",
                     "<p class='byline'>By John Roe</p>", a),
            KB_OK);
  CHECK_STR(a->author, "John Roe");
  /* ... but is kept when the page names no person */
  CHECK_INT(
      run_page("<meta name='author' content='Valley Verlag GmbH'>", "", a),
      KB_OK);
  CHECK_STR(a->author, "Valley Verlag GmbH");
  /* the site's own name given as author (host letters) yields too */
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.input = KB_INPUT_HTML;
  o.url = "https://www.valley-courier.org/a/1";
  const char *page =
      "<html><head><meta name='author' content='Valley "
      "Courier'></head><body><article><p class='author'>Von "
      "Anna Berg</p><p>" P1 "</p><p>" P2 "</p></article></body></html>";
  kb_article_clear(a);
  CHECK_INT(kb_html_extract(page, strlen(page), &o, a), KB_OK);
  CHECK_STR(a->author, "Anna Berg");
}

static void test_author_cleaning(kb_article *a) {
  /* readers' comments have "author" classes too */
  CHECK_INT(run_page("",
                     "<div class='comments-area'><span "
                     "class='comment-author'>Troll</span></div>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
  /* a tag class naming comments is not a comment section */
  CHECK_INT(run_page("",
                     "<div class='post category-kommentar'><span "
                     "class='author'>Jane Doe</span></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* after the byline is found only the first word of each class token is
     read for a comment section: "comments" opening the second token is
     one, "comments" ending a token is not (an author link inside would
     outrank the byline) */
  CHECK_INT(run_page("",
                     "<span class='byline'>Jane Doe</span><div class='box "
                     "comments-list'><a rel='author' href='/u/t'>Tom "
                     "Troll</a></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  CHECK_INT(run_page("",
                     "<span class='byline'>Jane Doe</span><div class='box "
                     "post-comments'><a rel='author' href='/u/t'>Tom "
                     "Troll</a></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Tom Troll");
  /* doubly escaped entities, digits inside a user name, photo credits */
  CHECK_INT(run_page("<meta name='author' content='Mar&amp;iacute;a "
                     "L&amp;oacute;pez'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Mar\xc3\xad"
                                        "a L\xc3\xb3pez");
  CHECK_INT(run_page("", "<span class='author'>delta201</span>", a), KB_OK);
  CHECK_STR(a->author ? a->author : "", "delta201");
  CHECK_INT(run_page("", "<span class='author'>Foto: Ingo Berg</span>", a),
            KB_OK);
  CHECK(a->author == NULL);
  /* a byline's name and its relative time in separate elements */
  CHECK_INT(run_page("",
                     "<div class='byline'><span>Ana Ruiz</span><span>hace "
                     "3 horas</span></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Ana Ruiz");
  /* a picture's alt text repeating the name */
  CHECK_INT(
      run_page("", "<div class='author'>&copy; Jane Doe Jane Doe</div>", a),
      KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
}

/* Authors: rules added for the meta set's failure kinds (helper html3). */
static void test_author_more_sources(kb_article *a) {
  /* one meta tag per author */
  CHECK_INT(run_page("<meta name='parsely-author' content='Jane Doe'>"
                     "<meta name='parsely-author' content='John Roe'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe, John Roe");
  /* a reading card: twitter:label1 "Written by" + twitter:data1 */
  CHECK_INT(run_page("<meta name='twitter:label1' content='Verfasst von'>"
                     "<meta name='twitter:data1' content='Anna Berg'>"
                     "<meta name='twitter:label2' content='Lesezeit'>"
                     "<meta name='twitter:data2' content='3 Minuten'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Anna Berg");
  /* a JSON-LD Organization author only when no person is named ... */
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@type\":"
                     "\"NewsArticle\",\"author\":{\"@type\":\"Organization\","
                     "\"name\":\"Valley Water Board\"}}</script>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Valley Water Board");
  /* ... and not over a printed byline */
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@type\":"
                     "\"NewsArticle\",\"author\":{\"@type\":\"Organization\","
                     "\"name\":\"Valley Water Board\"}}</script>",
                     "<p class='byline'>By Jane Doe</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* the site's own name as the only byline is taken */
  CHECK_INT(run_page("<meta property='og:site_name' content='Valley "
                     "Courier'>",
                     "<p class='byline'>By Valley Courier</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Valley Courier");
  /* forum user names */
  CHECK_INT(run_page("",
                     "<div><a class='username' href='/u/7'>riverfan</a>"
                     "</div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "riverfan");
  CHECK_INT(run_page("",
                     "<div><a class='username' href='/login'>Log in</a>"
                     "</div>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
}

static void test_author_printed_lines(kb_article *a) {
  /* "Von:" with the name after a line break */
  CHECK_INT(run_page("",
                     "<div class='x'><p><b>Von:</b><br><br> Jane "
                     "Doe</p></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* a date line ending with a name ... */
  CHECK_INT(run_page("",
                     "<div class='x'><small>04.02.2022 | 13:10 Uhr | "
                     "Jane Doe</small></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  CHECK_INT(run_page("",
                     "<div class='x'><span>06.11.2023 13:30 von "
                     "Olga</span></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Olga");
  /* ... but not a number before capitalised words, nor one place name */
  CHECK_INT(run_page("",
                     "<div class='x'><span>20 Jahre Valley "
                     "Courier</span><span>12.03.2020 - Berlin</span>"
                     "</div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "(none)", "(none)");
  /* the byline word after a date inside a byline element */
  CHECK_INT(run_page("",
                     "<div class='post-author'>Posted on May 2, 2020 by "
                     "Jane Doe</div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* "Name, Role": the role is no second name; degrees neither */
  CHECK_INT(run_page("",
                     "<div class='x'><p><strong>Autorin: Jane Doe, "
                     "Projektleiterin der Stiftung in Tunis.</strong>"
                     "</p></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  CHECK_INT(run_page("<meta name='author' content='Jane Doe, PhD'>", "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* a label element, then the name in the next block */
  CHECK_INT(run_page("",
                     "<div class='x'><h4>Autor</h4><p><a "
                     "href='/p/1'>John Roe</a></p></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "John Roe");
}

/* Titles: rules added for the meta set's failure kinds (helper html3). */
static void test_title_more(kb_article *a) {
  /* a kicker element inside the <h1>, the metadata disagreeing */
  CHECK_INT(run_page("<title>Valley: Shelters open as river rises | "
                     "Courier</title>",
                     "<h1><span class='article__kicker'>Floods</span>"
                     "<span class='title'>Shelters open as river "
                     "rises</span></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* an <h1> that only links to the home page is the site's logo */
  CHECK_INT(run_page("<meta property='og:title' content='Part two - the "
                     "reply'><title>Part two - the reply | Jane's "
                     "Notes</title>",
                     "<h1><a href='https://notes.example.org/'>Jane's "
                     "Notes</a></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Part two - the reply");
  /* a guessed suffix in lower case or ending a question stays */
  CHECK_INT(run_page("<title>Lease or buy a car - which pays "
                     "off?</title>",
                     "", a),
            KB_OK);
  CHECK_STR(a->title, "Lease or buy a car - which pays off?");
  /* an <h1> text repeated as block titles is no headline */
  CHECK_INT(run_page("<title>Shelters open as river rises - "
                     "Courier</title>",
                     "<div><h1>Read also:</h1><h1>Read also:</h1></div>", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* ruby readings are not part of the headline */
  CHECK_INT(run_page("",
                     "<article><h1>\xe5\xad\x90<rp>(</rp><rt>\xe3\x81"
                     "\x93</rt><rp>)</rp>\xe3\x81\xa9\xe3\x82\x82</h1>"
                     "</article>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "\xe5\xad\x90\xe3\x81\xa9\xe3\x82\x82");
  /* a separator left at the start once the site part is gone */
  CHECK_INT(run_page("<link rel='canonical' href='https://notes.example.org/"
                     "p/1'><title>notes.example.org // \xc2\xbb Jane "
                     "Doe</title>",
                     "", a),
            KB_OK);
  CHECK_STR(a->title, "Jane Doe");
  /* a title that only names the site yields to the lone <h1> */
  CHECK_INT(run_page("<meta property='og:site_name' content='Valley "
                     "Courier'><title>Valley Courier</title>",
                     "<h1>Welcome!</h1>", a),
            KB_OK);
  CHECK_STR(a->title, "Welcome!");
}

/* Round 4 (helper html4): one case per rule, pages written here. */
static void test_author_round4(kb_article *a) {
  /* JSON-LD: the author only on the WebPage node of a graph (older Yoast) */
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@graph\":["
                     "{\"@type\":\"WebPage\",\"@id\":\"/#page\",\"author\":"
                     "{\"@id\":\"/#p1\"}},{\"@type\":\"Person\",\"@id\":"
                     "\"/#p1\",\"name\":\"Mira Holt\"}]}</script>"
                     "<meta name='author' content='Theme Studio'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Mira Holt");
  /* a JSON-LD author that is a profile URL is no name */
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@type\":"
                     "\"Article\",\"author\":\"https://example.org/author/"
                     "x/#author\"}</script>",
                     "<p class='byline'>By Jane Doe</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* an author-page link needs a slug: "/people/" is the section index */
  CHECK_INT(run_page("", "<nav><a href='/people/'>People</a></nav>", a), KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_page("", "<p><a href='/people/jane-doe'>Jane Doe</a></p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* a profile on another site (a share/social link) is not the author;
     without a page URL a relative author link comes first */
  CHECK_INT(run_page("",
                     "<a href='https://social.example.net/people/8f3a'>"
                     "Social</a><p><a href='/profil/jane-doe'>Jane Doe</a>"
                     "</p>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* a byline with two author links names both; the same link twice
     (photo and name) names one */
  CHECK_INT(run_page("",
                     "<div class='author'>von <a href='/autor/jane-doe'>"
                     "Jane Doe</a> und <a href='/autor/john-roe'>John Roe"
                     "</a></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe, John Roe");
  CHECK_INT(run_page("",
                     "<div class='author'><a href='/autor/jane-doe'><img "
                     "src='j.jpg'></a> Von <a href='/autor/jane-doe'>Jane "
                     "Doe</a> Fr, 18. Oktober 2019</div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* rel=author text keeps element boundaries; a date ends the role test */
  CHECK_INT(run_page("",
                     "<div><a rel='author' href='/a'><small>Ana Ruiz</small>"
                     "<small> y </small><small>Luis Vega</small><span>Hace 3 "
                     "horas</span></a></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Ana Ruiz, Luis Vega");
  /* a printed "Von ..." line must read as a name, not a phrase */
  CHECK_INT(run_page("",
                     "<div><div><p>Von Hochwasser über Deichbau und "
                     "Sandsäcke</p></div></div>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
  /* the site's name around a byline is a brand, not part of the name */
  CHECK_INT(run_page("<meta property='og:site_name' content='Valley Voice'>",
                     "<p class='byline'>By Jane Doe ValleyVoice Staff</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  CHECK_INT(run_page("<meta property='og:site_name' content='rivernews'>"
                     "<meta name='author' content='rivernews - Ana Ruiz'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Ana Ruiz");
  CHECK_INT(run_page("<meta property='og:site_name' content='Valley Voice'>"
                     "<meta name='author' content='Valley-Voice-Experte "
                     "Jane Doe'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane Doe");
  /* agency credits joined by a slash stay one credit */
  CHECK_INT(run_page("<meta name='author' content='AFP/Valley Desk'>", "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "AFP/Valley Desk");
  /* a word that is a host name makes a site credit; a dotted user name
     with capitals is a person */
  CHECK_INT(run_page("<meta name='author' content='valley.it / Valley "
                     "Online'>",
                     "", a),
            KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_page("",
                     "<p>Von <a class='username' href='/u/1'>"
                     "Jane.DoeSmith</a></p>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jane.DoeSmith");
  /* a forum post's "Beitrag von user »" */
  CHECK_INT(run_page("<meta name='author' content='Beitrag von riverfan "
                     "\xC2\xBB'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "riverfan");
}

static void test_title_round4(kb_article *a) {
  /* an unclosed <noscript> holding the rest of the page: its <h1> counts */
  CHECK_INT(run_page("<title>Shelters open as river rises | Valley Park "
                     "Office</title>",
                     "<noscript><p>Enable scripts</p><h1>Shelters open as "
                     "river rises</h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* no <h1> headline: the post title in an <h2>, as one whole part of the
     <title> ... */
  CHECK_INT(run_page("<title>Jane's Digital Home | Notes on the river "
                     "shelters</title>",
                     "<h2><a rel='bookmark' href='/p/1'>Notes on the river "
                     "shelters</a></h2>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Notes on the river shelters");
  /* ... also giving the printed dash of the headline when <title> has it
     and og:title a plain hyphen */
  CHECK_INT(run_page("<meta property='og:title' content='Shelters open "
                     "Monday - Friday in the valley'><title>Shelters open "
                     "Monday &ndash; Friday in the valley - Valley "
                     "Courier</title><meta property='og:site_name' "
                     "content='Valley Courier'>",
                     "<h2>Shelters open Monday \xE2\x80\x93 Friday in the "
                     "valley</h2>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open Monday \xE2\x80\x93 Friday in the valley");
  /* an <h2> that is only a word of the title is no headline */
  CHECK_INT(run_page("<title>Shelters - open as river rises</title>",
                     "<h2>Shelters</h2>", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters - open as river rises");
}

static void test_title_round6(kb_article *a) {
  /* a kicker set apart by a hidden separator (sr-only, aria-hidden) is not
     part of the headline ... */
  CHECK_INT(run_page("<meta property='og:title' content='Flood watch: "
                     "Shelters open as river rises'>",
                     "<h1><span class='top'>Flood watch</span><span "
                     "class='sr-only'>: </span><span>Shelters open as river "
                     "rises</span></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  CHECK_INT(run_page("<title>Flood watch - Shelters open | Valley</title>",
                     "<h1><span>Flood watch</span><span aria-hidden='true'> "
                     "&ndash; </span><span>Shelters open as river "
                     "rises</span></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  CHECK_INT(run_page("<title>Flood watch - Shelters open | Valley</title>",
                     "<h1><span>Flood watch</span><span aria-hidden='TRUE'> "
                     "&ndash; </span><span>Shelters open as river "
                     "rises</span></h1>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises"); /* any letter case */
  /* ... but a visible separator, or one leaving a single word, keeps it */
  CHECK_INT(
      run_page("<title>Flood watch: Shelters open</title>",
               "<h1><span>Flood watch</span><span>: </span><span>Shelters "
               "open</span></h1>",
               a),
      KB_OK);
  CHECK_STR(a->title, "Flood watch: Shelters open");
  CHECK_INT(run_page("<title>Flood watch: Shelters</title>",
                     "<h1><span>Flood watch</span><span class='sr-only'>: "
                     "</span><span>Shelters</span></h1>",
                     a),
            KB_OK);
  CHECK(a->title && strcmp(a->title, "Shelters") != 0);
  /* a one-word (long) <h1> that is a whole part of the <title> */
  CHECK_INT(run_page("<title>Valley:Meetings/Monthly \xE2\x80\x93 "
                     "Wiki</title>",
                     "<h1><span>Valley:Meetings/Monthly</span></h1><div><h1>"
                     "Monthly</h1></div>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Valley:Meetings/Monthly");
  /* no <h1>: og:title "Kicker: Headline" while twitter:title has the
     headline alone */
  CHECK_INT(run_page("<meta property='og:title' content='Floods: Shelters "
                     "open as river rises'><meta name='twitter:title' "
                     "content='Shelters open as river rises'><title>Other "
                     "words entirely</title>",
                     "<p>Text</p>", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* ... kept when no other field drops it */
  CHECK_INT(run_page("<meta property='og:title' content='Floods: Shelters "
                     "open as river rises'>",
                     "<p>Text</p>", a),
            KB_OK);
  CHECK_STR(a->title, "Floods: Shelters open as river rises");
}

static void test_title_round7(kb_article *a) {
  /* a lone page <h1> of three words or more is the headline as printed,
     even when the metadata title is worded otherwise ... */
  CHECK_INT(run_page("<meta property='og:title' content='Storm guide | "
                     "Valley News'>",
                     "<h1>What to pack before the floods arrive</h1>", a),
            KB_OK);
  CHECK_STR(a->title, "What to pack before the floods arrive");
  /* ... one of one or two words may be a section or site label */
  CHECK_INT(run_page("<meta property='og:title' content='Storm guide | "
                     "Valley News'><meta property='og:site_name' "
                     "content='Valley News'>",
                     "<h1>Weather desk</h1>", a),
            KB_OK);
  CHECK_STR(a->title, "Storm guide");
  /* no <h1>: the first <h2> of 3+ words sharing most words both ways with
     the metadata title */
  CHECK_INT(run_page("<meta property='og:title' content='Shelters open as "
                     "river rises (2021/5)'>",
                     "<h2>Latest</h2><h2>[&gt; Shelters</h2><h2>Shelters "
                     "open as the river rises</h2>",
                     a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as the river rises");
  /* ... not an <h2> about something else */
  CHECK_INT(run_page("<meta property='og:title' content='Shelters open as "
                     "river rises (2021/5)'>",
                     "<h2>Latest news from the valley</h2>", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises (2021/5)");
  /* two metadata titles with different topic labels before the same
     headline: the headline */
  CHECK_INT(run_page("<meta property='og:title' content='Floods?: Shelters "
                     "open as river rises'><title>Valley | Weather: Shelters "
                     "open as river rises</title>",
                     "<p>Text</p>", a),
            KB_OK);
  CHECK_STR(a->title, "Shelters open as river rises");
  /* ... the same label in both is kept */
  CHECK_INT(run_page("<meta property='og:title' content='Floods: Shelters "
                     "open as river rises'><title>Floods: Shelters open as "
                     "river rises</title>",
                     "<p>Text</p>", a),
            KB_OK);
  CHECK_STR(a->title, "Floods: Shelters open as river rises");
}

/* Builds a page whose <article> holds the paragraphs P1, P2, then tail. */
static kb_status run_tail(const char *head, const char *tail, kb_article *a) {
  static char page[8192];
  int n = snprintf(page, sizeof page,
                   "<html><head>%s</head><body><article><p>" P1 "</p><p>" P2
                   "</p>%s</article></body></html>",
                   head, tail);
  if (n < 0 || (size_t)n >= sizeof page)
    return KB_ELIMIT;
  return run(page, a);
}

static void test_author_round5(kb_article *a) {
  /* a meta author that is the site part of the <title> is the site: the
     rel=author name wins */
  CHECK_INT(run_page("<title>Floods in the valley | The Valley Post</title>"
                     "<meta name='author' content='The Valley Post'>",
                     "<a rel='author' href='/autor/mira-holt'>Mira Holt</a>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Mira Holt");
  /* ... and is still the author when nothing else names one */
  CHECK_INT(run_page("<title>Floods in the valley | The Valley Post</title>"
                     "<meta name='author' content='The Valley Post'>",
                     "", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "The Valley Post");
  /* a byline that is only a host name: kept when nothing else names one,
     not when a person is named */
  CHECK_INT(run_page("", "<span class='author'>valley-news.example</span>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "valley-news.example");
  CHECK_INT(run_page("<meta name='author' content='Mira Holt'>",
                     "<span class='author'>valley-news.example</span>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Mira Holt");
  /* "X im Gespräch mit Y" names both */
  CHECK_INT(run_page("",
                     "<p class='byline'>Jana Lind im Gespräch mit Olaf "
                     "Brenner</p>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind, Olaf Brenner");
  /* a byline naming the JSON-LD author and one more person completes the
     list; a role in title case or a place does not */
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@type\":"
                     "\"NewsArticle\",\"author\":{\"@type\":\"Person\","
                     "\"name\":\"Jana Lind\"}}</script>",
                     "<p class='byline'>von Jana Lind, Olaf Brenner</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind, Olaf Brenner");
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@type\":"
                     "\"NewsArticle\",\"author\":{\"@type\":\"Person\","
                     "\"name\":\"Jana Lind\"}}</script>",
                     "<p class='byline'>Jana Lind, Staff Writer</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind");
  CHECK_INT(run_page("<script type='application/ld+json'>{\"@type\":"
                     "\"NewsArticle\",\"author\":{\"@type\":\"Person\","
                     "\"name\":\"Jana Lind\"}}</script>",
                     "<p class='byline'>Jana Lind, Hamburg</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind");
  /* "... 2019-11-10 13:28 by <a>user</a>": a trailing cue after a date or
     a publishing verb takes the next element; a footer credit does not */
  CHECK_INT(run_page("",
                     "<p class='info'>Page (last edited 2019-11-10 13:28:18 "
                     "by <span><a href='/wiki/OlafB'>OlafB</a></span>)</p>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "OlafB");
  CHECK_INT(run_page("", "<p>Posted by <a href='/u/7'>Jana Lind</a></p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind");
  CHECK_INT(run_page("",
                     "<p>den 2. Platz, gefolgt von <b>Olaf Brenner</b></p>"
                     "<footer>Copyright 2021 | Theme by <a href='/'>Studio "
                     "Nine</a></footer>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
  /* "- Redaktion: Jane Doe (Role)" after a date, "Text: Jane Doe" */
  CHECK_INT(run_page("",
                     "<div>05.02.2020 <span>-&nbsp;Redaktion: Jana Lind "
                     "(Pressesprecherin)</span></div>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind");
  CHECK_INT(run_page("", "<div><p>Text: Olaf Brenner</p></div>", a), KB_OK);
  CHECK_STR(a->author ? a->author : "", "Olaf Brenner");
  /* running text "... von <em>X</em>" after a no-break space is no byline */
  CHECK_INT(run_page("",
                     "<div><p>Logo des <em>Preises</em>&nbsp;von "
                     "<em>Valley Magazin</em></p></div>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
}

static void test_signature(kb_article *a) {
  /* a name aligned right after the article's prose signs it, also before
     a footnote */
  CHECK_INT(run_tail("",
                     "<p align='right'><em>Jana Lind</em></p><p>(1) The "
                     "figures were collected by the agency over three years "
                     "and published in its annual report on the valley.</p>",
                     a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind");
  /* a bold name as the last paragraph */
  CHECK_INT(run_tail("", "<p><strong>Olaf Brenner</strong></p>", a), KB_OK);
  CHECK_STR(a->author ? a->author : "", "Olaf Brenner");
  /* a closing greeting, a date line after a one-word name */
  CHECK_INT(run_tail("", "<p>Euer Olaf</p>", a), KB_OK);
  CHECK_STR(a->author ? a->author : "", "Olaf");
  CHECK_INT(run_tail("", "<p>Jana<br>10. September 2017</p>", a), KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana");
  /* not signatures: a bold subheading with prose after it, one before a
     list, a block title in capitals, a link, a phone number, a lone word */
  CHECK_INT(run_tail("", "<p><strong>Neue Regeln</strong></p><p>" P3 "</p>", a),
            KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("",
                     "<p><strong>Weitere Informationen</strong></p><ul><li>"
                     "one</li></ul>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("", "<p><b>RELATED STORIES</b></p>", a), KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("", "<p><b><a href='/x'>Valley Report</a></b></p>", a),
            KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("", "<p>Inquiry 02-751-1500</p>", a), KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("", "<p><b>Fazit</b></p>", a), KB_OK);
  CHECK(a->author == NULL);
  /* "right" in another property is no alignment: a heading with a margin
     before a list signs nothing; an inline text-align does sign */
  CHECK_INT(run_tail("",
                     "<p style='margin-right:20px'>Weitere Informationen</p>"
                     "<ul><li>one</li></ul>",
                     a),
            KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("", "<p style='padding-right: 1em'>Stadt Hamburg</p>", a),
            KB_OK);
  CHECK(a->author == NULL);
  CHECK_INT(run_tail("", "<p style='Text-Align : RIGHT'>Jana Lind</p>", a),
            KB_OK);
  CHECK_STR(a->author ? a->author : "", "Jana Lind");
}

/* The page's whole language tag reaches the dates pass: "en-US" reads a
 * printed 05/08/2023 month-first, "en-GB" day-first. */
static void test_lang_tag_dates(kb_article *a) {
  static const char *const page =
      "<html lang=\"%s\"><body><article><h1>River rises</h1>"
      "<p class=\"date\">05/08/2023</p><p>" P1 "</p><p>" P2 "</p><p>" P3
      "</p></article></body></html>";
  char html[2048];
  char day[11];
  snprintf(html, sizeof html, page, "en-US");
  CHECK_INT(run(html, a), KB_OK);
  CHECK_STR(a->language, "en");
  CHECK_STR(kb_datetime_day(&a->published.t, day) ? day : "", "2023-05-08");
  snprintf(html, sizeof html, page, "en-GB");
  CHECK_INT(run(html, a), KB_OK);
  CHECK_STR(kb_datetime_day(&a->published.t, day) ? day : "", "2023-08-05");
}

int main(void) {
  kb_article a;
  kb_article_init(&a);
  test_lang_tag_dates(&a);
  test_boilerplate_around_article(&a);
  test_listing_is_empty(&a);
  test_jsonld_graph(&a);
  test_broken_jsonld(&a);
  test_title_suffix(&a);
  test_captions_dropped(&a);
  test_list_kept(&a);
  test_whitespace_and_br(&a);
  test_prune_undo(&a);
  test_bad_input(&a);
  test_end_of_article(&a);
  test_printed_byline(&a);
  test_title_kicker(&a);
  test_title_many_h1(&a);
  test_author_sources(&a);
  test_author_cleaning(&a);
  test_author_more_sources(&a);
  test_author_printed_lines(&a);
  test_title_more(&a);
  test_author_round4(&a);
  test_title_round4(&a);
  test_author_round5(&a);
  test_signature(&a);
  test_title_round6(&a);
  test_title_round7(&a);
  kb_article_clear(&a);
  kb_arena_clear(&a.arena); /* kb_article_clear keeps one block for reuse */
  return KBT_DONE();
}
