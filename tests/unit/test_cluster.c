/* Unit tests for src/cluster: time-aware events, storylines across years. */
#include "kabar/cluster.h"
#include "kabar/dates.h"
#include "kbtest.h"

static int32_t day(int y, int m, int d) {
  return (int32_t)kb_days_from_civil(y, m, d);
}

int main(void) {
  const char *flood1 = "Heavy rain flooded the river valley and thousands of "
                       "residents were evacuated from their homes as the "
                       "water rose overnight in the valley towns.";
  const char *flood2 = "Thousands of residents evacuated as the river flooded "
                       "valley towns after heavy rain; the water rose "
                       "overnight and homes were damaged.";
  const char *flood3 = "A year after the great flood, heavy rain again "
                       "flooded the river valley and residents were "
                       "evacuated from homes as water rose in valley towns.";
  const char *chess = "The chess championship final ended in a draw after "
                      "the grandmaster defended a difficult endgame for "
                      "hours in the tournament hall.";
  kb_cluster_doc docs[] = {
      {1, day(2023, 3, 1), "River valley flood forces evacuations", flood1,
       "en"},
      {2, day(2023, 3, 2), "Flood: thousands evacuated", flood2, "en"},
      {3, day(2024, 3, 3), "Valley floods again", flood3, "en"},
      {4, day(2023, 3, 1), "Championship final drawn", chess, "en"},
      {5, KB_DAY_UNKNOWN, "Chess final drawn after endgame", chess, "en"},
  };
  kb_clustering cl;
  CHECK_INT(kb_cluster_run(docs, 5, NULL, &cl), KB_OK);
  CHECK_INT(cl.ndocs, 5);
  /* same flood, a day apart: one event */
  CHECK(cl.event_of[0] == cl.event_of[1]);
  /* the same kind of flood a year later: another event, same storyline */
  CHECK(cl.event_of[2] != cl.event_of[0]);
  CHECK(cl.storyline_of[cl.event_of[2]] == cl.storyline_of[cl.event_of[0]]);
  /* chess on the same day as the flood: its own event and storyline */
  CHECK(cl.event_of[3] != cl.event_of[0]);
  CHECK(cl.storyline_of[cl.event_of[3]] != cl.storyline_of[cl.event_of[0]]);
  /* an undated copy of the chess story joins it without a time limit */
  CHECK(cl.event_of[4] == cl.event_of[3]);
  CHECK_INT(cl.nevents, 3);
  CHECK_INT(cl.nstorylines, 2);
  CHECK_INT(cl.event_day[cl.event_of[0]], day(2023, 3, 1));
  kb_clustering_clear(&cl);

  /* time matters: identical texts 30 days apart are two events */
  kb_cluster_doc twins[] = {{1, day(2023, 1, 1), NULL, flood1, "en"},
                            {2, day(2023, 1, 31), NULL, flood1, "en"}};
  CHECK_INT(kb_cluster_run(twins, 2, NULL, &cl), KB_OK);
  CHECK(cl.event_of[0] != cl.event_of[1]);
  CHECK_INT(cl.nstorylines, 1);
  kb_clustering_clear(&cl);

  /* In a small corpus the heaviest terms of each article are its own rare
   * words; two reports of one happening must still meet (candidate terms
   * once came only from the heaviest, and found nobody). */
  const char *r1 = "Zyxolin qarvex plumbago tessary vondrel ferrule gantry "
                   "hobnail ispahan jaconet kirtle lorimer. The ministers "
                   "signed the water treaty at the border summit today.";
  const char *r2 = "Brakkel umbrine sollary quenth madrigo nacelle oakum "
                   "pelisse quoin rebec sconce tabard. At the border "
                   "summit today the ministers signed the water treaty.";
  kb_cluster_doc pair[] = {{1, day(2023, 5, 4), NULL, r1, "en"},
                           {2, day(2023, 5, 4), NULL, r2, "en"}};
  CHECK_INT(kb_cluster_run(pair, 2, NULL, &cl), KB_OK);
  CHECK(cl.event_of[0] == cl.event_of[1]);
  kb_clustering_clear(&cl);

  /* nothing in, nothing out */
  CHECK_INT(kb_cluster_run(NULL, 0, NULL, &cl), KB_OK);
  CHECK_INT(cl.nevents, 0);
  kb_clustering_clear(&cl);

  CHECK(kb_cluster_text_similarity(flood1, flood2, "en") >
        kb_cluster_text_similarity(flood1, chess, "en"));
  return KBT_DONE();
}
